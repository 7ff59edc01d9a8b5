import "server-only";
// Arbeidskrav assessment by the cohort's staff: the students × arbeidskrav overview with counts,
// one submission with its members and every attempt (text, PDF to view inline), and the decision:
// approved or not approved with written feedback. A submission's status is its members' (a group
// paper's approval holds for every member). Each member is e-mailed in the assessment's
// transaction with the dedupe key `arbeidskrav-assessed:<attemptId>:<enrolmentId>` (the students'
// notice jobs use the same key, so nobody gets the news twice).
//
// "Godkjenn alle leste ledertreningsoppgaver" approves exactly the attempts the faculty member
// ticked as read, in one transaction, each with its audit entry and member e-mails; if any of them
// can no longer be approved (assessed by someone else meanwhile, or resubmitted), none is.
import { osloDate } from "@/lib/domain/application-deadline";
import { ARBEIDSKRAV_KIND_LABELS, studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import type { ArbeidskravStatus } from "@/lib/domain/eligibility";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { auditMany } from "@/lib/server/audit";
import { ATTEMPT_FIELDS } from "@/lib/server/attempt-fields";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { refreshStandings } from "@/lib/server/standings/refresh";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export type AssessmentDecision = "APPROVED" | "NOT_APPROVED";

// ─── The overview ───────────────────────────────────────────────────────────────────────────────

export async function getArbeidskravOverview(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  const activeStudent = { cohortId, status: { not: "WITHDRAWN" as const } };
  const [definitions, enrolments, memberships, waiting] = await Promise.all([
    db().arbeidskravDefinition.findMany({
      where: { cohortId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, kind: true, title: true, dueDate: true, oralPresentation: true, individualOnly: true, maxGroupSize: true, required: true },
    }),
    db().enrolment.findMany({
      where: activeStudent,
      orderBy: { user: { name: "asc" } },
      select: { id: true, user: { select: { name: true } }, basisgruppe: { select: { name: true, supervisorId: true } } },
    }),
    db().submissionMember.findMany({
      where: { enrolment: activeStudent },
      select: { enrolmentId: true, arbeidskravId: true, submissionId: true, submission: { select: { status: true } } },
    }),
    db().submission.findMany({
      where: { status: "SUBMITTED", arbeidskrav: { cohortId } },
      orderBy: { updatedAt: "asc" },
      select: {
        id: true,
        arbeidskrav: { select: { number: true, title: true, kind: true, dueDate: true } },
        members: { orderBy: { enrolment: { user: { name: "asc" } } }, select: { enrolment: { select: { user: { select: { name: true } } } } } },
        attempts: {
          orderBy: { attempt: "desc" },
          take: 1,
          select: { id: true, attempt: true, submittedAt: true, documents: { select: { id: true, originalName: true } } },
        },
      },
    }),
  ]);
  const byEnrolment = new Map<string, { arbeidskravId: string; status: Exclude<ArbeidskravStatus, "NOT_SUBMITTED">; submissionId: string }[]>();
  for (const membership of memberships) {
    const list = byEnrolment.get(membership.enrolmentId) ?? [];
    list.push({ arbeidskravId: membership.arbeidskravId, status: membership.submission.status, submissionId: membership.submissionId });
    byEnrolment.set(membership.enrolmentId, list);
  }
  const counts = new Map(definitions.map((definition) => [definition.id, { SUBMITTED: 0, APPROVED: 0, NOT_APPROVED: 0, NOT_SUBMITTED: 0 }]));
  const students = enrolments.map((enrolment) => {
    const submissions = byEnrolment.get(enrolment.id) ?? [];
    const submissionOf = new Map(submissions.map((row) => [row.arbeidskravId, row.submissionId]));
    const standing = studentArbeidskravStanding(definitions, submissions);
    for (const { id, status } of standing) counts.get(id)![status] += 1;
    return {
      enrolmentId: enrolment.id,
      name: enrolment.user.name,
      basisgruppe: enrolment.basisgruppe?.name ?? null,
      mine: enrolment.basisgruppe?.supervisorId === viewer.id,
      items: standing.map(({ id, status }) => ({ arbeidskravId: id, status, submissionId: submissionOf.get(id) ?? null })),
    };
  });
  return {
    today,
    definitions: definitions.map((definition) => {
      const count = counts.get(definition.id)!;
      return {
        ...definition,
        dueDate: isoDate(definition.dueDate),
        kindLabel: ARBEIDSKRAV_KIND_LABELS[definition.kind],
        counts: { ...count, handedIn: count.SUBMITTED + count.APPROVED + count.NOT_APPROVED },
      };
    }),
    students,
    waiting: waiting.map((submission) => {
      const latest = submission.attempts[0]!;
      return {
        submissionId: submission.id,
        attemptId: latest.id,
        attempt: latest.attempt,
        submittedAt: latest.submittedAt,
        late: osloDate(latest.submittedAt) > isoDate(submission.arbeidskrav.dueDate),
        arbeidskrav: { number: submission.arbeidskrav.number, title: submission.arbeidskrav.title, kind: submission.arbeidskrav.kind },
        members: submission.members.map((member) => member.enrolment.user.name),
        documents: latest.documents,
      };
    }),
  };
}

export type ArbeidskravOverview = Awaited<ReturnType<typeof getArbeidskravOverview>>;

// ─── One submission ─────────────────────────────────────────────────────────────────────────────

export async function getSubmissionForAssessment(viewer: Viewer, cohortId: string, submissionId: string) {
  await requireCohortStaff(viewer, cohortId);
  const submission = await db().submission.findFirst({
    where: { id: submissionId, arbeidskrav: { cohortId } },
    select: {
      id: true,
      status: true,
      arbeidskrav: {
        select: { number: true, kind: true, title: true, description: true, dueDate: true, oralPresentation: true, individualOnly: true, minGroupSize: true, maxGroupSize: true },
      },
      members: {
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: { enrolment: { select: { id: true, user: { select: { name: true, email: true } }, basisgruppe: { select: { name: true } } } } },
      },
      attempts: {
        orderBy: { attempt: "desc" },
        select: { ...ATTEMPT_FIELDS, assessor: { select: { name: true } } },
      },
    },
  });
  if (!submission) throw new NotFoundError("Fant ikke innleveringen.");
  const dueDate = isoDate(submission.arbeidskrav.dueDate);
  return {
    ...submission,
    arbeidskrav: { ...submission.arbeidskrav, dueDate, kindLabel: ARBEIDSKRAV_KIND_LABELS[submission.arbeidskrav.kind] },
    members: submission.members.map(({ enrolment }) => ({
      enrolmentId: enrolment.id,
      name: enrolment.user.name,
      email: enrolment.user.email,
      basisgruppe: enrolment.basisgruppe?.name ?? null,
    })),
    attempts: submission.attempts.map((attempt) => ({ ...attempt, late: osloDate(attempt.submittedAt) > dueDate })),
  };
}

export type SubmissionForAssessment = Awaited<ReturnType<typeof getSubmissionForAssessment>>;

// ─── Deciding ───────────────────────────────────────────────────────────────────────────────────

interface LockedAttempt {
  submissionId: string;
  attemptId: string;
  attempt: number;
  latest: number;
  status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED";
  kind: "FAGNOTAT" | "LEDERTRENING";
  title: string;
}

/** Locks the submissions of these attempts (in id order) and reads what the decision needs. */
async function lockAttempts(tx: Transaction, cohortId: string, attemptIds: readonly string[]): Promise<LockedAttempt[]> {
  const submissions = await tx.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Submission" s
    JOIN "SubmissionAttempt" sa ON sa."submissionId" = s."id"
    JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
    WHERE sa."id" = ANY(${[...attemptIds]}::text[]) AND a."cohortId" = ${cohortId}
    ORDER BY s."id"
    FOR UPDATE OF s`;
  if (submissions.length === 0) return [];
  return tx.$queryRaw<LockedAttempt[]>`
    SELECT sa."submissionId", sa."id" AS "attemptId", sa."attempt", sa."status"::text AS "status",
           (SELECT max(x."attempt") FROM "SubmissionAttempt" x WHERE x."submissionId" = sa."submissionId") AS "latest",
           a."kind"::text AS "kind", a."title"
    FROM "SubmissionAttempt" sa
    JOIN "Submission" s ON s."id" = sa."submissionId"
    JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
    WHERE sa."id" = ANY(${[...attemptIds]}::text[]) AND a."cohortId" = ${cohortId}`;
}

function assessmentMail(input: { title: string; decision: AssessmentDecision; feedback: string; groupSize: number }) {
  const approved = input.decision === "APPROVED";
  const subject = approved ? `Arbeidskrav godkjent: ${input.title}` : `Arbeidskrav ikke godkjent: ${input.title}`;
  const text = [
    approved
      ? `${input.title} er vurdert og godkjent.${input.groupSize > 1 ? " Godkjenningen gjelder alle i gruppen." : ""}`
      : `${input.title} er vurdert og ikke godkjent. Du kan levere på nytt.`,
    "",
    "Tilbakemelding fra faglærer:",
    input.feedback,
    "",
    `Se arbeidskravene dine her: ${env().APP_URL}/student`,
  ].join("\n");
  return { subject, text };
}

interface Decision {
  attempt: LockedAttempt;
  decision: AssessmentDecision;
  feedback: string;
}

/**
 * Writes the decisions (attempts, submissions, audit, member e-mails) in the caller's transaction,
 * and recomputes the members' standings toward the exam last.
 */
async function recordDecisions(tx: Transaction, viewer: Viewer, cohortId: string, decisions: readonly Decision[], action: string) {
  const at = new Date();
  for (const { attempt, decision, feedback } of decisions) {
    await tx.submissionAttempt.update({
      where: { id: attempt.attemptId },
      data: { status: decision, feedback, assessorId: viewer.id, assessedAt: at },
    });
    await tx.submission.update({ where: { id: attempt.submissionId }, data: { status: decision } });
  }
  const members = await tx.submissionMember.findMany({
    where: { submissionId: { in: decisions.map((d) => d.attempt.submissionId) } },
    select: { submissionId: true, enrolmentId: true, enrolment: { select: { userId: true, user: { select: { email: true } } } } },
  });
  await auditMany(
    tx,
    decisions.map(({ attempt, decision, feedback }) => ({
      actorId: viewer.id,
      action,
      entityType: "SubmissionAttempt",
      entityId: attempt.attemptId,
      before: { status: attempt.status },
      after: {
        status: decision,
        feedback,
        submissionId: attempt.submissionId,
        members: members.filter((m) => m.submissionId === attempt.submissionId).map((m) => m.enrolmentId),
      },
    })),
  );
  for (const { attempt, decision, feedback } of decisions) {
    const group = members.filter((m) => m.submissionId === attempt.submissionId);
    const mail = assessmentMail({ title: attempt.title, decision, feedback, groupSize: group.length });
    for (const member of group) {
      await queueMail(tx, {
        dedupeKey: `arbeidskrav-assessed:${attempt.attemptId}:${member.enrolmentId}`,
        to: member.enrolment.user.email,
        userId: member.enrolment.userId,
        ...mail,
      });
    }
  }
  await refreshStandings(
    tx,
    { cohortId, enrolmentIds: members.map((member) => member.enrolmentId) },
    {
      actorId: viewer.id,
      cause:
        decisions.length === 1
          ? `${decisions[0]!.attempt.title} er vurdert til ${decisions[0]!.decision === "APPROVED" ? "godkjent" : "ikke godkjent"}`
          : "Arbeidskrav er vurdert",
    },
  );
  return members;
}

function refusalFor(attempt: LockedAttempt): string | null {
  if (attempt.attempt !== attempt.latest) return `${attempt.title}: det har kommet en ny innlevering. Vurder den nyeste.`;
  if (attempt.status !== "SUBMITTED") return `${attempt.title} er allerede vurdert.`;
  return null;
}

export async function assessSubmission(
  viewer: Viewer,
  input: { cohortId: string; attemptId: string; decision: AssessmentDecision; feedback: string | null },
) {
  await requireCohortStaff(viewer, input.cohortId);
  const feedback = input.feedback?.trim() || (input.decision === "APPROVED" ? "Godkjent." : "");
  if (!feedback) {
    throw new DomainError("Skriv en tilbakemelding som forklarer hva som mangler.", {
      feedback: ["Skriv hva studenten må endre for å få arbeidskravet godkjent."],
    });
  }
  return db().$transaction(async (tx) => {
    const [attempt] = await lockAttempts(tx, input.cohortId, [input.attemptId]);
    if (!attempt) throw new NotFoundError("Fant ikke innleveringen.");
    const refusal = refusalFor(attempt);
    if (refusal) throw new DomainError(refusal);
    const members = await recordDecisions(tx, viewer, input.cohortId, [{ attempt, decision: input.decision, feedback }], "submission.assess");
    return { title: attempt.title, decision: input.decision, members: members.length, submissionId: attempt.submissionId };
  });
}

/** Approves exactly these handed-in ledertreningsoppgaver (the ones the viewer has read). */
export async function approveReadLedertrening(viewer: Viewer, input: { cohortId: string; attemptIds: readonly string[] }) {
  await requireCohortStaff(viewer, input.cohortId);
  const ids = [...new Set(input.attemptIds)];
  if (ids.length === 0) throw new DomainError("Kryss av for de innleveringene du har lest.");
  return db().$transaction(async (tx) => {
    const attempts = await lockAttempts(tx, input.cohortId, ids);
    if (attempts.length !== ids.length) throw new NotFoundError("Fant ikke alle innleveringene.");
    const refusals = attempts.flatMap((attempt) => {
      if (attempt.kind !== "LEDERTRENING") return [`${attempt.title} er ikke en ledertreningsoppgave og må vurderes for seg.`];
      const refusal = refusalFor(attempt);
      return refusal ? [refusal] : [];
    });
    if (refusals.length > 0) throw new DomainError(`Ingen ble godkjent. ${refusals.join(" ")}`);
    await recordDecisions(
      tx,
      viewer,
      input.cohortId,
      attempts.map((attempt) => ({ attempt, decision: "APPROVED" as const, feedback: "Godkjent." })),
      "submission.assess",
    );
    return { approved: attempts.length };
  });
}

