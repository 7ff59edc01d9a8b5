import "server-only";
// An assessment changed after it was made, in one of two ways:
// - a correction by the cohort's fagansvarlig (CohortTeacher.academicLead; nobody else, advisers
//   included: it is an academic judgement), on the latest assessed attempt, approved → not approved
//   or the reverse, with a written reason. The members are told by e-mail. "Ikke godkjent" on a
//   final attempt is then the enkeltvedtak it always is (a letter to each member, the reason as
//   grounds), and is made only after a forhåndsvarsel (lib/server/cohorts/correction-notices.ts,
//   forvaltningsloven § 16); an approval that lifts such a decision gives each member a letter
//   saying it no longer stands. A correction waits while a klage on the same attempt is being
//   handled (the klage decides it), and while a forhåndsvarsel on it waits. An assessment the
//   klagenemnd has settled (stadfestet or omgjort) is the klageinstans's decision and is never
//   corrected here (forvaltningsloven § 35); while a klage on it waits there, only an approval is.
// - a klage on a final "ikke godkjent" that is taken (lib/server/student-letters/appeals.ts calls
//   approveAfterKlage in its transaction): the attempt is approved.
// Both keep the assessor's feedback, record an AssessmentChange (shown beside the attempt to staff
// and students) and an audit entry with before, after and the reason.
import { osloDate } from "@/lib/domain/application-deadline";
import { correctionNeedsNotice } from "@/lib/domain/correction-notice";
import { isFinalRejection, isRejectionDecision, OPTIONAL_LAST_ATTEMPT } from "@/lib/domain/coursework";
import { formatDateNb } from "@/lib/domain/format";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { refreshCreditedFrom } from "@/lib/server/enrolments/credits";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { requestJob } from "@/lib/jobs/queue";
import { appealsBodyBarOnCorrection, markDecisionChangedAtAppealsBody } from "@/lib/server/appeals-body";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { finalRejectionFacts, lockAttempts, refuseOwnSubmissions, type AssessmentDecision, type LockedAttempt } from "@/lib/server/cohorts/assessment";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { enkeltvedtakLettersAbout, issueStudentLetter } from "@/lib/server/student-letters/issue";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";

export const ONLY_ACADEMIC_LEAD = "Bare fagansvarlig for kullet kan rette en vurdering. Kontakt fagansvarlig hvis du mener vurderingen er feil.";

/** Whether the viewer is the cohort's fagansvarlig (the only one who corrects assessments). */
export async function isAcademicLead(viewer: Viewer, cohortId: string, client: Transaction | ReturnType<typeof db> = db()): Promise<boolean> {
  const row = await (client as Transaction).cohortTeacher.findUnique({
    where: { cohortId_userId: { cohortId, userId: viewer.id } },
    select: { academicLead: true },
  });
  return row?.academicLead === true;
}

export async function members(tx: Transaction, submissionId: string) {
  return tx.submissionMember.findMany({
    where: { submissionId },
    orderBy: { enrolment: { user: { name: "asc" } } },
    select: { enrolmentId: true, enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
  });
}

/** Records the change on the attempt and its submission, with its AssessmentChange and audit entry. */
async function changeAttempt(
  tx: Transaction,
  input: {
    cohortId: string;
    attempt: LockedAttempt;
    to: AssessmentDecision;
    cause: "CORRECTION" | "KLAGE";
    reason: string;
    actor: Viewer;
    at: Date;
    appealId?: string;
    /** The forhåndsvarsel a correction followed. */
    noticeId?: string;
  },
) {
  const { attempt } = input;
  await tx.submissionAttempt.update({ where: { id: attempt.attemptId }, data: { status: input.to, assessedAt: input.at } });
  await tx.submission.update({ where: { id: attempt.submissionId }, data: { status: input.to } });
  const change = await tx.assessmentChange.create({
    data: { attemptId: attempt.attemptId, cause: input.cause, fromStatus: attempt.status, toStatus: input.to, reason: input.reason, changedById: input.actor.id, changedAt: input.at },
    select: { id: true },
  });
  const group = await members(tx, attempt.submissionId);
  await audit(tx, {
    actorId: input.actor.id,
    action: input.cause === "CORRECTION" ? "submission.correct" : "submission.approve_after_klage",
    entityType: "SubmissionAttempt",
    entityId: attempt.attemptId,
    before: { status: attempt.status },
    after: {
      status: input.to,
      reason: input.reason,
      submissionId: attempt.submissionId,
      members: group.map((member) => member.enrolmentId),
      changeId: change.id,
      ...(input.appealId ? { appealId: input.appealId } : {}),
      ...(input.noticeId ? { noticeId: input.noticeId } : {}),
    },
  });
  // The members' standings toward the exam follow the changed verdict (and are shown as changed).
  await refreshStandings(
    tx,
    { cohortId: input.cohortId, enrolmentIds: group.map((member) => member.enrolmentId) },
    {
      actorId: input.actor.id,
      cause: `${input.attempt.title} er ${input.cause === "KLAGE" ? "godkjent etter klage" : `rettet til ${input.to === "APPROVED" ? "godkjent" : "ikke godkjent"}`}`,
      now: input.at,
    },
  );
  // A later kull may have credited this approval (a transfer): the credit stands or falls with it
  // (lib/server/enrolments/credits.ts), and so does the standing of the student who has it there.
  await refreshCreditedFrom(tx, [attempt.submissionId], {
    actorId: input.actor.id,
    cause: (title) => `${title} fra det tidligere kullet, som var godkjent for studenten her, er ${input.to === "APPROVED" ? "godkjent igjen og teller igjen" : "rettet til ikke godkjent og teller ikke lenger"}`,
    now: input.at,
  });
  return { changeId: change.id, group };
}

export async function correctAssessment(
  viewer: Viewer,
  input: { cohortId: string; attemptId: string; decision: AssessmentDecision; reason: string },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  const reason = input.reason.trim();
  if (!reason) throw new DomainError("Skriv hvorfor vurderingen rettes.", { reason: ["Skriv en begrunnelse for rettingen."] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const attempt = await correctableAttempt(tx, viewer, input.cohortId, input.attemptId, input.decision);
    if (correctionNeedsNotice(attempt, attempt, input.decision)) {
      // The page offers the notice instead (lib/server/cohorts/correction-notices.ts).
      throw new DomainError("Før godkjent siste innlevering rettes til ikke godkjent, må studentene få forhåndsvarsel og en frist til å uttale seg (forvaltningsloven § 16). Send forhåndsvarsel.");
    }
    const corrected = await applyCorrection(tx, { cohortId: input.cohortId, attempt, to: input.decision, reason, actor: viewer, at: now });
    return { ...corrected, submissionId: attempt.submissionId };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * The attempt a correction to `to` is about, locked, with the checks every correction passes:
 * the viewer is the kull's fagansvarlig and not a member, it is the latest attempt and assessed,
 * `to` changes it, no klage on it waits here, the klagenemnd does not bar it, and no
 * forhåndsvarsel on it waits.
 */
export async function correctableAttempt(tx: Transaction, viewer: Viewer, cohortId: string, attemptId: string, to: AssessmentDecision): Promise<LockedAttempt> {
  if (!(await isAcademicLead(viewer, cohortId, tx))) throw new AccessDeniedError(ONLY_ACADEMIC_LEAD);
  const [attempt] = await lockAttempts(tx, cohortId, [attemptId]);
  if (!attempt) throw new NotFoundError("Fant ikke innleveringen.");
  await refuseOwnSubmissions(tx, viewer, [attempt.submissionId]);
  if (attempt.attempt !== attempt.latest) throw new DomainError("Bare den siste innleveringen kan rettes.");
  if (attempt.status === "SUBMITTED") throw new DomainError("Innleveringen er ikke vurdert ennå. Vurder den i stedet.");
  if (attempt.status === to) {
    throw new DomainError(`Innleveringen er allerede ${to === "APPROVED" ? "godkjent" : "ikke godkjent"}.`, {
      decision: ["Velg den andre vurderingen, eller la være å rette."],
    });
  }
  const letters = await enkeltvedtakLettersAbout(tx, { type: "SubmissionAttempt", id: attempt.attemptId });
  if (letters.some((letter) => letter.appeal?.status === "RECEIVED")) {
    throw new DomainError("Det er en klage under behandling på denne vurderingen. Avgjør klagen under Klager i stedet for å rette vurderingen.");
  }
  const barred = await appealsBodyBarOnCorrection(tx, attempt.attemptId, to);
  if (barred) throw new DomainError(barred);
  if ((await tx.correctionNotice.count({ where: { attemptId: attempt.attemptId, status: "PENDING" } })) > 0) {
    throw new DomainError("Studentene har fått forhåndsvarsel om å rette denne vurderingen. Gjennomfør rettingen eller trekk varselet tilbake.");
  }
  return attempt;
}

/**
 * Makes a correction the checks let through (correctableAttempt) and tells the members: a
 * decision letter each when the final attempt becomes "ikke godkjent" (after a forhåndsvarsel:
 * `notice` says, per member, when it was given and whether they spoke, and the letter continues
 * the notice's case), a letter that an earlier decision no longer stands when it becomes
 * "godkjent", an e-mail to everyone else.
 */
export async function applyCorrection(
  tx: Transaction,
  input: {
    cohortId: string;
    attempt: LockedAttempt;
    to: AssessmentDecision;
    reason: string;
    actor: Viewer;
    at: Date;
    notice?: { id: string; sentOn: string; respondBy: string; recipients: Map<string, { letterId: string; respondedOn: string | null }> };
  },
) {
  const { attempt, reason, actor: viewer, at } = input;
  const letters = await enkeltvedtakLettersAbout(tx, { type: "SubmissionAttempt", id: attempt.attemptId });
  const { changeId, group } = await changeAttempt(tx, {
    cohortId: input.cohortId,
    attempt,
    to: input.to,
    cause: "CORRECTION",
    reason,
    actor: viewer,
    at,
    ...(input.notice ? { noticeId: input.notice.id } : {}),
  });
  const signedBy = { id: viewer.id, name: viewer.name, title: "Fagansvarlig" };
  const about = { type: "SubmissionAttempt", id: attempt.attemptId };
  const lettered = new Set<string>();
  let atAppealsBody = new Set<string>();
  if (isRejectionDecision({ attempt: attempt.attempt, status: input.to }, attempt)) {
    // The final attempt is now "ikke godkjent": the enkeltvedtak, a letter to each member.
    for (const member of group) {
      const noticed = input.notice?.recipients.get(member.enrolmentId);
      await issueStudentLetter(tx, {
        enrolmentId: member.enrolmentId,
        facts: {
          ...finalRejectionFacts({ attempt, names: group.map((row) => row.enrolment.user.name), grounds: reason, at, corrected: true }),
          ...(input.notice && noticed
            ? {
                notice: {
                  sentOn: input.notice.sentOn,
                  respondBy: input.notice.respondBy,
                  respondedOn: noticed.respondedOn,
                  othersSpoke: [...input.notice.recipients].some(([enrolmentId, other]) => enrolmentId !== member.enrolmentId && other.respondedOn !== null),
                },
              }
            : {}),
        },
        decidedBy: signedBy,
        about,
        ...(noticed ? { inCaseOf: { letterId: noticed.letterId } } : {}),
        now: at,
      });
      lettered.add(member.enrolmentId);
    }
  } else if (input.to === "APPROVED") {
    // Approved here while a klage on it waits at the klagenemnd: the klagenemnd is to be told
    // (a task on the klager list until the study administration has told it), and her letter says so.
    atAppealsBody = await markDecisionChangedAtAppealsBody(tx, { type: "SubmissionAttempt", id: attempt.attemptId }, viewer.id, at);
    // An earlier enkeltvedtak on this attempt no longer stands.
    for (const letter of letters) {
      if (!group.some((member) => member.enrolmentId === letter.enrolmentId) || lettered.has(letter.enrolmentId)) continue;
      await issueStudentLetter(tx, {
        enrolmentId: letter.enrolmentId,
        facts: {
          kind: "DECISION_CHANGED",
          changed: { subject: letter.subject, madeAvailableOn: letter.madeAvailableOn, matter: attempt.title },
          outcome: `${attempt.title} er godkjent.`,
          reason: `Fagansvarlig har rettet vurderingen: ${reason}`,
          klageAtAppealsBody: atAppealsBody.has(letter.enrolmentId),
        },
        decidedBy: signedBy,
        about,
        inCaseOf: { letterId: letter.id },
        now: at,
      });
      lettered.add(letter.enrolmentId);
    }
  }
  // Everyone else is told by e-mail (a letter's e-mail already carries the news).
  const approved = input.to === "APPROVED";
  for (const member of group) {
    if (lettered.has(member.enrolmentId)) continue;
    await queueMail(tx, {
      dedupeKey: `assessment-corrected:${changeId}:${member.enrolmentId}`,
      to: member.enrolment.user.email,
      userId: member.enrolment.userId,
      subject: `Vurderingen er rettet: ${attempt.title} er ${approved ? "godkjent" : "ikke godkjent"}`,
      text: [
        `Hei ${member.enrolment.user.name},`,
        "",
        `Fagansvarlig ${viewer.name} har ${formatDateNb(osloDate(at))} rettet vurderingen av ${attempt.title} fra ${approved ? "ikke godkjent" : "godkjent"} til ${approved ? "godkjent" : "ikke godkjent"}.`,
        "",
        "Begrunnelse:",
        reason,
        "",
        approved
          ? "Du trenger ikke gjøre noe mer med dette arbeidskravet."
          : isFinalRejection({ attempt: attempt.attempt, status: input.to }, attempt.maxAttempts)
            ? OPTIONAL_LAST_ATTEMPT
            : "Du kan levere arbeidskravet på nytt. Fristen står på arbeidskravets side.",
        "",
        `Se arbeidskravet her: ${env().APP_URL}/student/arbeidskrav`,
      ].join("\n"),
    });
  }
  return { title: attempt.title, decision: input.to, members: group.length, letters: lettered.size, atAppealsBody: atAppealsBody.size > 0 };
}

/**
 * A klage on a final "ikke godkjent" is taken: the attempt (the group's, if it was a group's) is
 * approved, in the caller's transaction. Returns the members, for their letters.
 */
export async function approveAfterKlage(tx: Transaction, input: { attemptId: string; decider: Viewer; grounds: string; appealId: string; now: Date }) {
  const cohort = await tx.submissionAttempt.findUniqueOrThrow({
    where: { id: input.attemptId },
    select: { submission: { select: { arbeidskrav: { select: { cohortId: true } } } } },
  });
  const [attempt] = await lockAttempts(tx, cohort.submission.arbeidskrav.cohortId, [input.attemptId]);
  if (!attempt) throw new NotFoundError("Fant ikke innleveringen.");
  if (attempt.status !== "NOT_APPROVED" || attempt.attempt !== attempt.latest) {
    throw new DomainError("Vurderingen klagen gjelder, er allerede endret. Last siden på nytt.");
  }
  const { group } = await changeAttempt(tx, {
    cohortId: cohort.submission.arbeidskrav.cohortId,
    attempt,
    to: "APPROVED",
    cause: "KLAGE",
    reason: input.grounds,
    actor: input.decider,
    at: input.now,
    appealId: input.appealId,
  });
  // Another member's klage on the same work may wait at the klagenemnd: it is to be told, and
  // that member's letter says so (atAppealsBody: the enrolments whose klage waits there).
  const atAppealsBody = await markDecisionChangedAtAppealsBody(tx, { type: "SubmissionAttempt", id: attempt.attemptId }, input.decider.id, input.now);
  return { title: attempt.title, members: group.map((member) => member.enrolmentId), atAppealsBody };
}
