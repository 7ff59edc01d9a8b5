// Everything an application says, in sections, as the applicant (and later the adviser) reads it.
import Link from "next/link";
import { placeName } from "@/lib/data/norway-places";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { EMPLOYER_TYPE_LABELS, LEADER_ROLE_LABELS } from "@/lib/validation/application";

export interface FactsApplication {
  id: string;
  fullName: string | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  employerCountyCode: string | null;
  employerMunicipalityCode: string | null;
  totalCredits: number;
  educations: readonly { id: string; institution: string | null; degree: string | null; credits: number | null; completedYear: number | null }[];
  positions: readonly {
    id: string;
    employer: string | null;
    employerType: keyof typeof EMPLOYER_TYPE_LABELS | null;
    countyCode: string | null;
    municipalityCode: string | null;
    title: string | null;
    percent: number | null;
    areaOfResponsibility: string | null;
    startDate: string | null;
    endDate: string | null;
    superiorTitle: string | null;
    personnelCount: number | null;
    professionalResponsibility: boolean;
    personnelResponsibility: boolean;
    leaderRole: keyof typeof LEADER_ROLE_LABELS | null;
  }[];
  documents: readonly {
    id: string;
    kind: string;
    originalName: string;
    positionId: string | null;
    uploadedAt: Date;
    /** The adviser's check, when the application has been reviewed. */
    verificationStatus?: "PENDING" | "VERIFIED" | "REJECTED";
    verificationNote?: string | null;
  }[];
}

const missing = <span className="text-amber-900">Ikke fylt ut</span>;
const notUploaded = <span className="text-amber-900">Ikke lastet opp</span>;
const show = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? missing : value);
const place = placeName;

function Section({ title, editHref, children }: { title: string; editHref?: string; children: React.ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2>{title}</h2>
        {editHref ? (
          <Link href={editHref} className="link-target px-1">
            Endre<span className="sr-only"> {title.toLowerCase()}</span>
          </Link>
        ) : null}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[minmax(10rem,max-content)_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium">{label}</dt>
          <dd className="mb-2 break-words sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ApplicationFacts({ application, editable }: { application: FactsApplication; editable: boolean }) {
  const base = `/soker/soknad/${application.id}`;
  const edit = (step: string) => (editable ? `${base}/${step}` : undefined);
  const documentsOf = (kind: string, positionId?: string) =>
    application.documents.filter((document) => document.kind === kind && (!positionId || document.positionId === positionId));
  const documentLinks = (documents: FactsApplication["documents"]) =>
    documents.length === 0 ? (
      notUploaded
    ) : (
      <ul>
        {documents.map((document) => (
          <li key={document.id}>
            <a href={`/api/dokumenter/${document.id}`} className="wrap-anywhere">
              {document.originalName}
            </a>{" "}
            <span className="text-sm text-slate-700">({formatInstantNb(document.uploadedAt)})</span>
            {document.verificationStatus === "VERIFIED" ? <span className="block text-sm text-green-800">Godkjent av studieveilederen.</span> : null}
            {document.verificationStatus === "REJECTED" ? (
              <span className="block text-sm font-medium text-red-800">Avvist av studieveilederen{document.verificationNote ? `: ${document.verificationNote}` : "."}</span>
            ) : null}
            {document.verificationStatus === "PENDING" && document.verificationNote ? (
              <span className="block text-sm">Kommentar fra studieveilederen: {document.verificationNote}</span>
            ) : null}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="space-y-6">
      <Section title="Personopplysninger" editHref={edit("personalia")}>
        <Facts
          rows={[
            ["Navn", show(application.fullName)],
            ["Fødselsdato", application.birthDate ? formatDateNb(application.birthDate) : missing],
            ["Telefon", show(application.phone)],
            ["Adresse", application.address ? `${application.address}, ${application.postalCode ?? ""} ${application.postalPlace ?? ""}` : missing],
          ]}
        />
      </Section>
      <Section title="Arbeidsgiver" editHref={edit("arbeidsgiver")}>
        <Facts rows={[["Arbeidsgiver ligger i", show(place(application.employerCountyCode, application.employerMunicipalityCode))]]} />
      </Section>
      <Section title="Utdanning" editHref={edit("utdanning")}>
        {application.educations.length === 0 ? (
          missing
        ) : (
          <ul className="space-y-1">
            {application.educations.map((education) => (
              <li key={education.id}>
                {show(education.degree)}, {show(education.institution)} ({show(education.credits)} studiepoeng,{" "}
                {show(education.completedYear)})
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 font-medium">Til sammen {application.totalCredits} studiepoeng</p>
        <div className="mt-3">
          <p className="font-medium">Vitnemål</p>
          {documentLinks(documentsOf("VITNEMAL"))}
        </div>
      </Section>
      <Section title="Stillinger" editHref={edit("stillinger")}>
        {application.positions.length === 0 ? missing : null}
        <div className="space-y-5">
          {application.positions.map((position, index) => (
            <div key={position.id}>
              <h3>
                {position.title || `Stilling ${index + 1}`}
                {position.employer ? `, ${position.employer}` : ""}
              </h3>
              <Facts
                rows={[
                  ["Type arbeidsgiver", position.employerType ? EMPLOYER_TYPE_LABELS[position.employerType] : missing],
                  ["Sted", show(place(position.countyCode, position.municipalityCode))],
                  ["Lederrolle", position.leaderRole ? LEADER_ROLE_LABELS[position.leaderRole] : missing],
                  ["Stillingsprosent", position.percent === null ? missing : `${position.percent} %`],
                  ["Ansvarsområde", show(position.areaOfResponsibility)],
                  [
                    "Periode",
                    position.startDate ? `${formatDateNb(position.startDate)} – ${position.endDate ? formatDateNb(position.endDate) : "fortsatt ansatt"}` : missing,
                  ],
                  ["Nærmeste overordnede", show(position.superiorTitle)],
                  ["Personalansvar for", position.personnelCount === null ? missing : `${position.personnelCount} personer`],
                  [
                    "Ansvar",
                    [position.professionalResponsibility ? "fagansvar" : null, position.personnelResponsibility ? "personalansvar" : null]
                      .filter(Boolean)
                      .join(" og ") || "verken fagansvar eller personalansvar",
                  ],
                  ["Tjenestebevis", documentLinks(documentsOf("TJENESTEBEVIS", position.id))],
                ]}
              />
            </div>
          ))}
        </div>
      </Section>
    </div>
  );
}
