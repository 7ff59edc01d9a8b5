import "server-only";
// The student's identity for FS (rules: lib/domain/student-identity.ts): fødselsdato,
// studentnummer and, optionally, FS-personløpenummer. Read and written only here and in the exam
// protocol/FS export (lib/server/exams/results.ts): the student reads and fills in their own (a
// step after accepting the offer), advisers anyone's; faculty never through this module
// (canReadStudentIdentity, canEditStudentIdentity in lib/permissions.ts). Someone else's identity
// is "not found". Every change is audited with before and after.
import { osloDate } from "@/lib/domain/application-deadline";
import { normaliseNumber, studentIdentityProblems, type StudentIdentityInput } from "@/lib/domain/student-identity";
import { day } from "@/lib/dates";
import { canEditStudentIdentity, canReadStudentIdentity } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { inOrder } from "@/lib/server/in-order";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { isRecordId } from "@/lib/validation/ids";

const NOT_FOUND = "Fant ikke studenten.";

export interface StudentIdentityView {
  birthDate: string;
  studentNumber: string | null;
  fsPersonNumber: string | null;
  updatedAt: Date;
  updatedBy: string;
}

/** The identity as the viewer may see it (null: none registered yet); NotFound for anyone else. */
export async function getStudentIdentity(viewer: Viewer, userId: string): Promise<StudentIdentityView | null> {
  if (!isRecordId(userId) || !canReadStudentIdentity(viewer, userId)) throw new NotFoundError(NOT_FOUND);
  const row = await db().studentIdentity.findUnique({
    where: { userId },
    select: { birthDate: true, studentNumber: true, fsPersonNumber: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  return row ? { birthDate: isoDate(row.birthDate), studentNumber: row.studentNumber, fsPersonNumber: row.fsPersonNumber, updatedAt: row.updatedAt, updatedBy: row.updatedBy.name } : null;
}

/** The birth date from the student's newest application, to suggest in the form (the viewer may read it). */
export async function suggestedBirthDate(viewer: Viewer, userId: string): Promise<string | null> {
  if (!canReadStudentIdentity(viewer, userId)) throw new NotFoundError(NOT_FOUND);
  const application = await db().application.findFirst({
    where: { applicantId: userId, birthDate: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { birthDate: true },
  });
  return application?.birthDate ? isoDate(application.birthDate) : null;
}

/**
 * Registers or corrects the identity. The date of birth is required; the studentnummer may wait
 * until NTNU has issued it, and the FS person number is optional. A studentnummer or FS number
 * already on another student is refused at its field.
 */
export async function saveStudentIdentity(viewer: Viewer, input: StudentIdentityInput & { userId: string }, now = new Date()) {
  if (!isRecordId(input.userId) || !canEditStudentIdentity(viewer, input.userId)) throw new NotFoundError(NOT_FOUND);
  const value: StudentIdentityInput = {
    birthDate: input.birthDate,
    studentNumber: input.studentNumber === null ? null : normaliseNumber(input.studentNumber) || null,
    fsPersonNumber: input.fsPersonNumber === null ? null : normaliseNumber(input.fsPersonNumber) || null,
  };
  const problems = studentIdentityProblems(value, osloDate(now));
  if (Object.keys(problems).length > 0) {
    throw new DomainError("Noe må rettes. Se feltene som er merket.", Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])));
  }
  return db().$transaction(async (tx) => {
    const student = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, roles: true } });
    if (!student || !student.roles.includes("STUDENT")) throw new NotFoundError(NOT_FOUND);
    // One person per number: the unique index decides, but the message belongs at the field.
    const [numberTaken, fsTaken] = await inOrder(
      async () => (value.studentNumber ? tx.studentIdentity.findFirst({ where: { studentNumber: value.studentNumber, userId: { not: input.userId } }, select: { userId: true } }) : null),
      async () => (value.fsPersonNumber ? tx.studentIdentity.findFirst({ where: { fsPersonNumber: value.fsPersonNumber, userId: { not: input.userId } }, select: { userId: true } }) : null),
    );
    const taken: Record<string, string[]> = {};
    if (numberTaken) taken.studentNumber = ["Studentnummeret er allerede registrert på en annen student. Sjekk sifrene."];
    if (fsTaken) taken.fsPersonNumber = ["FS-personløpenummeret er allerede registrert på en annen student."];
    if (Object.keys(taken).length > 0) throw new DomainError("Noe må rettes. Se feltene som er merket.", taken);
    const before = await tx.studentIdentity.findUnique({ where: { userId: input.userId }, select: { birthDate: true, studentNumber: true, fsPersonNumber: true } });
    const data = { birthDate: day(value.birthDate!), studentNumber: value.studentNumber, fsPersonNumber: value.fsPersonNumber, updatedAt: now, updatedById: viewer.id };
    await tx.studentIdentity.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...data }, update: data });
    const beforeValue = before ? { birthDate: isoDate(before.birthDate), studentNumber: before.studentNumber, fsPersonNumber: before.fsPersonNumber } : null;
    const afterValue = { birthDate: value.birthDate, studentNumber: value.studentNumber, fsPersonNumber: value.fsPersonNumber };
    const changed = JSON.stringify(beforeValue) !== JSON.stringify(afterValue);
    if (changed) {
      await audit(tx, {
        actorId: viewer.id,
        action: before ? "student_identity.change" : "student_identity.register",
        entityType: "User",
        entityId: input.userId,
        before: beforeValue,
        after: { ...afterValue, by: viewer.id === input.userId ? "student" : "adviser" },
      });
    }
    return { changed, created: before === null };
  });
}
