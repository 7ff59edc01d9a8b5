import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AssessForm } from "@/components/cohort/assess-form";
import { CorrectAssessmentForm } from "@/components/cohort/correct-assessment-form";
import { CorrectionNoticePanel } from "@/components/cohort/correction-notice-panel";
import { arbeidskravStatus, StatusBadge } from "@/components/status-badge";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { APPEALS_BODY_TOLD } from "@/lib/domain/klage";
import { getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { found, idOr404, loadCohortPage } from "../../load";
import { DoneMessage } from "@/components/ui/done-message";
import { onlyAcademicLead } from "@/lib/domain/contacts";
import { DocumentViewLink } from "@/components/ui/document-links";

export const metadata: Metadata = { title: "Vurdering av arbeidskrav" };

// «Rettet» alone: the line goes on «… av <name>» (a walk read «Rettet av fagansvarlig … av Hanne …»).
const CHANGE_CAUSE = { CORRECTION: "Rettet", KLAGE: "Klage tatt til følge" } as const;
const STATUS_NB = { SUBMITTED: "venter", APPROVED: "godkjent", NOT_APPROVED: "ikke godkjent" } as const;

const ATTEMPT_STATUS = {
  SUBMITTED: { label: "Venter på vurdering", tone: "wait" },
  APPROVED: { label: "Godkjent", tone: "good" },
  NOT_APPROVED: { label: "Ikke godkjent", tone: "bad" },
} as const;

/**
 * What a step on a forhåndsvarsel (or a correction) just did, from the address its action sent the
 * browser to (its form is gone); one student is «studenten».
 */
function noticeDone(varsel: string, members: number): string | null {
  const one = members === 1;
  const messages: Record<string, string> = {
    sendt: `Forhåndsvarselet er sendt. ${one ? "Studenten" : "Hver student"} har fått brev med begrunnelsen og fristen for å uttale seg; arbeidskravet står som godkjent til du har avgjort saken.`,
    rettet: `Vurderingen er rettet til ikke godkjent. ${one ? "Studenten" : "Hver student"} har fått vedtak med klagefrist, og rettingen er logget.`,
    trukket: `Forhåndsvarselet er trukket tilbake. Arbeidskravet er fortsatt godkjent, og ${one ? "studenten" : "studentene"} har fått brev om det.`,
    "rettet-klagenemnd": `Vurderingen er rettet til godkjent, ${one ? "studenten" : "studentene"} har fått beskjed, og rettingen er logget med begrunnelsen. ${APPEALS_BODY_TOLD}`,
  };
  return Object.hasOwn(messages, varsel) ? messages[varsel]! : null;
}

export default async function SubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ cohortId: string; submissionId: string }>;
  searchParams: Promise<{ varsel?: string }>;
}) {
  const { submissionId } = await params;
  const varsel = (await searchParams).varsel;
  const { viewer, cohort } = await loadCohortPage(params, `/arbeidskrav/${submissionId}`);
  const submission = await found(getSubmissionForAssessment(viewer, cohort.id, idOr404(submissionId)));
  const done = typeof varsel === "string" ? noticeDone(varsel, submission.members.length) : null;
  const latest = submission.attempts[0];
  const group = submission.members.length > 1;
  const unconfirmed = submission.members.filter((member) => !member.confirmed);
  /** Each student's klage on her «ikke godkjent» (a decision only on the last attempt). */
  const klager = submission.members.flatMap((member) => (member.klage ? [{ ...member, klage: member.klage }] : []));
  // «kan leveres på nytt» only while another hand-in is allowed (a walk: it said so after the last one).
  const status = arbeidskravStatus(submission.status, { rejectionDecision: submission.latestIsFinal, finalRejection: submission.latestIsLastOfOptional });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/kull/${cohort.id}/arbeidskrav`}>← Alle arbeidskrav</Link>
      </p>
      <PageHeader
        title={`${submission.arbeidskrav.title}: ${submission.members.map((m) => m.name).join(", ")}`}
        lead={`${submission.arbeidskrav.kindLabel} · frist ${formatDateNb(submission.arbeidskrav.dueDate)}${submission.arbeidskrav.oralPresentation ? " · legges fram muntlig" : ""}`}
      />
      {done ? (
        <DoneMessage>
          {done}
        </DoneMessage>
      ) : null}
      <div className="space-y-6">
        <section className="card space-y-3" aria-labelledby="om-heading">
          <h2 id="om-heading">{group ? `Gruppe på ${submission.members.length}` : "Levert av"}</h2>
          <ul className="space-y-1">
            {submission.members.map((member) => (
              <li key={member.enrolmentId}>
                <span className="font-medium">{member.name}</span>{" "}
                <span className="text-slate-700">
                  · {member.email}
                  {member.basisgruppe ? ` · ${member.basisgruppe}` : ""}
                </span>
                {!member.confirmed ? (
                  <span className="ml-2">
                    <StatusBadge tone="wait">Ikke bekreftet</StatusBadge>
                  </span>
                ) : null}
                {member.movedTo ? (
                  <p className="text-sm text-slate-700">
                    Overført til {member.movedTo}. Blir innleveringen godkjent her, teller den også der, om {member.name} ikke har levert det samme arbeidskravet der selv.
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            Status: <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            {group ? <span className="ml-2 text-sm text-slate-700">Vurderingen gjelder alle i gruppen som har bekreftet at de er med.</span> : null}
          </p>
          {unconfirmed.length > 0 && latest?.status === "SUBMITTED" ? (
            <p className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
              {unconfirmed.map((member) => member.name).join(", ")} har ikke bekreftet at de er med i gruppen. Vurderer du nå,
              tas de ut av gruppen og må levere selv (de får e-post om det).
            </p>
          ) : null}
          {submission.arbeidskrav.description ? <p className="text-slate-700">{submission.arbeidskrav.description}</p> : null}
        </section>

        {latest ? (
          <section className="card" aria-labelledby="vurder-heading">
            <h2 id="vurder-heading">
              {latest.status === "SUBMITTED" && !submission.own ? `Vurder ${latest.attempt > 1 ? `${latest.attempt}. innlevering` : "innleveringen"}` : "Vurdering"}
            </h2>
            <div className="mt-4 space-y-3">
              {submission.own ? (
                <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900">
                  Dette er din egen innlevering: du kan ikke vurdere eller rette den (forvaltningsloven § 6). En kollega gjør det.
                </p>
              ) : (
                <AssessForm
                  cohortId={cohort.id}
                  attemptId={latest.id}
                  members={submission.members.length}
                  assessed={latest.status !== "SUBMITTED"}
                  last={submission.latestIsFinal ? "DECISION" : submission.latestIsLastOfOptional ? "OPTIONAL" : null}
                />
              )}
              {latest.status === "SUBMITTED" && submission.latestIsFinal && !submission.own ? (
                <p className="text-sm">
                  Dette er siste innlevering studieplanen gir ({latest.attempt} av {submission.arbeidskrav.maxAttempts}). «Ikke godkjent» er da et vedtak (enkeltvedtak):{" "}
                  {group ? "hver student" : "studenten"} får brev med tilbakemeldingen som begrunnelse, hjemmelen og klagefristen.
                </p>
              ) : null}
              {latest.status === "SUBMITTED" && submission.latestIsLastOfOptional && !submission.own ? (
                <p className="text-sm">
                  Dette er siste innlevering studieplanen gir ({latest.attempt} av {submission.arbeidskrav.maxAttempts}). Arbeidskravet er valgfritt og teller ikke med i kravene for eksamen, så «ikke
                  godkjent» er ikke et vedtak: studentene får tilbakemeldingen på e-post.
                </p>
              ) : null}
              {latest.status !== "SUBMITTED" ? (
                <p>
                  Siste innlevering er vurdert: <StatusBadge tone={ATTEMPT_STATUS[latest.status].tone}>{ATTEMPT_STATUS[latest.status].label}</StatusBadge>
                  {latest.status === "NOT_APPROVED"
                    ? submission.latestIsFinal
                      ? ` Det var siste innlevering, og ${group ? "studentene" : "studenten"} har fått vedtak med klagefrist.`
                      : submission.latestIsLastOfOptional
                        ? " Det var siste innlevering. Arbeidskravet er valgfritt, så vurderingen endrer ikke retten til å gå opp til eksamen."
                        : " Studentene kan levere på nytt."
                    : ""}
                </p>
              ) : null}
              {klager.length > 0 ? (
                <div className="border-t border-slate-200 pt-3">
                  <h3 className="text-base">Klage på vedtaket</h3>
                  {group ? (
                    <ul className="mt-1 space-y-1">
                      {klager.map((member) => (
                        <li key={member.enrolmentId}>
                          <span className="font-medium">{member.name}:</span> {member.klage}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1">{klager[0]!.klage}</p>
                  )}
                  {klager.some((member) => member.klageFiled) ? (
                    <p className="mt-1">
                      <Link href={`/kull/${cohort.id}/klager`}>Gå til Klager</Link>
                    </p>
                  ) : null}
                </div>
              ) : null}
              {submission.notices.map((notice) => (
                <CorrectionNoticePanel key={notice.id} cohortId={cohort.id} notice={notice} canDecide={submission.academicLead && !submission.own} />
              ))}
              {latest.status !== "SUBMITTED" ? (
                <div className="border-t border-slate-200 pt-3">
                  <h3 className="text-base">Rett vurderingen</h3>
                  {submission.canCorrect && !submission.own ? (
                    <div className="mt-2">
                      <CorrectAssessmentForm
                        cohortId={cohort.id}
                        attemptId={latest.id}
                        current={latest.status}
                        final={submission.latestIsFinal}
                        needsNotice={submission.correctionNeedsNotice}
                        members={submission.members.length}
                        afterWithdrawal={submission.notices.some((notice) => notice.status === "WITHDRAWN")}
                      />
                    </div>
                  ) : (
                    <p className="mt-1 text-sm text-slate-700">
                      {submission.own
                        ? "Dette er din egen innlevering: en kollega retter vurderingen."
                        : submission.openKlager > 0
                          ? "Det er en klage under behandling på vurderingen; den avgjøres under Klager."
                          : submission.appealsBodyBar
                            ? submission.appealsBodyBar
                            : submission.notices.some((notice) => notice.status === "PENDING")
                              ? submission.academicLead
                                ? "Studentene har fått forhåndsvarsel om rettingen: gjennomfør den eller trekk varselet tilbake i varselet ovenfor."
                                : "Studentene har fått forhåndsvarsel om rettingen. Fagansvarlig gjennomfører den eller trekker varselet tilbake."
                              : onlyAcademicLead(submission.academicLeadName, "rette en vurdering, med en skriftlig begrunnelse")}
                    </p>
                  )}
                </div>
              ) : null}
            </div>
          </section>
        ) : null}

        <section className="card" aria-labelledby="historikk-heading">
          <h2 id="historikk-heading">Innleveringer ({submission.attempts.length})</h2>
          <ol className="mt-4 space-y-6">
            {submission.attempts.map((attempt) => {
              const attemptStatus = ATTEMPT_STATUS[attempt.status];
              return (
                <li key={attempt.id} className="border-l-4 border-slate-300 pl-4">
                  <h3 className="text-base">
                    {attempt.attempt}. innlevering, {formatInstantNb(attempt.submittedAt)}
                  </h3>
                  <p className="text-sm text-slate-700">
                    Levert av {attempt.submittedBy.name}
                    {attempt.late ? <span className="font-medium text-red-800"> · etter fristen</span> : null}
                  </p>
                  {attempt.documents.length > 0 ? (
                    <ul className="mt-2 space-y-1">
                      {attempt.documents.map((document) => (
                        <li key={document.id} className="flex flex-wrap gap-x-4">
                          <DocumentViewLink document={document}>Åpne {document.originalName}</DocumentViewLink>
                          <a href={`/api/dokumenter/${document.id}`}>
                            Last ned<span className="sr-only"> {document.originalName}</span>
                          </a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {attempt.text ? (
                    <blockquote className="mt-2 whitespace-pre-line rounded-md bg-slate-50 p-3">{attempt.text}</blockquote>
                  ) : null}
                  <p className="mt-2">
                    <StatusBadge tone={attemptStatus.tone}>{attemptStatus.label}</StatusBadge>
                    {attempt.assessedAt ? (
                      // Corrected since: who assessed it first; the time on the attempt is the
                      // correction's, said in the change below.
                      <span className="ml-2 text-sm text-slate-700">
                        {attempt.changes.length > 0
                          ? attempt.assessor
                            ? `Vurdert av ${attempt.assessor.name}`
                            : ""
                          : `${attempt.assessor ? `${attempt.assessor.name}, ` : ""}${formatInstantNb(attempt.assessedAt)}`}
                      </span>
                    ) : null}
                  </p>
                  {attempt.feedback ? (
                    <p className="mt-1">
                      <span className="font-medium">{attempt.changes.length > 0 ? "Tilbakemelding ved vurderingen, før den ble rettet:" : "Tilbakemelding:"}</span> {attempt.feedback}
                    </p>
                  ) : null}
                  {attempt.changes.length > 0 ? (
                    <ul className="mt-2 space-y-1 text-sm">
                      {attempt.changes.map((change) => (
                        <li key={change.id}>
                          <span className="font-medium">{CHANGE_CAUSE[change.cause]}</span> {formatInstantNb(change.changedAt)} av {change.changedBy.name}:{" "}
                          {STATUS_NB[change.fromStatus]} → {STATUS_NB[change.toStatus]}. {change.reason}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>
      </div>
    </>
  );
}
