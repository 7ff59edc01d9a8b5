import "server-only";
// The steps of a kull's life a person takes (lib/domain/cohort-life.ts): publish a draft (from
// then on applicants see it and may apply), complete a kull whose work is done, archive a
// completed kull with no case left open (it leaves the everyday lists, stays readable, and is
// closed to writes: migration *_archived_kull_closed_to_writes), bring an archived kull back
// from the archive to correct it (with a reason), and open a completed kull again to correct what
// completion fixed (with a reason). Each step locks the cohort row, checks its
// preconditions with the facts read in the same transaction, stores the moment, and writes its
// audit entry.
import { osloDate } from "@/lib/domain/application-deadline";
import { reopenProblems, restoreProblems } from "@/lib/domain/cohort-life";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { lockCohort } from "@/lib/server/cohorts/plan-support";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { LIFE_SELECT, lifeOf, loadLifeCounts, loadOpenCases, type CohortLife } from "@/lib/server/intakes/facts";
import { requireIntakeManager } from "@/lib/server/intakes/queries";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";

type Step = "publish" | "complete" | "archive" | "restore" | "reopen";

const REFUSED = {
  publish: "Opptaket kan ikke publiseres ennå:",
  complete: "Kullet kan ikke fullføres ennå:",
  archive: "Kullet kan ikke arkiveres:",
  restore: "Kullet kan ikke hentes fram:",
  reopen: "Kullet kan ikke åpnes igjen:",
} as const;

function problemsFor(step: Step, life: CohortLife): string[] {
  // lifeOf checks a draft against publicationProblems; anything else is published already.
  if (step === "publish") return life.phase === "DRAFT" ? life.publicationProblems : ["Opptaket er allerede publisert."];
  if (step === "complete") return life.completionProblems;
  if (step === "restore") return restoreProblems(life.phase);
  if (step === "reopen") return reopenProblems(life.phase);
  // Read with the open cases for a completed kull; for any other phase, the phase is the problem (lifeOf).
  return life.archiveProblems!;
}

/** What the step stores: the moment of publishing, completing or archiving; restoring clears the archiving, reopening the completion. */
function change(step: Step, now: Date): { column: "publishedAt" | "completedAt" | "archivedAt"; value: Date | null } {
  switch (step) {
    case "publish":
      return { column: "publishedAt", value: now };
    case "complete":
      return { column: "completedAt", value: now };
    case "archive":
      return { column: "archivedAt", value: now };
    case "restore":
      return { column: "archivedAt", value: null };
    case "reopen":
      return { column: "completedAt", value: null };
  }
}

async function takeStep(viewer: Viewer, cohortId: string, step: Step, now: Date, reason?: string) {
  requireIntakeManager(viewer);
  const today = osloDate(now);
  return withRetry(() => db().$transaction(async (tx: Transaction) => {
    await lockCohort(tx, cohortId);
    const row = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: LIFE_SELECT });
    // The phase is the locked row's: a step the kull is not ready for (a stale page's «Arkiver»
    // on a running kull) is refused below without holding the kull's writes back first.
    const phase = lifeOf(row, undefined, today, null).phase;
    const closing = (step === "archive" && phase === "COMPLETED") || (step === "restore" && phase === "ARCHIVED");
    if (closing) await lockAgainstWrites(tx, cohortId);
    const counts = (await loadLifeCounts(tx, [row.id])).get(row.id)!;
    // Archiving reads the open cases (after its exclusive lock, so the writes in flight are counted).
    const openCases = closing && step === "archive" ? await loadOpenCases(tx, row.id, today) : null;
    const life = lifeOf(row, counts, today, openCases);
    const problems = problemsFor(step, life);
    if (problems.length > 0) throw new DomainError(`${REFUSED[step]} ${problems.join(" ")}`, { form: problems });
    const { column, value } = change(step, now);
    await tx.cohort.update({ where: { id: row.id }, data: { [column]: value } });
    await audit(tx, {
      actorId: viewer.id,
      action: `cohort.${step}`,
      entityType: "Cohort",
      entityId: row.id,
      before: { phase: life.phase, [column]: row[column]?.toISOString() ?? null },
      after: { [column]: value?.toISOString() ?? null, ...(reason ? { reason } : {}) },
    });
    return { name: row.name, programme: row.programme.name };
  }));
}

/**
 * Archiving and restoring wait for the writes to the kull's record in flight, and hold new ones
 * back until they commit: the database's closed-record check takes a shared advisory lock on the
 * kull (kull_archive_lock_key, migration *_archived_kull_closed_to_writes) before it reads
 * archivedAt, and this takes it exclusively. Taken after the kull's row lock, so a plan change or
 * an admission decision (which lock the row first) queue behind the step, not across it.
 */
async function lockAgainstWrites(tx: Transaction, cohortId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(kull_archive_lock_key(${cohortId}))`;
}

/** Applicants see the intake from now on (on the public page while its window is open). */
export function publishIntake(viewer: Viewer, cohortId: string, now = new Date()) {
  return takeStep(viewer, cohortId, "publish", now);
}

export function completeCohort(viewer: Viewer, cohortId: string, now = new Date()) {
  return takeStep(viewer, cohortId, "complete", now);
}

export function archiveCohort(viewer: Viewer, cohortId: string, now = new Date()) {
  return takeStep(viewer, cohortId, "archive", now);
}

/**
 * Brings an archived kull back (it is completed again, and open to corrections: a late klage, a
 * grade changed after a klage, a resit). The reason is kept in the audit entry; archive it again
 * when the correction is made.
 */
export function restoreCohort(viewer: Viewer, cohortId: string, reason: string, now = new Date()) {
  return takeStep(viewer, cohortId, "restore", now, reason);
}

/**
 * Opens a completed kull again, so what completion fixed can be corrected (the plan's days, the
 * intake's dates, a leave). Its phase is the calendar's again; the reason is kept in the audit
 * entry. Complete it again when the correction is made. Students' own completions stand.
 */
export function reopenCohort(viewer: Viewer, cohortId: string, reason: string, now = new Date()) {
  return takeStep(viewer, cohortId, "reopen", now, reason);
}
