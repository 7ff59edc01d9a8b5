import "server-only";
// The exam row lock every exam change takes first, so registration, grades and publication of
// one exam never interleave.
import type { Transaction } from "@/lib/db/client";
import { DomainError } from "@/lib/server/errors";


export const NO_EXAM = "Kullet har ingen eksamen i planen ennå. Legg den inn under Plan.";

export async function lockExam(tx: Transaction, cohortId: string) {
  const [exam] = await tx.$queryRaw<{ id: string; title: string; startsOn: Date; endsOn: Date; gradesPublishedAt: Date | null }[]>`
    SELECT "id", "title", "startsOn", "endsOn", "gradesPublishedAt" FROM "Exam"
    WHERE "cohortId" = ${cohortId} ORDER BY "startsOn", "id" LIMIT 1 FOR UPDATE`;
  if (!exam) throw new DomainError(NO_EXAM);
  return exam;
}

