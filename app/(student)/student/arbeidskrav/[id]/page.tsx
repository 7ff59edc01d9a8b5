import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { arbeidskravStatus, StatusBadge } from "@/components/status-badge";
import { GroupMembership } from "@/components/student/group-membership";
import { HandInPanel } from "@/components/student/hand-in-panel";
import { formatDeadline } from "@/lib/domain/application-deadline";
import { ARBEIDSKRAV_KIND_LABELS } from "@/lib/domain/arbeidskrav";
import { groupRuleNb, lastHandInWarning, MAX_HAND_IN_TEXT_LENGTH, OPTIONAL_LAST_ATTEMPT } from "@/lib/domain/coursework";
import { formatDateNb, formatInstantNb, joinNb } from "@/lib/domain/format";
import { NotFoundError } from "@/lib/server/errors";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";
import { AttemptHistory } from "@/components/student/attempt-history";
import { CorrectionNoticeSummary } from "@/components/student/correction-notice-response";
import { handInFlash } from "../../load";

export const metadata: Metadata = { title: "Arbeidskrav" };

async function load(segment: string) {
  const id = parseRecordId(segment);
  if (!id) notFound();
  const viewer = await requirePageRole(["STUDENT"], `/student/arbeidskrav/${id}`);
  try {
    return await getStudentArbeidskrav(viewer, id);
  } catch (error) {
    // Another cohort's arbeidskrav is as unknown as one that does not exist.
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function ArbeidskravPage({ params }: { params: Promise<{ id: string }> }) {
  const { enrolment, arbeidskrav: item, groupAllowed, canHandIn, classmates, addable, membership, letters, notices, awaiting } = await load((await params).id);
  const flash = await handInFlash();
  const status = arbeidskravStatus(item.status, item);
  const submission = item.submission;
  const latest = submission?.attempts.at(-1) ?? null;
  const kind = canHandIn && item.permission.allowed ? item.permission.kind : null;
  // Allowed by the item but not by her place in the kull: on leave (a walk: she was told she was
  // «ikke lenger aktiv student»), or no longer in it.
  const blockedReason = item.permission.allowed
    ? enrolment.status === "ON_LEAVE" && enrolment.leave
      ? `Du har permisjon til og med ${formatDateNb(enrolment.leave.to)}, så du kan ikke levere nå. Du kan levere når permisjonen er over.`
      : "Du er ikke lenger aktiv student i kullet, så du kan ikke levere."
    : item.permission.reason;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/student/arbeidskrav">← Alle arbeidskrav</Link>
      </p>
      <div className="mb-6">
        <p className="text-sm font-medium text-slate-700">
          {ARBEIDSKRAV_KIND_LABELS[item.kind]} · {enrolment.cohort.name}
        </p>
        <h1>{item.title}</h1>
        {item.description ? <p className="mt-2 max-w-3xl text-slate-700">{item.description}</p> : null}
      </div>

      <div className="space-y-6">
        <section className="card" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge tone={status.tone}>{status.label}</StatusBadge>
            {latest?.late ? <StatusBadge tone="wait">Levert for sent</StatusBadge> : null}
          </p>
          <dl className="mt-4 facts">
            <dt className="font-medium">Frist</dt>
            <dd>{formatDeadline(item.dueDate)}</dd>
            {item.status === "NOT_APPROVED" ? (
              <>
                <dt className="font-medium">Ny frist</dt>
                <dd>{formatDeadline(item.deadline)}</dd>
              </>
            ) : latest && latest.deadline !== item.dueDate ? (
              // A new hand-in after «ikke godkjent» was measured against its own deadline, as the
              // receipt says: it stays in view after the hand-in (a walk saw only the first one).
              <>
                <dt className="font-medium">Frist for siste innlevering</dt>
                <dd>{formatDeadline(latest.deadline)}</dd>
              </>
            ) : null}
            <dt className="font-medium">Skrives</dt>
            <dd>{groupRuleNb(item)}</dd>
            {item.required ? null : (
              <>
                <dt className="font-medium">Teller for eksamen</dt>
                <dd>Nei, dette arbeidskravet er valgfritt. Det vurderes som de andre, men teller ikke med i kravet for eksamen.</dd>
              </>
            )}
            {item.oralPresentation ? (
              <>
                <dt className="font-medium">Muntlig</dt>
                <dd>Legges også fram muntlig på en samling.</dd>
              </>
            ) : null}
            {submission && submission.members.length > 1 ? (
              <>
                <dt className="font-medium">Gruppe</dt>
                <dd>
                  {joinNb(
                    submission.members.map(
                      (member) => `${member.name}${member.isViewer ? " (deg)" : ""}${member.confirmed ? "" : " (ikke bekreftet)"}`,
                    ),
                  )}
                </dd>
              </>
            ) : null}
            <dt className="font-medium">Innleveringer</dt>
            <dd>
              {item.maxAttempts === 1 ? "Én innlevering." : `Inntil ${item.maxAttempts}: den første og ${item.maxAttempts === 2 ? "én ny" : `${item.maxAttempts - 1} nye`} etter «ikke godkjent».`}
              {submission ? ` Brukt: ${submission.attempts.length}.` : ""}
            </dd>
          </dl>
          {item.rejectionDecision ? (
            <div className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-semibold">Arbeidskravet er endelig ikke godkjent</p>
              <p className="mt-1">
                Det var siste innlevering. Du har fått et vedtak om det, og kan klage på det innen klagefristen som står i brevet.
              </p>
            </div>
          ) : item.finalRejection ? (
            <div className="mt-4 rounded-md border border-slate-300 bg-slate-50 p-3">
              <p className="font-semibold">Ikke godkjent etter siste innlevering</p>
              <p className="mt-1">{OPTIONAL_LAST_ATTEMPT}</p>
            </div>
          ) : null}
          {letters.length > 0 ? (
            <ul className="mt-3 space-y-1">
              {letters.map((letter) => (
                <li key={letter.id}>
                  <Link href={`/student/brev/${letter.id}`}>{letter.subject}</Link>
                </li>
              ))}
            </ul>
          ) : null}
          {latest?.status === "NOT_APPROVED" && latest.feedback && !item.rejectionDecision ? (
            <div className="mt-4 rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
              <p className="font-semibold">Tilbakemelding fra faglærer</p>
              <p className="mt-1 whitespace-pre-line">{latest.feedback}</p>
            </div>
          ) : null}
        </section>

        {notices.map((notice) => (
          <CorrectionNoticeSummary key={notice.id} notice={notice} />
        ))}

        {item.credit ? (
          <section className="card" aria-labelledby="overfort-heading">
            <h2 id="overfort-heading">Godkjent fra {item.credit.cohortName}</h2>
            <p className="mt-2">
              {item.title} er godkjent på grunnlag av {item.credit.title} i {item.credit.cohortName}
              {item.credit.members.length > 1 ? ` (gruppearbeid: ${joinNb(item.credit.members)})` : ""}. Godkjent av {item.credit.creditedBy}{" "}
              {formatInstantNb(item.credit.creditedAt)}. Du skal ikke levere det på nytt.
            </p>
            <h3 className="mt-4">Innleveringene dine i {item.credit.cohortName}</h3>
            <AttemptHistory attempts={item.credit.attempts} level="h4" />
          </section>
        ) : null}

        {awaiting ? (
          <section className="card" aria-labelledby="venter-heading">
            <h2 id="venter-heading">Venter på vurdering i {awaiting.cohortName}</h2>
            <p className="mt-2">
              {awaiting.from} er ikke vurdert ennå. Blir det godkjent før du leverer {item.title} her, teller det som {item.title}, og
              du trenger ikke levere. Leverer du her først, er det den innleveringen som gjelder.
            </p>
          </section>
        ) : null}

        {submission && membership && (membership.canConfirm || membership.canLeave || membership.canAdd || membership.leaveBlocked) ? (
          <section className="card" aria-labelledby="gruppe-heading">
            <h2 id="gruppe-heading">Gruppen</h2>
            <p className="mt-2 text-slate-700">
              Til innleveringen er vurdert, kan hvem som helst i gruppen gå ut av den, og den som har bekreftet, kan legge til en medstudent. Vurderingen
              gjelder bare dem som har bekreftet at de er med.
            </p>
            <div className="mt-4">
              <GroupMembership submissionId={submission.id} title={item.title} membership={membership} classmates={addable} />
            </div>
          </section>
        ) : null}

        <HandInPanel
          arbeidskravId={item.id}
          title={item.title}
          kind={kind}
          blockedReason={kind ? null : blockedReason}
          group={kind === "FIRST" && groupAllowed ? { minSize: item.minGroupSize, maxSize: item.maxGroupSize, classmates } : null}
          deadlineText={
            kind === "RESUBMISSION" ? `Frist for ny innlevering: ${formatDeadline(item.deadline)}.` : `Frist: ${formatDeadline(item.deadline)}.`
          }
          lateWarning={
            item.deadline < enrolment.today
              ? `Fristen var ${formatDateNb(item.deadline)}. Du kan fortsatt levere, men innleveringen merkes som levert for sent.`
              : null
          }
          lastWarning={kind ? lastHandInWarning({ used: submission?.attempts.length ?? 0, max: item.maxAttempts }, item.required) : null}
          maxTextLength={MAX_HAND_IN_TEXT_LENGTH}
          flash={flash}
        />

        {submission && submission.attempts.length > 0 ? (
          <section className="card" aria-labelledby="historikk-heading">
            <h2 id="historikk-heading">Innleveringer</h2>
            <AttemptHistory attempts={submission.attempts} />
          </section>
        ) : null}
      </div>
    </>
  );
}
