// The adviser's pages cost the same number of statements however many applications an intake
// has, and hold at most three pool connections (issue 21), counted on the pool as `npm run bench`
// counts them. Content is asserted too: the faster reads say what the slower ones said (compared
// with the earlier reads on every demo intake and application when they were changed).
import { beforeAll, describe, expect, it } from "vitest";
import {
  countOpenAdmissionAppeals,
  getApplicationForReview,
  getIntakeOverview,
  listApplications,
  listIntakes,
  parseApplicationFilter,
} from "@/lib/server/admission/queries";
import { listCohortsForStaff } from "@/lib/server/cohorts/staff-overview";
import { inOrder } from "@/lib/server/in-order";
import { countOpenAppeals } from "@/lib/server/student-letters/appeals";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { createOpenCohort, createUser } from "@/prisma/seed/factories";
import { measureRequest } from "./request-cost";
import { db, signInAs } from "./support";

const COUNTIES = ["03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56"];

/** An intake past its deadline with `count` sent applications, some judged, one with a staff verification. */
async function intakeWith(count: number, judge: { id: string }) {
  const { cohort } = await createOpenCohort(db(), { capacity: 5, deadline: "2026-01-10" });
  const stamp = `${cohort.id}-${count}`;
  await db().user.createMany({
    data: Array.from({ length: count }, (_, index) => ({ email: `a${index}.${stamp}@test.no`, name: `Søker ${index}`, roles: ["APPLICANT" as const] })),
  });
  const users = await db().user.findMany({ where: { email: { endsWith: `.${stamp}@test.no` } }, orderBy: { email: "asc" }, select: { id: true } });
  await db().application.createMany({
    data: users.map((user, index) => ({
      applicantId: user.id,
      cohortId: cohort.id,
      status: index % 3 === 0 ? ("SUBMITTED" as const) : ("UNDER_REVIEW" as const),
      fullName: `Søker ${String(index).padStart(3, "0")}`,
      submittedAt: new Date(Date.UTC(2025, 11, 1, 8, 0, index)),
      employerCountyCode: COUNTIES[index % COUNTIES.length]!,
      provisionalCategory: (index % 4) + 1,
      assessedCategory: index % 3 === 0 ? null : (index % 4) + 1,
      qualified: index % 3 === 0 ? null : index % 5 !== 0,
      qualificationGrounds: index % 3 !== 0 && index % 5 === 0 ? "Mangler lederstilling." : null,
      qualifiedById: index % 3 === 0 ? null : judge.id,
      qualifiedAt: index % 3 === 0 ? null : new Date("2026-01-12T10:00:00Z"),
    })),
  });
  const first = await db().application.findFirstOrThrow({ where: { cohortId: cohort.id, qualifiedById: { not: null } }, orderBy: { submittedAt: "asc" } });
  return { cohortId: cohort.id, firstJudged: first.id };
}

let adviser: Viewer;
let small: Awaited<ReturnType<typeof intakeWith>>;
let large: Awaited<ReturnType<typeof intakeWith>>;

beforeAll(async () => {
  const user = await createUser(db(), { name: "Vera Veileder", roles: ["ADVISER"] });
  adviser = (await resolveViewer(await signInAs(user)))!;
  small = await intakeWith(6, user);
  large = await intakeWith(60, user);
}, 120_000);

/** The intake overview's reads, as the page makes them. */
function intakePage(cohortId: string) {
  const filter = parseApplicationFilter({});
  return inOrder(
    () => getIntakeOverview(adviser, cohortId),
    () => listApplications(adviser, cohortId, filter),
  );
}

describe("the adviser's pages", () => {
  it("intake overview: the same statements for 6 and 60 applications, at most 8 (9 with the viewer), on at most 3 connections", async () => {
    const a = await measureRequest(() => intakePage(small.cohortId));
    const b = await measureRequest(() => intakePage(large.cohortId));
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(8);
    expect(Math.max(a.peakConnections, b.peakConnections)).toBeLessThanOrEqual(3);
    const [overview, list] = b.result;
    expect(overview.byStatus).toEqual([
      { status: "SUBMITTED", count: 20 },
      { status: "UNDER_REVIEW", count: 40 },
      { status: "DECIDED", count: 0 },
      { status: "WITHDRAWN", count: 0 },
    ]);
    expect(overview.qualified).toEqual({ yes: 32, no: 8, notJudged: 20 });
    expect(overview.byCategory.reduce((sum, row) => sum + row.count, 0)).toBe(60);
    expect(overview.byCounty.find((row) => row.code === "03")!.count).toBe(4);
    expect(overview.places).toMatchObject({ capacity: 5, open: 5, offeredOpen: 0, waitlist: 0, released: 0, transferredIn: 0 });
    expect(overview.waitlist).toMatchObject({ setOn: null, defaultIs: "første samlingsdag", closesOn: "2026-04-10", defaultOn: "2026-04-10" });
    expect([overview.openAppeals, overview.openRequests]).toEqual([0, 0]);
    expect(list.total).toBe(60);
    expect(list.rows).toHaveLength(50);
  }, 60_000);

  it("review of one application: the same statements for 6 and 60, on one connection, with the names of who judged", async () => {
    const filter = parseApplicationFilter({});
    const a = await measureRequest(() => getApplicationForReview(adviser, small.firstJudged, filter));
    const b = await measureRequest(() => getApplicationForReview(adviser, large.firstJudged, filter));
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(6); // 18 before relationJoins
    expect([a.peakConnections, b.peakConnections]).toEqual([1, 1]);
    expect(b.result.application.qualifiedBy).toEqual({ name: "Vera Veileder" });
    expect(b.result.application.categorySetBy).toBeNull();
    expect(b.result.queue).toEqual({ position: 2, total: 60, previous: expect.any(String), next: expect.any(String) });
  }, 60_000);

  it("home: the same statements for one intake and two, on at most 3 connections", async () => {
    const home = () =>
      inOrder(
        () => listCohortsForStaff(adviser),
        () => countOpenAdmissionAppeals(adviser),
        () => countOpenAppeals(adviser),
      );
    const two = await measureRequest(home);
    await intakeWith(3, adviser);
    const three = await measureRequest(home);
    expect(three.statements).toBe(two.statements);
    expect(three.peakConnections).toBeLessThanOrEqual(3);
    const [cohorts, appeals] = three.result;
    expect(cohorts).toHaveLength(3);
    expect(cohorts.map((cohort) => cohort.applications!.submitted).sort((x, y) => x - y)).toEqual([3, 6, 60]);
    // The same counts as the intake list's (listIntakes), which counts by status on its own.
    const intakes = await listIntakes(adviser);
    for (const cohort of cohorts) {
      const intake = intakes.find((row) => row.id === cohort.id)!;
      expect([cohort.applications!.notReviewed, cohort.applications!.underReview]).toEqual([intake.notReviewed, intake.underReview]);
    }
    expect(cohorts.every((cohort) => cohort.nextStep !== null)).toBe(true);
    expect(appeals).toEqual({ received: 0, toForward: 0 });
  }, 60_000);
});
