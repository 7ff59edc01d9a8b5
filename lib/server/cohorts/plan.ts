import "server-only";
// A cohort's plan as its staff keep it: samlinger with their days (ISO weeks, location), samlinger
// shared with a cohort of another programme (one set of days; attendance is kept per student),
// the exam's three days, the arbeidskrav with due dates (checked by validateArbeidskravSet
// against the cohort's own requirements), and the requirements themselves, which advisers may
// change only before the cohort begins. A new kull can copy a previous kull's plan shifted by whole
// weeks. A day (or samling) with registered attendance or absence notices is never removed: the
// use case refuses with the reason, and the database refuses too (foreign keys are RESTRICT).
//
// Every change locks the cohort row (FOR NO KEY UPDATE) so two editors never interleave, writes in
// one transaction and leaves an audit entry; samlinger are renumbered by date after each change.
import { osloDate } from "@/lib/domain/application-deadline";
import { validateArbeidskravSet, type ArbeidskravKind } from "@/lib/domain/arbeidskrav";
import { dayRemovalRefusal, examDays, samlingDaysProblems, shiftByWeeks, weekLabel, weekdayShortNb } from "@/lib/domain/cohort-plan";
import { addDays } from "@/lib/domain/dates";
import { validateRequirements, type CohortRequirements } from "@/lib/domain/requirements";
import type { Transaction } from "@/lib/db/client";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff, staffCohortWhere } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";

// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function getCohortPlan(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  const [cohort, otherCohorts] = await Promise.all([
    db().cohort.findUnique({
      where: { id: cohortId },
      select: {
        id: true,
        name: true,
        startsOn: true,
        endsOn: true,
        ...REQUIREMENT_COLUMNS,
        programme: {
          select: {
            id: true,
            code: true,
            name: true,
            arbeidskravTemplates: { orderBy: { number: "asc" }, select: { number: true, kind: true, title: true } },
          },
        },
        samlinger: {
          orderBy: { number: "asc" },
          select: {
            number: true,
            samling: {
              select: {
                id: true,
                title: true,
                location: true,
                notes: true,
                days: {
                  orderBy: { date: "asc" },
                  select: {
                    id: true,
                    date: true,
                    _count: { select: { attendance: true, absenceNotices: { where: { withdrawnAt: null } } } },
                  },
                },
                cohorts: { select: { cohortId: true, cohort: { select: { name: true, programme: { select: { name: true } } } } } },
              },
            },
          },
        },
        exams: { orderBy: { startsOn: "asc" }, take: 1, select: { id: true, title: true, startsOn: true, endsOn: true } },
        arbeidskrav: {
          orderBy: { number: "asc" },
          select: {
            id: true,
            number: true,
            kind: true,
            title: true,
            description: true,
            individualOnly: true,
            oralPresentation: true,
            minGroupSize: true,
            maxGroupSize: true,
            dueDate: true,
            _count: { select: { submissions: true } },
          },
        },
      },
    }),
    // Cohorts to copy a plan from, and to share a samling with: the ones this viewer may see.
    db().cohort.findMany({
      where: { AND: [staffCohortWhere(viewer), { id: { not: cohortId } }] },
      orderBy: { startsOn: "desc" },
      select: {
        id: true,
        name: true,
        startsOn: true,
        programmeId: true,
        programme: { select: { name: true } },
        samlinger: {
          orderBy: { number: "asc" },
          select: { samling: { select: { id: true, title: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } },
        },
      },
    }),
  ]);
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  const requirements = toRequirements(cohort);
  const startsOn = isoDate(cohort.startsOn);
  const samlinger = cohort.samlinger.map(({ number, samling }) => {
    const days = samling.days.map((d) => ({
      id: d.id,
      date: isoDate(d.date),
      weekday: weekdayShortNb(isoDate(d.date)),
      attendance: d._count.attendance,
      absenceNotices: d._count.absenceNotices,
    }));
    return {
      id: samling.id,
      number,
      title: samling.title,
      location: samling.location,
      notes: samling.notes,
      days: days.map((d) => ({
        ...d,
        removalRefusal: days.length === 1 ? "Samlingens eneste dag kan ikke fjernes. Fjern samlingen i stedet." : dayRemovalRefusal(d),
      })),
      week: weekLabel(days.map((d) => d.date)),
      sharedWith: samling.cohorts
        .filter((row) => row.cohortId !== cohortId)
        .map((row) => ({ cohortId: row.cohortId, label: `${row.cohort.programme.name}, ${row.cohort.name}` })),
      removalRefusal: dayRemovalRefusal(
        days.reduce((sum, d) => ({ attendance: sum.attendance + d.attendance, absenceNotices: sum.absenceNotices + d.absenceNotices }), { attendance: 0, absenceNotices: 0 }),
        "samling",
      ),
    };
  });
  const planSamlingIds = new Set(samlinger.map((samling) => samling.id));
  const arbeidskrav = cohort.arbeidskrav.map((definition) => ({
    ...definition,
    dueDate: isoDate(definition.dueDate),
    submissions: definition._count.submissions,
  }));
  const exam = cohort.exams[0];
  return {
    id: cohort.id,
    name: cohort.name,
    startsOn,
    endsOn: isoDate(cohort.endsOn),
    today,
    requirements,
    programme: { name: cohort.programme.name, templates: cohort.programme.arbeidskravTemplates },
    samlinger,
    totalDays: new Set(samlinger.flatMap((samling) => samling.days.map((d) => d.id))).size,
    exam: exam ? { id: exam.id, title: exam.title, startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn), week: weekLabel([isoDate(exam.startsOn), isoDate(exam.endsOn)]) } : null,
    arbeidskrav,
    arbeidskravProblems: validateArbeidskravSet(arbeidskrav, requirements.arbeidskrav),
    canAdminister: isStaff(viewer),
    canEditRequirements: isStaff(viewer) && today < startsOn,
    copySources: otherCohorts
      .filter((other) => other.programmeId === cohort.programme.id && other.samlinger.length > 0)
      .map((other) => {
        const first = other.samlinger[0]?.samling.days[0];
        return { id: other.id, name: other.name, firstDay: first ? isoDate(first.date) : null, samlinger: other.samlinger.length };
      }),
    shareable: otherCohorts
      .filter((other) => other.programmeId !== cohort.programme.id)
      .flatMap((other) =>
        other.samlinger
          .filter(({ samling }) => !planSamlingIds.has(samling.id) && samling.days.length > 0)
          .map(({ samling }) => ({
            samlingId: samling.id,
            label: `${other.programme.name}, ${other.name}: ${samling.title} (${samling.days.map((d) => isoDate(d.date)).join(", ")})`,
            lastDay: isoDate(samling.days.at(-1)!.date),
          })),
      )
      .filter((option) => option.lastDay >= today),
  };
}

export type CohortPlan = Awaited<ReturnType<typeof getCohortPlan>>;

// ─── Shared helpers ─────────────────────────────────────────────────────────────────────────────

async function lockCohort(tx: Transaction, cohortId: string) {
  const [cohort] = await tx.$queryRaw<{ id: string; startsOn: Date }[]>`
    SELECT "id", "startsOn" FROM "Cohort" WHERE "id" = ${cohortId} FOR NO KEY UPDATE`;
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  return cohort;
}

/** Samlinger numbered 1, 2, 3 … by their first day (two steps: the number is unique per cohort). */
async function renumberSamlinger(tx: Transaction, cohortId: string) {
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

async function planDates(tx: Transaction, cohortId: string, exceptSamlingId?: string): Promise<string[]> {
  const days = await tx.samlingDay.findMany({
    where: { samling: { cohorts: { some: { cohortId } } }, ...(exceptSamlingId ? { samlingId: { not: exceptSamlingId } } : {}) },
    select: { date: true },
  });
  return days.map((d) => isoDate(d.date));
}

async function samlingInPlan(tx: Transaction, cohortId: string, samlingId: string) {
  const row = await tx.cohortSamling.findUnique({
    where: { cohortId_samlingId: { cohortId, samlingId } },
    select: { samling: { select: { id: true, title: true, location: true, notes: true, _count: { select: { cohorts: true } } } } },
  });
  if (!row) throw new NotFoundError("Fant ikke samlingen i kullets plan.");
  return row.samling;
}

function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = String((error as { message?: string } | null)?.message ?? "");
  return code === "P2003" || code === "23503" || /foreign key/i.test(message);
}

function daysError(problems: string[]): DomainError {
  return new DomainError(problems.join(" "), { days: problems });
}

// ─── Samlinger and days ─────────────────────────────────────────────────────────────────────────

export interface SamlingFields {
  title: string;
  location: string;
  notes: string | null;
}

export async function addSamling(viewer: Viewer, input: SamlingFields & { cohortId: string; days: string[] }) {
  await requireCohortStaff(viewer, input.cohortId);
  const days = [...input.days].sort();
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const problems = samlingDaysProblems(days, await planDates(tx, input.cohortId));
    if (problems.length > 0) throw daysError(problems);
    const samling = await tx.samling.create({
      data: { title: input.title, location: input.location, notes: input.notes, days: { create: days.map((date) => ({ date: day(date) })) } },
      select: { id: true },
    });
    await tx.cohortSamling.create({ data: { cohortId: input.cohortId, samlingId: samling.id, number: 1000 } });
    await renumberSamlinger(tx, input.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.create",
      entityType: "Samling",
      entityId: samling.id,
      after: { cohortId: input.cohortId, title: input.title, location: input.location, notes: input.notes, days },
    });
    return samling;
  });
}

/** Title, place and notes. A shared samling is one samling: the other cohort sees the change too. */
export async function updateSamling(viewer: Viewer, input: SamlingFields & { cohortId: string; samlingId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const samling = await samlingInPlan(tx, input.cohortId, input.samlingId);
    await tx.samling.update({ where: { id: samling.id }, data: { title: input.title, location: input.location, notes: input.notes } });
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.update",
      entityType: "Samling",
      entityId: samling.id,
      before: { title: samling.title, location: samling.location, notes: samling.notes },
      after: { title: input.title, location: input.location, notes: input.notes },
    });
  });
}

export async function addSamlingDay(viewer: Viewer, input: { cohortId: string; samlingId: string; date: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const samling = await samlingInPlan(tx, input.cohortId, input.samlingId);
    // A shared samling's days are every sharing cohort's days.
    const sharing = await tx.cohortSamling.findMany({ where: { samlingId: samling.id }, select: { cohortId: true } });
    const taken: string[] = [];
    for (const row of sharing) taken.push(...(await planDates(tx, row.cohortId)));
    const problems = samlingDaysProblems([input.date], taken);
    if (problems.length > 0) throw new DomainError(problems.join(" "), { date: problems });
    const created = await tx.samlingDay.create({ data: { samlingId: samling.id, date: day(input.date) }, select: { id: true } });
    for (const row of sharing) await renumberSamlinger(tx, row.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.add_day",
      entityType: "SamlingDay",
      entityId: created.id,
      after: { samlingId: samling.id, date: input.date },
    });
    return created;
  });
}

export async function removeSamlingDay(viewer: Viewer, input: { cohortId: string; samlingDayId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  try {
    return await db().$transaction(async (tx) => {
      await lockCohort(tx, input.cohortId);
      const [target] = await tx.$queryRaw<{ id: string; samlingId: string; date: Date }[]>`
        SELECT d."id", d."samlingId", d."date" FROM "SamlingDay" d
        JOIN "CohortSamling" cs ON cs."samlingId" = d."samlingId" AND cs."cohortId" = ${input.cohortId}
        WHERE d."id" = ${input.samlingDayId}
        FOR UPDATE OF d`;
      if (!target) throw new NotFoundError("Fant ikke samlingsdagen i kullets plan.");
      const [attendance, absenceNotices, siblings] = await inOrder(
        () => tx.attendance.count({ where: { samlingDayId: target.id } }),
        () => tx.absenceNotice.count({ where: { samlingDayId: target.id, withdrawnAt: null } }),
        () => tx.samlingDay.count({ where: { samlingId: target.samlingId } }),
      );
      const refusal =
        siblings === 1 ? "Samlingens eneste dag kan ikke fjernes. Fjern samlingen i stedet." : dayRemovalRefusal({ attendance, absenceNotices });
      if (refusal) throw new DomainError(refusal);
      // Withdrawn notices are history of a day that no longer exists; the day's removal takes them.
      await tx.absenceNotice.deleteMany({ where: { samlingDayId: target.id, withdrawnAt: { not: null } } });
      await tx.samlingDay.delete({ where: { id: target.id } });
      const sharing = await tx.cohortSamling.findMany({ where: { samlingId: target.samlingId }, select: { cohortId: true } });
      for (const row of sharing) await renumberSamlinger(tx, row.cohortId);
      await audit(tx, {
        actorId: viewer.id,
        action: "samling.remove_day",
        entityType: "SamlingDay",
        entityId: target.id,
        before: { samlingId: target.samlingId, date: isoDate(target.date) },
      });
      return { date: isoDate(target.date) };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new DomainError("Dagen kan ikke fjernes fordi det er registrert oppmøte for den.");
    throw error;
  }
}

/**
 * Removes a samling from the plan. A samling shared with another cohort stays for that cohort and
 * only leaves this plan (refused when this cohort's students have attendance on it); otherwise
 * the samling and its days are deleted (refused when anything is recorded for its days).
 */
export async function removeSamling(viewer: Viewer, input: { cohortId: string; samlingId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  try {
    return await db().$transaction(async (tx) => {
      await lockCohort(tx, input.cohortId);
      const samling = await samlingInPlan(tx, input.cohortId, input.samlingId);
      const shared = samling._count.cohorts > 1;
      const students = shared ? { enrolment: { cohortId: input.cohortId } } : {};
      const [attendance, absenceNotices] = await inOrder(
        () => tx.attendance.count({ where: { samlingDay: { samlingId: samling.id }, ...students } }),
        () => tx.absenceNotice.count({ where: { samlingDay: { samlingId: samling.id }, withdrawnAt: null, ...students } }),
      );
      const refusal = dayRemovalRefusal({ attendance, absenceNotices }, "samling");
      if (refusal) throw new DomainError(refusal);
      if (shared) {
        await tx.cohortSamling.delete({ where: { cohortId_samlingId: { cohortId: input.cohortId, samlingId: samling.id } } });
      } else {
        await tx.absenceNotice.deleteMany({ where: { samlingDay: { samlingId: samling.id } } });
        await tx.cohortSamling.delete({ where: { cohortId_samlingId: { cohortId: input.cohortId, samlingId: samling.id } } });
        await tx.samling.delete({ where: { id: samling.id } });
      }
      await renumberSamlinger(tx, input.cohortId);
      await audit(tx, {
        actorId: viewer.id,
        action: shared ? "samling.unshare" : "samling.delete",
        entityType: "Samling",
        entityId: samling.id,
        before: { cohortId: input.cohortId, title: samling.title },
      });
      return { title: samling.title, shared };
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new DomainError("Samlingen kan ikke fjernes fordi det er registrert oppmøte for den.");
    throw error;
  }
}

/**
 * Adds a samling of a cohort of another programme to this cohort's plan: one samling, one set of
 * days, attendance kept per student. Advisers coordinate the programmes, so only they share.
 */
export async function shareSamling(viewer: Viewer, input: { cohortId: string; samlingId: string }) {
  if (!isStaff(viewer)) throw new AccessDeniedError("Bare studieveiledere kan dele samlinger mellom kull.");
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const [cohort, samling] = await inOrder(
      () => tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: { programmeId: true } }),
      () => tx.samling.findUnique({
        where: { id: input.samlingId },
        select: { id: true, title: true, days: { select: { date: true } }, cohorts: { select: { cohortId: true, cohort: { select: { programmeId: true } } } } },
      }),
    );
    if (!samling || samling.cohorts.length === 0) throw new NotFoundError("Fant ikke samlingen.");
    if (samling.cohorts.some((row) => row.cohortId === input.cohortId)) throw new DomainError("Samlingen er allerede i kullets plan.");
    if (samling.cohorts.every((row) => row.cohort.programmeId === cohort.programmeId)) {
      throw new DomainError("Bare samlinger fra et kull i et annet studieprogram kan deles.");
    }
    const problems = samlingDaysProblems(samling.days.map((d) => isoDate(d.date)), await planDates(tx, input.cohortId));
    if (problems.length > 0) throw new DomainError(problems.join(" "));
    await tx.cohortSamling.create({ data: { cohortId: input.cohortId, samlingId: samling.id, number: 1000 } });
    await renumberSamlinger(tx, input.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.share",
      entityType: "Samling",
      entityId: samling.id,
      after: { cohortId: input.cohortId, sharedWith: samling.cohorts.map((row) => row.cohortId) },
    });
    return { title: samling.title };
  });
}

/**
 * Copies another kull's plan into this one (which must have no samlinger yet), every date moved by
 * `weeks` whole weeks so weekdays stay: samlinger with days (as this cohort's own; share a samling
 * again if the other programme meets too), arbeidskrav with due dates (when this cohort has none)
 * and the exam (when it has none). Day arithmetic is the domain's exact calendar arithmetic.
 */
export async function copyPlan(viewer: Viewer, input: { cohortId: string; fromCohortId: string; weeks: number }) {
  await requireCohortStaff(viewer, input.cohortId);
  await requireCohortStaff(viewer, input.fromCohortId);
  if (input.cohortId === input.fromCohortId) throw new DomainError("Velg et annet kull å kopiere fra.", { fromCohortId: ["Velg et annet kull."] });
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const [target, source] = await inOrder(
      () => tx.cohort.findUniqueOrThrow({
        where: { id: input.cohortId },
        select: { _count: { select: { samlinger: true, arbeidskrav: true, exams: true } } },
      }),
      () => tx.cohort.findUniqueOrThrow({
        where: { id: input.fromCohortId },
        select: {
          name: true,
          samlinger: { orderBy: { number: "asc" }, select: { samling: { select: { title: true, location: true, notes: true, days: { select: { date: true } } } } } },
          arbeidskrav: { orderBy: { number: "asc" } },
          exams: { orderBy: { startsOn: "asc" }, take: 1, select: { title: true, startsOn: true, endsOn: true } },
        },
      }),
    );
    if (target._count.samlinger > 0) throw new DomainError("Kullet har allerede samlinger. En plan kan bare kopieres inn i et kull uten samlinger.");
    if (source.samlinger.length === 0) throw new DomainError(`${source.name} har ingen samlinger å kopiere.`);
    const shift = (value: Date) => day(shiftByWeeks(isoDate(value), input.weeks));
    for (const [index, { samling }] of source.samlinger.entries()) {
      const created = await tx.samling.create({
        data: {
          title: samling.title,
          location: samling.location,
          notes: samling.notes,
          days: { create: samling.days.map((d) => ({ date: shift(d.date) })) },
        },
        select: { id: true },
      });
      await tx.cohortSamling.create({ data: { cohortId: input.cohortId, samlingId: created.id, number: index + 1 } });
    }
    await renumberSamlinger(tx, input.cohortId);
    let arbeidskrav = 0;
    if (target._count.arbeidskrav === 0 && source.arbeidskrav.length > 0) {
      const created = await tx.arbeidskravDefinition.createMany({
        data: source.arbeidskrav.map(({ id: _id, cohortId: _cohortId, dueDate, ...definition }) => ({
          ...definition,
          cohortId: input.cohortId,
          dueDate: shift(dueDate),
        })),
      });
      arbeidskrav = created.count;
    }
    const exam = source.exams[0];
    const copyExam = target._count.exams === 0 && exam !== undefined;
    if (copyExam) {
      await tx.exam.create({ data: { cohortId: input.cohortId, title: exam.title, startsOn: shift(exam.startsOn), endsOn: shift(exam.endsOn) } });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.copy_plan",
      entityType: "Cohort",
      entityId: input.cohortId,
      after: { fromCohortId: input.fromCohortId, weeks: input.weeks, samlinger: source.samlinger.length, arbeidskrav, exam: copyExam },
    });
    return { samlinger: source.samlinger.length, arbeidskrav, exam: copyExam };
  });
}

// ─── The exam's days ────────────────────────────────────────────────────────────────────────────

export async function setExamDays(viewer: Viewer, input: { cohortId: string; firstDay: string; title: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  const { startsOn, endsOn } = examDays(input.firstDay);
  return db().$transaction(async (tx) => {
    await lockCohort(tx, input.cohortId);
    const existing = await tx.exam.findFirst({
      where: { cohortId: input.cohortId },
      orderBy: { startsOn: "asc" },
      select: { id: true, title: true, startsOn: true, endsOn: true },
    });
    const data = { title: input.title, startsOn: day(startsOn), endsOn: day(endsOn) };
    const exam = existing
      ? await tx.exam.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.exam.create({ data: { ...data, cohortId: input.cohortId }, select: { id: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: existing ? "exam.update" : "exam.create",
      entityType: "Exam",
      entityId: exam.id,
      before: existing ? { title: existing.title, startsOn: isoDate(existing.startsOn), endsOn: isoDate(existing.endsOn) } : null,
      after: { title: input.title, startsOn, endsOn },
    });
    return { startsOn, endsOn };
  });
}

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
export function suggestedDueDates(plan: Pick<CohortPlan, "samlinger" | "startsOn" | "endsOn">, count: number): string[] {
  const samlingEnds = plan.samlinger.map((samling) => samling.days.at(-1)?.date).filter((date): date is string => Boolean(date));
  return Array.from({ length: count }, (_, index) => {
    if (samlingEnds.length === 0) return addDays(plan.startsOn, 42 * (index + 1));
    const at = Math.min(samlingEnds.length - 1, Math.round(((index + 1) * samlingEnds.length) / (count + 1)));
    return addDays(samlingEnds[at]!, 14);
  });
}
