import "server-only";
// A cohort's arbeidskrav set and requirements: created from the programme's study plan, then
// saved as one set (saveArbeidskravSet), each save checked by validateArbeidskravSet against the
// cohort's own requirements (which advisers change only before the cohort begins). Every change
// that bears on the exam recomputes the students' standings in the same transaction.
import { osloDate } from "@/lib/domain/application-deadline";
import { countNoun } from "@/lib/domain/format";
import {
  arbeidskravSetChange,
  arbeidskravSetEditRule,
  validateArbeidskravSet,
  type ArbeidskravSetItem,
} from "@/lib/domain/arbeidskrav";
import { validateRequirements, type CohortRequirements } from "@/lib/domain/requirements";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";
import { lockPlan } from "@/lib/server/cohorts/plan-support";
import { inOrder } from "@/lib/server/in-order";
import { refreshStandings } from "@/lib/server/standings/refresh";

// ─── Arbeidskrav ────────────────────────────────────────────────────────────────────────────────

/**
 * Creates the cohort's arbeidskrav from its programme's template (the study plan), with the due
 * dates given by template number. Refused when the cohort already has arbeidskrav, or when the
 * template does not fit the cohort's own requirements.
 */
export async function createArbeidskravFromTemplate(viewer: Viewer, input: { cohortId: string; dueDates: Record<number, string> }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockPlan(tx, input.cohortId);
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
    await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: "Arbeidskravene er lagt inn i planen" });
    return { created: templates.length };
  });
}

/** A stored arbeidskrav definition as an item of the set (what saveArbeidskravSet compares and takes). */
export function storedSetItem(row: Omit<ArbeidskravSetItem, "dueDate"> & { id: string; dueDate: Date }): ArbeidskravSetItem {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    description: row.description,
    required: row.required,
    individualOnly: row.individualOnly,
    oralPresentation: row.oralPresentation,
    minGroupSize: row.minGroupSize,
    maxGroupSize: row.maxGroupSize,
    dueDate: isoDate(row.dueDate),
  };
}

/**
 * Saves a cohort's whole arbeidskrav set as one change: the set must keep the composition the
 * cohort's requirements ask for (validateArbeidskravSet), or nothing is saved. Items are matched by
 * id; an item someone has handed in cannot be removed, nor narrowed below a group that handed it
 * in. Once the kull has started or anyone has handed in, a change of what the exam requires is
 * the fagansvarlig's alone, with a written reason (arbeidskravSetEditRule); it is audited with the
 * whole set before and after, and every student's standing is recomputed and shown as changed.
 */
export async function saveArbeidskravSet(
  viewer: Viewer,
  input: { cohortId: string; items: readonly ArbeidskravSetItem[]; reason: string | null },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  const items = [...input.items].sort((a, b) => a.number - b.number);
  return db().$transaction(async (tx) => {
    const locked = await lockPlan(tx, input.cohortId);
    // The items' rows, before anything is counted: a hand-in holds its item's row while it is
    // written (its foreign key), so one under way is waited for and counted below (the rule for
    // who may change the set after a hand-in), and none begins until this change is saved.
    await tx.$queryRaw`SELECT "id" FROM "ArbeidskravDefinition" WHERE "cohortId" = ${input.cohortId} ORDER BY "id" FOR UPDATE`;
    const [cohort, stored, handedIn, lead] = await inOrder(
      () => tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: REQUIREMENT_COLUMNS }),
      () => tx.arbeidskravDefinition.findMany({
        where: { cohortId: input.cohortId },
        orderBy: { number: "asc" },
        select: {
          id: true, number: true, kind: true, title: true, description: true, required: true, individualOnly: true,
          oralPresentation: true, minGroupSize: true, maxGroupSize: true, dueDate: true, maxAttempts: true,
          submissions: {
            select: {
              _count: { select: { members: true } },
              attempts: { where: { OR: [{ status: "NOT_APPROVED" }, { correctionNotices: { some: { status: "PENDING" } } }] }, select: { attempt: true, status: true } },
            },
          },
          _count: { select: { credits: true } },
        },
      }),
      () => tx.submission.count({ where: { arbeidskrav: { cohortId: input.cohortId } } }),
      () => tx.cohortTeacher.findFirst({ where: { cohortId: input.cohortId, userId: viewer.id, academicLead: true }, select: { userId: true } }),
    );
    const before: ArbeidskravSetItem[] = stored.map(storedSetItem);
    const known = new Map(stored.map((definition) => [definition.id, definition]));
    for (const item of items) {
      if (item.id !== null && !known.has(item.id)) throw new NotFoundError("Et av arbeidskravene hører ikke til kullet. Last siden på nytt.");
    }
    const change = arbeidskravSetChange(before, items);
    const rule = arbeidskravSetEditRule({ started: osloDate(now) >= isoDate(locked.startsOn), handedIn: handedIn > 0, composition: change.composition });
    if (rule === "ACADEMIC_LEAD_WITH_REASON") {
      if (!lead) {
        throw new AccessDeniedError(
          "Kullet har begynt eller noen har levert, så bare fagansvarlig kan endre hvilke arbeidskrav som kreves. Frister, titler og beskrivelser kan du fortsatt endre.",
        );
      }
      if (!input.reason) {
        throw new DomainError("Skriv hvorfor arbeidskravene endres etter at kullet har begynt.", { reason: ["Skriv en begrunnelse for endringen."] });
      }
    }
    const problems = validateArbeidskravSet(items, toRequirements(cohort).arbeidskrav);
    if (problems.length > 0) throw new DomainError(`Arbeidskravene ble ikke lagret. ${problems.join(" ")}`, { items: problems });
    const refusals: string[] = [];
    for (const id of change.removed) {
      const definition = known.get(id)!;
      if (definition.submissions.length > 0) refusals.push(`${definition.title} kan ikke fjernes fordi studenter har levert det.`);
      else if (definition._count.credits > 0) refusals.push(`${definition.title} kan ikke fjernes fordi det er godkjent fra et tidligere kull for ${countNoun(definition._count.credits, "student", "studenter")} som er overført hit.`);
    }
    // A credit was checked against the item as it was (the same kind, individual work for an
    // individual item, the oral one for the oral item: lib/server/enrolments/transfer.ts); what it
    // was checked against stays while it is credited.
    for (const item of items) {
      const definition = item.id ? known.get(item.id) : undefined;
      if (!definition || definition._count.credits === 0) continue;
      if (
        item.kind !== definition.kind ||
        item.individualOnly !== definition.individualOnly ||
        item.oralPresentation !== definition.oralPresentation ||
        (item.required !== false) !== definition.required
      ) {
        refusals.push(
          `${definition.title} er godkjent fra et tidligere kull for ${countNoun(definition._count.credits, "student", "studenter")} som er overført hit, ` +
            "så type, krav om individuell levering, muntlig framlegg og om det er obligatorisk kan ikke endres.",
        );
      }
    }
    // Whether the last «ikke godkjent» is a vedtak follows from the item being obligatory
    // (isRejectionDecision): once one is given, the students' letters (or the lack of them) stand
    // on it, so it is not changed.
    for (const item of items) {
      const definition = item.id ? known.get(item.id) : undefined;
      if (!definition || (item.required !== false) === definition.required) continue;
      const finalRejections = definition.submissions.filter((submission) =>
        submission.attempts.some((attempt) => attempt.status === "NOT_APPROVED" && attempt.attempt >= definition.maxAttempts),
      ).length;
      // A forhåndsvarsel announces a vedtak, which an optional item's correction is not.
      const notices = definition.submissions.filter((submission) => submission.attempts.some((attempt) => attempt.status !== "NOT_APPROVED")).length;
      if (finalRejections > 0 || notices > 0) {
        refusals.push(
          `${definition.title} ${finalRejections > 0 ? `er ikke godkjent etter siste innlevering for ${countNoun(finalRejections, "innlevering", "innleveringer")}` : "har et forhåndsvarsel om retting som venter"}, ` +
            "så om det er obligatorisk eller valgfritt, kan ikke endres: det avgjør om vurderingen er et vedtak med klagerett.",
        );
      }
    }
    for (const item of items) {
      const definition = item.id ? known.get(item.id) : undefined;
      const largest = Math.max(0, ...(definition?.submissions.map((submission) => submission._count.members) ?? []));
      if (definition && largest > item.maxGroupSize) {
        refusals.push(`${definition.title} er levert av en gruppe på ${largest} og kan ikke begrenses til ${item.maxGroupSize}.`);
      }
    }
    if (refusals.length > 0) throw new DomainError(`Arbeidskravene ble ikke lagret. ${refusals.join(" ")}`, { items: refusals });
    if (!change.composition && change.edited.length === 0) return { changed: false, composition: false };

    // Numbers are unique per cohort: move every stored one out of the way first.
    await tx.$executeRaw`UPDATE "ArbeidskravDefinition" SET "number" = "number" + 1000 WHERE "cohortId" = ${input.cohortId}`;
    if (change.removed.length > 0) await tx.arbeidskravDefinition.deleteMany({ where: { id: { in: change.removed }, cohortId: input.cohortId } });
    for (const item of items) {
      const data = {
        number: item.number,
        kind: item.kind,
        title: item.title,
        description: item.description,
        required: item.required !== false,
        individualOnly: item.individualOnly,
        oralPresentation: item.oralPresentation,
        minGroupSize: item.minGroupSize,
        maxGroupSize: item.maxGroupSize,
        dueDate: day(item.dueDate!),
      };
      if (item.id) await tx.arbeidskravDefinition.update({ where: { id: item.id }, data });
      else await tx.arbeidskravDefinition.create({ data: { ...data, cohortId: input.cohortId } });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: change.composition ? "arbeidskrav.change_set" : "arbeidskrav.edit_set",
      entityType: "Cohort",
      entityId: input.cohortId,
      before: { arbeidskrav: before },
      after: { arbeidskrav: items, ...(input.reason ? { reason: input.reason } : {}) },
    });
    if (change.composition) {
      await refreshStandings(tx, { cohortId: input.cohortId }, {
        actorId: viewer.id,
        cause: `Arbeidskravene i kullet er endret${input.reason ? `: ${input.reason}` : ""}`,
        now,
      });
    }
    return { changed: true, composition: change.composition };
  });
}

// ─── Requirements ───────────────────────────────────────────────────────────────────────────────

/** Advisers change a cohort's requirements only before it begins (a cohort that has begun keeps its own). */
export async function updateRequirements(viewer: Viewer, input: { cohortId: string; requirements: CohortRequirements }, now = new Date()) {
  if (!isStaff(viewer)) throw new AccessDeniedError("Bare studieveiledere kan endre kravene til et kull.");
  const problems = validateRequirements(input.requirements);
  if (problems.length > 0) throw new DomainError(problems.join(" "));
  return db().$transaction(async (tx) => {
    const cohort = await lockPlan(tx, input.cohortId);
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
    await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: "Kravene for kullet er endret", now });
  });
}

/** The default due dates offered when arbeidskrav are created from the template: spread over the plan. */
