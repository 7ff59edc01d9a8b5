import "server-only";
// Completion: a student whose grade that counts (the best over every sitting: ordinary, utsatt,
// ny eksamen) is a published pass is marked COMPLETED with a confirming letter
// (lib/domain/enrolment.ts completionProblem refuses anyone without one). One transaction with its audit entry and the standing recomputed.
import { osloDate } from "@/lib/domain/application-deadline";
import { completionAfterResultChange, completionChangeText, completionProblem, completionSitting, type CompletionSitting } from "@/lib/domain/enrolment";
import { day } from "@/lib/dates";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import type { Transaction } from "@/lib/db/client";
import { DomainError } from "@/lib/server/errors";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { sittingRecords } from "@/lib/server/exams/records";
import { closeOpenLeave, lockEnrolmentToDecide, requireAdviser, signer } from "./common";

export async function completeStudent(viewer: Viewer, input: { enrolmentId: string }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    const sittings = (await sittingRecords(tx, [enrolment.id])).get(enrolment.id) ?? [];
    const problem = completionProblem({ status: enrolment.status, sittings });
    if (problem) throw new DomainError(problem);
    const counting = completionSitting(sittings)!;
    const exam = await tx.exam.findUniqueOrThrow({ where: { id: counting.examId }, select: { title: true, startsOn: true } });
    const programme = await tx.cohort.findUniqueOrThrow({ where: { id: enrolment.cohortId }, select: { programme: { select: { credits: true, fsCourseCode: true } } } });
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", endedOn: day(today) } });
    // A granted leave that has not begun goes with the completion, as with a withdrawal or a
    // transfer; otherwise the leave job would put a completed student on leave.
    const leave = await closeOpenLeave(tx, enrolment.id, viewer.id, today, "Fullført med bestått eksamen", "STUDENT_COMPLETED");
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: {
        kind: "COMPLETION_CONFIRMED",
        exam: { title: exam.title, startsOn: isoDate(exam.startsOn) },
        grade: counting.grade!,
        credits: programme.programme.credits,
        courseCode: programme.programme.fsCourseCode,
        leaveCancelled: leave ? { from: leave.from, to: leave.to } : null,
      },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "Enrolment", id: enrolment.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "enrolment.complete",
      entityType: "Enrolment",
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: { status: "COMPLETED", endedOn: today, grade: counting.grade, examId: counting.examId, letterId: letter.id },
    });
    await refreshStandings(tx, { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] }, { actorId: viewer.id, cause: "Fullført med bestått eksamen", now });
    return { letterId: letter.id, grade: counting.grade! };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * After a completed student's result is changed (lib/server/exams/grades.ts setGrade, in its
 * transaction, the enrolment locked before `before` was read): if the grade that counts is no
 * longer the one confirmed (completionAfterResultChange), a letter replaces the confirmation
 * (DECISION_CHANGED, in the confirmation's case), and a student who no longer passed is ACTIVE
 * again (endedOn cleared). Audited with before and after; the standing recomputed. Returns what
 * changed, or null.
 */
export async function reviewCompletionAfterResultChange(
  tx: Transaction,
  input: {
    enrolmentId: string;
    cohortId: string;
    before: readonly CompletionSitting[];
    sitting: string;
    /** The reason given for the changed result (setGrade), said in the letter; null for a new sitting's result. */
    why: string | null;
    decidedBy: { id: string; name: string; title: string };
    now: Date;
  },
) {
  const after = (await sittingRecords(tx, [input.enrolmentId])).get(input.enrolmentId) ?? [];
  const change = completionAfterResultChange(input.before, after);
  if (!change) return null;
  // The letter that stands now: the last confirmation, or the last letter in its case that replaced it.
  const confirmed = await tx.studentLetter.findFirst({
    where: { enrolmentId: input.enrolmentId, kind: "COMPLETION_CONFIRMED" },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: { caseYear: true, caseNumber: true },
  });
  if (!confirmed) throw new Error(`completed enrolment ${input.enrolmentId} has no confirmation letter`);
  const confirmation = await tx.studentLetter.findFirstOrThrow({
    where: { enrolmentId: input.enrolmentId, caseYear: confirmed.caseYear, caseNumber: confirmed.caseNumber },
    orderBy: [{ decidedAt: "desc" }, { id: "desc" }],
    select: { id: true, subject: true, madeAvailableOn: true },
  });
  const enrolment = await tx.enrolment.findUniqueOrThrow({ where: { id: input.enrolmentId }, select: { endedOn: true } });
  if (change.kind === "REVOKED") {
    await tx.enrolment.update({ where: { id: input.enrolmentId }, data: { status: "ACTIVE", endedOn: null } });
  }
  // A new grade that counts is confirmed as the confirmation was: the study, credits, course code, exam.
  const confirmedAgain =
    change.kind === "REGRADED"
      ? await Promise.all([
          tx.exam.findUniqueOrThrow({ where: { id: change.examId }, select: { title: true, startsOn: true } }),
          tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: { name: true, programme: { select: { name: true, credits: true, fsCourseCode: true } } } }),
        ]).then(([exam, cohort]) => ({
          study: `${cohort.programme.name}, ${cohort.name}`,
          credits: cohort.programme.credits,
          courseCode: cohort.programme.fsCourseCode,
          exam: { title: exam.title, startsOn: isoDate(exam.startsOn) },
        }))
      : undefined;
  const text = completionChangeText(change, input.sitting, confirmedAgain, input.why);
  const letter = await issueStudentLetter(tx, {
    enrolmentId: input.enrolmentId,
    facts: {
      kind: "DECISION_CHANGED",
      changed: { subject: confirmation.subject, madeAvailableOn: isoDate(confirmation.madeAvailableOn), matter: "fullført videreutdanning" },
      outcome: text.outcome,
      reason: text.reason,
    },
    decidedBy: input.decidedBy,
    about: { type: "Enrolment", id: input.enrolmentId },
    inCaseOf: { letterId: confirmation.id },
    now: input.now,
  });
  await audit(tx, {
    actorId: input.decidedBy.id,
    action: change.kind === "REVOKED" ? "enrolment.completion_revoked" : "enrolment.completion_regraded",
    entityType: "Enrolment",
    entityId: input.enrolmentId,
    before: { status: "COMPLETED", endedOn: enrolment.endedOn ? isoDate(enrolment.endedOn) : null, grade: change.from },
    after: {
      status: change.kind === "REVOKED" ? "ACTIVE" : "COMPLETED",
      endedOn: change.kind === "REVOKED" ? null : enrolment.endedOn ? isoDate(enrolment.endedOn) : null,
      grade: change.to,
      letterId: letter.id,
    },
  });
  await refreshStandings(
    tx,
    { cohortId: input.cohortId, enrolmentIds: [input.enrolmentId] },
    { actorId: input.decidedBy.id, cause: change.kind === "REVOKED" ? "Ikke lenger bestått etter endret karakter" : "Endret karakter som teller", now: input.now },
  );
  return { kind: change.kind, letterId: letter.id };
}
