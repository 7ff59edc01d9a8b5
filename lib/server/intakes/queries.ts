import "server-only";
// Reading kull as the adviser manages them: each kull's phase and next step for the adviser's
// home, one kull's intake page (its facts, what stands in the way of the next step, what may no
// longer change), the archive, and the proposal for a copy of an earlier kull (every date moved
// by whole weeks and off public holidays, for the adviser to review before it is saved).
import { isWaitlistClosed, waitlistClosingDate } from "@/lib/domain/admission-decisions";
import { osloDate } from "@/lib/domain/application-deadline";
import { COHORT_PHASE_LABELS, describeCohortPhase } from "@/lib/domain/cohort-life";
import { compareCohortCodes, isCohortCode } from "@/lib/domain/cohort";
import { copyPlanDates, planShape, weeksBetweenTerms } from "@/lib/domain/cohort-plan";
import { copiedIntakeFields, fixedIntakeFields } from "@/lib/domain/intake";
import { canManageIntakes } from "@/lib/permissions";
import { placesFloor } from "@/lib/server/admission/places";
import { readPlanToCopy } from "@/lib/server/cohorts/samlinger";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { intakeFieldsOf, LIFE_SELECT, livesWithOpenCases, loadLifeCounts, nextStepHref } from "@/lib/server/intakes/facts";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { isRecordId } from "@/lib/validation/ids";

export const INTAKES_STAFF_ONLY = "Bare studieveiledere og administratorer kan opprette og endre kull.";

export function requireIntakeManager(viewer: Viewer): void {
  if (!canManageIntakes(viewer)) throw new AccessDeniedError(INTAKES_STAFF_ONLY);
}

/** One kull's intake page for the adviser. */
export async function getIntake(viewer: Viewer, cohortId: string, now = new Date()) {
  requireIntakeManager(viewer);
  if (!isRecordId(cohortId)) throw new NotFoundError("Fant ikke kullet.");
  const today = osloDate(now);
  const row = await db().cohort.findUnique({
    where: { id: cohortId },
    select: {
      ...LIFE_SELECT,
      programme: { select: { id: true, name: true, code: true } },
      teachers: { orderBy: [{ academicLead: "desc" }, { user: { name: "asc" } }], select: { academicLead: true, user: { select: { name: true } } } },
      _count: { select: { samlinger: true } },
    },
  });
  if (!row) throw new NotFoundError("Fant ikke kullet.");
  const tallies = await loadLifeCounts(db(), [row.id]);
  const counts = tallies.get(row.id)!;
  const life = (await livesWithOpenCases(db(), [row], tallies, today)).get(row.id)!;
  const waitlistClosing = waitlistClosingDate({
    waitlistClosesOn: life.fields.waitlistClosesOn,
    startsOn: life.fields.startsOn,
    samlingDays: life.samlingDays.map((d) => d.date),
  });
  return {
    id: row.id,
    programme: row.programme,
    ...life.fields,
    today,
    phase: life.phase,
    phaseLabel: COHORT_PHASE_LABELS[life.phase],
    phaseText: describeCohortPhase(life.phase, life.lifeFacts, today),
    publishedAt: row.publishedAt,
    completedAt: row.completedAt,
    archivedAt: row.archivedAt,
    archivedOn: row.archivedAt ? osloDate(row.archivedAt) : null,
    samlinger: row._count.samlinger,
    samlingDays: life.samlingDays.length,
    firstDay: life.samlingDays[0]?.date ?? null,
    lastDay: life.samlingDays.at(-1)?.date ?? null,
    exam: life.exam,
    arbeidskrav: life.arbeidskravCount,
    teachers: row.teachers.map((teacher) => ({ name: teacher.user.name, academicLead: teacher.academicLead })),
    counts,
    /** Offered (open or accepted) or held by a student: the fewest places the kull may have. */
    placesTaken: await placesFloor(db(), row.id),
    publicationProblems: life.publicationProblems,
    completionProblems: life.completionProblems,
    archiveProblems: life.archiveProblems!,
    nextStep: life.nextStep ? { text: life.nextStep.text, href: nextStepHref(row.id, life, today) } : null,
    /** The day the waiting list closes (or closed), the default day when none is set. */
    waitlistClosing,
    /** What may no longer change, each with why (the rules are lib/domain/intake.ts; the use case decides). */
    locked: fixedIntakeFields({
      phase: life.phase,
      decisions: counts.decisions,
      waitlistClosedOn: isWaitlistClosed(waitlistClosing, now) ? waitlistClosing : null,
    }),
  };
}

export type IntakePage = Awaited<ReturnType<typeof getIntake>>;

/** Archived kull: out of the everyday lists, still readable through their pages. */
export async function listArchivedCohorts(viewer: Viewer) {
  requireIntakeManager(viewer);
  const rows = await db().cohort.findMany({
    where: { archivedAt: { not: null } },
    orderBy: [{ startsOn: "desc" }],
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      archivedAt: true,
      programme: { select: { name: true } },
      _count: { select: { enrolments: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    programme: row.programme.name,
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    archivedOn: osloDate(row.archivedAt!),
    students: row._count.enrolments,
  }));
}

/** Every kull a new one may be copied from (newest first), with what the copy would take. */
export async function listCopySources(viewer: Viewer) {
  requireIntakeManager(viewer);
  const rows = await db().cohort.findMany({
    orderBy: [{ startsOn: "desc" }],
    select: { id: true, code: true, name: true, programme: { select: { name: true } }, _count: { select: { samlinger: true, arbeidskrav: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    label: `${row.programme.name}, ${row.name} (${row._count.samlinger} samlinger, ${row._count.arbeidskrav} arbeidskrav)`,
  }));
}

/** The next code after the source's own in its programme: the same term a year later, not yet taken. */
function suggestedCode(code: string, taken: ReadonlySet<string>): string {
  let year = Number(code.slice(1)) + 1;
  while (taken.has(`${code[0]}${year}`)) year += 1;
  return `${code[0]}${year}`;
}

/**
 * What a copy of `sourceId` as `code` would be: the intake's facts and every date of the plan
 * moved by the weeks between the two terms (or `weeks`), off public holidays with a warning each;
 * the arbeidskrav with new due dates; the teaching team. Nothing is saved.
 */
export async function getCopyProposal(viewer: Viewer, input: { sourceId: string; code?: string | null; weeks?: number | null }) {
  requireIntakeManager(viewer);
  if (!isRecordId(input.sourceId)) throw new NotFoundError("Fant ikke kullet du vil kopiere.");
  const source = await db().cohort.findUnique({
    where: { id: input.sourceId },
    select: {
      ...LIFE_SELECT,
      programme: { select: { id: true, name: true, cohorts: { select: { code: true } } } },
      teachers: {
        orderBy: [{ academicLead: "desc" }, { user: { name: "asc" } }],
        select: { academicLead: true, user: { select: { id: true, name: true, disabledAt: true, roles: true } } },
      },
    },
  });
  if (!source) throw new NotFoundError("Fant ikke kullet du vil kopiere.");
  const taken = new Set(source.programme.cohorts.map((cohort) => cohort.code));
  const code = input.code && isCohortCode(input.code) ? input.code : suggestedCode(source.code, taken);
  const sourceFields = intakeFieldsOf(source);
  const weeks = input.weeks ?? weeksBetweenTerms(source.code, code, sourceFields.startsOn);
  const plan = await readPlanToCopy(db(), source.id);
  const copy = copyPlanDates(plan, weeks);
  return {
    source: { id: source.id, name: source.name, code: source.code, programme: source.programme.name, fields: sourceFields },
    code,
    codeTaken: taken.has(code),
    later: compareCohortCodes(code, source.code) > 0,
    weeks,
    fields: copiedIntakeFields(sourceFields, code, weeks),
    /** The source's plan as shown (planShape): sent back with the form, checked by copyIntake. */
    planShape: planShape(plan),
    samlinger: plan.samlinger.map((samling, index) => ({ title: samling.title, location: samling.location, days: copy.samlinger[index]!.days })),
    arbeidskrav: copy.arbeidskrav,
    exam: copy.exam,
    warnings: copy.warnings,
    team: source.teachers
      .filter((teacher) => teacher.user.disabledAt === null && teacher.user.roles.includes("FACULTY"))
      .map((teacher) => ({ name: teacher.user.name, academicLead: teacher.academicLead })),
  };
}

export type CopyProposal = Awaited<ReturnType<typeof getCopyProposal>>;
