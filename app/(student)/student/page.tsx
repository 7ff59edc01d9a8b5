import { Phone } from "@/components/ui/phone";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { arbeidskravStatus, StatusBadge, studentEligibilityStatus } from "@/components/status-badge";
import { AttendanceBar } from "@/components/student/attendance-bar";
import { NextSteps } from "@/components/student/next-steps";
import { eligibilityHeadline, eligibilityOutlook } from "@/lib/domain/eligibility";
import { GRADE_DESCRIPTIONS } from "@/lib/domain/exam";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import { formatDateSpanNb, formatWeeksNb } from "@/lib/domain/schedule";
import type { StudentOverview } from "@/lib/server/students/overview";
import { missingForFs } from "@/lib/domain/student-identity";
import { getStudentIdentity } from "@/lib/server/enrolments/identity";
import { loadStudent } from "./load";

export const metadata: Metadata = { title: "Mine studier" };

export default async function StudentHome() {
  const { viewer, enrolments } = await loadStudent("/student");
  const missing = missingForFs(await getStudentIdentity(viewer, viewer.id));
  if (enrolments.length === 0) {
    return (
      <>
        <PageHeader title="Mine studier" />
        <p className="card">
          Du er ikke registrert i noe kull nå. <Link href="/student/studieforlop">Se studieforløpet ditt</Link> og brevene om det.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Mine studier" lead={`Hei, ${viewer.name}. Her ser du om du kan gå opp til eksamen, og hva du bør gjøre nå.`} />
      {missing.length > 0 ? (
        <p className="mb-6 rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
          Vi mangler {missing.join(" og ")}, som eksamensresultatet ditt registreres med i FS.{" "}
          <Link href="/student/studieforlop#identitet">Fyll det inn under Studieforløp</Link>.
        </p>
      ) : null}
      <div className="space-y-10">
        {enrolments.map((enrolment, index) => (
          // The next steps link to #eksamen and #kontakter: those anchors belong to the newest cohort.
          <Enrolment key={enrolment.enrolmentId} enrolment={enrolment} anchors={index === 0} />
        ))}
      </div>
    </>
  );
}

function Enrolment({ enrolment, anchors }: { enrolment: StudentOverview; anchors: boolean }) {
  const { eligibility, attendance } = enrolment;
  const id = enrolment.enrolmentId;
  // A required arbeidskrav finally not approved: not «underveis» (eligibilityOutlook), named in the headline.
  const finalIds = new Set(eligibility.arbeidskrav.missing.filter((item) => item.final).map((item) => item.id));
  const finalRejections = enrolment.arbeidskrav.filter((item) => finalIds.has(item.id)).map((item) => ({ title: item.title, klage: item.klage }));
  const refusal = enrolment.exam?.refused ? { klage: enrolment.exam.refusalKlage } : null;
  const status = studentEligibilityStatus(eligibility, refusal !== null);
  const approved = eligibility.arbeidskrav;
  return (
    <article aria-labelledby={`kull-${id}`} className="space-y-6">
      <h2 id={`kull-${id}`} className="text-2xl">
        {enrolment.cohort.programme} – {enrolment.cohort.name}
      </h2>
      {enrolment.leave ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-900">
          {enrolment.status === "ON_LEAVE" ? "Du har permisjon" : "Du har fått permisjon"} fra {formatDateNb(enrolment.leave.from)} til og med {formatDateNb(enrolment.leave.to)}.
          Samlingsdagene i permisjonstiden er ikke fravær, men heller ikke oppmøte: kravet om oppmøte gjelder alle samlingsdagene i kullet. Du blir ikke
          meldt opp til eksamen mens du har permisjon. Gi beskjed til studieveilederen når du er
          tilbake. <Link href={enrolment.leave.letterId ? `/student/brev/${enrolment.leave.letterId}` : "/student/brev"}>Les brevet om permisjonen</Link>.
        </p>
      ) : null}
      {enrolment.earlier.length > 0 ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-900">
          Du er overført fra {enrolment.earlier.map((old) => old.cohortName).join(" og ")}. {enrolment.creditedArbeidskrav} arbeidskrav og {enrolment.creditedDays}{" "}
          samlingsdager er godkjent derfra. <Link href="/student/studieforlop">Se hele studieforløpet</Link>.
        </p>
      ) : null}

      <section className="card" aria-labelledby={`eksamensrett-${id}`}>
        <h3 id={`eksamensrett-${id}`}>Rett til å gå opp til eksamen</h3>
        <p className="mt-2">
          <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
        </p>
        <p className="mt-3 text-lg">{eligibilityHeadline(eligibility, finalRejections, refusal)}</p>
        {enrolment.standingChange ? (
          <p className="mt-3 rounded-md border border-slate-400 bg-slate-50 p-3 text-slate-900">{enrolment.standingChange}</p>
        ) : null}
        <h4 className="mt-5 font-semibold">Dette bør du gjøre nå</h4>
        <NextSteps steps={enrolment.nextSteps} />
      </section>

      <section className="card" aria-labelledby={`oppmote-${id}`}>
        <h3 id={`oppmote-${id}`}>Oppmøte</h3>
        <p className="mt-2">
          {attendance.soFar} {attendance.rule}
        </p>
        <p className="mt-1 font-medium">{attendance.outlook}</p>
        <AttendanceBar attendance={eligibility.attendance} />
        <p className="mt-4">
          {/* Only an active student sends absence notices (a walk: Petra, on leave, was sent to a form that was not there). */}
          <Link href="/student/oppmote">{enrolment.status === "ACTIVE" ? "Se alle samlingsdagene og meld fravær" : "Se alle samlingsdagene"}</Link>
        </p>
      </section>

      <section className="card" aria-labelledby={`arbeidskrav-${id}`}>
        <h3 id={`arbeidskrav-${id}`}>Arbeidskrav</h3>
        <p className="mt-2">
          {approved.approved} av {approved.required} godkjent.
        </p>
        <ul className="mt-3 divide-y divide-slate-200">
          {enrolment.arbeidskrav.map((item) => {
            const itemStatus = arbeidskravStatus(item.status, item);
            return (
              <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/student/arbeidskrav/${item.id}`} className="font-medium">
                    {item.title}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {item.status === "NOT_APPROVED" && !item.finalRejection ? `Ny frist ${formatDateNb(item.deadline)}` : `Frist ${formatDateNb(item.dueDate)}`}
                    {item.required ? "" : " · valgfritt, teller ikke for eksamen"}
                  </p>
                </div>
                <StatusBadge tone={itemStatus.tone}>{itemStatus.label}</StatusBadge>
              </li>
            );
          })}
        </ul>
      </section>

      <ExamCard enrolment={enrolment} anchor={anchors ? "eksamen" : undefined} />
      <ContactsCard enrolment={enrolment} anchor={anchors ? "kontakter" : undefined} />
    </article>
  );
}

function ExamCard({ enrolment, anchor }: { enrolment: StudentOverview; anchor?: string }) {
  const { exam, eligibility } = enrolment;
  if (!exam) return null;
  const days = [exam.startsOn, exam.endsOn];
  const registration = exam.registered
    ? "Du er meldt opp til eksamen."
    : exam.refused
      ? (
          <>
            Du har fått vedtak om at du ikke får gå opp til eksamen.{" "}
            {exam.refusalKlage === "RECEIVED"
              ? "Klagen din på vedtaket er under behandling. "
              : exam.refusalKlage === "AT_APPEALS_BODY"
                ? "Klagen din på vedtaket er hos klagenemnda. "
                : exam.refusalKlage === "FINAL"
                  ? "Klagenemnda har stadfestet vedtaket. "
                  : null}
            <Link href="/student/brev">{exam.refusalKlage ? "Les vedtaket under Brev" : "Les vedtaket og klag på det under Brev"}</Link>.
          </>
        )
      : exam.withdrawn
      ? "Oppmeldingen din er trukket. Ta kontakt med studieveilederen hvis det er feil."
      : eligibility.status === "ELIGIBLE"
        ? "Du har rett til å gå opp. Faglærer melder deg opp, og du ser det her når det er gjort."
        : eligibility.status === "NOT_ELIGIBLE"
          ? "Du kan ikke meldes opp til eksamen med dette kullet."
          : eligibilityOutlook(eligibility) === "SHORT_BY_DECISION"
            ? "Du kan bare meldes opp hvis vedtaket om arbeidskravet som ikke er godkjent, endres, for eksempel etter en klage."
            : "Du blir meldt opp når kravene er oppfylt.";
  return (
    <section className="card" aria-labelledby={`eksamen-${enrolment.enrolmentId}`} id={anchor}>
      <h3 id={`eksamen-${enrolment.enrolmentId}`}>Eksamen</h3>
      <dl className="mt-3 facts">
        <dt className="font-medium">Form</dt>
        <dd>{exam.title}</dd>
        <dt className="font-medium">Dager</dt>
        <dd>
          {formatDateSpanNb(days)} ({formatWeeksNb(days)})
        </dd>
        <dt className="font-medium">Tid</dt>
        <dd>
          {formatExamMomentNb(exam.startsAt)} – {formatExamMomentNb(exam.handInAt)} (norsk tid)
        </dd>
        <dt className="font-medium">Oppmelding</dt>
        <dd>{registration}</dd>
        {exam.registered || exam.publishedGrade ? (
          <>
            <dt className="font-medium">Karakter</dt>
            <dd>
              {exam.publishedGrade ? (
                <>
                  <strong className="text-xl">{exam.publishedGrade}</strong> ({GRADE_DESCRIPTIONS[exam.publishedGrade]})
                </>
              ) : (
                "Ikke publisert"
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="mt-3">
        <Link href="/student/eksamen">Alle eksamener, resultater og søknad om utsatt eksamen</Link>
      </p>
    </section>
  );
}

function ContactsCard({ enrolment, anchor }: { enrolment: StudentOverview; anchor?: string }) {
  const { basisgruppe, contacts } = enrolment;
  const id = enrolment.enrolmentId;
  return (
    <section className="card" aria-labelledby={`kontakter-${id}`} id={anchor}>
      <h3 id={`kontakter-${id}`}>Basisgruppe og kontakter</h3>
      <div className="mt-3 grid gap-6 md:grid-cols-2">
        {basisgruppe ? (
          <div>
            <h4 className="font-semibold">{basisgruppe.name}</h4>
            {basisgruppe.supervisor ? (
              <p className="mt-1">
                Prosessveileder: {basisgruppe.supervisor.name}
                <br />
                <a href={`mailto:${basisgruppe.supervisor.email}`}>{basisgruppe.supervisor.email}</a>
                {basisgruppe.supervisor.phone ? <> · <Phone number={basisgruppe.supervisor.phone} /></> : null}
              </p>
            ) : (
              <p className="mt-1">Gruppen har ingen prosessveileder ennå.</p>
            )}
            <p className="mt-3 text-sm font-medium">Medlemmer ({basisgruppe.members.length})</p>
            <ul className="mt-1 text-sm">
              {basisgruppe.members.map((member, index) => (
                <li key={index}>
                  {member.name}
                  {member.isViewer ? " (deg)" : ""}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>Du er ikke med i noen basisgruppe ennå.</p>
        )}
        <div className="space-y-4">
          {(
            [
              ["Studieveileder", contacts.adviser],
              ["Fagansvarlig", contacts.academicLead],
            ] as const
          ).map(([role, person]) => (
            <div key={role}>
              <h4 className="font-semibold">{role}</h4>
              <p className="mt-1">
                {person.name}
                <br />
                <a href={`mailto:${person.email}`}>{person.email}</a>
                {person.phone ? <> · <Phone number={person.phone} /></> : null}
              </p>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
