import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { APPLICATION_STATUS_LABELS, decisionLabel, VERIFICATION_LABELS } from "@/components/admission/labels";
import { OwnIntakeNotice } from "@/components/admission/own-intake-notice";
import { OwnIntakeReadError } from "@/lib/server/admission/access";
import { CategoryForm, DocumentationRequestForm, QualificationForm } from "@/components/admission/review-forms";
import { VerificationForm } from "@/components/admission/verification-form";
import { UnsavedChangesGuard } from "@/components/application/unsaved-changes";
import { StatusBadge } from "@/components/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { addDays } from "@/lib/domain/dates";
import { osloDate } from "@/lib/domain/application-deadline";
import { PRIORITY_CATEGORY_LABELS, isPriorityCategory } from "@/lib/domain/admission";
import { countyName } from "@/lib/domain/counties";
import { formatCaseReference } from "@/lib/domain/case-reference";
import { appealableLetter, replacedLetters } from "@/lib/domain/decision-letter";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { formatFileSize } from "@/lib/domain/upload";
import { placeName } from "@/lib/data/norway-places";
import { closeDocumentationRequestAction, offerPlaceAction, reviewDocumentAction, reviewPositionAction } from "@/lib/actions/admission";
import { filterParams, getApplicationForReview, parseApplicationFilter, ReopenedApplicationError, type ReviewPage } from "@/lib/server/admission/queries";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { EMPLOYER_TYPE_LABELS, LEADER_ROLE_LABELS } from "@/lib/validation/application";
import { parseRecordId } from "@/lib/validation/ids";
import { DocumentViewLink } from "@/components/ui/document-links";

export const metadata: Metadata = { title: "Vurder søknad" };

type Document = ReviewPage["application"]["documents"][number];

export default async function ReviewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string; applicationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await params;
  const cohortId = parseRecordId(raw.cohortId);
  const applicationId = parseRecordId(raw.applicationId);
  if (!cohortId || !applicationId) notFound();
  const viewer = await requirePageRole(["ADVISER", "ADMIN"], `/veileder/opptak/${cohortId}/soknad/${applicationId}`);
  const filter = parseApplicationFilter(await searchParams);
  let page: ReviewPage;
  try {
    page = await getApplicationForReview(viewer, applicationId, filter);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    // Instead of the application: one reopened by its applicant (not sent again), or one in a kull
    // the adviser has applied to herself, who reads none of its applications (canViewApplication).
    const notice =
      error instanceof ReopenedApplicationError ? (
        <p className="card">
          Søkeren åpnet søknaden for endring {formatInstantNb(error.reopenedAt)}, og den er ikke sendt igjen. Den er ikke med i listene, og du kan
          vurdere den når søkeren har sendt den på nytt (senest innen søknadsfristen).
        </p>
      ) : error instanceof OwnIntakeReadError ? (
        <OwnIntakeNotice />
      ) : null;
    if (notice) {
      return (
        <div className="space-y-6">
          <Link href={`/veileder/opptak/${cohortId}`} className="inline-flex min-h-11 items-center">
            ← Opptaket
          </Link>
          <h1>Søknad</h1>
          {notice}
        </div>
      );
    }
    throw error;
  }
  const { application, summary, queue, offerClosed } = page;
  if (application.cohortId !== cohortId) notFound();
  const base = `/veileder/opptak/${cohortId}`;
  const keep = filterParams(filter);
  const decided = application.decision !== null;
  const replaced = replacedLetters(application.decision?.letters ?? []);
  const locked = decided || application.status === "WITHDRAWN";
  const status = APPLICATION_STATUS_LABELS[application.status]!;
  const documentsOf = (positionId: string | null, kind?: Document["kind"]) =>
    application.documents.filter((document) => (kind ? document.kind === kind : true) && (positionId === null ? true : document.positionId === positionId));
  const provisional = isPriorityCategory(application.provisionalCategory) ? application.provisionalCategory : null;
  // No position checked and no override: the provisional category is the one lists and the
  // ranking use (refreshAssessedCategory), so the headline says so instead of the computed 4.
  const unchecked = application.category === null && provisional !== null && application.positions.every((position) => position.verificationStatus === "PENDING");

  // The checks save as the adviser works; a link clicked while one waits goes once it is stored.
  return (
    <UnsavedChangesGuard>
      <div className="space-y-6">
        <nav aria-label="Køen" className="flex flex-wrap items-center justify-between gap-3">
          <Link href={`${base}${keep}`} className="inline-flex min-h-11 items-center">
            ← Alle søknader
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            {queue.position ? (
              <span>
                Søknad {queue.position} av {queue.total}
              </span>
            ) : null}
            {queue.previous ? (
              <Link className="btn-secondary" href={`${base}/soknad/${queue.previous}${keep}`} rel="prev">
                ← Forrige
              </Link>
            ) : null}
            {queue.next ? (
              <Link className="btn-secondary" href={`${base}/soknad/${queue.next}${keep}`} rel="next">
                Neste →
              </Link>
            ) : null}
          </div>
        </nav>

        <header>
          <h1>{application.fullName ?? application.applicant.name}</h1>
          <p className="mt-2 flex flex-wrap items-center gap-3">
            <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            <span>{application.cohort.programme.name}, {application.cohort.name}</span>
            <span>Sendt {formatInstantNb(application.submittedAt!)}</span>
            {application.decision ? <span>Vedtak: {decisionLabel(application.decision)}</span> : null}
          </p>
          <p className="mt-2 text-slate-700">Vurderingen lagres mens du arbeider. Søkeren ser kommentarene dine på dokumenter og stillinger.</p>
        </header>

        <section className="card" aria-labelledby="person-heading">
          <h2 id="person-heading">Personopplysninger</h2>
          <dl className="mt-3 facts">
            <Fact label="E-post">{application.applicant.email}</Fact>
            <Fact label="Telefon">{application.phone ?? "–"}</Fact>
            <Fact label="Fødselsdato">{application.birthDate ? formatDateNb(application.birthDate) : "–"}</Fact>
            <Fact label="Adresse">{[application.address, [application.postalCode, application.postalPlace].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "–"}</Fact>
            <Fact label="Arbeidsgivers fylke">{application.employerCountyCode ? (countyName(application.employerCountyCode) ?? application.employerCountyCode) : "–"}</Fact>
            {application.motivation ? <Fact label="Fra søkeren">{application.motivation}</Fact> : null}
          </dl>
        </section>

        <section className="card" aria-labelledby="krav-heading">
          <h2 id="krav-heading">Opptakskrav</h2>
          <ul className="mt-3 space-y-3">
            {summary.checks.map((check) => (
              <li key={check.key} className="flex gap-3">
                <span aria-hidden="true" className={`mt-0.5 text-xl ${check.met ? "text-green-800" : "text-red-800"}`}>
                  {check.met ? "✓" : "✗"}
                </span>
                <div>
                  <p className="font-medium">
                    {check.label}: <span className={check.met ? "text-green-800" : "text-red-800"}>{check.met ? "dokumentert" : "ikke dokumentert"}</span>
                  </p>
                  <p className="text-slate-800">{check.facts.join(" ")}</p>
                </div>
              </li>
            ))}
          </ul>
          <div className="mt-5 border-t border-slate-200 pt-4">
            <QualificationForm
              applicationId={application.id}
              qualified={application.qualified}
              grounds={application.qualificationGrounds}
              suggested={summary.checks.every((check) => check.met)}
              disabled={locked}
            />
            {application.qualifiedBy && application.qualifiedAt ? (
              <p className="mt-2 text-sm text-slate-700">
                Sist vurdert av {application.qualifiedBy.name}, {formatInstantNb(application.qualifiedAt)}.
              </p>
            ) : null}
          </div>
        </section>

        <section className="card" aria-labelledby="utdanning-heading">
          <h2 id="utdanning-heading">Utdanning og vitnemål</h2>
          <ul className="mt-3 list-disc pl-5">
            {application.educations.map((education) => (
              <li key={education.id}>
                {[education.degree, education.institution].filter(Boolean).join(", ")}: {education.credits ?? "?"} studiepoeng
                {education.completedYear ? `, fullført ${education.completedYear}` : ""}
              </li>
            ))}
          </ul>
          <DocumentReviews applicationId={application.id} documents={documentsOf(null, "VITNEMAL")} empty="Søkeren har ikke lastet opp vitnemål." locked={locked} />
        </section>

        <section className="card" aria-labelledby="stillinger-heading">
          <h2 id="stillinger-heading">Stillinger og tjenestebevis</h2>
          <p className="mt-1 text-slate-700">Bare stillinger du har kontrollert mot tjenestebeviset, teller for kategorien.</p>
          <ol className="mt-4 space-y-6">
            {application.positions.map((position, index) => {
              const verification = VERIFICATION_LABELS[position.verificationStatus];
              return (
                <li key={position.id} className="rounded-md border border-slate-300 p-4">
                  <h3 className="flex flex-wrap items-center gap-3">
                    <span>
                      Stilling {index + 1}: {position.title ?? "uten tittel"}, {position.employer ?? "ukjent arbeidsgiver"}
                    </span>
                    <StatusBadge tone={verification.tone}>{verification.label}</StatusBadge>
                  </h3>
                  <dl className="mt-3 facts">
                    <Fact label="Type arbeidsgiver">{position.employerType ? EMPLOYER_TYPE_LABELS[position.employerType] : "–"}</Fact>
                    <Fact label="Lederrolle">{position.leaderRole ? LEADER_ROLE_LABELS[position.leaderRole] : "–"}</Fact>
                    <Fact label="Stillingsprosent">{position.percent != null ? `${position.percent} %` : "–"}</Fact>
                    <Fact label="Ansvarsområde">{position.areaOfResponsibility ?? "–"}</Fact>
                    <Fact label="Periode">
                      {position.startDate ? formatDateNb(position.startDate) : "?"} – {position.endDate ? formatDateNb(position.endDate) : "fortsatt ansatt"}
                    </Fact>
                    <Fact label="Nærmeste overordnede">{position.superiorTitle ?? "–"}</Fact>
                    <Fact label="Fagansvar">{position.professionalResponsibility ? "Ja" : "Nei"}</Fact>
                    <Fact label="Personalansvar">
                      {position.personnelResponsibility ? "Ja" : "Nei"}, for {position.personnelCount ?? "?"} personer
                    </Fact>
                    <Fact label="Sted">{placeName(position.countyCode, position.municipalityCode) ?? "–"}</Fact>
                  </dl>
                  <h4 className="mt-4 font-semibold">Tjenestebevis</h4>
                  <DocumentReviews applicationId={application.id} documents={documentsOf(position.id, "TJENESTEBEVIS")} empty="Ingen tjenestebevis for denne stillingen." locked={locked} />
                  <div className="mt-4 border-t border-slate-200 pt-3">
                    {locked ? null : (
                      <VerificationForm
                        action={reviewPositionAction}
                        hidden={{ applicationId: application.id, positionId: position.id }}
                        legend={`Stemmer stillingen med tjenestebeviset?`}
                        approveLabel="Kontrollert"
                        status={position.verificationStatus}
                        note={position.verificationNote}
                      />
                    )}
                    {position.verifiedBy && position.verifiedAt ? (
                      <p className="mt-1 text-sm text-slate-700">
                        Kontrollert av {position.verifiedBy.name}, {formatInstantNb(position.verifiedAt)}.
                      </p>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>

        {documentsOf(null, "OTHER").length > 0 ? (
          <section className="card" aria-labelledby="andre-heading">
            <h2 id="andre-heading">Andre dokumenter</h2>
            <DocumentReviews applicationId={application.id} documents={documentsOf(null, "OTHER")} empty="" locked={locked} />
          </section>
        ) : null}

        <section className="card" aria-labelledby="kategori-heading">
          <h2 id="kategori-heading">
            Prioritetskategori: {unchecked ? provisional : summary.effective.category}
            {unchecked ? " (søkerens foreløpige)" : summary.effective.overridden ? " (satt av studieveileder)" : ""}
          </h2>
          <p className="mt-1 font-medium">{PRIORITY_CATEGORY_LABELS[unchecked ? provisional! : summary.effective.category]}</p>
          {unchecked ? (
            <p className="mt-2">Ingen stillinger er kontrollert ennå, så listene og rangeringen bruker kategorien søkeren fikk ved innsending.</p>
          ) : null}
          <h3 className="mt-4 text-base">Beregnet ut fra kontrollerte stillinger per søknadsfristen: kategori {summary.computed.category}</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {summary.adviserReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          {provisional ? <p className="mt-2 text-sm text-slate-700">Søkerens foreløpige kategori ved innsending: {provisional}.</p> : null}
          {application.category !== null && application.categorySetBy ? (
            <p className="mt-2">
              Overstyrt til {application.category} av {application.categorySetBy.name}
              {application.categorySetAt ? `, ${formatInstantNb(application.categorySetAt)}` : ""}: «{application.categoryReason}»
            </p>
          ) : null}
          <div className="mt-4 border-t border-slate-200 pt-4">
            <CategoryForm
              applicationId={application.id}
              computed={summary.computed.category}
              fallback={unchecked ? `Ingen overstyring: søkerens foreløpige (${provisional}) til en stilling er kontrollert` : undefined}
              override={application.category}
              reason={application.categoryReason}
              disabled={locked}
            />
          </div>
        </section>

        <section className="card" aria-labelledby="mangel-heading">
          <h2 id="mangel-heading">Be om dokumentasjon</h2>
          {application.documentationRequests.length > 0 ? (
            <ul className="mt-3 space-y-3">
              {application.documentationRequests.map((request) => (
                <li key={request.id} className="rounded-md border border-slate-300 p-3">
                  <p className="whitespace-pre-line">{request.message}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    Sendt {formatInstantNb(request.createdAt)} av {request.createdBy.name}. Frist {formatDateNb(request.dueDate)}.
                    {request.closedAt ? ` Lukket ${formatInstantNb(request.closedAt)}.` : " Åpen."}
                  </p>
                  {request.closedAt ? null : (
                    <div className="mt-2">
                      <ActionButton action={closeDocumentationRequestAction} hidden={{ applicationId: application.id, requestId: request.id }} className="btn-secondary min-h-10 px-3 py-1 text-sm">
                        Lukk forespørselen
                      </ActionButton>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-slate-700">Ingen forespørsler er sendt.</p>
          )}
          {locked ? null : (
            <div className="mt-4">
              <DocumentationRequestForm applicationId={application.id} minDate={addDays(osloDate(new Date()), 1)} />
            </div>
          )}
        </section>

        <section className="card" aria-labelledby="vedtak-heading">
          <h2 id="vedtak-heading">Vedtak</h2>
          {application.decision ? (
            <>
              <p className="mt-2">{decisionLabel(application.decision)}.</p>
              <p className="mt-1">
                Saksnummer: <span className="font-medium">{formatCaseReference({ year: application.decision.caseYear, number: application.decision.caseNumber })}</span>
              </p>
              <ul className="mt-3 space-y-1">
                {application.decision.letters.map((letter) => (
                  <li key={letter.id}>
                    <a href={`/api/vedtak/${letter.id}`}>
                      Brev {letter.version}: {letter.subject} (PDF)
                    </a>{" "}
                    <span className="text-sm text-slate-700">
                      {formatDateNb(letter.madeAvailableOn.toISOString().slice(0, 10))}
                      {letter.klageDeadline ? `, klagefrist ${formatDateNb(letter.klageDeadline.toISOString().slice(0, 10))}` : ""}
                      {replaced.has(letter.id) ? `, erstattet av brev ${replaced.get(letter.id)!.version}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
              {application.appeals.length > 0 ? (
                <p className="mt-3">
                  <Link href="/veileder/opptak/klager">Søkeren har klaget ({application.appeals.length}). Se klagene.</Link>
                </p>
              ) : null}
              {application.status !== "WITHDRAWN" && appealableLetter(application.decision) ? (
                <p className="mt-3">
                  <Link href={`${base}/soknad/${application.id}/klage`}>Registrer klage fra e-post eller brev</Link>
                </p>
              ) : null}
            </>
          ) : (
            <p className="mt-2 text-slate-700">Ingen vedtak ennå. Vedtak sendes samlet fra Vedtak-siden etter rangeringen.</p>
          )}
          {application.qualified === true && application.status !== "WITHDRAWN" && (!application.decision || application.decision.outcome === "WAITLIST") ? (
            <div className="mt-4 border-t border-slate-200 pt-4">
              {offerClosed ? (
                <p className="text-slate-700">{offerClosed}</p>
              ) : (
                <>
                  <p className="mb-2 text-slate-700">Du kan gi søkeren tilbud om en ledig plass nå, utenom rangeringen. Søkeren får brev og e-post.</p>
                  <ActionButton action={offerPlaceAction} hidden={{ applicationId: application.id }} className="btn-secondary" pendingText="Gir tilbud …">
                    Gi tilbud om studieplass
                  </ActionButton>
                </>
              )}
            </div>
          ) : null}
        </section>
      </div>
    </UnsavedChangesGuard>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function DocumentReviews({ applicationId, documents, empty, locked }: { applicationId: string; documents: Document[]; empty: string; locked: boolean }) {
  if (documents.length === 0) return empty ? <p className="mt-3 text-slate-700">{empty}</p> : null;
  return (
    <ul className="mt-3 space-y-4">
      {documents.map((document) => {
        const verification = VERIFICATION_LABELS[document.verificationStatus];
        return (
          <li key={document.id} className="rounded-md bg-slate-50 p-3">
            <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-medium">{document.originalName}</span>
              <span className="text-sm text-slate-700">
                PDF, {formatFileSize(document.size)}, lastet opp {formatInstantNb(document.uploadedAt)}
              </span>
              <StatusBadge tone={verification.tone}>{verification.label}</StatusBadge>
            </p>
            <p className="mt-1 flex flex-wrap gap-4">
              <DocumentViewLink document={document} className="inline-flex min-h-11 items-center">
                Vis i nettleseren<span className="sr-only">: {document.originalName}</span>
              </DocumentViewLink>
              <a href={`/api/dokumenter/${document.id}`} className="inline-flex min-h-11 items-center">
                Last ned<span className="sr-only"> {document.originalName}</span>
              </a>
            </p>
            {locked ? null : (
              <VerificationForm
                action={reviewDocumentAction}
                hidden={{ applicationId, documentId: document.id }}
                legend={`Kontroll av ${document.originalName}`}
                status={document.verificationStatus}
                note={document.verificationNote}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
