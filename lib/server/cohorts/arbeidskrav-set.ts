import "server-only";
// A cohort's arbeidskrav and requirements: created from the programme's study plan, due dates,
// added or removed one at a time, each change checked by validateArbeidskravSet against the
// cohort's own requirements (which advisers change only before the cohort begins).
import { osloDate } from "@/lib/domain/application-deadline";
import { validateArbeidskravSet, type ArbeidskravKind } from "@/lib/domain/arbeidskrav";
import { validateRequirements, type CohortRequirements } from "@/lib/domain/requirements";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";
import { lockCohort } from "@/lib/server/cohorts/plan-support";

// ─── Arbeidskrav ────────────────────────────────────────────────────────────────────────────────

/**
 * Creates the cohort's arbeidskrav from its programme's template (the study plan), with the due
 * dates given by template number. Refused when the cohort already has arbeidskrav, or when the
 * template does not fit the cohort's own requirements.
 */
export async function createArbeidskravFromTemplate(viewer: Viewer, input: { cohortId: string; dueDates: Record<number, string> }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const cohort = await tx.cohort.findUniqueOrThrow({
      where: { id: input.cohortId },
      select: { ...REQUIREMENT_COLUMNS, _count: { select: { arbeidskrav: true } }, programme: { select: { arbeidskravTemplates: { orderBy: { number: "asc" } } } } },
    });
    if (cohort._count.arbeidskrav > 0) throw new DomainError("Kullet har allerede arbeidskrav.");
    const templates = cohort.programme.arbeidskravTemplates;
    if (templates.length === 0) throw new DomainError("Studieprogrammet har ingen mal for arbeidskrav.");
    const problems = validateArbeidskravSet(templates, toRequirements(cohort).arbeidskrav);
    if (problems.length > 0) {
      throw new DomainError(`Studieplanens arbeidskrav passer ikke med kullets krav: ${problems.join(" ")} Legg dem inn ett og ett i stedet.`);
    }
    const fieldErrors: Record<string, string[]> = {};
    for (const template of templates) {
      if (!input.dueDates[template.number]) fieldErrors[`due-${template.number}`] = [`Velg frist for ${template.title}.`];
    }
    if (Object.keys(fieldErrors).length > 0) throw new DomainError("Hvert arbeidskrav må ha en frist.", fieldErrors);
    await tx.arbeidskravDefinition.createMany({
      data: templates.map(({ id: _id, programmeId: _programmeId, ...template }) => ({
        ...template,
        cohortId: input.cohortId,
        dueDate: day(input.dueDates[template.number]!),
      })),
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "arbeidskrav.create_from_template",
      entityType: "Cohort",
      entityId: input.cohortId,
      after: { arbeidskrav: templates.map((template) => ({ number: template.number, title: template.title, dueDate: input.dueDates[template.number] })) },
    });
    return { created: templates.length };
  });
}

export async function setArbeidskravDueDate(viewer: Viewer, input: { cohortId: string; arbeidskravId: string; dueDate: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const definition = await tx.arbeidskravDefinition.findFirst({
      where: { id: input.arbeidskravId, cohortId: input.cohortId },
      select: { id: true, title: true, dueDate: true },
    });
    if (!definition) throw new NotFoundError("Fant ikke arbeidskravet.");
    await tx.arbeidskravDefinition.update({ where: { id: definition.id }, data: { dueDate: day(input.dueDate) } });
    await audit(tx, {
      actorId: viewer.id,
      action: "arbeidskrav.set_due_date",
      entityType: "ArbeidskravDefinition",
      entityId: definition.id,
      before: { dueDate: isoDate(definition.dueDate) },
      after: { dueDate: input.dueDate },
    });
    return { title: definition.title };
  });
}

export interface ArbeidskravFields {
  kind: ArbeidskravKind;
  title: string;
  description: string;
  individualOnly: boolean;
  oralPresentation: boolean;
  maxGroupSize: number;
  dueDate: string;
}

/** Adds one arbeidskrav at the end (a cohort whose study plan has more than the template). */
export async function addArbeidskrav(viewer: Viewer, input: ArbeidskravFields & { cohortId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  const individualOnly = input.kind === "LEDERTRENING" || input.individualOnly || input.maxGroupSize === 1;
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const last = await tx.arbeidskravDefinition.findFirst({ where: { cohortId: input.cohortId }, orderBy: { number: "desc" }, select: { number: true } });
    const created = await tx.arbeidskravDefinition.create({
      data: {
        cohortId: input.cohortId,
        number: (last?.number ?? 0) + 1,
        kind: input.kind,
        title: input.title,
        description: input.description,
        individualOnly,
        oralPresentation: input.oralPresentation,
        minGroupSize: 1,
        maxGroupSize: individualOnly ? 1 : input.maxGroupSize,
        dueDate: day(input.dueDate),
      },
      select: { id: true, number: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "arbeidskrav.create",
      entityType: "ArbeidskravDefinition",
      entityId: created.id,
      after: { ...input, individualOnly, number: created.number },
    });
    return created;
  });
}

/** Removes an arbeidskrav nobody has handed in; the ones after it move up one number. */
export async function removeArbeidskrav(viewer: Viewer, input: { cohortId: string; arbeidskravId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const definition = await tx.arbeidskravDefinition.findFirst({
      where: { id: input.arbeidskravId, cohortId: input.cohortId },
      select: { id: true, number: true, title: true, _count: { select: { submissions: true } } },
    });
    if (!definition) throw new NotFoundError("Fant ikke arbeidskravet.");
    if (definition._count.submissions > 0) {
      throw new DomainError(`${definition.title} kan ikke fjernes fordi studenter har levert det.`);
    }
    await tx.arbeidskravDefinition.delete({ where: { id: definition.id } });
    // One at a time, upwards: each number below is already free (numbers are unique and 1–20).
    const later = await tx.arbeidskravDefinition.findMany({
      where: { cohortId: input.cohortId, number: { gt: definition.number } },
      orderBy: { number: "asc" },
      select: { id: true, number: true },
    });
    for (const row of later) await tx.arbeidskravDefinition.update({ where: { id: row.id }, data: { number: row.number - 1 } });
    await audit(tx, {
      actorId: viewer.id,
      action: "arbeidskrav.delete",
      entityType: "ArbeidskravDefinition",
      entityId: definition.id,
      before: { number: definition.number, title: definition.title },
    });
    return { title: definition.title };
  });
}

// ─── Requirements ───────────────────────────────────────────────────────────────────────────────

/** Advisers change a cohort's requirements only before it begins (a cohort that has begun keeps its own). */
export async function updateRequirements(viewer: Viewer, input: { cohortId: string; requirements: CohortRequirements }, now = new Date()) {
  if (!isStaff(viewer)) throw new AccessDeniedError("Bare studieveiledere kan endre kravene til et kull.");
  const problems = validateRequirements(input.requirements);
  if (problems.length > 0) throw new DomainError(problems.join(" "));
  return db().$transaction(async (tx) => {
    const cohort = await lockCohort(tx, input.cohortId);
    if (osloDate(now) >= isoDate(cohort.startsOn)) {
      throw new DomainError("Kullet har begynt, og kravene kan ikke endres lenger. De gjelder slik de var da kullet startet.");
    }
    const before = await tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: REQUIREMENT_COLUMNS });
    const { attendancePercent, arbeidskrav } = input.requirements;
    const after = {
      attendanceThresholdPercent: attendancePercent,
      arbeidskravTotal: arbeidskrav.total,
      fagnotatCount: arbeidskrav.fagnotat,
      ledertreningCount: arbeidskrav.ledertrening,
      oralCount: arbeidskrav.oral,
      individualFagnotatMin: arbeidskrav.individualFagnotatMin,
    };
    await tx.cohort.update({ where: { id: input.cohortId }, data: after });
    await audit(tx, { actorId: viewer.id, action: "cohort.update_requirements", entityType: "Cohort", entityId: input.cohortId, before, after });
  });
}

/** The default due dates offered when arbeidskrav are created from the template: spread over the plan. */
