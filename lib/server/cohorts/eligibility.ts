// Exam eligibility for the students of a cohort, in one place: the facts come from the database
// in a fixed number of queries (however many students), and the decision from lib/domain
// (attendanceCounts, studentArbeidskravStanding, evaluateEligibility) with the cohort's own
// requirements. The student's page, the faculty's lists and the exam registration all use this,
// so they can never disagree. Pass a transaction to decide inside it (exam registration locks the
// enrolments first, then evaluates). No `server-only` marker: the demo seed computes the demo's
// standings with it (lib/server/standings/refresh.ts).
//
// A student's own record adds to the kull's facts (issue 18): days inside a granted leave count as
// leave (never absences), and what was credited from an earlier kull on a transfer counts as
// approved (ArbeidskravCredit) or attended (AttendanceCredit).
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { attendanceCounts, attendancePlan } from "@/lib/domain/attendance";
import { daysOnLeave, IN_KULL } from "@/lib/domain/enrolment";
import { evaluateEligibility, type Eligibility } from "@/lib/domain/eligibility";
import type { CohortRequirements } from "@/lib/domain/requirements";
import type { Database, Transaction } from "@/lib/db/client";
import { inOrder } from "@/lib/server/in-order";
import { Prisma } from "@/lib/generated/prisma/client";
import { toRequirements, type RequirementColumns } from "@/lib/to-domain";

/** A cohort's facts as the first query returns them (dates as ISO strings). */
interface CohortFacts extends RequirementColumns {
  id: string;
  days: { id: string; date: string }[];
  arbeidskrav: { id: string; required: boolean; title: string; maxAttempts: number }[];
}

interface EnrolmentFacts {
  id: string;
  userId: string;
  cohortId: string;
  /** The days registered present, and absent (ids; two plain arrays read far faster than objects). */
  present: string[];
  absent: string[];
  leaves: { from: string; to: string; returnedOn: string | null }[];
  attendanceCredits: string[];
  arbeidskravCredits: string[];
}

export interface EnrolmentEligibility {
  enrolmentId: string;
  userId: string;
  eligibility: Eligibility;
  /**
   * The plan days the evaluation read for the student: registered (present or absent), credited
   * from an earlier kull, and inside a granted leave. The faculty home finds the days nobody has
   * registered from them instead of reading every registration again (issue 21).
   */
  days: { registered: readonly string[]; credited: readonly string[]; onLeave: readonly string[] };
}

export interface CohortEligibility {
  requirements: CohortRequirements;
  /** Every samling day of the cohort's plan, in date order (shared days once). */
  planDays: { id: string; date: string }[];
  /** The kull's arbeidskrav by id → title (staff reasons name the missing ones). */
  arbeidskravTitles: Map<string, string>;
  byEnrolment: Map<string, EnrolmentEligibility>;
}

/**
 * Evaluates the students in a cohort (active, on leave, completed; or only `enrolmentIds`) as of
 * `today` (an Oslo calendar date). Three queries whatever the cohort's size.
 */
export async function evaluateCohortEligibility(
  client: Database | Transaction,
  cohortId: string,
  options: { today: string; enrolmentIds?: readonly string[] },
): Promise<CohortEligibility> {
  const evaluated = await evaluateCohortsEligibility(client, [cohortId], options);
  const result = evaluated.get(cohortId);
  // As findUniqueOrThrow did: a cohort that does not exist is an error, not an empty list.
  if (!result) throw new Error(`No cohort ${cohortId}`);
  return result;
}

/**
 * The same evaluation for several cohorts at once (a faculty member's start page): still three
 * queries, however many cohorts and students (issue 21: one cohort after another cost three
 * statements per cohort, in sequence). Cohorts that do not exist are missing from the map.
 */
export async function evaluateCohortsEligibility(
  client: Database | Transaction,
  cohortIds: readonly string[],
  options: { today: string; enrolmentIds?: readonly string[] },
): Promise<Map<string, CohortEligibility>> {
  const results = new Map<string, CohortEligibility>();
  if (cohortIds.length === 0) return results;
  const tx = client as Transaction;
  const cohortList = [...cohortIds];
  const only = options.enrolmentIds ? Prisma.sql`AND e."id" = ANY(${[...options.enrolmentIds]}::text[])` : Prisma.empty;
  const inKull = [...IN_KULL];
  // Three statements, each a join that fetches facts only (no rule in SQL): a nested Prisma
  // select was one statement per level, twelve in all (issue 21). Dates come as ISO strings
  // (a DATE in JSON), the form lib/domain takes.
  const [cohorts, enrolments, memberships] = await inOrder(
    () => tx.$queryRaw<CohortFacts[]>`
      SELECT c."id", c."attendanceThresholdPercent", c."arbeidskravTotal", c."fagnotatCount", c."ledertreningCount",
             c."oralCount", c."individualFagnotatMin",
             COALESCE((SELECT json_agg(json_build_object('id', d."id", 'date', d."date"))
                       FROM "CohortSamling" cs JOIN "SamlingDay" d ON d."samlingId" = cs."samlingId"
                       WHERE cs."cohortId" = c."id"), '[]'::json) AS "days",
             COALESCE((SELECT json_agg(json_build_object('id', a."id", 'required', a."required", 'title', a."title", 'maxAttempts', a."maxAttempts") ORDER BY a."number")
                       FROM "ArbeidskravDefinition" a WHERE a."cohortId" = c."id"), '[]'::json) AS "arbeidskrav"
      FROM "Cohort" c WHERE c."id" = ANY(${cohortList}::text[])`,
    () => tx.$queryRaw<EnrolmentFacts[]>`
      SELECT e."id", e."userId", e."cohortId",
             -- Two arrays of ids, not an array of objects: at 10× (8 000 registrations) the objects
             -- took 18 ms to build and read per request, the arrays 11 (issue 21).
             COALESCE(att."present", '[]'::json) AS "present", COALESCE(att."absent", '[]'::json) AS "absent",
             COALESCE((SELECT json_agg(json_build_object('from', l."fromDate", 'to', l."toDate", 'returnedOn', l."returnedOn"))
                       FROM "LeaveOfAbsence" l WHERE l."enrolmentId" = e."id" AND l."status" = 'GRANTED'), '[]'::json) AS "leaves",
             COALESCE((SELECT json_agg(ac."samlingDayId") FROM "AttendanceCredit" ac WHERE ac."enrolmentId" = e."id"), '[]'::json) AS "attendanceCredits",
             -- A credit counts while the approval it rests on stands (lib/server/enrolments/credits.ts).
             COALESCE((SELECT json_agg(kc."arbeidskravId") FROM "ArbeidskravCredit" kc JOIN "Submission" src ON src."id" = kc."sourceSubmissionId"
                       WHERE kc."enrolmentId" = e."id" AND src."status" = 'APPROVED'), '[]'::json) AS "arbeidskravCredits"
      FROM "Enrolment" e
      LEFT JOIN LATERAL (
        SELECT json_agg(a."samlingDayId") FILTER (WHERE a."status" = 'PRESENT') AS "present",
               json_agg(a."samlingDayId") FILTER (WHERE a."status" = 'ABSENT') AS "absent"
        FROM "Attendance" a WHERE a."enrolmentId" = e."id"
      ) att ON true
      WHERE e."cohortId" = ANY(${cohortList}::text[]) AND e."status"::text = ANY(${inKull}::text[]) ${only}
      ORDER BY e."id"`,
    () => tx.$queryRaw<{ enrolmentId: string; arbeidskravId: string; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED"; attempt: number | null }[]>`
      SELECT m."enrolmentId", m."arbeidskravId", s."status"::text AS "status",
             -- The latest hand-in's number: an "ikke godkjent" on the last one allowed is final.
             (SELECT max(sa."attempt") FROM "SubmissionAttempt" sa WHERE sa."submissionId" = s."id") AS "attempt"
      FROM "SubmissionMember" m
      JOIN "Submission" s ON s."id" = m."submissionId"
      JOIN "Enrolment" e ON e."id" = m."enrolmentId"
      WHERE e."cohortId" = ANY(${cohortList}::text[]) AND e."status"::text = ANY(${inKull}::text[]) ${only}`,
  );

  const submissionsByEnrolment = new Map<string, { arbeidskravId: string; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED"; attempt?: number }[]>();
  for (const membership of memberships) {
    const list = submissionsByEnrolment.get(membership.enrolmentId) ?? [];
    list.push({ arbeidskravId: membership.arbeidskravId, status: membership.status, ...(membership.attempt === null ? {} : { attempt: membership.attempt }) });
    submissionsByEnrolment.set(membership.enrolmentId, list);
  }

  for (const cohort of cohorts) {
    const requirements = toRequirements(cohort);
    const seen = new Set<string>();
    const planDays: { id: string; date: string }[] = [];
    for (const day of cohort.days) {
      if (seen.has(day.id)) continue;
      seen.add(day.id);
      planDays.push({ id: day.id, date: day.date });
    }
    planDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const definitions = cohort.arbeidskrav;
    // Checked and parsed once for the kull, not once per student (issue 21).
    const plan = attendancePlan(planDays);
    const byEnrolment = new Map<string, EnrolmentEligibility>();
    for (const enrolment of enrolments) {
      if (enrolment.cohortId !== cohort.id) continue;
      const leave = daysOnLeave(planDays, enrolment.leaves);
      const attendance = [
        ...enrolment.present.map((samlingDayId) => ({ samlingDayId, status: "PRESENT" as const })),
        ...enrolment.absent.map((samlingDayId) => ({ samlingDayId, status: "ABSENT" as const })),
      ];
      const eligibility = evaluateEligibility(
        {
          ...attendanceCounts(plan, attendance, options.today, {
            leave,
            credited: enrolment.attendanceCredits,
          }),
          arbeidskrav: studentArbeidskravStanding(
            definitions,
            submissionsByEnrolment.get(enrolment.id) ?? [],
            enrolment.arbeidskravCredits,
          ),
        },
        requirements,
      );
      byEnrolment.set(enrolment.id, {
        enrolmentId: enrolment.id,
        userId: enrolment.userId,
        eligibility,
        days: { registered: [...enrolment.present, ...enrolment.absent], credited: enrolment.attendanceCredits, onLeave: leave },
      });
    }
    results.set(cohort.id, { requirements, planDays, byEnrolment, arbeidskravTitles: new Map(definitions.map((item) => [item.id, item.title])) });
  }
  return results;
}
