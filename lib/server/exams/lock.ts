import "server-only";
// The sitting's row lock every exam change takes first, so registration, grades, publication and
// deferrals of one sitting never interleave. Without an examId: the kull's ordinary sitting.
import type { ExamKind } from "@/lib/domain/exam-sittings";
import type { Transaction } from "@/lib/db/client";
import { DomainError, NotFoundError } from "@/lib/server/errors";

export const NO_EXAM = "Kullet har ingen eksamen i planen ennå. Legg den inn under Plan.";

export interface LockedSitting {
  id: string;
  cohortId: string;
  kind: ExamKind;
  title: string;
  startsOn: Date;
  endsOn: Date;
  startsAt: Date;
  handInAt: Date;
  registrationClosesOn: Date | null;
  gradesPublishedAt: Date | null;
}

export async function lockExam(tx: Transaction, cohortId: string, examId?: string | null): Promise<LockedSitting> {
  const [exam] = examId
    ? await tx.$queryRaw<LockedSitting[]>`
        SELECT "id", "cohortId", "kind"::text AS "kind", "title", "startsOn", "endsOn", "startsAt", "handInAt", "registrationClosesOn", "gradesPublishedAt"
        FROM "Exam" WHERE "cohortId" = ${cohortId} AND "id" = ${examId} FOR UPDATE`
    : await tx.$queryRaw<LockedSitting[]>`
        SELECT "id", "cohortId", "kind"::text AS "kind", "title", "startsOn", "endsOn", "startsAt", "handInAt", "registrationClosesOn", "gradesPublishedAt"
        FROM "Exam" WHERE "cohortId" = ${cohortId} AND "kind" = 'ORDINARY' FOR UPDATE`;
  if (!exam) {
    if (examId) throw new NotFoundError("Fant ikke eksamenen.");
    throw new DomainError(NO_EXAM);
  }
  return exam;
}

/** Two sittings of one kull locked in id order (a deferral: the one missed and the deferred one). */
export async function lockTwoSittings(tx: Transaction, cohortId: string, a: string, b: string): Promise<Map<string, LockedSitting>> {
  const ids = [...new Set([a, b])].sort();
  const rows = await tx.$queryRaw<LockedSitting[]>`
    SELECT "id", "cohortId", "kind"::text AS "kind", "title", "startsOn", "endsOn", "startsAt", "handInAt", "registrationClosesOn", "gradesPublishedAt"
    FROM "Exam" WHERE "cohortId" = ${cohortId} AND "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  if (rows.length !== ids.length) throw new NotFoundError("Fant ikke eksamenen.");
  return new Map(rows.map((row) => [row.id, row]));
}
