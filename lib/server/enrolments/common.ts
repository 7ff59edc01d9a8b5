import "server-only";
// What every enrolment change shares: only advisers (and admins) make them, the enrolment row is
// locked first (FOR UPDATE) so two changes to one student run one after the other, the exam
// registration is withdrawn where the change takes the student off the exam, and the letter is
// signed by the adviser. Rules: lib/domain/enrolment.ts.
import { isStaff } from "@/lib/permissions";
import type { EnrolmentStatus } from "@/lib/domain/enrolment";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
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

/** Locks the enrolment row for the rest of the transaction (NotFound for an id that is not one). */
export async function lockEnrolment(tx: Transaction, enrolmentId: string): Promise<LockedEnrolment> {
  if (!isRecordId(enrolmentId)) throw new NotFoundError(ENROLMENT_NOT_FOUND);
  const [row] = await tx.$queryRaw<LockedEnrolment[]>`
    SELECT "id", "userId", "cohortId", "status"::text AS "status", "applicationId", "transferredFromId"
    FROM "Enrolment" WHERE "id" = ${enrolmentId} FOR UPDATE`;
  if (!row) throw new NotFoundError(ENROLMENT_NOT_FOUND);
  return row;
}

/** How the adviser signs the letter (Studieveileder, or Fagansvarlig/Faglærer when on the team). */
export async function signer(tx: Transaction, viewer: Viewer, cohortId: string) {
  return { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, cohortId) };
}

/**
 * Takes the student off the kull's exam: an admitted registration without a grade becomes
 * WITHDRAWN (audited, `exam.withdraw`, with the cause). A graded one stays (the sitting is over).
 * Returns whether a registration was withdrawn.
 */
export async function withdrawExamRegistration(tx: Transaction, enrolmentId: string, actorId: string | null, cause: string): Promise<boolean> {
  const registrations = await tx.examRegistration.findMany({
    where: { enrolmentId, status: "ADMITTED", grade: null },
    select: { id: true },
  });
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
  return registrations.length > 0;
}

