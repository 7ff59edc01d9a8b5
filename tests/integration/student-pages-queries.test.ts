// The student's home (/student) and attendance page (/student/oppmote) cost the same number of
// statements for a cohort of 4 and of 16 and hold one pool connection (issue 21: one request held
// all ten), and with Prisma's relationJoins the nested read is one statement, not one per relation
// (8 here, counted on the pool as `npm run bench` counts them; 84 before).
import { beforeAll, describe, expect, it } from "vitest";
import { getStudentIdentity } from "@/lib/server/enrolments/identity";
import { getStudentOverview } from "@/lib/server/students/overview";
import { type Viewer } from "@/lib/server/viewer";
import { measureRequest } from "./request-cost";
import { populatedCohort, studentViewer as viewerOf, type StudentCohort as Fixture } from "./student-fixtures";

/** The student home's reads, as the page makes them (its layout only checks the role). */
async function studentHome(viewer: Viewer) {
  const [overview, identity] = [await getStudentOverview(viewer), await getStudentIdentity(viewer, viewer.id)];
  return { overview, identity };
}

let small: Fixture;
let large: Fixture;

beforeAll(async () => {
  small = await populatedCohort(4);
  large = await populatedCohort(16);
}, 120_000);

describe("student pages query counts", () => {
  it("are the same for a cohort of 4 and of 16, on one connection", async () => {
    const [smallViewer, largeViewer] = [await viewerOf(small), await viewerOf(large)];
    const a = await measureRequest(() => studentHome(smallViewer));
    const b = await measureRequest(() => studentHome(largeViewer));
    const [home] = a.result.overview;

    expect(b.result.overview[0]!.basisgruppe!.members.length).toBeGreaterThan(a.result.overview[0]!.basisgruppe!.members.length);
    expect(b.statements).toBe(a.statements);
    expect(a.statements).toBeLessThanOrEqual(8); // 84 before relationJoins (one statement per relation)
    expect([a.peakConnections, b.peakConnections]).toEqual([1, 1]);
    // What the page shows: the verdict, the attendance, the group hand-in of three.
    expect(home!.basisgruppe!.members).toHaveLength(4);
    expect(home!.arbeidskrav.find((item) => item.number === 3)!.submission!.members).toHaveLength(3);
    expect(home!.arbeidskrav.find((item) => item.number === 1)!.status).toBe("APPROVED");
    expect(home!.samlinger.flatMap((samling) => samling.days).some((day) => day.attendance === "ABSENT")).toBe(true);
    expect(home!.eligibility.status).toBeDefined();
  });

  it("/student/oppmote reads the overview alone, on one connection", async () => {
    const viewer = await viewerOf(large, 1);
    const cost = await measureRequest(() => getStudentOverview(viewer));
    expect(cost.peakConnections).toBe(1);
    expect(cost.statements).toBeLessThanOrEqual(7);
    // Student 2 of the cohort was present on every day held so far.
    const days = cost.result[0]!.samlinger.flatMap((samling) => samling.days);
    expect(days.some((day) => day.attendance === "PRESENT")).toBe(true);
    expect(days.some((day) => day.attendance === "ABSENT")).toBe(false);
  });
});
