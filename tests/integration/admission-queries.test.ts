// The application list and the ranking need the same number of database queries for 20 and for
// 2,000 applications (counted, not timed).
import { describe, expect, it } from "vitest";
import { listApplications, parseApplicationFilter, getIntakeOverview } from "@/lib/server/admission/queries";
import { computeRanking } from "@/lib/server/admission/ranking";
import { db } from "@/lib/server/db";
import { resolveViewer } from "@/lib/server/viewer";
import { createOpenCohort, createUser } from "@/prisma/seed/factories";
import { countQueries } from "./query-counter";
import { signInAs } from "./support";

async function intakeWith(count: number) {
  const { cohort } = await createOpenCohort(db(), { capacity: 30, deadline: "2026-01-10" });
  const stamp = `${Date.now()}-${count}`;
  await db().user.createMany({
    data: Array.from({ length: count }, (_, index) => ({ email: `q${index}.${stamp}@test.no`, name: `Søker ${index}`, roles: ["APPLICANT" as const] })),
  });
  const users = await db().user.findMany({ where: { email: { endsWith: `.${stamp}@test.no` } }, select: { id: true } });
  const counties = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"];
  await db().application.createMany({
    data: users.map((user, index) => ({
      applicantId: user.id,
      cohortId: cohort.id,
      status: index % 7 === 0 ? ("SUBMITTED" as const) : ("UNDER_REVIEW" as const),
      fullName: `Søker ${index}`,
      submittedAt: new Date(Date.UTC(2025, 11, 1, 8, 0, index)),
      employerCountyCode: counties[index % counties.length]!,
      provisionalCategory: (index % 4) + 1,
      assessedCategory: index % 7 === 0 ? null : (index % 4) + 1,
      qualified: index % 7 === 0 ? null : index % 11 !== 0,
      qualificationGrounds: index % 7 !== 0 && index % 11 === 0 ? "Mangler lederstilling." : null,
    })),
  });
  return cohort.id;
}

describe("query counts", () => {
  it("are the same for 20 and 2,000 applications on the list, the overview and the ranking", async () => {
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const viewer = (await resolveViewer(await signInAs(adviser)))!;
    const small = await intakeWith(20);
    const large = await intakeWith(2000);
    const filter = parseApplicationFilter({ kategori: "2", sorter: "fylke", side: "2" });
    const measure = async (cohortId: string) => ({
      list: (await countQueries(() => listApplications(viewer, cohortId, filter))).queries,
      overview: (await countQueries(() => getIntakeOverview(viewer, cohortId))).queries,
      ranking: (await countQueries(() => computeRanking(db(), cohortId))).queries,
    });
    const a = await measure(small);
    const b = await measure(large);
    expect(b).toEqual(a);
    expect(a.list).toBeGreaterThan(0);
    const ranking = await computeRanking(db(), large);
    expect(ranking.rows.length).toBeGreaterThan(1000);
    expect(ranking.rows.filter((row) => row.withinPlaces)).toHaveLength(30);
  }, 120_000);
});
