import "server-only";
// The steps of a kull's life a person takes (lib/domain/cohort-life.ts): publish a draft (from
// then on applicants see it and may apply), complete a kull whose work is done, archive a
// completed kull (it leaves the everyday lists and stays readable). Each step locks the cohort
// row, checks its preconditions with the facts read in the same transaction, stores the moment,
// and writes its audit entry.
import { osloDate } from "@/lib/domain/application-deadline";
import { archiveProblems } from "@/lib/domain/cohort-life";
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { lockCohort } from "@/lib/server/cohorts/plan-support";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { LIFE_SELECT, lifeOf, loadLifeCounts, type CohortLife } from "@/lib/server/intakes/facts";
import { requireIntakeManager } from "@/lib/server/intakes/queries";
import type { Viewer } from "@/lib/server/viewer";

type Step = "publish" | "complete" | "archive";

const COLUMN = { publish: "publishedAt", complete: "completedAt", archive: "archivedAt" } as const;
const REFUSED = {
  publish: "Opptaket kan ikke publiseres ennå:",
  complete: "Kullet kan ikke fullføres ennå:",
  archive: "Kullet kan ikke arkiveres:",
} as const;

function problemsFor(step: Step, life: CohortLife): string[] {
  // lifeOf checks a draft against publicationProblems; anything else is published already.
  if (step === "publish") return life.phase === "DRAFT" ? life.publicationProblems : ["Opptaket er allerede publisert."];
  if (step === "complete") return life.completionProblems;
  return archiveProblems(life.phase);
}

async function takeStep(viewer: Viewer, cohortId: string, step: Step, now: Date) {
  requireIntakeManager(viewer);
  const today = osloDate(now);
  return db().$transaction(async (tx: Transaction) => {
    await lockCohort(tx, cohortId);
    const row = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: LIFE_SELECT });
    const counts = (await loadLifeCounts(tx, [row.id])).get(row.id)!;
    const life = lifeOf(row, counts, today);
    const problems = problemsFor(step, life);
    if (problems.length > 0) throw new DomainError(`${REFUSED[step]} ${problems.join(" ")}`, { form: problems });
    const column = COLUMN[step];
    await tx.cohort.update({ where: { id: row.id }, data: { [column]: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: `cohort.${step}`,
      entityType: "Cohort",
      entityId: row.id,
      before: { phase: life.phase, [column]: null },
      after: { [column]: now.toISOString() },
    });
    return { name: row.name, programme: row.programme.name };
  });
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
