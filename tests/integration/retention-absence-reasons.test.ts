// The reason a student writes in an absence notice (often health data) is erased by the
// `privacy.retention` job a period after the samling day (lib/domain/retention.ts), in batches;
// the notice stays, the erasure is audited without the text, and the pages say it is gone.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absenceReasonCutoff, absenceReasonDueOn, retentionPeriodsFrom } from "@/lib/domain/retention";
import { compareIsoDates } from "@/lib/domain/dates";
import { getDayAttendance } from "@/lib/server/cohorts/attendance";
import { ABSENCE_REASON_BATCH, applyRetention } from "@/lib/server/retention/sweep";
import { isoDate } from "@/lib/to-domain";
import { makeCohort, planDays, type World } from "./cohort-world";
import { connectRaw, db } from "./support";

const PERIODS = retentionPeriodsFrom({ absenceReasonMonths: 3 });
const NOW = new Date("2019-07-10T01:00:00Z");
const TODAY = "2019-07-10";

let world: World;
let raw: pg.Client;
const dayOf = (samlingDayId: string) => isoDate(world.days.find((d) => d.id === samlingDayId)!.date);

beforeAll(async () => {
  // 25 students × 24 days (8 samlinger, 8 January to 17 April 2019): more notices due than a batch.
  world = await makeCohort({ students: 25, samlinger: planDays("2019-01-08", 24), heldBefore: "2019-01-01" });
  await db().absenceNotice.createMany({
    data: world.students.flatMap((student, index) =>
      world.days.map((d) => ({ enrolmentId: student.enrolmentId, samlingDayId: d.id, reason: `Syk, innlagt (${index})`, createdAt: new Date(d.date.getTime() - 86_400_000) })),
    ),
  });
  // A withdrawn notice holds its reason too.
  await db().absenceNotice.create({
    data: { enrolmentId: world.students[0]!.enrolmentId, samlingDayId: world.days[0]!.id, reason: "Likevel ikke borte", withdrawnAt: new Date("2019-01-07T10:00:00Z") },
  });
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("the reasons of absence notices", () => {
  it("are erased for the days on or before the cut-off, in batches, each audited without the text; later days keep theirs", async () => {
    const cutoff = absenceReasonCutoff(TODAY, PERIODS);
    const dueDays = world.days.filter((d) => compareIsoDates(isoDate(d.date), cutoff) <= 0);
    // The kull straddles the cut-off: some days due, some not.
    expect(dueDays.length).toBeGreaterThan(0);
    expect(dueDays.length).toBeLessThan(world.days.length);
    const expected = dueDays.length * world.students.length + 1;
    expect(expected).toBeGreaterThan(ABSENCE_REASON_BATCH);

    const run = await applyRetention(NOW, PERIODS);
    expect(run.absenceReasonsErased).toBe(expected);

    const notices = await db().absenceNotice.findMany({ where: { enrolment: { cohortId: world.cohortId } }, select: { id: true, samlingDayId: true, reason: true, reasonErasedAt: true } });
    for (const notice of notices) {
      const due = compareIsoDates(absenceReasonDueOn(dayOf(notice.samlingDayId), PERIODS), TODAY) <= 0;
      expect(notice.reason === null, dayOf(notice.samlingDayId)).toBe(due);
      expect(notice.reasonErasedAt).toEqual(due ? NOW : null);
    }
    // The notices themselves stay.
    expect(notices).toHaveLength(world.students.length * world.days.length + 1);

    const entries = await db().auditLog.findMany({ where: { action: "retention.erase_absence_reason", entityId: { in: notices.map((n) => n.id) } } });
    expect(entries).toHaveLength(expected);
    expect(entries.every((entry) => entry.actorId === null)).toBe(true);
    expect(JSON.stringify(entries.map((entry) => entry.after))).not.toMatch(/Syk|innlagt|Likevel/);
    const first = entries.find((entry) => entry.entityId === notices.find((n) => n.reason === null)!.id)!;
    expect(first.after).toMatchObject({ rule: "absence-reason", reasonErased: true, dueOn: expect.stringMatching(/^2019-/), samlingDay: expect.stringMatching(/^2019-/) });

    // A second run finds nothing.
    expect((await applyRetention(NOW, PERIODS)).absenceReasonsErased).toBe(0);
  });

  it("the day's list still shows the notice, its reason gone", async () => {
    const erasedDay = world.days[0]!;
    const keptDay = world.days.at(-1)!;
    const erased = await getDayAttendance(world.teacher, world.cohortId, erasedDay.id, NOW);
    expect(erased.students.every((s) => s.absenceNotice !== null && s.absenceNotice.reason === null)).toBe(true);
    const kept = await getDayAttendance(world.teacher, world.cohortId, keptDay.id, NOW);
    expect(kept.students.map((s) => s.absenceNotice?.reason).sort()).toEqual(world.students.map((_, index) => `Syk, innlagt (${index})`).sort());
  });

  it("the database keeps the erasure and the reason's absence together", async () => {
    const [notice] = await db().absenceNotice.findMany({ where: { enrolment: { cohortId: world.cohortId }, reason: { not: null } }, take: 1 });
    await expect(raw.query(`UPDATE "AbsenceNotice" SET "reason" = NULL WHERE "id" = $1`, [notice!.id])).rejects.toThrow(/AbsenceNotice_reason_erased/);
    await expect(raw.query(`UPDATE "AbsenceNotice" SET "reasonErasedAt" = now() WHERE "id" = $1`, [notice!.id])).rejects.toThrow(/AbsenceNotice_reason_erased/);
  });
});
