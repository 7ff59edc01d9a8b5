// The faculty start page needs the same number of statements for one small cohort as for three
// larger ones (issue 21: it evaluated eligibility one cohort after another, three statements per
// cohort), and the batched evaluation says the same as the one-cohort evaluation (counted, not timed).
import { describe, expect, it } from "vitest";
import { evaluateCohortEligibility, evaluateCohortsEligibility } from "@/lib/server/cohorts/eligibility";
import { getFacultyHome } from "@/lib/server/cohorts/faculty-home";
import { assignTeachers } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf } from "./cohort-world";
import { countQueries } from "./query-counter";
import { db } from "./support";

const NOW = new Date("2030-01-25T10:00:00Z");
const TODAY = "2030-01-25";

function world(students: number) {
  return makeCohort({
    students,
    samlinger: planDays("2030-01-07", 9),
    heldBefore: TODAY,
    attended: (index, held) => held - (index % 3),
    approved: (index) => index % 6,
  });
}

describe("faculty home query counts", () => {
  it("are the same for one cohort of 2 students and three cohorts of 2, 6 and 9", async () => {
    const small = await world(2);
    const teacher = small.teacher;
    const others = [await world(6), await world(9)];
    const alone = (await countQueries(() => getFacultyHome(teacher, NOW))).queries;

    // A second faculty member who teaches all three.
    const many = others[0]!.users.colleague;
    for (const cohort of [small, ...others]) await assignTeachers(db(), cohort.cohortId, [many.id]);
    const three = await countQueries(() => getFacultyHome(viewerOf(many), NOW));

    expect(three.result.map((cohort) => cohort.students).sort((a, b) => a - b)).toEqual([2, 6, 9]);
    expect(three.queries).toBe(alone);
    // Raw joins with JSON-aggregated children: 6 (29 when a nested select was a statement per level;
    // 7 while the registered days were read a second time beside the evaluation).
    expect(alone).toBeLessThanOrEqual(6);
  }, 120_000);

  it("evaluates several cohorts exactly as it evaluates each alone", async () => {
    const [a, b] = [await world(4), await world(5)];
    const together = await evaluateCohortsEligibility(db(), [a.cohortId, b.cohortId], { today: TODAY });
    for (const cohort of [a, b]) {
      const alone = await evaluateCohortEligibility(db(), cohort.cohortId, { today: TODAY });
      const batched = together.get(cohort.cohortId)!;
      expect(batched.planDays).toEqual(alone.planDays);
      expect([...batched.byEnrolment.entries()]).toEqual([...alone.byEnrolment.entries()]);
      expect(batched.byEnrolment.size).toBe(cohort.students.length);
    }
    const statuses = [...together.get(b.cohortId)!.byEnrolment.values()].map((row) => row.eligibility.status);
    expect(new Set(statuses).size).toBeGreaterThan(1);
    await expect(evaluateCohortEligibility(db(), "cmissingcohort00000000000", { today: TODAY })).rejects.toThrow();
  }, 120_000);
});
