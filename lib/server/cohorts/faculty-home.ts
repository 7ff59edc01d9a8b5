import "server-only";
// The faculty member's start page: for each cohort they teach that has not ended, who is at risk
// and why (from the one eligibility evaluator, sorted by lib/domain/risk.ts), submissions waiting
// for assessment, past days whose attendance nobody has registered (a task: an unregistered day
// is never an absence), exam registrations that need a decision, the next samling, and today's
// samling day with a link straight to its attendance list.
import { osloDate } from "@/lib/domain/application-deadline";
import { weekLabel } from "@/lib/domain/cohort-plan";
import { examDecisionNeeded } from "@/lib/domain/exam";
import { decisionRegistration } from "@/lib/domain/exam-sittings";
import { compareByRisk, riskOf } from "@/lib/domain/risk";
import { AccessDeniedError } from "@/lib/server/errors";
import { staffCohortWhere } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility, type CohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
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
  // One cohort's evaluation at a time (each is three queries at once): a page never asks the
  // pool for more connections than a cohort needs, however many cohorts the viewer teaches.
  const evaluations: CohortEligibility[] = [];
  for (const id of ids) evaluations.push(await evaluateCohortEligibility(db(), id, { today }));
  const [students, waiting, registeredPerDay] = await Promise.all([
    db().enrolment.findMany({
      where: { cohortId: { in: ids }, status: { not: "WITHDRAWN" } },
      select: {
        id: true,
        cohortId: true,
        user: { select: { name: true } },
        basisgruppe: { select: { name: true, supervisorId: true } },
        examRegistrations: { select: { examId: true, status: true, grade: true, exam: { select: { startsAt: true } } } },
      },
    }),
    db().submission.findMany({
      where: { status: "SUBMITTED", arbeidskrav: { cohortId: { in: ids } } },
      select: { arbeidskrav: { select: { cohortId: true, kind: true } } },
    }),
    // How many of each cohort's students are registered on each day (for the days nobody finished).
    ids.length === 0
      ? Promise.resolve([])
      : db().$queryRaw<{ cohortId: string; samlingDayId: string; registered: number }[]>`
          SELECT e."cohortId", a."samlingDayId", count(*)::int AS "registered"
          FROM "Attendance" a JOIN "Enrolment" e ON e."id" = a."enrolmentId"
          WHERE e."cohortId" = ANY(${ids}::text[]) AND e."status" <> 'WITHDRAWN'
          GROUP BY e."cohortId", a."samlingDayId"`,
  ]);
  return cohorts.map((cohort, index) => {
    const { byEnrolment } = evaluations[index]!;
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
    const studentCount = students.filter((student) => student.cohortId === cohort.id).length;
    const registeredOn = new Map(registeredPerDay.filter((row) => row.cohortId === cohort.id).map((row) => [row.samlingDayId, row.registered]));
    // A past day with students nobody has registered: a task, never an absence (lib/domain/attendance.ts).
    const unregisteredDays = samlinger
      .flatMap((samling) => samling.days.map((d) => ({ dayId: d.id, date: d.date, samlingTitle: samling.title })))
      .filter((d) => d.date < today)
      .map((d) => ({ ...d, missing: studentCount - (registeredOn.get(d.dayId) ?? 0) }))
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
      students: studentCount,
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
