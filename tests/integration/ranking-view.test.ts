// The ranking page's read (viewRanking) ranks exactly as computeRanking, which the decisions use,
// while it reads only the applications judged qualified and counts the rest (issue 21: at 2 000
// applications, mostly not reviewed, every request read them all). On every intake of the demo
// story (ranking moves, decisions with refusals among them) and for what-if numbers of places.
import { beforeAll, describe, expect, it } from "vitest";
import { computeRanking, viewRanking } from "@/lib/server/admission/ranking";
import { createOpenCohort, createUser } from "@/prisma/seed/factories";
import { measureRequest } from "./request-cost";
import { db } from "./support";
import { seedDemo } from "./demo-world";

let intakes: string[];

beforeAll(async () => {
  await seedDemo(new Date("2026-11-24T09:00:00+01:00"));
  intakes = (await db().cohort.findMany({ where: { applications: { some: {} } }, select: { id: true } })).map((cohort) => cohort.id);
}, 180_000);

describe("the ranking page's read", () => {
  it("gives computeRanking's rows, and its counts of the unreviewed and the unqualified, on every demo intake", async () => {
    expect(intakes.length).toBeGreaterThan(1);
    let moved = 0;
    for (const cohortId of intakes) {
      for (const places of [undefined, 0, 1, 3, 1000]) {
        const full = await computeRanking(db(), cohortId, { places });
        const view = await viewRanking(db(), cohortId, { places });
        expect(view.rows).toEqual(full.rows);
        expect([view.unreviewed, view.unqualified]).toEqual([full.unreviewed.length, full.unqualified.length]);
        expect([view.places, view.capacity]).toEqual([full.places, full.capacity]);
        moved += full.rows.filter((row) => row.move !== null).length;
      }
    }
    // The story has adviser moves and refusals, so the comparison covers them.
    expect(moved).toBeGreaterThan(0);
    expect(await db().decision.count({ where: { outcome: "REFUSAL", application: { cohortId: { in: intakes } } } })).toBeGreaterThan(0);
  }, 120_000);

  it("reads the same number of statements for 20 and 400 mostly unreviewed applications, and only the judged-qualified rows", async () => {
    const intake = async (count: number) => {
      const { cohort } = await createOpenCohort(db(), { capacity: 5, deadline: "2026-01-10" });
      const judge = await createUser(db(), { roles: ["ADVISER"] });
      const users = await db().user.createManyAndReturn({
        data: Array.from({ length: count }, (_, index) => ({ email: `r${index}.${cohort.id}@test.no`, name: `Søker ${index}`, roles: ["APPLICANT" as const] })),
        select: { id: true },
      });
      await db().application.createMany({
        data: users.map((user, index) => ({
          applicantId: user.id,
          cohortId: cohort.id,
          status: "UNDER_REVIEW" as const,
          fullName: `Søker ${index}`,
          submittedAt: new Date(Date.UTC(2025, 11, 1, 8, 0, index)),
          employerCountyCode: "50",
          provisionalCategory: 1 + (index % 4),
          // Ten judged (eight qualified), the rest not reviewed.
          qualified: index < 10 ? index % 5 !== 0 : null,
          qualifiedById: index < 10 ? judge.id : null,
          qualifiedAt: index < 10 ? new Date("2026-01-12T10:00:00Z") : null,
          qualificationGrounds: index < 10 && index % 5 === 0 ? "Mangler lederstilling." : null,
        })),
      });
      return cohort.id;
    };
    const [smallId, largeId] = [await intake(20), await intake(400)];
    const small = await measureRequest(() => viewRanking(db(), smallId));
    const large = await measureRequest(() => viewRanking(db(), largeId));
    expect(large.statements).toBe(small.statements);
    expect(large.result.rows).toHaveLength(8);
    expect([large.result.unreviewed, large.result.unqualified]).toEqual([390, 2]);
    expect(small.result.unreviewed).toBe(10);
    // The applications read are the judged-qualified ones: the candidates' statement asks for them.
    expect(large.sql.some((sql) => /"qualified" = \$\d+/.test(sql))).toBe(true);
  }, 120_000);
});
