import "server-only";
// The faculty member's start page: for each cohort they teach that has not ended, who is at risk
// and why (from the one eligibility evaluator, sorted by lib/domain/risk.ts), submissions waiting
// for assessment, past days whose attendance nobody has registered (a task: an unregistered day
// is never an absence), exam registrations that need a decision, the next samling, and today's
// samling day with a link straight to its attendance list.
import { osloDate } from "@/lib/domain/application-deadline";
import { weekLabel } from "@/lib/domain/cohort-plan";
import { IN_KULL } from "@/lib/domain/enrolment";
import { examDecisionNeeded } from "@/lib/domain/exam";
import { decisionRegistration, EXAM_KIND_LABELS } from "@/lib/domain/exam-sittings";
import { compareByRisk, riskOf } from "@/lib/domain/risk";
import { AccessDeniedError } from "@/lib/server/errors";
import { staffCohortSql, staffCohortWhere } from "@/lib/server/cohorts/access";
import { evaluateCohortsEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import type { Viewer } from "@/lib/server/viewer";
import { day } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExamKind, ExamRegistrationStatus, Grade } from "@/lib/generated/prisma/enums";
import { hasAnyRole } from "@/lib/permissions";

interface SummaryCohortRow {
  id: string;
  name: string;
  programme: string;
  /** The programme's course code (emnekode): tells kull of the same name apart (cohortLabels). */
  courseCode: string;
  academicLead: boolean;
  /** In plan order, each with its days in date order (ISO dates). */
  samlinger: { number: number; title: string; location: string; days: { id: string; date: string }[] }[];
  exam: { startsOn: string; endsOn: string } | null;
  /** Later sittings (utsatt, ny eksamen) not over yet, in date order. */
  laterSittings: { id: string; kind: ExamKind; startsOn: string }[] | null;
  completed: boolean;
}

interface SummaryStudentRow {
  id: string;
  cohortId: string;
  name: string;
  basisgruppe: string | null;
  supervisorId: string | null;
  examRegistrations: { examId: string; status: ExamRegistrationStatus; grade: Grade | null; startsAtMs: number }[];
}

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
  const allowed = staffCohortSql(viewer);
  if (!allowed) return [];
  // Raw joins with JSON-aggregated children: a nested select was one statement per level (issue 21).
  const which = options.cohortId
    ? Prisma.sql`c."id" = ${options.cohortId}`
    : Prisma.sql`c."endsOn" >= ${day(today)}::date AND c."archivedAt" IS NULL`;
  const cohorts = await db().$queryRaw<SummaryCohortRow[]>`
    SELECT c."id", c."name", p."name" AS "programme", p."fsCourseCode" AS "courseCode",
           COALESCE((SELECT t."academicLead" FROM "CohortTeacher" t WHERE t."cohortId" = c."id" AND t."userId" = ${viewer.id}), false) AS "academicLead",
           COALESCE((SELECT json_agg(json_build_object(
                       'number', cs."number", 'title', s."title", 'location', s."location",
                       'days', COALESCE((SELECT json_agg(json_build_object('id', d."id", 'date', d."date") ORDER BY d."date")
                                         FROM "SamlingDay" d WHERE d."samlingId" = s."id"), '[]'::json)) ORDER BY cs."number")
                     FROM "CohortSamling" cs JOIN "Samling" s ON s."id" = cs."samlingId" WHERE cs."cohortId" = c."id"), '[]'::json) AS "samlinger",
           (SELECT json_build_object('startsOn', x."startsOn", 'endsOn', x."endsOn") FROM "Exam" x
            WHERE x."cohortId" = c."id" AND x."kind" = 'ORDINARY' LIMIT 1) AS "exam",
           (SELECT json_agg(json_build_object('id', x."id", 'kind', x."kind", 'startsOn', x."startsOn") ORDER BY x."startsOn", x."id") FROM "Exam" x
            WHERE x."cohortId" = c."id" AND x."kind" <> 'ORDINARY' AND x."endsOn" >= ${day(today)}::date) AS "laterSittings",
           c."completedAt" IS NOT NULL AS "completed"
    FROM "Cohort" c JOIN "Programme" p ON p."id" = c."programmeId"
    WHERE ${allowed} AND ${which}
    ORDER BY c."startsOn" ASC`;
  const ids = cohorts.map((cohort) => cohort.id);
  // Every cohort's eligibility in three statements, beside the page's other reads (issue 21: one
  // cohort after another was three statements per cohort, in sequence).
  // The page's lists run beside it, so this holds two pool connections (issue 21: ≤ 3 a request).
  // Which days each student is registered, credited or on leave comes with the evaluation
  // (issue 21: a second read of every registration of every kull, 8 000 rows at ten kull).
  const [evaluations, [students, waiting]] = await Promise.all([
    evaluateCohortsEligibility(db(), ids, { today }),
    inOrder(
      () => ids.length === 0
        ? Promise.resolve([])
        : db().$queryRaw<SummaryStudentRow[]>`
          SELECT e."id", e."cohortId", u."name", b."name" AS "basisgruppe", b."supervisorId",
                 COALESCE((SELECT json_agg(json_build_object('examId', r."examId", 'status', r."status", 'grade', r."grade",
                                                             'startsAtMs', extract(epoch FROM x."startsAt") * 1000))
                           FROM "ExamRegistration" r JOIN "Exam" x ON x."id" = r."examId" WHERE r."enrolmentId" = e."id"), '[]'::json) AS "examRegistrations"
          FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId" LEFT JOIN "Basisgruppe" b ON b."id" = e."basisgruppeId"
          WHERE e."cohortId" = ANY(${ids}::text[]) AND e."status"::text = ANY(${[...IN_KULL]}::text[])
          ORDER BY e."id"`,
      () => ids.length === 0
        ? Promise.resolve([])
        : db().$queryRaw<{ cohortId: string; kind: string }[]>`
          SELECT a."cohortId", a."kind"::text AS "kind" FROM "Submission" s JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
          WHERE s."status" = 'SUBMITTED' AND a."cohortId" = ANY(${ids}::text[])`,
    ),
  ]);
  return cohorts.map((cohort) => {
    const { byEnrolment } = evaluations.get(cohort.id)!;
    // The students the evaluation read: the two reads run side by side, and a student enrolled or
    // withdrawn between them is left for the next request instead of failing this one (review).
    const inCohort = students.filter((student) => student.cohortId === cohort.id && byEnrolment.has(student.id));
    // Once the kull is completed, nobody is at risk of missing the exam any more: it is decided.
    const atRisk = (cohort.completed ? [] : inCohort)
      .map((student) => ({ student, eligibility: byEnrolment.get(student.id)!.eligibility }))
      .filter(({ eligibility }) => riskOf(eligibility).level !== "NONE")
      .sort((a, b) => compareByRisk(a.eligibility, b.eligibility))
      .map(({ student, eligibility }) => ({
        enrolmentId: student.id,
        name: student.name,
        basisgruppe: student.basisgruppe,
        mine: student.basisgruppe !== null && student.supervisorId === viewer.id,
        risk: riskOf(eligibility),
      }));
    const samlinger = cohort.samlinger;
    // A day needs no registration for a student when it is credited from an earlier kull or lies
    // inside a granted leave (lib/domain/attendance.ts): those are never the faculty's task.
    const covered = inCohort.map((student) => {
      const { days } = byEnrolment.get(student.id)!;
      return new Set([...days.registered, ...days.credited, ...days.onLeave]);
    });
    // A past day with students nobody has registered: a task, never an absence (lib/domain/attendance.ts).
    const unregisteredDays = samlinger
      .flatMap((samling) => samling.days.map((d) => ({ dayId: d.id, date: d.date, samlingTitle: samling.title })))
      .filter((d) => d.date < today)
      .map((d) => ({ ...d, missing: covered.filter((days) => !days.has(d.dayId)).length }))
      .filter((d) => d.missing > 0);
    const decisionsNeeded = inCohort.filter((student) => {
      const registration = decisionRegistration(student.examRegistrations.map((row) => ({ ...row, startsAt: new Date(row.startsAtMs) })));
      const status = byEnrolment.get(student.id)!.eligibility.status;
      return examDecisionNeeded(registration?.status ?? null, status, registration?.grade != null) !== null;
    }).length;
    const todaysDay = samlinger.flatMap((samling) => samling.days.map((d) => ({ ...d, samling }))).find((d) => d.date === today) ?? null;
    const next = samlinger.find((samling) => (samling.days.at(-1)?.date ?? "") >= today) ?? null;
    const waitingHere = waiting.filter((row) => row.cohortId === cohort.id);
    const exam = cohort.exam;
    return {
      id: cohort.id,
      name: cohort.name,
      programme: cohort.programme,
      courseCode: cohort.courseCode,
      academicLead: cohort.academicLead,
      students: covered.length,
      unregisteredDays,
      decisionsNeeded,
      atRisk,
      waiting: {
        total: waitingHere.length,
        ledertrening: waitingHere.filter((row) => row.kind === "LEDERTRENING").length,
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
      exam: exam ? { startsOn: exam.startsOn, endsOn: exam.endsOn } : null,
      laterSittings: (cohort.laterSittings ?? []).map((sitting) => ({ id: sitting.id, label: EXAM_KIND_LABELS[sitting.kind], startsOn: sitting.startsOn })),
      completed: cohort.completed,
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
    select: { id: true, name: true, programme: { select: { fsCourseCode: true } } },
  });
}
