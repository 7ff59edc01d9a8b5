// The cohort pages of the staff (/kull/[id], its attendance day and grid, the exam and arbeidskrav
// lists) and the whole-day attendance save send the same number of SQL statements for a kull of 3
// students as for one of 12, and few (issue 21: a nested select was one statement per level, the
// save one UPDATE per student; the bench counted 1 077 and 454 statements on two of these pages).
// Counted, not timed; the content is asserted beside the count.
import { beforeAll, describe, expect, it } from "vitest";
import { getArbeidskravOverview } from "@/lib/server/cohorts/assessment";
import { getAttendanceGrid, getDayAttendance, saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { getCohortSummaries } from "@/lib/server/cohorts/faculty-home";
import { getStaffCohort } from "@/lib/server/cohorts/staff-cohort";
import { getExamAdmission } from "@/lib/server/exams/registration";
import { isoDate } from "@/lib/to-domain";
import { makeCohort, planDays, type World } from "./cohort-world";
import { countQueries } from "./query-counter";
import { db } from "./support";

const NOW = new Date("2030-01-25T10:00:00Z");
const TODAY = "2030-01-25";
// One request may send at most 12; the viewer's session lookup is one of them.
const BUDGET = 11;

function world(students: number) {
  return makeCohort({
    students,
    samlinger: planDays("2030-01-07", 9),
    heldBefore: TODAY,
    attended: (index, held) => held - (index % 3),
    approved: (index) => index % 6,
    exam: { startsOn: "2030-06-03", endsOn: "2030-06-05" },
  });
}

let small: World;
let large: World;

beforeAll(async () => {
  small = await world(3);
  large = await world(12);
}, 120_000);

const dayOn = (w: World, date: string) => w.days.find((d) => isoDate(d.date) === date)!.id;

/** The statements of the page's data for one kull: the cohort at the top (layout) and the page's own read. */
async function counted<T>(w: World, read: (w: World) => Promise<T>) {
  return countQueries(async () => {
    await getStaffCohort(w.teacher, w.cohortId);
    return read(w);
  });
}

describe("statements per cohort page, 3 and 12 students", () => {
  it("/kull/[id]: the cohort and its summary", async () => {
    const read = (w: World) => getCohortSummaries(w.teacher, { cohortId: w.cohortId }, NOW);
    const [a, b] = [await counted(small, read), await counted(large, read)];
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(BUDGET);
    expect(b.result).toHaveLength(1);
    const [summary] = b.result;
    expect(summary!.students).toBe(12);
    expect(summary!.samlingerTotal).toBe(3);
    expect(summary!.samlingerHeld).toBe(2);
    expect(summary!.exam).toEqual({ startsOn: "2030-06-03", endsOn: "2030-06-05" });
    // Students 2, 5, 8, 11 (index % 3 == 2) missed two days of 9: at risk; everyone approved < 5 waits.
    expect(summary!.atRisk.map((row) => row.name)).toEqual(expect.arrayContaining(["Student 03", "Student 06", "Student 09", "Student 12"]));
    expect(summary!.waiting.total).toBeGreaterThan(0);
  });

  it("the attendance day", async () => {
    const read = (w: World) => getDayAttendance(w.teacher, w.cohortId, dayOn(w, "2030-01-22"), NOW);
    const [a, b] = [await counted(small, read), await counted(large, read)];
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(BUDGET);
    expect(b.result.students).toHaveLength(12);
    expect(b.result.registered).toBe(12);
    expect(b.result.samling.days.map((d) => d.date)).toEqual(["2030-01-21", "2030-01-22", "2030-01-23"]);
    expect(b.result.neighbours).toEqual({ previous: { id: dayOn(large, "2030-01-21"), date: "2030-01-21" }, next: { id: dayOn(large, "2030-01-23"), date: "2030-01-23" } });
    // Across samlinger, in the same statement: the first day of a samling leads back to the last of the one before.
    const first = await counted(large, (w) => getDayAttendance(w.teacher, w.cohortId, dayOn(w, "2030-01-21"), NOW));
    expect(first.queries).toBe(b.queries);
    expect(first.result.neighbours.previous).toEqual({ id: dayOn(large, "2030-01-09"), date: "2030-01-09" });
    expect((await getDayAttendance(large.teacher, large.cohortId, dayOn(large, "2030-01-07"), NOW)).neighbours.previous).toBeNull();
    expect((await getDayAttendance(large.teacher, large.cohortId, dayOn(large, "2030-02-06"), NOW)).neighbours.next).toBeNull();
    expect(b.result.mode).toBe("CORRECTION");
    // Student 03 (index 2) attended 6 − 2 = 4 of the 6 held days: absent on the 5th and 6th (22 and 23 Jan).
    expect(b.result.students.find((s) => s.name === "Student 03")!.status).toBe("ABSENT");
    expect(b.result.students.find((s) => s.name === "Student 01")!.status).toBe("PRESENT");
    expect(b.result.students.filter((s) => s.mine)).toHaveLength(6);
  });

  it("the attendance grid", async () => {
    const read = (w: World) => getAttendanceGrid(w.teacher, w.cohortId, {}, NOW);
    const [a, b] = [await counted(small, read), await counted(large, read)];
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(BUDGET);
    expect(b.result.columns).toHaveLength(9);
    expect(b.result.students).toHaveLength(12);
    const first = b.result.students.find((s) => s.name === "Student 01")!;
    expect(first.cells).toEqual([...Array(6).fill("PRESENT"), ...Array(3).fill("UPCOMING")]);
    expect(first.eligibility.attendance.attended).toBe(6);
  });

  it("the exam list", async () => {
    const read = (w: World) => getExamAdmission(w.teacher, w.cohortId, NOW);
    const [a, b] = [await counted(small, read), await counted(large, read)];
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(BUDGET);
    expect(b.result.exam?.startsOn).toBe("2030-06-03");
    expect(b.result.students).toHaveLength(12);
    expect(b.result.counts.registered).toBe(0);
  });

  it("the arbeidskrav list", async () => {
    const read = (w: World) => getArbeidskravOverview(w.teacher, w.cohortId, NOW);
    const [a, b] = [await counted(small, read), await counted(large, read)];
    expect(a.queries).toBe(b.queries);
    expect(b.queries).toBeLessThanOrEqual(BUDGET);
    expect(b.result.students).toHaveLength(12);
    expect(b.result.definitions).toHaveLength(5);
    // Student i has the first i % 6 of the five approved and the rest handed in: 2 × (0+1+2+3+4+5) = 30.
    expect(b.result.definitions.reduce((sum, d) => sum + d.counts.APPROVED, 0)).toBe(30);
    expect(b.result.waiting).toHaveLength(60 - 30);
    expect(b.result.waiting[0]!.members).toHaveLength(1);
  });
});

describe("statements of a whole day's attendance save, 3 and 12 students", () => {
  it("the same for both on the day and for a correction after it, with the standings, audit and mails of every student", async () => {
    const saves = async (w: World) => {
      const rows = (status: "PRESENT" | "ABSENT") => w.students.map((s) => ({ enrolmentId: s.enrolmentId, status, note: null }));
      const onDay = await countQueries(() =>
        saveDayAttendance(w.teacher, { cohortId: w.cohortId, samlingDayId: dayOn(w, "2030-02-04"), rows: rows("PRESENT"), reason: null }, new Date("2030-02-04T10:00:00Z")),
      );
      const again = await countQueries(() =>
        saveDayAttendance(w.teacher, { cohortId: w.cohortId, samlingDayId: dayOn(w, "2030-02-04"), rows: rows("PRESENT"), reason: null }, new Date("2030-02-04T10:05:00Z")),
      );
      // Everyone absent on the first day, after it: a correction, mailed to each student.
      const correction = await countQueries(() =>
        saveDayAttendance(w.teacher, { cohortId: w.cohortId, samlingDayId: dayOn(w, "2030-01-07"), rows: rows("ABSENT"), reason: "Listen var feil" }, new Date("2030-02-05T10:00:00Z")),
      );
      return { onDay, again, correction };
    };
    const [a, b] = [await saves(small), await saves(large)];
    expect(b.onDay.result).toMatchObject({ mode: "ON_DAY", saved: 12, changed: 12 });
    expect(b.again.result).toMatchObject({ saved: 12, changed: 0 });
    expect(b.correction.result).toMatchObject({ mode: "CORRECTION", changed: 12 });
    expect([a.onDay.queries, a.again.queries, a.correction.queries]).toEqual([b.onDay.queries, b.again.queries, b.correction.queries]);
    // Before issue 21: 34 and 51 statements for the first save of 3 and 12 students; 16 and 20
    // before the advisory lock and the day were read in one statement, and the students told of a
    // correction came from the save's own read.
    expect(b.onDay.queries).toBeLessThanOrEqual(15);
    expect(b.correction.queries).toBeLessThanOrEqual(18);
    // A list saved again unchanged evaluates nobody: only the changed students' standings are
    // refreshed (a standing depends on the stored facts alone).
    // 15 → 5 statements (the lock and the day, the list, the upsert, and the transaction's own).
    expect(b.again.queries).toBeLessThanOrEqual(5);

    // Every invariant still holds: one row per student per day, an audit entry with before and
    // after per changed row, the stored standing equal to the recomputation (standings.test.ts).
    const day = dayOn(large, "2030-01-07");
    expect(await db().attendance.count({ where: { samlingDayId: day } })).toBe(12);
    const audits = await db().auditLog.findMany({ where: { action: "attendance.correct", entityType: "Attendance" }, select: { before: true, after: true } });
    expect(audits.filter((row) => (row.after as { samlingDayId?: string }).samlingDayId === day)).toHaveLength(12);
    expect(audits.every((row) => (row.before as { status?: string } | null)?.status === "PRESENT")).toBe(true);
    const mails = await db().mailMessage.count({ where: { dedupeKey: { startsWith: "attendance-corrected:" }, userId: { in: large.students.map((s) => s.userId) } } });
    expect(mails).toBe(12);
  }, 120_000);
});
