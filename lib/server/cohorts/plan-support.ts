import "server-only";
// What the plan's use cases share: the cohort lock (closed to plan changes once the kull is completed), renumbering samlinger by date, the plan's
// dates, and the errors a refused change gives.
import type { Transaction } from "@/lib/db/client";
import { osloDate } from "@/lib/domain/application-deadline";
import { ARCHIVED_KULL_MESSAGE, planOutsideKull, sharedSamlingClosedMessage } from "@/lib/domain/cohort-life";
import { planClosedReason } from "@/lib/domain/cohort-plan";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { isoDate } from "@/lib/to-domain";


// ─── Shared helpers ─────────────────────────────────────────────────────────────────────────────

export async function lockCohort(tx: Transaction, cohortId: string) {
  const [cohort] = await tx.$queryRaw<{ id: string; startsOn: Date }[]>`
    SELECT "id", "startsOn" FROM "Cohort" WHERE "id" = ${cohortId} FOR NO KEY UPDATE`;
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  return cohort;
}

/**
 * The cohort's lock for a change to its plan, refused once the kull is completed (planClosedReason).
 * An archived kull gives the one answer every write to it gets (the database would refuse it too).
 */
export async function lockPlan(tx: Transaction, cohortId: string) {
  const [cohort] = await tx.$queryRaw<{ id: string; startsOn: Date; completedAt: Date | null; archivedAt: Date | null }[]>`
    SELECT "id", "startsOn", "completedAt", "archivedAt" FROM "Cohort" WHERE "id" = ${cohortId} FOR NO KEY UPDATE`;
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  if (cohort.archivedAt) throw new DomainError(ARCHIVED_KULL_MESSAGE);
  const closed = planClosedReason({ completedOn: cohort.completedAt ? osloDate(cohort.completedAt) : null });
  if (closed) throw new DomainError(closed);
  return cohort;
}

/**
 * lockPlan for a change to a samling that may be shared: every kull whose plan holds it is locked
 * (in id order, so two changes from either side never wait on each other), then this kull's plan
 * is checked as lockPlan does. What is read afterwards about the other kull (their days, whether
 * one is completed) stands until the change commits. `samlingId` null: not found, lockPlan alone.
 */
export async function lockSharedPlans(tx: Transaction, cohortId: string, samlingId: string | null) {
  const sharing = samlingId ? (await tx.cohortSamling.findMany({ where: { samlingId }, select: { cohortId: true } })).map((row) => row.cohortId) : [];
  const ids = [...new Set([cohortId, ...sharing])].sort();
  await tx.$queryRaw`SELECT "id" FROM "Cohort" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;
  return lockPlan(tx, cohortId);
}

/** Samlinger numbered 1, 2, 3 … by their first day (two steps: the number is unique per cohort). */
export async function renumberSamlinger(tx: Transaction, cohortId: string) {
  await tx.$executeRaw`UPDATE "CohortSamling" SET "number" = "number" + 1000 WHERE "cohortId" = ${cohortId}`;
  await tx.$executeRaw`
    UPDATE "CohortSamling" cs SET "number" = r.rn
    FROM (
      SELECT c."samlingId", row_number() OVER (ORDER BY min(d."date"), c."samlingId") AS rn
      FROM "CohortSamling" c JOIN "SamlingDay" d ON d."samlingId" = c."samlingId"
      WHERE c."cohortId" = ${cohortId}
      GROUP BY c."samlingId"
    ) r
    WHERE cs."cohortId" = ${cohortId} AND cs."samlingId" = r."samlingId"`;
}

export async function planDates(tx: Transaction, cohortId: string, exceptSamlingId?: string): Promise<string[]> {
  const days = await tx.samlingDay.findMany({
    where: { samling: { cohorts: { some: { cohortId } } }, ...(exceptSamlingId ? { samlingId: { not: exceptSamlingId } } : {}) },
    select: { date: true },
  });
  return days.map((d) => isoDate(d.date));
}

export async function samlingInPlan(tx: Transaction, cohortId: string, samlingId: string) {
  const row = await tx.cohortSamling.findUnique({
    where: { cohortId_samlingId: { cohortId, samlingId } },
    select: { samling: { select: { id: true, title: true, location: true, notes: true, _count: { select: { cohorts: true } } } } },
  });
  if (!row) throw new NotFoundError("Fant ikke samlingen i kullets plan.");
  return row.samling;
}

/**
 * A samling shared with a completed kull is part of that kull's plan, which stands (and, once the
 * kull is archived, of its closed record: the database refuses the change too, migration
 * *_archived_kull_closed_to_writes). This says so, naming the kull, to the one changing the plan of
 * the other.
 */
export async function refuseIfSharedWithCompleted(tx: Transaction, samlingId: string, cohortId: string) {
  const completed = await tx.cohortSamling.findMany({
    where: { samlingId, cohortId: { not: cohortId }, cohort: { completedAt: { not: null } } },
    select: { cohort: { select: { name: true, programme: { select: { name: true } } } } },
    orderBy: { cohortId: "asc" },
  });
  if (completed.length > 0) throw new DomainError(sharedSamlingClosedMessage(completed.map((row) => `${row.cohort.name} (${row.cohort.programme.name})`)));
}

/** The samling of this kull's plan, to change its facts or days: in the plan, and not closed with a completed kull. */
export async function samlingToChange(tx: Transaction, cohortId: string, samlingId: string) {
  const samling = await samlingInPlan(tx, cohortId, samlingId);
  await refuseIfSharedWithCompleted(tx, samling.id, cohortId);
  return samling;
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = String((error as { message?: string } | null)?.message ?? "");
  return code === "P2003" || code === "23503" || /foreign key/i.test(message);
}

export function daysError(problems: string[]): DomainError {
  return new DomainError(problems.join(" "), { days: problems });
}


/**
 * A published kull's plan never runs past its end (planOutsideKull's check on the end; a draft's
 * whole span is checked when it is published): the end is what its warnings and exam decisions
 * run until. A day before its start is let be (a samling brought forward before the kull starts).
 * `cohortIds` are the kull the change reaches (every kull sharing a samling); drafts are let be.
 */
export async function refuseOutsidePublishedKull(
  tx: Transaction,
  cohortIds: readonly string[],
  plan: { samlingDays?: readonly string[]; exam?: { startsOn: string; endsOn: string } },
  field: string,
) {
  const rows = await tx.cohort.findMany({
    where: { id: { in: [...cohortIds] }, publishedAt: { not: null } },
    orderBy: { id: "asc" },
    select: { name: true, startsOn: true, endsOn: true },
  });
  for (const row of rows) {
    const problems = planOutsideKull({ startsOn: isoDate(row.startsOn), endsOn: isoDate(row.endsOn), samlingDays: plan.samlingDays ?? [], exam: plan.exam ?? null }, "end");
    if (problems.length > 0) {
      const message = `${cohortIds.length > 1 ? `${row.name}: ` : ""}${problems.join(" ")} Flytt sluttdatoen for kullet først.`;
      throw new DomainError(message, { [field]: [message] });
    }
  }
}
