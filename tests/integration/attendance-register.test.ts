// A samling day's attendance, as faculty save it: the whole list in one request, one row per
// student per day however often or however many save it, corrections after the day only with a
// reason (audited), never for a day to come; and a day with attendance cannot be removed.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { AttendanceDayForm } from "@/components/cohort/attendance-day-form";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { getAttendanceGrid, getDayAttendance, saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { removeSamling, removeSamlingDay } from "@/lib/server/cohorts/samlinger";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { isoDate } from "@/lib/to-domain";
import { OWN_CASE_MESSAGE } from "@/lib/permissions";
import { assignTeachers } from "@/prisma/seed/factories";
import { makeCohort, viewerOf, type World } from "./cohort-world";
import { db, signInAs, submit } from "./support";

const today = osloDate(new Date());
let world: World;
let todayId: string;
let yesterdayId: string;
let tomorrowId: string;

beforeAll(async () => {
  world = await makeCohort({
    students: 6,
    samlinger: [[addDays(today, -1), today, addDays(today, 1)], [addDays(today, 30), addDays(today, 31)]],
    heldBefore: addDays(today, -1), // nothing registered yet
  });
  const byDate = new Map(world.days.map((d) => [isoDate(d.date), d.id]));
  todayId = byDate.get(today)!;
  yesterdayId = byDate.get(addDays(today, -1))!;
  tomorrowId = byDate.get(addDays(today, 1))!;
});

/** The fields a browser posts for a form's markup: hidden and text inputs, and checked radios, not disabled ones. */
function postedFields(markup: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [tag] of markup.matchAll(/<input[^>]*>/g)) {
    const attribute = (name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attribute("name");
    if (!name || / disabled=""/.test(tag)) continue;
    const type = attribute("type") ?? "text";
    if (type === "radio" && !/ checked=""/.test(tag)) continue;
    fields[name] = (attribute("value") ?? "").replaceAll("&amp;", "&");
  }
  return fields;
}

const allPresent = () => world.students.map((s) => ({ enrolmentId: s.enrolmentId, status: "PRESENT" as const, note: null }));
const rowsOf = (dayId: string) =>
  db().attendance.findMany({ where: { samlingDayId: dayId }, select: { enrolmentId: true, status: true, note: true, registeredById: true } });

describe("saving a day's attendance", () => {
  it("saved twice gives one row per student, and the second save changes and audits nothing", async () => {
    const rows = allPresent().map((row, index) => (index === 2 ? { ...row, status: "ABSENT" as const, note: "kom ikke" } : row));
    const first = await saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: todayId, rows, reason: null });
    expect(first).toMatchObject({ mode: "ON_DAY", saved: 6, changed: 6, present: 5, absent: 1 });
    const auditsAfterFirst = await db().auditLog.count({ where: { action: "attendance.register", actorId: world.teacher.id } });
    const second = await saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: todayId, rows, reason: null });
    expect(second).toMatchObject({ saved: 6, changed: 0 });
    const saved = await rowsOf(todayId);
    expect(saved).toHaveLength(6);
    expect(saved.filter((row) => row.status === "ABSENT")).toEqual([
      { enrolmentId: world.students[2]!.enrolmentId, status: "ABSENT", note: "kom ikke", registeredById: world.teacher.id },
    ]);
    expect(auditsAfterFirst).toBe(6);
    expect(await db().auditLog.count({ where: { action: "attendance.register", actorId: world.teacher.id } })).toBe(6);
  });

  it("two faculty saving the same day at once give one row per student and one consistent list", async () => {
    const present = allPresent();
    const absent = present.map((row) => ({ ...row, status: "ABSENT" as const, note: "samtidig" }));
    for (let round = 0; round < 5; round += 1) {
      await Promise.all([
        saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: todayId, rows: present, reason: null }),
        saveDayAttendance(world.colleague, { cohortId: world.cohortId, samlingDayId: todayId, rows: absent, reason: null }),
      ]);
      const saved = await rowsOf(todayId);
      expect(saved).toHaveLength(6);
      // Either one list or the other, whole: never a mix.
      expect(new Set(saved.map((row) => `${row.status}/${row.note}/${row.registeredById}`)).size).toBe(1);
    }
  });

  it("is one request through the action: a form with every student's choice and an optional note", async () => {
    await signInAs(world.users.teacher);
    const fields: Record<string, string> = { cohortId: world.cohortId, samlingDayId: todayId };
    for (const student of world.students) fields[`status:${student.enrolmentId}`] = "PRESENT";
    fields[`status:${world.students[0]!.enrolmentId}`] = "ABSENT";
    fields[`note:${world.students[1]!.enrolmentId}`] = "kom kl. 11";
    const result = await submit(saveDayAttendanceAction, fields);
    expect(result).toMatchObject({ ok: true, message: "Oppmøtet er lagret: 5 til stede, 1 fraværende." });
    const saved = await rowsOf(todayId);
    expect(saved.find((row) => row.enrolmentId === world.students[1]!.enrolmentId)).toMatchObject({ status: "PRESENT", note: "kom kl. 11" });
    expect(saved.find((row) => row.enrolmentId === world.students[0]!.enrolmentId)).toMatchObject({ status: "ABSENT", note: null });
  });

  it("does not let a teacher who is also a student of the kull change her own row (forvaltningsloven § 6); the list with it unchanged saves", async () => {
    const kull = await makeCohort({ students: 3, samlinger: [[today]], heldBefore: today });
    const dayId = kull.days[0]!.id;
    const her = kull.students[1]!;
    await assignTeachers(db(), kull.cohortId, [her.userId]);
    const teacherAndStudent = viewerOf({ id: her.userId, email: "begge@test.no", name: her.name, roles: ["FACULTY", "STUDENT"] });
    const list = (hers: "PRESENT" | "ABSENT", others: "PRESENT" | "ABSENT" = "PRESENT") =>
      kull.students.map((s) => ({ enrolmentId: s.enrolmentId, status: s === her ? hers : others, note: null }));
    await saveDayAttendance(kull.teacher, { cohortId: kull.cohortId, samlingDayId: dayId, rows: list("ABSENT"), reason: null });
    const before = await rowsOf(dayId);

    await expect(saveDayAttendance(teacherAndStudent, { cohortId: kull.cohortId, samlingDayId: dayId, rows: list("PRESENT"), reason: null })).rejects.toThrow(OWN_CASE_MESSAGE);
    expect(await rowsOf(dayId)).toEqual(before);
    // Her own row as it stands, the others changed: saved.
    expect(await saveDayAttendance(teacherAndStudent, { cohortId: kull.cohortId, samlingDayId: dayId, rows: list("ABSENT", "ABSENT"), reason: null })).toMatchObject({ changed: 2 });

    // The day's page shows her row as hers, not changeable, and its form sends it as it stands: what
    // the browser would post (the enabled, checked radios and every hidden and text field) saves.
    const view = await getDayAttendance(teacherAndStudent, kull.cohortId, dayId);
    expect(view.students.map((s) => [s.enrolmentId, s.self])).toEqual(view.students.map((s) => [s.enrolmentId, s.enrolmentId === her.enrolmentId]));
    expect((await getDayAttendance(kull.teacher, kull.cohortId, dayId)).students.some((s) => s.self)).toBe(false);
    expect(view.mode).toBe("ON_DAY");
    const markup = renderToStaticMarkup(
      createElement(AttendanceDayForm, {
        cohortId: kull.cohortId,
        samlingDayId: dayId,
        mode: "ON_DAY",
        dayLabel: "i dag",
        students: view.students.map((s) => ({ ...s, basisgruppe: s.basisgruppe?.name ?? null, absenceNotice: null })),
      }),
    );
    expect(markup).toContain("Dette er deg: du kan ikke registrere ditt eget oppmøte (forvaltningsloven § 6). En kollega gjør det.");
    const posted = postedFields(markup);
    expect(posted[`status:${her.enrolmentId}`]).toBe("ABSENT");
    const radios = [...markup.matchAll(new RegExp(`<input[^>]*name="status:${her.enrolmentId}"[^>]*type="radio"[^>]*>|<input[^>]*type="radio"[^>]*name="status:${her.enrolmentId}"[^>]*>`, "g"))];
    expect(radios).toHaveLength(2);
    for (const [radio] of radios) expect(radio).toMatch(/disabled=""/);
    // The others changed in the browser, her row as the form sends it.
    for (const s of kull.students) if (s !== her) posted[`status:${s.enrolmentId}`] = "PRESENT";
    await db().user.update({ where: { id: her.userId }, data: { roles: ["FACULTY", "STUDENT"] } });
    await signInAs({ id: her.userId });
    expect(await submit(saveDayAttendanceAction, posted)).toMatchObject({ ok: true });
    expect((await rowsOf(dayId)).find((row) => row.enrolmentId === her.enrolmentId)).toMatchObject({ status: "ABSENT", registeredById: kull.teacher.id });
  });

  it("refuses a day that has not come", async () => {
    await expect(
      saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: tomorrowId, rows: allPresent(), reason: null }),
    ).rejects.toThrow("Oppmøte kan ikke registreres for en dag som ikke har kommet ennå.");
    expect(await rowsOf(tomorrowId)).toHaveLength(0);
  });

  it("after the day, needs a reason, and audits who, before, after and why", async () => {
    const rows = allPresent();
    await expect(saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: yesterdayId, rows, reason: null })).rejects.toBeInstanceOf(DomainError);
    expect(await rowsOf(yesterdayId)).toHaveLength(0);
    await saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: yesterdayId, rows, reason: "Glemte å registrere i går" });
    const corrected = rows.map((row, index) => (index === 4 ? { ...row, status: "ABSENT" as const } : row));
    const result = await saveDayAttendance(world.colleague, {
      cohortId: world.cohortId,
      samlingDayId: yesterdayId,
      rows: corrected,
      reason: "Hun dro etter lunsj",
    });
    expect(result).toMatchObject({ mode: "CORRECTION", changed: 1 });
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: "attendance.correct", actorId: world.colleague.id },
      orderBy: { id: "desc" },
    });
    expect(entry.before).toEqual({ status: "PRESENT", note: null });
    expect(entry.after).toMatchObject({ enrolmentId: world.students[4]!.enrolmentId, status: "ABSENT", reason: "Hun dro etter lunsj", date: addDays(today, -1) });
  });

  it("refuses students of another cohort and days outside the plan, as not found", async () => {
    const other = await makeCohort({ students: 1, samlinger: [[today]], heldBefore: today });
    await expect(
      saveDayAttendance(world.teacher, {
        cohortId: world.cohortId,
        samlingDayId: todayId,
        rows: [{ enrolmentId: other.students[0]!.enrolmentId, status: "PRESENT", note: null }],
        reason: null,
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: other.days[0]!.id, rows: allPresent(), reason: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reading a day and the grid", () => {
  it("lists the day's students with their registration and active absence notices", async () => {
    const student = world.students[3]!;
    await db().absenceNotice.create({ data: { enrolmentId: student.enrolmentId, samlingDayId: tomorrowId, reason: "Sykt barn" } });
    await db().absenceNotice.create({
      data: { enrolmentId: world.students[5]!.enrolmentId, samlingDayId: tomorrowId, reason: "Trukket", withdrawnAt: new Date() },
    });
    const list = await getDayAttendance(world.teacher, world.cohortId, tomorrowId);
    expect(list.mode).toBe("FUTURE");
    expect(list.students).toHaveLength(6);
    expect(list.students.filter((s) => s.absenceNotice).map((s) => [s.name, s.absenceNotice!.reason])).toEqual([[student.name, "Sykt barn"]]);
    // The teacher supervises Gruppe 1: those students come first.
    expect(list.students.slice(0, 3).every((s) => s.basisgruppe?.name === "Gruppe 1")).toBe(true);
  });

  it("shows present, absent and to come in the grid, and filters by basisgruppe", async () => {
    const grid = await getAttendanceGrid(world.teacher, world.cohortId, {});
    expect(grid.columns.map((c) => c.date)).toEqual(world.days.map((d) => isoDate(d.date)));
    const first = grid.students.find((s) => s.enrolmentId === world.students[0]!.enrolmentId)!;
    expect(first.cells.slice(0, 3)).toEqual(["PRESENT", "ABSENT", "UPCOMING"]);
    const filtered = await getAttendanceGrid(world.teacher, world.cohortId, { basisgruppeId: world.groups[1]!.id });
    expect(filtered.students.map((s) => s.basisgruppe?.name)).toEqual(["Gruppe 2", "Gruppe 2", "Gruppe 2"]);
  });
});

describe("the grid as CSV", () => {
  it("has a BOM, semicolons, one column per day and the status, for the cohort's staff only", async () => {
    const { GET } = await import("@/app/(staff)/kull/[cohortId]/oppmote/eksport/route");
    const get = () => GET(new Request(`http://localhost/kull/${world.cohortId}/oppmote/eksport`), { params: Promise.resolve({ cohortId: world.cohortId }) });
    await signInAs(world.users.outsider);
    expect((await get()).status).toBe(404);
    await signInAs(world.users.colleague);
    const response = await get();
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(header!.split(";").slice(0, 3)).toEqual(["Student", "E-post", "Basisgruppe"]);
    expect(header!.split(";")).toHaveLength(3 + world.days.length + 6);
    expect(rows).toHaveLength(6);
    expect(rows.find((row) => row.startsWith(`${world.students[0]!.name};`))!.split(";").slice(3, 6)).toEqual(["Til stede", "Fravær", ""]);
  });
  it("writes a name that looks like a formula as text (lib/csv neutralises every text cell)", async () => {
    const { GET } = await import("@/app/(staff)/kull/[cohortId]/oppmote/eksport/route");
    const student = world.students[1]!;
    await db().user.update({ where: { id: student.userId }, data: { name: '=HYPERLINK("http://angrep.example";"Klikk")' } });
    try {
      await signInAs(world.users.colleague);
      const response = await GET(new Request(`http://localhost/kull/${world.cohortId}/oppmote/eksport`), { params: Promise.resolve({ cohortId: world.cohortId }) });
      const text = Buffer.from(await response.arrayBuffer()).subarray(3).toString("utf8");
      expect(text).toContain(`"'=HYPERLINK(""http://angrep.example"";""Klikk"")";`);
      expect(text).not.toMatch(/(^|\r\n|;)"?=/);
    } finally {
      await db().user.update({ where: { id: student.userId }, data: { name: student.name } });
    }
  });
});

describe("removing days", () => {
  it("refuses a day with attendance with a reason, and the database refuses it too", async () => {
    await expect(removeSamlingDay(world.teacher, { cohortId: world.cohortId, samlingDayId: todayId })).rejects.toThrow(
      /^Dagen kan ikke fjernes fordi det er registrert oppmøte for 6 studenter/,
    );
    await expect(db().samlingDay.delete({ where: { id: todayId } })).rejects.toThrow();
    await expect(removeSamling(world.teacher, { cohortId: world.cohortId, samlingId: world.days[0]!.samlingId })).rejects.toThrow(
      /^Samlingen kan ikke fjernes/,
    );
    expect(await db().samlingDay.count({ where: { id: todayId } })).toBe(1);
  });

  it("refuses a day with an absence notice, and removes an empty day", async () => {
    await expect(removeSamlingDay(world.teacher, { cohortId: world.cohortId, samlingDayId: tomorrowId })).rejects.toThrow(/fraværsmelding/);
    const later = world.days.find((d) => isoDate(d.date) === addDays(today, 31))!;
    await removeSamlingDay(world.teacher, { cohortId: world.cohortId, samlingDayId: later.id });
    expect(await db().samlingDay.count({ where: { id: later.id } })).toBe(0);
  });
});
