import "server-only";
// A cohort's samlinger and their days: add, rename, move, share with a cohort of another
// programme, remove (never one with attendance or absence notices), and copy a previous kull's plan
// shifted by whole weeks. Each change locks the cohort row, writes in one transaction with its
// audit entry, and renumbers the samlinger by date.
import { copyPlanDates, dayRemovalRefusal, samlingDaysProblems } from "@/lib/domain/cohort-plan";
import { examTimesMovedTo } from "@/lib/domain/exam-time";
import type { Transaction } from "@/lib/db/client";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { formatDateNb } from "@/lib/domain/format";
import { refreshStandings, refreshStandingsOfSamlinger } from "@/lib/server/standings/refresh";
import {
  daysError,
  refuseOutsidePublishedKull,
  isForeignKeyViolation,
  lockPlan,
  lockSharedPlans,
  planDates,
  refuseIfSharedWithCompleted,
  renumberSamlinger,
  samlingInPlan,
  samlingToChange,
} from "@/lib/server/cohorts/plan-support";

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
    await lockPlan(tx, input.cohortId);
    const problems = samlingDaysProblems(days, await planDates(tx, input.cohortId));
    if (problems.length > 0) throw daysError(problems);
    const samling = await tx.samling.create({
      data: { title: input.title, location: input.location, notes: input.notes, days: { create: days.map((date) => ({ date: day(date) })) } },
      select: { id: true },
    });
    await tx.cohortSamling.create({ data: { cohortId: input.cohortId, samlingId: samling.id, number: 1000 } });
    await refuseOutsidePublishedKull(tx, [input.cohortId], { samlingDays: days }, "days");
    await renumberSamlinger(tx, input.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.create",
      entityType: "Samling",
      entityId: samling.id,
      after: { cohortId: input.cohortId, title: input.title, location: input.location, notes: input.notes, days },
    });
    await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: `${input.title} er lagt til i planen` });
    return samling;
  });
}

/** Title, place and notes. A shared samling is one samling: the other cohort sees the change too. */
export async function updateSamling(viewer: Viewer, input: SamlingFields & { cohortId: string; samlingId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    await lockSharedPlans(tx, input.cohortId, input.samlingId);
    const samling = await samlingToChange(tx, input.cohortId, input.samlingId);
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
    // Every sharing kull's plan, locked: its days (read below) and whether it is completed stand
    // until this day is added, so a day cannot be added twice from two kull at once.
    await lockSharedPlans(tx, input.cohortId, input.samlingId);
    const samling = await samlingToChange(tx, input.cohortId, input.samlingId);
    // A shared samling's days are every sharing cohort's days.
    const sharing = await tx.cohortSamling.findMany({ where: { samlingId: samling.id }, select: { cohortId: true } });
    const taken: string[] = [];
    for (const row of sharing) taken.push(...(await planDates(tx, row.cohortId)));
    const problems = samlingDaysProblems([input.date], taken);
    if (problems.length > 0) throw new DomainError(problems.join(" "), { date: problems });
    const created = await tx.samlingDay.create({ data: { samlingId: samling.id, date: day(input.date) }, select: { id: true } });
    // After the insert, so that a kull closed to writes answers first (its trigger).
    await refuseOutsidePublishedKull(tx, sharing.map((row) => row.cohortId), { samlingDays: [input.date] }, "date");
    for (const row of sharing) await renumberSamlinger(tx, row.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.add_day",
      entityType: "SamlingDay",
      entityId: created.id,
      after: { samlingId: samling.id, date: input.date },
    });
    await refreshStandingsOfSamlinger(tx, [samling.id], { actorId: viewer.id, cause: `${formatDateNb(input.date)} er lagt til som samlingsdag` });
    return created;
  });
}

export async function removeSamlingDay(viewer: Viewer, input: { cohortId: string; samlingDayId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  try {
    return await db().$transaction(async (tx) => {
      const dayRow = await tx.samlingDay.findUnique({ where: { id: input.samlingDayId }, select: { samlingId: true } });
      await lockSharedPlans(tx, input.cohortId, dayRow?.samlingId ?? null);
      const [target] = await tx.$queryRaw<{ id: string; samlingId: string; date: Date }[]>`
        SELECT d."id", d."samlingId", d."date" FROM "SamlingDay" d
        JOIN "CohortSamling" cs ON cs."samlingId" = d."samlingId" AND cs."cohortId" = ${input.cohortId}
        WHERE d."id" = ${input.samlingDayId}
        FOR UPDATE OF d`;
      if (!target) throw new NotFoundError("Fant ikke samlingsdagen i kullets plan.");
      await refuseIfSharedWithCompleted(tx, target.samlingId, input.cohortId);
      const [attendance, absenceNotices, credits, siblings] = await inOrder(
        () => tx.attendance.count({ where: { samlingDayId: target.id } }),
        () => tx.absenceNotice.count({ where: { samlingDayId: target.id, withdrawnAt: null } }),
        () => tx.attendanceCredit.count({ where: { samlingDayId: target.id } }),
        () => tx.samlingDay.count({ where: { samlingId: target.samlingId } }),
      );
      const refusal =
        siblings === 1 ? "Samlingens eneste dag kan ikke fjernes. Fjern samlingen i stedet." : dayRemovalRefusal({ attendance, absenceNotices, credits });
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
      await refreshStandingsOfSamlinger(tx, [target.samlingId], {
        actorId: viewer.id,
        cause: `${formatDateNb(isoDate(target.date))} er fjernet som samlingsdag`,
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
      await lockPlan(tx, input.cohortId);
      // The kull's link to the samling, locked before the attendance is counted: a whole-day
      // attendance save holds it FOR SHARE (lib/server/cohorts/attendance.ts), so a save under way
      // is counted below, and a save after this finds the day gone from the kull's plan.
      await tx.$executeRaw`SELECT 1 FROM "CohortSamling" WHERE "cohortId" = ${input.cohortId} AND "samlingId" = ${input.samlingId} FOR UPDATE`;
      const samling = await samlingInPlan(tx, input.cohortId, input.samlingId);
      const shared = samling._count.cohorts > 1;
      const students = shared ? { enrolment: { cohortId: input.cohortId } } : {};
      const [attendance, absenceNotices, credits] = await inOrder(
        () => tx.attendance.count({ where: { samlingDay: { samlingId: samling.id }, ...students } }),
        () => tx.absenceNotice.count({ where: { samlingDay: { samlingId: samling.id }, withdrawnAt: null, ...students } }),
        () => tx.attendanceCredit.count({ where: { samlingDay: { samlingId: samling.id }, ...students } }),
      );
      const refusal = dayRemovalRefusal({ attendance, absenceNotices, credits }, "samling");
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
      await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: `${samling.title} er fjernet fra planen` });
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
    await lockPlan(tx, input.cohortId);
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
    await refuseOutsidePublishedKull(tx, [input.cohortId], { samlingDays: samling.days.map((d) => isoDate(d.date)) }, "samlingId");
    await tx.cohortSamling.create({ data: { cohortId: input.cohortId, samlingId: samling.id, number: 1000 } });
    await renumberSamlinger(tx, input.cohortId);
    await audit(tx, {
      actorId: viewer.id,
      action: "samling.share",
      entityType: "Samling",
      entityId: samling.id,
      after: { cohortId: input.cohortId, sharedWith: samling.cohorts.map((row) => row.cohortId) },
    });
    await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: `${samling.title} er lagt til i planen` });
    return { title: samling.title };
  });
}

/**
 * Copies another kull's plan into this one (which must have no samlinger yet), every date moved by
 * `weeks` whole weeks so weekdays stay, and off public holidays (the one rule: copyPlanDates in
 * lib/domain/cohort-plan.ts, whose warnings are returned for the adviser to check): samlinger
 * with days (as this cohort's own; share a samling again if the other programme meets too),
 * arbeidskrav with due dates (when this cohort has none) and the exam (when it has none).
 */
export async function copyPlan(viewer: Viewer, input: { cohortId: string; fromCohortId: string; weeks: number }) {
  await requireCohortStaff(viewer, input.cohortId);
  await requireCohortStaff(viewer, input.fromCohortId);
  if (input.cohortId === input.fromCohortId) throw new DomainError("Velg et annet kull å kopiere fra.", { fromCohortId: ["Velg et annet kull."] });
  return db().$transaction(async (tx) => {
    await lockPlan(tx, input.cohortId);
    const [target, source] = await inOrder(
      () => tx.cohort.findUniqueOrThrow({
        where: { id: input.cohortId },
        select: { _count: { select: { samlinger: true, arbeidskrav: true, exams: true } } },
      }),
      () => readPlanToCopy(tx, input.fromCohortId),
    );
    if (target._count.samlinger > 0) throw new DomainError("Kullet har allerede samlinger. En plan kan bare kopieres inn i et kull uten samlinger.");
    if (source.samlinger.length === 0) throw new DomainError(`${source.name} har ingen samlinger å kopiere.`);
    const copyArbeidskrav = target._count.arbeidskrav === 0;
    const copyExam = target._count.exams === 0 && source.exam !== null;
    const copy = copyPlanDates(
      { samlinger: source.samlinger, arbeidskrav: copyArbeidskrav ? source.arbeidskrav : [], exam: copyExam ? source.exam : null },
      input.weeks,
    );
    await writeCopiedPlan(tx, input.cohortId, source, {
      samlingDays: copy.samlinger.map((samling) => samling.days.map((d) => d.date)),
      dueDates: Object.fromEntries(copy.arbeidskrav.map((definition) => [definition.number, definition.dueDate.date])),
      examFirstDay: copy.exam?.startsOn.date ?? null,
    });
    const result = { samlinger: source.samlinger.length, arbeidskrav: copy.arbeidskrav.length, exam: copy.exam !== null, warnings: copy.warnings };
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.copy_plan",
      entityType: "Cohort",
      entityId: input.cohortId,
      after: { fromCohortId: input.fromCohortId, weeks: input.weeks, ...result },
    });
    await refreshStandings(tx, { cohortId: input.cohortId }, { actorId: viewer.id, cause: `Planen er kopiert fra ${source.name}` });
    return result;
  });
}

/** A kull's plan as a copy needs it: samlinger in order with their dates, arbeidskrav, the exam. */
export async function readPlanToCopy(client: Transaction | ReturnType<typeof db>, cohortId: string) {
  const source = await client.cohort.findUnique({
    where: { id: cohortId },
    select: {
      name: true,
      samlinger: { orderBy: { number: "asc" }, select: { samling: { select: { title: true, location: true, notes: true, days: { orderBy: { date: "asc" }, select: { date: true } } } } } },
      arbeidskrav: { orderBy: { number: "asc" } },
      // The ordinary sitting only: utsatt and ny eksamen are the source kull's own.
      exams: { where: { kind: "ORDINARY" }, take: 1, select: { title: true, startsOn: true, endsOn: true, startsAt: true, handInAt: true } },
    },
  });
  if (!source) throw new NotFoundError("Fant ikke kullet du kopierer fra.");
  const exam = source.exams[0];
  return {
    name: source.name,
    samlinger: source.samlinger.map(({ samling }) => ({
      title: samling.title,
      location: samling.location,
      notes: samling.notes,
      days: samling.days.map((d) => isoDate(d.date)),
    })),
    arbeidskrav: source.arbeidskrav.map(({ id: _id, cohortId: _cohortId, dueDate, ...definition }) => ({ ...definition, dueDate: isoDate(dueDate) })),
    exam: exam ? { title: exam.title, startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn), startsAt: exam.startsAt, handInAt: exam.handInAt } : null,
  };
}

export type PlanToCopyRow = Awaited<ReturnType<typeof readPlanToCopy>>;

/**
 * Writes a copied plan into a kull that has none, with the dates the adviser reviewed (by the
 * source's samling order, arbeidskrav number, and the exam's first day; the exam keeps its
 * length). Samlinger become the kull's own and are numbered by date.
 */
export async function writeCopiedPlan(
  tx: Transaction,
  cohortId: string,
  source: PlanToCopyRow,
  dates: { samlingDays: string[][]; dueDates: Record<number, string>; examFirstDay: string | null },
) {
  for (const [index, samling] of source.samlinger.entries()) {
    const days = dates.samlingDays[index] ?? [];
    if (days.length === 0) continue;
    const created = await tx.samling.create({
      data: { title: samling.title, location: samling.location, notes: samling.notes, days: { create: days.map((date) => ({ date: day(date) })) } },
      select: { id: true },
    });
    await tx.cohortSamling.create({ data: { cohortId, samlingId: created.id, number: 1000 + index } });
  }
  await renumberSamlinger(tx, cohortId);
  const definitions = source.arbeidskrav.filter((definition) => dates.dueDates[definition.number] !== undefined);
  if (definitions.length > 0) {
    await tx.arbeidskravDefinition.createMany({
      data: definitions.map(({ dueDate: _dueDate, ...definition }) => ({ ...definition, cohortId, dueDate: day(dates.dueDates[definition.number]!) })),
    });
  }
  if (source.exam && dates.examFirstDay) {
    // The same Oslo wall-clock start and hand-in on the new days (09:00 stays 09:00 across a change
    // to or from summer time).
    const moved = examTimesMovedTo(source.exam, dates.examFirstDay);
    await tx.exam.create({
      data: {
        cohortId,
        kind: "ORDINARY",
        title: source.exam.title,
        startsOn: day(moved.startsOn),
        endsOn: day(moved.endsOn),
        startsAt: moved.startsAt,
        handInAt: moved.handInAt,
      },
    });
  }
}
