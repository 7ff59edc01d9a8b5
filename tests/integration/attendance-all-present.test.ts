// «Alle til stede» on a day where one student has sent an absence notice: the list the page reads,
// put through the rule (lib/domain/attendance-day.ts) and saved as the form sends it, leaves that
// student absent with «Fraværsmelding» as the note (not the student's words, which are erased a
// few months after the day); a withdrawn notice counts for nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { osloDate } from "@/lib/domain/application-deadline";
import { exemptionOf, markAllPresent } from "@/lib/domain/attendance-day";
import { addDays } from "@/lib/domain/dates";
import { getDayAttendance } from "@/lib/server/cohorts/attendance";
import { isoDate } from "@/lib/to-domain";
import { makeCohort, type World } from "./cohort-world";
import { db, signInAs, submit } from "./support";

const today = osloDate(new Date());
let world: World;
let todayId: string;

beforeAll(async () => {
  world = await makeCohort({ students: 4, samlinger: [[today, addDays(today, 1)]], heldBefore: today });
  todayId = world.days.find((d) => isoDate(d.date) === today)!.id;
  await db().absenceNotice.create({ data: { enrolmentId: world.students[1]!.enrolmentId, samlingDayId: todayId, reason: "Syk, med feber" } });
  await db().absenceNotice.create({
    data: { enrolmentId: world.students[2]!.enrolmentId, samlingDayId: todayId, reason: "Kurs", withdrawnAt: new Date() },
  });
});

describe("«Alle til stede» with an absence notice", () => {
  it("saves the noticed student as absent with the reason, everyone else present, and the page then shows it", async () => {
    const page = await getDayAttendance(world.teacher, world.cohortId, todayId);
    const result = markAllPresent(
      page.students.map((s) => ({ enrolmentId: s.enrolmentId, name: s.name, absenceNotice: s.absenceNotice, note: s.note ?? "" })),
    );
    expect(result.absentWithNotice).toEqual([world.students[1]!.name]);

    const fields: Record<string, string> = { cohortId: world.cohortId, samlingDayId: todayId };
    for (const [enrolmentId, status] of Object.entries(result.statuses)) fields[`status:${enrolmentId}`] = status;
    for (const [enrolmentId, note] of Object.entries(result.notes)) fields[`note:${enrolmentId}`] = note;
    await signInAs(world.teacher);
    expect(await submit(saveDayAttendanceAction, fields)).toMatchObject({ ok: true, message: "Oppmøtet er lagret: 3 til stede, 1 fraværende." });

    const saved = await db().attendance.findMany({ where: { samlingDayId: todayId }, select: { enrolmentId: true, status: true, note: true } });
    expect(saved).toHaveLength(4);
    expect(saved.find((row) => row.enrolmentId === world.students[1]!.enrolmentId)).toEqual({
      enrolmentId: world.students[1]!.enrolmentId,
      status: "ABSENT",
      note: "Fraværsmelding",
    });
    // The withdrawn notice does not hold the student back.
    expect(saved.find((row) => row.enrolmentId === world.students[2]!.enrolmentId)).toMatchObject({ status: "PRESENT", note: null });

    const after = await getDayAttendance(world.teacher, world.cohortId, todayId);
    expect(after.students.find((s) => s.enrolmentId === world.students[1]!.enrolmentId)).toMatchObject({
      status: "ABSENT",
      note: "Fraværsmelding",
    });
  });
});

describe("«Alle til stede» with a student on leave", () => {
  it("leaves the student on leave without a registration: the day is not recorded as attended", async () => {
    const leaveWorld = await makeCohort({ students: 3, samlinger: [[today, addDays(today, 1)]], heldBefore: today });
    const dayId = leaveWorld.days.find((d) => isoDate(d.date) === today)!.id;
    const onLeave = leaveWorld.students[2]!;
    await db().leaveOfAbsence.create({
      data: {
        enrolmentId: onLeave.enrolmentId,
        fromDate: new Date(`${addDays(today, -3)}T00:00:00Z`),
        toDate: new Date(`${addDays(today, 10)}T00:00:00Z`),
        reason: "Foreldrepermisjon",
        status: "GRANTED",
        decidedById: leaveWorld.teacher.id,
      },
    });
    const page = await getDayAttendance(leaveWorld.teacher, leaveWorld.cohortId, dayId);
    const result = markAllPresent(
      page.students.map((s) => ({
        enrolmentId: s.enrolmentId,
        name: s.name,
        absenceNotice: s.absenceNotice,
        note: s.note ?? "",
        exempt: exemptionOf(s),
        status: s.status,
      })),
    );
    expect(result.exempt).toEqual([onLeave.name]);

    const fields: Record<string, string> = { cohortId: leaveWorld.cohortId, samlingDayId: dayId };
    for (const [enrolmentId, status] of Object.entries(result.statuses)) fields[`status:${enrolmentId}`] = status;
    await signInAs(leaveWorld.teacher);
    expect(await submit(saveDayAttendanceAction, fields)).toMatchObject({ ok: true, message: "Oppmøtet er lagret: 2 til stede, 0 fraværende." });
    const saved = await db().attendance.findMany({ where: { samlingDayId: dayId }, select: { enrolmentId: true } });
    expect(saved.map((row) => row.enrolmentId).sort()).toEqual([leaveWorld.students[0]!.enrolmentId, leaveWorld.students[1]!.enrolmentId].sort());
  });
});
