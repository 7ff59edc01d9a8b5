// Whole-day attendance saves wait only for saves of the same kull's same day (issue 21: a lock on
// the day row made every kull's save of a shared samling day queue behind one another, and the
// bench's saves of one day in ten kull ran one at a time). A second connection holds the lock a
// save takes; a save it must not wait for completes meanwhile, the one it must wait for waits.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { removeSamling } from "@/lib/server/cohorts/samlinger";
import { makeCohort, planDays, type World } from "./cohort-world";
import { connectRaw, db } from "./support";

const NOW = new Date("2030-01-20T12:00:00Z");
let a: World;
let b: World;
let holder: pg.Client;

beforeAll(async () => {
  a = await makeCohort({ students: 3, samlinger: planDays("2030-01-07", 3), heldBefore: "2030-01-01" });
  b = await makeCohort({ students: 2, samlinger: [["2030-02-04"]], heldBefore: "2030-01-01" });
  // Kull B also follows kull A's first samling (a samling shared by two kull, as the demo's are).
  const samlingId = a.days[0]!.samlingId;
  await db().cohortSamling.create({ data: { cohortId: b.cohortId, samlingId, number: 2 } });
  holder = await connectRaw();
}, 120_000);

afterAll(async () => {
  await holder?.end();
});

const allPresent = (world: World, dayId: string) => ({
  cohortId: world.cohortId,
  samlingDayId: dayId,
  rows: world.students.map((student) => ({ enrolmentId: student.enrolmentId, status: "PRESENT" as const, note: null })),
  reason: "Registrert etter samlingen",
});

/** Holds the lock a save of `cohortId`'s `dayId` takes, in an open transaction of its own. */
async function holdSaveLock(cohortId: string, dayId: string) {
  await holder.query("BEGIN");
  await holder.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`attendance-save:${cohortId}:${dayId}`]);
}

/** Polls pg_locks until a session waits for the lock of `cohortId`'s `dayId` save (a minute at most). */
async function someSaveWaits(cohortId: string, dayId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    // A bigint advisory key is held as classid (high 32 bits) and objid (low 32 bits), objsubid 1.
    const { rows } = await holder.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks l, (SELECT hashtextextended($1, 0) AS k) h
       WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
         AND l.classid::bigint = ((h.k >> 32) & 4294967295) AND l.objid::bigint = (h.k & 4294967295)`,
      [`attendance-save:${cohortId}:${dayId}`],
    );
    if (rows[0]!.waiting > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("whole-day attendance saves", () => {
  it("of another kull on the same shared day, and of another day, do not wait; the same kull's same day does", async () => {
    const shared = a.days[0]!;
    expect((await db().samlingDay.findUniqueOrThrow({ where: { id: shared.id } })).samlingId).toBe(shared.samlingId);
    await holdSaveLock(a.cohortId, shared.id);
    try {
      // Kull B on the same day, and kull A on another day: done while A's save of the day is held.
      const other = await saveDayAttendance(b.teacher, allPresent(b, shared.id), NOW);
      expect(other.saved).toBe(2);
      const nextDay = await saveDayAttendance(a.teacher, allPresent(a, a.days[1]!.id), NOW);
      expect(nextDay.saved).toBe(3);

      // Kull A's save of the held day waits until the lock is let go, then saves.
      let done = false;
      const waiting = saveDayAttendance(a.teacher, allPresent(a, shared.id), NOW).then((result) => {
        done = true;
        return result;
      });
      expect(await someSaveWaits(a.cohortId, shared.id)).toBe(true);
      expect(done).toBe(false);
      await holder.query("COMMIT");
      expect((await waiting).saved).toBe(3);
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
    }
    const rows = await db().attendance.findMany({ where: { samlingDayId: shared.id } });
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((row) => row.enrolmentId)).size).toBe(5);
  }, 120_000);

  it("reads the registrations as the save before it left them: the one it waited for is its «before»", async () => {
    const day = a.days[2]!;
    await saveDayAttendance(a.teacher, allPresent(a, day.id), NOW);
    const student = a.students[0]!;
    // Another save of the same day, held open: it has changed the student to absent, not committed yet.
    await holdSaveLock(a.cohortId, day.id);
    try {
      await holder.query(`UPDATE "Attendance" SET "status" = 'ABSENT', "updatedAt" = now() WHERE "samlingDayId" = $1 AND "enrolmentId" = $2`, [
        day.id,
        student.enrolmentId,
      ]);
      const waiting = saveDayAttendance(a.teacher, allPresent(a, day.id), NOW);
      expect(await someSaveWaits(a.cohortId, day.id)).toBe(true);
      await holder.query("COMMIT");
      // It saw the student absent (the committed change), so this save changes one row and tells them.
      expect(await waiting).toMatchObject({ mode: "CORRECTION", changed: 1, told: 1 });
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
    }
    const attendanceId = (await db().attendance.findUniqueOrThrow({ where: { enrolmentId_samlingDayId: { enrolmentId: student.enrolmentId, samlingDayId: day.id } } })).id;
    const [entry] = await db().auditLog.findMany({ where: { entityId: attendanceId, action: "attendance.correct" }, orderBy: { id: "desc" }, take: 1 });
    expect(entry?.before).toMatchObject({ status: "ABSENT" });
    expect(entry?.after).toMatchObject({ status: "PRESENT" });
  }, 120_000);

  it("finds the day gone when the samling left the kull's plan while the save waited", async () => {
    const c = await makeCohort({ students: 2, samlinger: [["2030-01-08"]], heldBefore: "2030-01-01" });
    const d = await makeCohort({ students: 2, samlinger: [["2030-02-05"]], heldBefore: "2030-01-01" });
    const day = c.days[0]!;
    await db().cohortSamling.create({ data: { cohortId: d.cohortId, samlingId: day.samlingId, number: 2 } });
    await holdSaveLock(d.cohortId, day.id);
    let waiting: Promise<unknown> | null = null;
    try {
      waiting = saveDayAttendance(d.teacher, allPresent(d, day.id), NOW).then(
        () => "saved",
        (error: Error) => error.message,
      );
      expect(await someSaveWaits(d.cohortId, day.id)).toBe(true);
      // Kull D gives up the shared samling (nothing is registered for its students on it yet).
      await removeSamling(d.teacher, { cohortId: d.cohortId, samlingId: day.samlingId });
      await holder.query("COMMIT");
      expect(await waiting).toBe("Fant ikke samlingsdagen i kullets plan.");
    } finally {
      await holder.query("ROLLBACK").catch(() => undefined);
    }
    expect(await db().attendance.count({ where: { samlingDayId: day.id } })).toBe(0);
  }, 120_000);
});
