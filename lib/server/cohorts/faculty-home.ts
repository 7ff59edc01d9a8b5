import "server-only";
// The faculty member's start page: for each cohort they teach that has not ended, who is at risk
// and why (from the one eligibility evaluator, sorted by lib/domain/risk.ts), submissions waiting
// for assessment, past days whose attendance nobody has registered (a task: an unregistered day
// is never an absence), exam registrations that need a decision, the next samling, and today's
// samling day with a link straight to its attendance list.
import { osloDate } from "@/lib/domain/application-deadline";
import { weekLabel } from "@/lib/domain/cohort-plan";
import { daysOnLeave } from "@/lib/domain/enrolment";
import { examDecisionNeeded } from "@/lib/domain/exam";
import { decisionRegistration } from "@/lib/domain/exam-sittings";
import { compareByRisk, riskOf } from "@/lib/domain/risk";
import { AccessDeniedError } from "@/lib/server/errors";
import { staffCohortWhere } from "@/lib/server/cohorts/access";
import { evaluateCohortsEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";
import { hasAnyRole } from "@/lib/permissions";

/** The faculty home: the cohorts the viewer teaches that have not ended. */
export function getFacultyHome(viewer: Viewer, now = new Date()) {
  return getCohortSummaries(viewer, {}, now);
}

/**
 * One summary per cohort the viewer may see as staff (not ended ones, unless one cohort is asked
 * for): a fixed number of queries per cohort, whatever its size.
 */
export async function getCohortSummaries(viewer: Viewer, options: { cohortId?: string }, now = new Date()) {
  if (!hasAnyRole(viewer, ["FACULTY", "ADVISER", "ADMIN"])) throw new AccessDeniedError();
  const today = osloDate(now);
  const cohorts = await db().cohort.findMany({
    // Archived kull leave the everyday lists (one asked for by id stays readable).
    where: { AND: [staffCohortWhere(viewer), options.cohortId ? { id: options.cohortId } : { endsOn: { gte: day(today) }, archivedAt: null }] },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      name: true,
      startsOn: true,
      programme: { select: { name: true } },
      teachers: { where: { userId: viewer.id }, select: { academicLead: true } },
      samlinger: {
        orderBy: { number: "asc" },
        select: { number: true, samling: { select: { title: true, location: true, days: { orderBy: { date: "asc" }, select: { id: true, date: true } } } } },
      },
      exams: { where: { kind: "ORDINARY" }, select: { startsOn: true, endsOn: true } },
    },
  });
  const ids = cohorts.map((cohort) => cohort.id);
  // Every cohort's eligibility in three statements, beside the page's other reads (issue 21: one
  // cohort after another was three statements per cohort, in sequence).
  // Two lanes, so the page holds at most two pool connections for this (issue 21: ≤ 3 a request).
  const [evaluations, [students, waiting, registeredPerDay]] = await Promise.all([
    evaluateCohortsEligibility(db(), ids, { today }),
    inOrder(() => db().enrolment.findMany({
      where: { cohortId: { in: ids }, status: { notIn: ["WITHDRAWN", "TRANSFERRED"] } },
      select: {
        id: true,
        cohortId: true,
        user: { select: { name: true } },
        basisgruppe: { select: { name: true, supervisorId: true } },
        examRegistrations: { select: { examId: true, status: true, grade: true, exam: { select: { startsAt: true } } } },
        attendanceCredits: { select: { samlingDayId: true } },
        leaves: { where: { status: "GRANTED" }, select: { fromDate: true, toDate: true, returnedOn: true } },
      },
    }),
    () => db().submission.findMany({
      where: { status: "SUBMITTED", arbeidskrav: { cohortId: { in: ids } } },
      select: { arbeidskrav: { select: { cohortId: true, kind: true } } },
    }),
    // Who of each cohort's students is registered on which past day (for the days nobody finished).
    () => ids.length === 0
      ? Promise.resolve([])
      : db().$queryRaw<{ enrolmentId: string; samlingDayId: string }[]>`
          SELECT a."enrolmentId", a."samlingDayId"
          FROM "Attendance" a JOIN "Enrolment" e ON e."id" = a."enrolmentId"
          JOIN "SamlingDay" d ON d."id" = a."samlingDayId"
          WHERE e."cohortId" = ANY(${ids}::text[]) AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED') AND d."date" < ${day(today)}`),
  ]);
  return cohorts.map((cohort) => {
    const { byEnrolment } = evaluations.get(cohort.id)!;
    const atRisk = students
      .filter((student) => student.cohortId === cohort.id)
      .map((student) => ({ student, eligibility: byEnrolment.get(student.id)!.eligibility }))
      .filter(({ eligibility }) => riskOf(eligibility).level !== "NONE")
      .sort((a, b) => compareByRisk(a.eligibility, b.eligibility))
      .map(({ student, eligibility }) => ({
        enrolmentId: student.id,
        name: student.user.name,
        basisgruppe: student.basisgruppe?.name ?? null,
        mine: student.basisgruppe?.supervisorId === viewer.id,
        risk: riskOf(eligibility),
      }));
    const samlinger = cohort.samlinger.map(({ number, samling }) => ({
      number,
      title: samling.title,
      location: samling.location,
      days: samling.days.map((d) => ({ id: d.id, date: isoDate(d.date) })),
    }));
    const planDays = samlinger.flatMap((samling) => samling.days);
    // A day needs no registration for a student when it is credited from an earlier kull or lies
    // inside a granted leave (lib/domain/attendance.ts): those are never the faculty's task.
    const covered = students
      .filter((student) => student.cohortId === cohort.id)
      .map((student) => {
        const days = new Set(student.attendanceCredits.map((credit) => credit.samlingDayId));
        const leaves = student.leaves.map((leave) => ({ from: isoDate(leave.fromDate), to: isoDate(leave.toDate), returnedOn: leave.returnedOn ? isoDate(leave.returnedOn) : null }));
        for (const id of daysOnLeave(planDays, leaves)) days.add(id);
        for (const row of registeredPerDay) if (row.enrolmentId === student.id) days.add(row.samlingDayId);
        return days;
      });
    // A past day with students nobody has registered: a task, never an absence (lib/domain/attendance.ts).
    const unregisteredDays = samlinger
      .flatMap((samling) => samling.days.map((d) => ({ dayId: d.id, date: d.date, samlingTitle: samling.title })))
      .filter((d) => d.date < today)
      .map((d) => ({ ...d, missing: covered.filter((days) => !days.has(d.dayId)).length }))
      .filter((d) => d.missing > 0);
    const decisionsNeeded = students.filter((student) => {
      if (student.cohortId !== cohort.id) return false;
      const registration = decisionRegistration(student.examRegistrations.map((row) => ({ ...row, startsAt: row.exam.startsAt })));
      const status = byEnrolment.get(student.id)!.eligibility.status;
      return examDecisionNeeded(registration?.status ?? null, status, registration?.grade != null) !== null;
    }).length;
    const todaysDay = samlinger.flatMap((samling) => samling.days.map((d) => ({ ...d, samling }))).find((d) => d.date === today) ?? null;
    const next = samlinger.find((samling) => (samling.days.at(-1)?.date ?? "") >= today) ?? null;
    const waitingHere = waiting.filter((row) => row.arbeidskrav.cohortId === cohort.id);
    const exam = cohort.exams[0];
    return {
      id: cohort.id,
      name: cohort.name,
      programme: cohort.programme.name,
      academicLead: cohort.teachers[0]?.academicLead ?? false,
      students: covered.length,
      unregisteredDays,
      decisionsNeeded,
      atRisk,
      waiting: {
        total: waitingHere.length,
        ledertrening: waitingHere.filter((row) => row.arbeidskrav.kind === "LEDERTRENING").length,
      },
      today: todaysDay ? { dayId: todaysDay.id, samlingTitle: todaysDay.samling.title, location: todaysDay.samling.location } : null,
      nextSamling: next
        ? {
            number: next.number,
            title: next.title,
            location: next.location,
            days: next.days.map((d) => d.date),
            week: weekLabel(next.days.map((d) => d.date)),
            ongoing: (next.days[0]?.date ?? today) <= today,
          }
        : null,
      exam: exam ? { startsOn: isoDate(exam.startsOn), endsOn: isoDate(exam.endsOn) } : null,
      samlingerHeld: samlinger.filter((samling) => (samling.days.at(-1)?.date ?? "") < today).length,
      samlingerTotal: samlinger.length,
    };
  });
}

export type FacultyHomeCohort = Awaited<ReturnType<typeof getFacultyHome>>[number];

/** The viewer's cohorts that have not ended, as menu links. */
export async function listRunningCohortLinks(viewer: Viewer, now = new Date()) {
  const today = osloDate(now);
  return db().cohort.findMany({
    where: { AND: [staffCohortWhere(viewer), { endsOn: { gte: day(today) }, archivedAt: null }] },
    orderBy: { startsOn: "asc" },
    select: { id: true, name: true },
  });
}
