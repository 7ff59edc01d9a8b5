import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/area-nav";
import { AssessForm } from "@/components/cohort/assess-form";
import { ARBEIDSKRAV_STATUS, StatusBadge } from "@/components/status-badge";
import { formatDateNb, formatInstantNb } from "@/lib/domain/format";
import { getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { found, idOr404, loadCohortPage } from "../../load";

export const metadata: Metadata = { title: "Vurdering av arbeidskrav" };

const ATTEMPT_STATUS = {
  SUBMITTED: { label: "Venter på vurdering", tone: "wait" },
  APPROVED: { label: "Godkjent", tone: "good" },
  NOT_APPROVED: { label: "Ikke godkjent", tone: "bad" },
} as const;

export default async function SubmissionPage({ params }: { params: Promise<{ cohortId: string; submissionId: string }> }) {
  const { submissionId } = await params;
  const { viewer, cohort } = await loadCohortPage(params, `/arbeidskrav/${submissionId}`);
  const submission = await found(getSubmissionForAssessment(viewer, cohort.id, idOr404(submissionId)));
  const latest = submission.attempts[0];
  const group = submission.members.length > 1;
  const status = ARBEIDSKRAV_STATUS[submission.status]!;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/kull/${cohort.id}/arbeidskrav`}>← Alle arbeidskrav</Link>
      </p>
      <PageHeader
        title={`${submission.arbeidskrav.title}: ${submission.members.map((m) => m.name).join(", ")}`}
        lead={`${submission.arbeidskrav.kindLabel} · frist ${formatDateNb(submission.arbeidskrav.dueDate)}${submission.arbeidskrav.oralPresentation ? " · legges fram muntlig" : ""}`}
      />
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
              </li>
            ))}
          </ul>
          <p>
            Status: <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            {group ? <span className="ml-2 text-sm text-slate-700">Vurderingen gjelder alle i gruppen.</span> : null}
          </p>
          {submission.arbeidskrav.description ? <p className="text-slate-700">{submission.arbeidskrav.description}</p> : null}
        </section>

        {latest ? (
          <section className="card" aria-labelledby="vurder-heading">
            <h2 id="vurder-heading">
              {latest.status === "SUBMITTED" ? `Vurder ${latest.attempt > 1 ? `${latest.attempt}. innlevering` : "innleveringen"}` : "Vurdering"}
            </h2>
            <div className="mt-4 space-y-3">
              <AssessForm cohortId={cohort.id} attemptId={latest.id} members={submission.members.length} assessed={latest.status !== "SUBMITTED"} />
              {latest.status !== "SUBMITTED" ? (
                <p>
                  Siste innlevering er vurdert: <StatusBadge tone={ATTEMPT_STATUS[latest.status].tone}>{ATTEMPT_STATUS[latest.status].label}</StatusBadge>
                  {latest.status === "NOT_APPROVED" ? " Studentene kan levere på nytt." : ""}
                </p>
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
                          <a href={`/api/dokumenter/${document.id}?visning=inline`} target="_blank" rel="noopener">
                            Åpne {document.originalName}
                            <span className="sr-only"> (åpnes i ny fane)</span>
                          </a>
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
                      <span className="ml-2 text-sm text-slate-700">
                        {attempt.assessor ? `${attempt.assessor.name}, ` : ""}
                        {formatInstantNb(attempt.assessedAt)}
                      </span>
                    ) : null}
                  </p>
                  {attempt.feedback ? (
                    <p className="mt-1">
                      <span className="font-medium">Tilbakemelding:</span> {attempt.feedback}
                    </p>
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
