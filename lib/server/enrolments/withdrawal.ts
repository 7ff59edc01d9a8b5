import "server-only";
// Withdrawal: the student leaves the programme (at their own request; the adviser registers it).
// Status WITHDRAWN with the day and the reason given, the exam registration withdrawn, a letter
// that confirms it, and — only before the kull's waiting list closes — the place given back to
// admission, so the `admission.waitlist` job offers it to the first on the list (places.ts). All in
// one transaction with its audit entry; the job is asked for after the commit.
import { osloDate } from "@/lib/domain/application-deadline";
import { compareIsoDates } from "@/lib/domain/dates";
import { enrolmentChangeProblem, requestedOnProblem } from "@/lib/domain/enrolment";
import { day } from "@/lib/dates";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import { DomainError } from "@/lib/server/errors";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { closeOpenLeave, lockEnrolmentToDecide, requireAdviser, signer, withdrawExamRegistration } from "./common";
import { givePlaceBack } from "./places";

export interface WithdrawalInput {
  enrolmentId: string;
  /** The day the student stops (today or earlier). */
  effectiveOn: string;
  /** Why, in the student's words (optional). */
  reason: string | null;
  /** The day the student asked to stop (today or earlier): the letter confirms it. */
  requestedOn: string;
}

export async function withdrawStudent(viewer: Viewer, input: WithdrawalInput, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  if (compareIsoDates(input.effectiveOn, today) > 0) {
    const message = "Registrer at studenten slutter når det har skjedd: datoen kan ikke være etter i dag.";
    throw new DomainError(message, { effectiveOn: [message] });
  }
  const requested = requestedOnProblem(input.requestedOn, today);
  if (requested) throw new DomainError(requested, { requestedOn: [requested] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    const problem = enrolmentChangeProblem("WITHDRAW", enrolment.status);
    if (problem) throw new DomainError(problem);
    const reason = input.reason?.trim() || null;
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "WITHDRAWN", endedOn: day(input.effectiveOn), endReason: reason } });
    // An open leave ends with the enrolment, the day she stopped (withdrawn if it had not begun
    // by then): never left open, and never covering a day after she left.
    const leave = await closeOpenLeave(tx, enrolment.id, viewer.id, input.effectiveOn, "Studenten har sluttet", "STUDENT_WITHDRAWN");
    const exam = await withdrawExamRegistration(tx, enrolment.id, viewer.id, "Studenten har sluttet", { keepBegun: false });
    const place = await givePlaceBack(tx, enrolment, now);
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: { kind: "WITHDRAWAL_CONFIRMED", effectiveOn: input.effectiveOn, reason, examWithdrawn: exam.withdrawn, requestedOn: input.requestedOn },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "Enrolment", id: enrolment.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "enrolment.withdraw",
      entityType: "Enrolment",
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: {
        status: "WITHDRAWN",
        effectiveOn: input.effectiveOn,
        requestedOn: input.requestedOn,
        reason,
        examWithdrawn: exam.withdrawn,
        placeReleased: place.released,
        waitlistClosesOn: place.waitlistClosesOn,
        leave: leave?.outcome ?? null,
        letterId: letter.id,
      },
    });
    // No standing to recompute: a student who left is no longer evaluated (refreshStandings covers
    // the students in the kull only).
    return { letterId: letter.id, placeReleased: place.released, waitlistClosesOn: place.waitlistClosesOn, examWithdrawn: exam.withdrawn };
  }));
  await requestJob("mail.deliver");
  if (result.placeReleased) await requestJob("admission.waitlist");
  return result;
}
