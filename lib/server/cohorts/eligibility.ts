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
import { attendanceCounts } from "@/lib/domain/attendance";
import { daysOnLeave, IN_KULL } from "@/lib/domain/enrolment";
import { evaluateEligibility, type Eligibility } from "@/lib/domain/eligibility";
import type { CohortRequirements } from "@/lib/domain/requirements";
import type { Database, Transaction } from "@/lib/db/client";
import { inOrder } from "@/lib/server/in-order";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";

export interface EnrolmentEligibility {
  enrolmentId: string;
  userId: string;
  eligibility: Eligibility;
}

export interface CohortEligibility {
  requirements: CohortRequirements;
  /** Every samling day of the cohort's plan, in date order (shared days once). */
  planDays: { id: string; date: string }[];
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
  const enrolmentWhere = {
    cohortId: { in: [...cohortIds] },
    status: { in: [...IN_KULL] },
    ...(options.enrolmentIds ? { id: { in: [...options.enrolmentIds] } } : {}),
  };
  const [cohorts, enrolments, memberships] = await inOrder(
    () => tx.cohort.findMany({
      where: { id: { in: [...cohortIds] } },
      select: {
        id: true,
        ...REQUIREMENT_COLUMNS,
        samlinger: { select: { samling: { select: { days: { select: { id: true, date: true } } } } } },
        arbeidskrav: { orderBy: { number: "asc" }, select: { id: true, required: true } },
      },
    }),
    () => tx.enrolment.findMany({
      where: enrolmentWhere,
      select: {
        id: true,
        userId: true,
        cohortId: true,
        attendance: { select: { samlingDayId: true, status: true } },
        leaves: { where: { status: "GRANTED" }, select: { fromDate: true, toDate: true, returnedOn: true } },
        attendanceCredits: { select: { samlingDayId: true } },
        arbeidskravCredits: { select: { arbeidskravId: true } },
      },
    }),
    () => tx.submissionMember.findMany({
      where: { enrolment: enrolmentWhere },
      select: { enrolmentId: true, arbeidskravId: true, submission: { select: { status: true } } },
    }),
  );

  const submissionsByEnrolment = new Map<string, { arbeidskravId: string; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED" }[]>();
  for (const membership of memberships) {
    const list = submissionsByEnrolment.get(membership.enrolmentId) ?? [];
    list.push({ arbeidskravId: membership.arbeidskravId, status: membership.submission.status });
    submissionsByEnrolment.set(membership.enrolmentId, list);
  }

  for (const cohort of cohorts) {
    const requirements = toRequirements(cohort);
    const seen = new Set<string>();
    const planDays: { id: string; date: string }[] = [];
    for (const { samling } of cohort.samlinger) {
      for (const day of samling.days) {
        if (seen.has(day.id)) continue;
        seen.add(day.id);
        planDays.push({ id: day.id, date: isoDate(day.date) });
      }
    }
    planDays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const definitions = cohort.arbeidskrav;
    const byEnrolment = new Map<string, EnrolmentEligibility>();
    for (const enrolment of enrolments) {
      if (enrolment.cohortId !== cohort.id) continue;
      const leave = daysOnLeave(
        planDays,
        enrolment.leaves.map((row) => ({ from: isoDate(row.fromDate), to: isoDate(row.toDate), returnedOn: row.returnedOn ? isoDate(row.returnedOn) : null })),
      );
      const eligibility = evaluateEligibility(
        {
          ...attendanceCounts(planDays, enrolment.attendance, options.today, {
            leave,
            credited: enrolment.attendanceCredits.map((credit) => credit.samlingDayId),
          }),
          arbeidskrav: studentArbeidskravStanding(
            definitions,
            submissionsByEnrolment.get(enrolment.id) ?? [],
            enrolment.arbeidskravCredits.map((credit) => credit.arbeidskravId),
          ),
        },
        requirements,
      );
      byEnrolment.set(enrolment.id, { enrolmentId: enrolment.id, userId: enrolment.userId, eligibility });
    }
    results.set(cohort.id, { requirements, planDays, byEnrolment });
  }
  return results;
}
