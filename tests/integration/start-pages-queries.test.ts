// The two staff start pages (/veileder and /faglaerer) on the demo story, counted on the pool as
// `npm run bench` counts a request: at most 11 and 10 statements for the pages' reads (12 and 11
// with the viewer's session), at most three pool connections, and the same count when Frida teaches one
// more kull (issue 21: 13 and 14 statements, four connections on /faglaerer). The content is
// asserted too: the open klager from students are there, by kull, with the one-statement count.
import { beforeAll, describe, expect, it } from "vitest";
import { countOpenAdmissionAppeals } from "@/lib/server/admission/queries";
import { getFacultyHome } from "@/lib/server/cohorts/faculty-home";
import { listCohortsForStaff, listMyBasisgrupper } from "@/lib/server/cohorts/staff-overview";
import { inOrder } from "@/lib/server/in-order";
import { countOpenAppeals } from "@/lib/server/student-letters/appeals";
import type { Viewer } from "@/lib/server/viewer";
import { assignTeachers, createUser } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf } from "./cohort-world";
import { measureRequest } from "./request-cost";
import { db } from "./support";
import { seedDemo } from "./demo-world";

const NOW = new Date("2026-11-24T09:00:00+01:00");
let adviser: Viewer;
let frida: Viewer;

beforeAll(async () => {
  await seedDemo(NOW);
  adviser = viewerOf(await db().user.findUniqueOrThrow({ where: { email: "veileder@demo.no" } }));
  frida = viewerOf(await db().user.findUniqueOrThrow({ where: { email: "faglaerer@demo.no" } }));
}, 180_000);

/** app/(adviser)/veileder/page.tsx's reads, as the page makes them. */
const adviserHome = () =>
  inOrder(
    () => listCohortsForStaff(adviser, NOW),
    () => countOpenAdmissionAppeals(adviser),
    () => countOpenAppeals(adviser),
  );

/** app/(faculty)/faglaerer/page.tsx's reads, as the page makes them. */
const facultyHome = () =>
  Promise.all([
    getFacultyHome(frida, NOW),
    inOrder(() => listCohortsForStaff(frida, NOW, { adviserColumns: false }), () => listMyBasisgrupper(frida), () => countOpenAppeals(frida)),
  ]);

/** The open klager from students, by kull name, read the slow and obvious way. */
async function openAppealsByKull(teacherId?: string) {
  const rows = await db().studentAppeal.findMany({
    where: { status: "RECEIVED", ...(teacherId ? { enrolment: { cohort: { teachers: { some: { userId: teacherId } } } } } : {}) },
    select: { enrolment: { select: { cohort: { select: { name: true } } } } },
  });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.enrolment.cohort.name, (counts.get(row.enrolment.cohort.name) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b, "nb"));
}

describe("the staff start pages", () => {
  it("the adviser's home: at most 9 statements on one connection, with the students' klager by kull", async () => {
    const before = await measureRequest(adviserHome);
    // 11 before the kull, their applications and next steps were one read (issue 21); 7 of them
    // and two for the open cases of the completed kull (the demo's H2023), read for all at once.
    expect(before.statements).toBeLessThanOrEqual(9);
    expect(before.peakConnections).toBe(1);
    const [cohorts, , appeals] = before.result;
    const expected = await openAppealsByKull();
    expect(expected.length).toBeGreaterThan(0);
    expect(appeals.map((entry) => [entry.cohortName, entry.count])).toEqual(expected);
    expect(cohorts.every((cohort) => cohort.applications !== null)).toBe(true);

    const extra = await makeCohort({ students: 5, samlinger: planDays("2026-09-07", 4), heldBefore: "2026-11-24" });
    const after = await measureRequest(adviserHome);
    expect(after.statements).toBe(before.statements);
    expect(after.result[0].map((cohort) => cohort.id)).toContain(extra.cohortId);
  }, 120_000);

  it("the faculty home: at most 10 statements on at most 3 connections, the same with one more kull", async () => {
    const before = await measureRequest(facultyHome);
    expect(before.statements).toBeLessThanOrEqual(10);
    expect(before.peakConnections).toBeLessThanOrEqual(3);
    const [summaries, [cohorts, , appeals]] = before.result;
    expect(appeals.map((entry) => [entry.cohortName, entry.count])).toEqual(await openAppealsByKull(frida.id));
    // The demo's one waiting klage is Vilde's, on Frida's own refusal of the exam: counted for her,
    // but not hers to decide (an adviser decides it, and never the one who refused).
    expect(appeals.map((entry) => [entry.count, entry.mine, entry.othersBy])).toEqual([[1, 0, "ADVISER"]]);
    expect((await countOpenAppeals(adviser)).map((entry) => [entry.count, entry.mine])).toEqual([[1, 1]]);
    // Only the kull she teaches: a faculty member on no team sees no klager, where the adviser sees them.
    const outsider = viewerOf(await createUser(db(), { name: "Ola Utenfor", roles: ["FACULTY"] }));
    expect(await countOpenAppeals(outsider)).toEqual([]);
    expect((await countOpenAppeals(adviser)).length).toBeGreaterThan(0);
    // Faculty are not shown the applications, so they are not counted for them.
    expect(cohorts.map((cohort) => cohort.applications)).toEqual(cohorts.map(() => null));
    // Nor for an adviser who also teaches, on the faculty home: one read of the kull, nothing for the adviser's columns.
    const teachingAdviser = { ...adviser, roles: [...adviser.roles, "FACULTY" as const] };
    const onFacultyHome = await measureRequest(() => listCohortsForStaff(teachingAdviser, NOW, { adviserColumns: false }));
    expect(onFacultyHome.statements).toBe(1);
    expect(onFacultyHome.result.every((cohort) => cohort.applications === null && cohort.nextStep === null)).toBe(true);

    // Samlinger from October into the new year: running, so on the faculty home.
    const extra = await makeCohort({ students: 7, samlinger: planDays("2026-10-05", 15), heldBefore: "2026-11-24" });
    await assignTeachers(db(), extra.cohortId, [frida.id]);
    const after = await measureRequest(facultyHome);
    expect(after.statements).toBe(before.statements);
    expect(after.peakConnections).toBeLessThanOrEqual(3);
    expect(after.result[0].map((cohort) => cohort.id).sort()).toEqual([...summaries.map((cohort) => cohort.id), extra.cohortId].sort());
    expect(after.result[0].find((cohort) => cohort.id === extra.cohortId)!.students).toBe(7);
  }, 120_000);
});
