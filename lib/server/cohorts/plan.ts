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
import { validateArbeidskravSet } from "@/lib/domain/arbeidskrav";
import { dayRemovalRefusal, planClosedReason, weekLabel, weekdayShortNb } from "@/lib/domain/cohort-plan";
import { addDays } from "@/lib/domain/dates";
import { examTimesInput } from "@/lib/domain/exam-time";
import { isStaff } from "@/lib/permissions";
import { requireCohortStaff, staffCohortWhere } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";


// ─── Reading ────────────────────────────────────────────────────────────────────────────────────

export async function getCohortPlan(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  const [cohort, otherCohorts, lead] = await Promise.all([
    db().cohort.findUnique({
      where: { id: cohortId },
      select: {
        id: true,
        name: true,
        startsOn: true,
        endsOn: true,
        completedAt: true,
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
                    _count: { select: { attendance: true, absenceNotices: { where: { withdrawnAt: null } }, attendanceCredits: true } },
                  },
                },
                cohorts: { select: { cohortId: true, cohort: { select: { name: true, programme: { select: { name: true } } } } } },
              },
            },
          },
        },
        exams: { where: { kind: "ORDINARY" }, select: { id: true, title: true, startsOn: true, endsOn: true, startsAt: true, handInAt: true } },
        arbeidskrav: {
          orderBy: { number: "asc" },
          select: {
            id: true,
            number: true,
            kind: true,
            title: true,
            description: true,
            required: true,
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
    db().cohortTeacher.findFirst({ where: { cohortId, academicLead: true }, select: { userId: true, user: { select: { name: true } } } }),
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
      credits: d._count.attendanceCredits,
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
        days.reduce(
          (sum, d) => ({ attendance: sum.attendance + d.attendance, absenceNotices: sum.absenceNotices + d.absenceNotices, credits: sum.credits + d.credits }),
          { attendance: 0, absenceNotices: 0, credits: 0 },
        ),
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
    exam: exam
      ? {
          id: exam.id,
          title: exam.title,
          startsOn: isoDate(exam.startsOn),
          endsOn: isoDate(exam.endsOn),
          startsAt: exam.startsAt,
          handInAt: exam.handInAt,
          /** The form's values: Oslo wall-clock times. */
          times: examTimesInput(exam),
          week: weekLabel([isoDate(exam.startsOn), isoDate(exam.endsOn)]),
        }
      : null,
    arbeidskrav,
    arbeidskravProblems: validateArbeidskravSet(arbeidskrav, requirements.arbeidskrav),
    canAdminister: isStaff(viewer),
    /** Why the plan can no longer change (the page shows it and offers no change), or null. */
    closedReason: planClosedReason({ completedOn: cohort.completedAt ? osloDate(cohort.completedAt) : null }),
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
    /**
     * Whether a change of what the exam requires now needs the fagansvarlig and a reason
     * (arbeidskravSetEditRule): the kull has started or someone has handed in.
     */
    arbeidskravLocked: today >= startsOn || arbeidskrav.some((definition) => definition.submissions > 0),
    viewerIsAcademicLead: lead?.userId === viewer.id,
    /** The kull's fagansvarlig, named to the rest of the team (onlyAcademicLead). */
    academicLeadName: lead?.user.name ?? null,
  };
}

export type CohortPlan = Awaited<ReturnType<typeof getCohortPlan>>;

export function suggestedDueDates(plan: Pick<CohortPlan, "samlinger" | "startsOn" | "endsOn">, count: number): string[] {
  const samlingEnds = plan.samlinger.map((samling) => samling.days.at(-1)?.date).filter((date): date is string => Boolean(date));
  return Array.from({ length: count }, (_, index) => {
    if (samlingEnds.length === 0) return addDays(plan.startsOn, 42 * (index + 1));
    const at = Math.min(samlingEnds.length - 1, Math.round(((index + 1) * samlingEnds.length) / (count + 1)));
    return addDays(samlingEnds[at]!, 14);
  });
}
