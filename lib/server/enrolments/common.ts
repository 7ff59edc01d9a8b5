import "server-only";
// What every enrolment change shares: only advisers (and admins) make them, the kull's row and the
// enrolment row are locked first (FOR UPDATE) so two changes to one student run one after the other, the exam
// registration is withdrawn where the change takes the student off the exam, and the letter is
// signed by the adviser. Rules: lib/domain/enrolment.ts.
import { isOwnCase, isStaff, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { leaveHasBegun, type EnrolmentStatus } from "@/lib/domain/enrolment";
import { examPhase } from "@/lib/domain/exam-time";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { deciderTitle } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isRecordId } from "@/lib/validation/ids";

export const ENROLMENT_NOT_FOUND = "Fant ikke studenten i kullet.";

/** Enrolment changes are the study administration's: advisers and admins, nobody else. */
export function requireAdviser(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AccessDeniedError();
}

export interface LockedEnrolment {
  id: string;
  userId: string;
  cohortId: string;
  status: EnrolmentStatus;
  applicationId: string | null;
  transferredFromId: string | null;
}

/**
 * Locks the enrolment's kull row and then the enrolment row for the rest of the transaction
 * (NotFound for an id that is not one). `alsoKull` (a transfer's new kull) is locked with it.
 *
 * The kull's row comes first, FOR UPDATE as the capacity trigger takes it when a status changes,
 * because every write of a kull takes its locks in one order: the kull's row, then the kull's
 * archive lock (taken by the closed-record check, prisma/migrations/*_archived_kull_closed_to_writes).
 * Archiving takes them in that order too. A change that took the archive lock first (its first
 * write) and the row later (the capacity trigger) could deadlock with archiving the kull. Two
 * kull are locked in the order of their ids, so two transfers in opposite directions do not
 * deadlock either. FOR UPDATE also holds back, for these few milliseconds, inserts that refer to
 * the kull (their foreign-key check takes KEY SHARE) and other enrolment changes in the kull: the
 * price of one lock order, on changes an adviser makes one at a time.
 */
export async function lockEnrolment(tx: Transaction, enrolmentId: string, alsoKull?: string): Promise<LockedEnrolment> {
  if (!isRecordId(enrolmentId)) throw new NotFoundError(ENROLMENT_NOT_FOUND);
  await tx.$queryRaw`
    SELECT "id" FROM "Cohort"
    WHERE "id" = ANY(ARRAY[(SELECT "cohortId" FROM "Enrolment" WHERE "id" = ${enrolmentId}), ${alsoKull ?? null}::text])
    ORDER BY "id" FOR UPDATE`;
  const [row] = await tx.$queryRaw<LockedEnrolment[]>`
    SELECT "id", "userId", "cohortId", "status"::text AS "status", "applicationId", "transferredFromId"
    FROM "Enrolment" WHERE "id" = ${enrolmentId} FOR UPDATE`;
  if (!row) throw new NotFoundError(ENROLMENT_NOT_FOUND);
  return row;
}

/**
 * `lockEnrolment` for a decision by `viewer` about the student: refused when the student is the
 * viewer (forvaltningsloven § 6), an adviser who is also a student of a kull.
 */
export async function lockEnrolmentToDecide(tx: Transaction, viewer: Viewer, enrolmentId: string, alsoKull?: string): Promise<LockedEnrolment> {
  const row = await lockEnrolment(tx, enrolmentId, alsoKull);
  if (isOwnCase(viewer, [row.userId])) throw new DomainError(OWN_CASE_MESSAGE);
  return row;
}

/** How the adviser signs the letter (Studieveileder, or Fagansvarlig/Faglærer when on the team). */
export async function signer(tx: Transaction, viewer: Viewer, cohortId: string) {
  return { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, cohortId) };
}

/**
 * Takes the student off the kull's exam: an admitted registration without a grade becomes
 * WITHDRAWN (audited, `exam.withdraw`, with the cause). A graded one stays.
 * - When the enrolment ends (withdrawal, transfer), every ungraded one: she is no longer in the
 *   kull, its exam pages, completion and FS export are for the students in it, and one moving to
 *   a later kull sits the exam there.
 * - When a leave begins (`keepBegun`), one whose sitting has begun stays (`examPhase`): she is
 *   still in the kull and may have handed in, and what was handed in is graded (or, with no hand
 *   in, «ikke møtt» or a deferral) as any other; withdrawing it would lose the hand-in and, once
 *   the sitting has begun, is refused to staff too (withdrawFromExam).
 * Returns whether one was withdrawn, and whether one was kept for a sitting that has begun (the
 * letter says so).
 */
export async function withdrawExamRegistration(
  tx: Transaction,
  enrolmentId: string,
  actorId: string | null,
  cause: string,
  options: { keepBegun: false } | { keepBegun: true; now: Date },
): Promise<{ withdrawn: boolean; kept: boolean }> {
  const ungraded = await tx.examRegistration.findMany({
    where: { enrolmentId, status: "ADMITTED", grade: null },
    select: { id: true, exam: { select: { startsAt: true, handInAt: true } } },
  });
  const registrations = options.keepBegun ? ungraded.filter((registration) => examPhase(registration.exam, options.now) === "BEFORE") : ungraded;
  for (const registration of registrations) {
    await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      actorId,
      action: "exam.withdraw",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { status: "ADMITTED" },
      after: { status: "WITHDRAWN", cause },
    });
  }
  return { withdrawn: registrations.length > 0, kept: registrations.length < ungraded.length };
}


/**
 * Ends the enrolment's open leave when the enrolment itself ends (withdrawal, transfer) on
 * `endedOn` (today, or the earlier day a withdrawal took effect): one that had not begun by then
 * is withdrawn (CANCELLED; lib/domain/enrolment.ts leaveCancellationProblem's "before its first
 * day"), one that had ends that day (returnedOn, with how it ended). Audited; the letter of the
 * change that ends the enrolment tells the student. Returns the leave and what was done, or null
 * when there was no open leave.
 */
export async function closeOpenLeave(
  tx: Transaction,
  enrolmentId: string,
  actorId: string,
  endedOn: string,
  cause: string,
  ending: "STUDENT_WITHDRAWN" | "STUDENT_TRANSFERRED" | "STUDENT_COMPLETED",
): Promise<{ leaveId: string; outcome: "CANCELLED" | "ENDED"; from: string; to: string } | null> {
  const [open] = await tx.$queryRaw<{ id: string; fromDate: string; toDate: string }[]>`
    SELECT "id", "fromDate"::text AS "fromDate", "toDate"::text AS "toDate" FROM "LeaveOfAbsence"
    WHERE "enrolmentId" = ${enrolmentId} AND "status" = 'GRANTED' AND "returnedOn" IS NULL FOR UPDATE`;
  if (!open) return null;
  const begun = leaveHasBegun({ from: open.fromDate }, endedOn);
  if (begun) {
    await tx.leaveOfAbsence.update({ where: { id: open.id }, data: { returnedOn: day(endedOn), ending, returnRegisteredById: actorId } });
  } else {
    await tx.leaveOfAbsence.update({ where: { id: open.id }, data: { status: "CANCELLED" } });
  }
  await audit(tx, {
    actorId,
    action: begun ? "leave.return" : "leave.cancel",
    entityType: "LeaveOfAbsence",
    entityId: open.id,
    before: { status: "GRANTED", from: open.fromDate, to: open.toDate, returnedOn: null },
    after: begun ? { returnedOn: endedOn, ending, cause } : { status: "CANCELLED", cause },
  });
  return { leaveId: open.id, outcome: begun ? "ENDED" : "CANCELLED", from: open.fromDate, to: open.toDate };
}
