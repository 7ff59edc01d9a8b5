// The demo's enrolment changes (prisma/seed/demo-enrolments.ts) are what the README promises:
// Petra is on leave with her letter, Olav moved from the earlier kull with credited arbeidskrav
// and days the eligibility counts, and every enrolled student has FS identity data.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { AttendanceGridTable } from "@/components/cohort/attendance-grid";
import { getAttendanceGrid } from "@/lib/server/cohorts/attendance";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { getOwnStudyHistory } from "@/lib/server/enrolments/history";
import { getStudentRecord, searchStudents, STUDENT_LIST_LIMIT } from "@/lib/server/enrolments/queries";
import { AccessDeniedError } from "@/lib/server/errors";
import { getExamProtocol } from "@/lib/server/exams/results";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { osloDate } from "@/lib/domain/application-deadline";
import { createCohort, createUser, enrol, uniqueCohortCode } from "@/prisma/seed/factories";
import { db, signInAs } from "./support";
import { seedDemo } from "./demo-world";
import { attendanceFigures } from "@/lib/domain/attendance-progress";

const NOW = new Date();
const TODAY = osloDate(NOW);

beforeAll(async () => {
  await seedDemo(NOW);
}, 180_000);

async function viewerOf(email: string): Promise<Viewer> {
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await resolveViewer(await signInAs(user)))!;
}

describe("the demo's enrolment changes", () => {
  it("Petra is on leave in the running cohort, with the letter; the adviser finds her without searching", async () => {
    const petra = await db().enrolment.findFirstOrThrow({ where: { user: { email: "student.permisjon@demo.no" } }, select: { id: true, status: true, cohortId: true, letters: { select: { kind: true } } } });
    expect(petra.status).toBe("ON_LEAVE");
    // The first request refused (without documentation), the second granted.
    expect(petra.letters.map((letter) => letter.kind).sort()).toEqual(["LEAVE_GRANTED", "LEAVE_REFUSED"]);
    const eligibility = (await evaluateCohortEligibility(db(), petra.cohortId, { today: TODAY })).byEnrolment.get(petra.id)!.eligibility;
    expect(eligibility.attendance.leave).toBe(5);
    expect(eligibility.attendance.held - eligibility.attendance.attended).toBe(0);
    const adviser = await viewerOf("veileder@demo.no");
    const onLeave = await searchStudents(adviser, { query: null });
    expect(onLeave.students.map((student) => student.name)).toEqual(["Petra Permisjon"]);
    // Her home asks no hand-in of her while the leave lasts (a walk: «lever så snart du kan» led to
    // a page that refused it); each item says it waits until the leave is over.
    const self = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { email: "student.permisjon@demo.no" } }))))!;
    const [home] = await getStudentOverview(self, NOW);
    const handIns = home!.nextSteps.filter((step) => step.key.startsWith("arbeidskrav-") && step.text.includes("Lever når permisjonen er over") || step.text.includes("lever når permisjonen er over"));
    expect(handIns.length).toBeGreaterThan(0);
    expect(handIns.every((step) => step.tone === "info")).toBe(true);
    expect(home!.nextSteps.some((step) => /lever (på nytt|så snart)|skal leveres innen/.test(step.text))).toBe(false);
  });

  it("the adviser lists one kull's students, narrows them by name, and every kull with students can be chosen (an archived one marked)", async () => {
    const adviser = await viewerOf("veileder@demo.no");
    const petra = await db().enrolment.findFirstOrThrow({ where: { user: { email: "student.permisjon@demo.no" } }, select: { cohortId: true } });
    const inKull = await db().enrolment.findMany({ where: { cohortId: petra.cohortId }, select: { userId: true } });
    const all = await searchStudents(adviser, { query: null, cohortId: petra.cohortId });
    const kull = await db().cohort.findUniqueOrThrow({ where: { id: petra.cohortId }, select: { name: true, programme: { select: { name: true } } } });
    expect(all).toMatchObject({ text: null, unknownCohort: false, truncated: false, cohort: { id: petra.cohortId, label: `${kull.programme.name}, ${kull.name}` } });
    expect(all.students.map((student) => student.userId).sort()).toEqual(inKull.map((row) => row.userId).sort());
    const narrowed = await searchStudents(adviser, { query: "permisjon", cohortId: petra.cohortId });
    expect(narrowed.students.map((student) => student.name)).toEqual(["Petra Permisjon"]);
    // A student who was never in the kull is not in its list.
    const outside = await db().user.findFirstOrThrow({ where: { enrolments: { some: {}, none: { cohortId: petra.cohortId } } }, select: { id: true } });
    expect(all.students.map((student) => student.userId)).not.toContain(outside.id);
    // An id that is no kull to choose filters nothing, and says so.
    const unknown = await searchStudents(adviser, { query: "permisjon", cohortId: "c".padEnd(25, "0") });
    expect(unknown).toMatchObject({ cohort: null, unknownCohort: true });
    expect(unknown.students.map((student) => student.name)).toEqual(["Petra Permisjon"]);
    const labels = all.cohorts.map((cohort) => cohort.label);
    expect(labels).toContain(`${kull.programme.name}, ${kull.name}`);
    expect(labels.filter((label) => label.endsWith(" (arkivert)"))).toEqual(
      (await db().cohort.findMany({ where: { archivedAt: { not: null }, enrolments: { some: {} } }, orderBy: [{ startsOn: "desc" }, { name: "asc" }, { id: "asc" }], select: { name: true, programme: { select: { name: true } } } })).map(
        (row) => `${row.programme.name}, ${row.name} (arkivert)`,
      ),
    );
    // Faculty are refused.
    await expect(searchStudents(await viewerOf("faglaerer@demo.no"), { query: null, cohortId: petra.cohortId })).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("Olav moved from H2025 to the running cohort: two arbeidskrav and twelve days credited, counted, and one history", async () => {
    const enrolments = await db().enrolment.findMany({
      where: { user: { email: "student.overfort@demo.no" } },
      orderBy: { cohort: { startsOn: "asc" } },
      select: { id: true, status: true, cohortId: true, transferredFromId: true, _count: { select: { arbeidskravCredits: true, attendanceCredits: true } } },
    });
    expect(enrolments.map((row) => row.status)).toEqual(["TRANSFERRED", "ACTIVE"]);
    const [old, current] = enrolments;
    expect(current!.transferredFromId).toBe(old!.id);
    expect(current!._count).toEqual({ arbeidskravCredits: 2, attendanceCredits: 12 });
    const eligibility = (await evaluateCohortEligibility(db(), current!.cohortId, { today: TODAY })).byEnrolment.get(current!.id)!.eligibility;
    expect(eligibility.arbeidskrav.approved).toBe(2);
    expect(eligibility.attendance.attended).toBe(15);
    // Counted as attended, and said to be credited where the days are counted (a walk read «15 av 15»).
    expect(eligibility.attendance.credited).toBe(12);
    expect(attendanceFigures(eligibility.attendance).credited).toBe("12 av dem godkjent fra et tidligere kull");
    // The staff's grid says it in his row's figures too, not only by ↪ in twelve day columns.
    const grid = await getAttendanceGrid(await viewerOf("veileder@demo.no"), current!.cohortId, {}, NOW);
    const markup = renderToStaticMarkup(createElement(AttendanceGridTable, { grid, cohortId: current!.cohortId, caption: "Oppmøte" }));
    const row = /<tr[^>]*>(?:(?!<\/tr>).)*Olav Overført(?:(?!<\/tr>).)*<\/tr>/s.exec(markup)?.[0] ?? "";
    expect(row).toContain("12 av dem godkjent fra et tidligere kull");
    expect(row).not.toContain("i permisjon");
    // Beside «Fyller ikke kravene ennå», what is still to come (a walk: the badge stood alone).
    expect(row).toContain("Fyller ikke kravene ennå");
    expect(row).toMatch(/[2-4] av 5 arbeidskrav godkjent\./);
    // Petra's leave, in the same kull, likewise beside her figures.
    const petraRow = /<tr[^>]*>(?:(?!<\/tr>).)*Petra Permisjon(?:(?!<\/tr>).)*<\/tr>/s.exec(markup)?.[0] ?? "";
    expect(petraRow).toMatch(/\d+ dager i permisjon/);

    const olav = await viewerOf("student.overfort@demo.no");
    const history = await getOwnStudyHistory(olav);
    expect(history.enrolments.map((row) => [row.cohort.name, row.status])).toEqual([
      ["Kull H2025", "TRANSFERRED"],
      ["Kull V2026", "ACTIVE"],
    ]);
    // His leave in H2025 ended with the transfer: he reads its last day, not a return.
    expect(history.enrolments[0]!.leaves.map((leave) => leave.endNote)).toEqual([expect.stringMatching(/^gjaldt til og med .+, da du ble overført$/)]);
    expect(history.enrolments[1]!.credits.map((credit) => credit.from)).toEqual(["Fagnotat 1 (individuelt), Kull H2025", "Ledertreningsoppgave 1, Kull H2025"]);
    expect(history.identity?.studentNumber).toMatch(/^\d{6}$/);
    const record = await getStudentRecord(await viewerOf("veileder@demo.no"), (await db().user.findUniqueOrThrow({ where: { email: "student.overfort@demo.no" } })).id, NOW);
    expect(record.enrolments.find((row) => row.status === "ACTIVE")!.transferredFrom?.cohortName).toBe("Kull H2025");
    // The same item of the same title: the record names the kull alone («Fagnotat 1 (individuelt): fra Kull H2025»).
    expect(record.enrolments.find((row) => row.status === "ACTIVE")!.credits.map((credit) => credit.fromKull)).toEqual(["Kull H2025", "Kull H2025"]);
  });

  it("every enrolled student has a fødselsdato and a studentnummer, and the protocol carries them", async () => {
    expect(await db().user.count({ where: { enrolments: { some: {} }, studentIdentity: null } })).toBe(0);
    const finishing = await db().cohort.findFirstOrThrow({ where: { code: "H2023", programme: { code: "BARNEVERNLEDELSE" } }, select: { id: true } });
    const protocol = await getExamProtocol(await viewerOf("faglaerer@demo.no"), finishing.id, NOW);
    expect(protocol.students.length).toBeGreaterThan(0);
    expect(protocol.students.every((row) => row.birthDate !== null && /^\d{6}$/.test(row.studentNumber ?? ""))).toBe(true);
  });
});

// Last: it adds a kull of students without FS identity, which the test above would count.
describe("the student search", () => {
  it("a search is taken literally: wildcards find nobody, a NUL byte is no error, and a long list says it is cut short", async () => {
    const adviser = await viewerOf("veileder@demo.no");
    expect((await searchStudents(adviser, { query: "__" })).students).toEqual([]);
    expect((await searchStudents(adviser, { query: "%%" })).students).toEqual([]);
    expect((await searchStudents(adviser, { query: "Permisjon\u0000" })).students.map((student) => student.name)).toEqual(["Petra Permisjon"]);
    // A kull of one more than a list shows: the first hundred by name, and the page is told.
    const programme = await db().programme.findFirstOrThrow({ select: { id: true } });
    const { cohort } = await createCohort(db(), {
      programmeId: programme.id,
      code: uniqueCohortCode(),
      capacity: STUDENT_LIST_LIMIT + 1,
      applicationOpensOn: "2024-01-01",
      applicationDeadline: "2024-02-01",
      offerAnswerDeadline: "2024-03-01",
      startsOn: "2024-08-20",
      endsOn: "2025-06-01",
    });
    const names = Array.from({ length: STUDENT_LIST_LIMIT + 1 }, (_, index) => `Mange Studenter ${String(index).padStart(3, "0")}`);
    for (const name of names) await enrol(db(), { userId: (await createUser(db(), { name, roles: ["STUDENT"] })).id, cohortId: cohort.id });
    const many = await searchStudents(adviser, { query: null, cohortId: cohort.id });
    expect(many.truncated).toBe(true);
    expect(many.students.map((student) => student.name)).toEqual(names.slice(0, STUDENT_LIST_LIMIT));
    expect((await searchStudents(adviser, { query: "Studenter 100", cohortId: cohort.id })).truncated).toBe(false);
  });
});
