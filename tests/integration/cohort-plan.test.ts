// The cohort plan: samlinger numbered by date whatever order they are added in, a samling shared
// with another programme's cohort (one set of days, attendance per student), a new kull's plan
// copied from the previous one moved by whole weeks, the exam's three days, arbeidskrav created from
// the programme's study plan and checked against the cohort's own requirements.
import { beforeAll, describe, expect, it } from "vitest";
import { addSamlingAction, copyPlanAction, createArbeidskravFromTemplateAction, setExamDaysAction, shareSamlingAction } from "@/lib/actions/cohort-plan";
import { shiftByWeeks } from "@/lib/domain/cohort-plan";
import { saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { addSamlingDay, removeSamling, shareSamling } from "@/lib/server/cohorts/samlinger";
import { saveArbeidskravSet, storedSetItem } from "@/lib/server/cohorts/arbeidskrav-set";
import { getCohortPlan } from "@/lib/server/cohorts/plan";
import { defaultExamTimes, examTimesInput } from "@/lib/domain/exam-time";
import { registerForExam } from "@/lib/server/exams/registration";
import { setExamDays } from "@/lib/server/exams/schedule";
import { assignTeachers, createCohort, createProgramme, createUser, enrol, uniqueCohortCode } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { connectRaw, db, signInAs, someoneWaitsFor, submit } from "./support";

let previous: World;
let fresh: { id: string };

beforeAll(async () => {
  previous = await makeCohort({ students: 2, samlinger: planDays("2024-09-10", 9), heldBefore: "2030-01-01", exam: { startsOn: "2025-11-18", endsOn: "2025-11-20" } });
  const programme = await createProgramme(db());
  fresh = (
    await createCohort(db(), {
      programmeId: programme.id,
      code: uniqueCohortCode(),
      applicationOpensOn: "2026-01-01",
      applicationDeadline: "2026-03-01",
      offerAnswerDeadline: "2026-04-01",
      startsOn: "2026-09-01",
      endsOn: "2027-12-01",
    })
  ).cohort;
  await assignTeachers(db(), fresh.id, [previous.teacher.id]);
});

describe("a new kull's plan", () => {
  it("is copied from the previous kull, every date moved by whole weeks, with arbeidskrav and exam", async () => {
    await signInAs(previous.users.teacher);
    const result = await submit(copyPlanAction, { cohortId: fresh.id, fromCohortId: previous.cohortId, weeks: "104" });
    expect(result).toMatchObject({ ok: true, message: "Planen er kopiert: 3 samlinger, 5 arbeidskrav og eksamen. Sjekk datoene." });
    const plan = await getCohortPlan(previous.teacher, fresh.id);
    expect(plan.samlinger.map((s) => [s.number, s.days.map((d) => d.date)])).toEqual([
      [1, ["2026-09-08", "2026-09-09", "2026-09-10"]],
      [2, ["2026-09-22", "2026-09-23", "2026-09-24"]],
      [3, ["2026-10-06", "2026-10-07", "2026-10-08"]],
    ]);
    expect(plan.samlinger[0]!.week).toBe("uke 37");
    expect(plan.exam).toMatchObject({ startsOn: "2027-11-16", endsOn: "2027-11-18" });
    // The arbeidskrav of the previous kull (cohort-world.ts) were due 2020-10-01 … 2021-02-01.
    expect(plan.arbeidskrav.map((a) => a.dueDate)).toEqual(["2020-10-01", "2020-11-01", "2020-12-01", "2021-01-01", "2021-02-01"].map((d) => shiftByWeeks(d, 104)));
    expect(plan.arbeidskravProblems).toEqual([]);
    // Only into an empty plan.
    const again = await submit(copyPlanAction, { cohortId: fresh.id, fromCohortId: previous.cohortId, weeks: "104" });
    expect(again.message).toMatch(/^Kullet har allerede samlinger/);
  });

  it("numbers samlinger by date whatever order they are added in, and refuses a date already in the plan", async () => {
    await signInAs(previous.users.teacher);
    const early = await submit(addSamlingAction, { cohortId: fresh.id, title: "Oppstart", location: "Trondheim", days: ["2026-09-01", "2026-09-02", ""] });
    expect(early).toMatchObject({ ok: true });
    const plan = await getCohortPlan(previous.teacher, fresh.id);
    expect(plan.samlinger.map((s) => `${s.number}:${s.title}`)).toEqual(["1:Oppstart", "2:Samling 1", "3:Samling 2", "4:Samling 3"]);
    const clash = await submit(addSamlingAction, { cohortId: fresh.id, title: "Dobbel", location: "Trondheim", days: "2026-09-08" });
    expect(clash).toMatchObject({ ok: false, fieldErrors: { days: ["Datoen 2026-09-08 er allerede en samlingsdag i planen."] } });
    const invalid = await submit(addSamlingAction, { cohortId: fresh.id, title: "Feil", location: "Trondheim", days: "2026-02-30" });
    expect(invalid.ok).toBe(false);
    // A day added before the first samling's days moves it first in order.
    await addSamlingDay(previous.teacher, { cohortId: fresh.id, samlingId: plan.samlinger[3]!.id, date: "2026-08-25" });
    expect((await getCohortPlan(previous.teacher, fresh.id)).samlinger.map((s) => s.title)).toEqual(["Samling 3", "Oppstart", "Samling 1", "Samling 2"]);
  });

  it("sets the exam's three days from the first", async () => {
    await signInAs(previous.users.teacher);
    expect(await submit(setExamDaysAction, { cohortId: fresh.id, firstDay: "2027-11-23", title: "Hjemmeeksamen" })).toMatchObject({ ok: true });
    expect((await getCohortPlan(previous.teacher, fresh.id)).exam).toMatchObject({ title: "Hjemmeeksamen", startsOn: "2027-11-23", endsOn: "2027-11-25", week: "uke 47" });
  });

  it("moves an exam students are registered for only before it begins, and tells each of them the new days", async () => {
    const defaultExamTimesInput = (firstDay: string) => examTimesInput(defaultExamTimes(firstDay));
    const kull = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 3), heldBefore: "2030-01-01", exam: { startsOn: "2031-03-03", endsOn: "2031-03-05" } });
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, new Date("2030-06-01T10:00:00Z"));
    const moved = await setExamDays(kull.teacher, { cohortId: kull.cohortId, title: "Hjemmeeksamen", ...defaultExamTimesInput("2031-02-24") }, new Date("2030-06-02T10:00:00Z"));
    expect(moved.told).toBe(2);
    const mails = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: "exam-moved:" }, userId: { in: kull.students.map((row) => row.userId) } } });
    expect(mails.map((mail) => mail.subject)).toEqual(["Eksamen er flyttet: Hjemmeeksamen", "Eksamen er flyttet: Hjemmeeksamen"]);
    expect(mails[0]!.text).toContain("24. februar 2031 – 26. februar 2031");
    // The title alone changes nothing for them; nor is anyone told twice.
    expect((await setExamDays(kull.teacher, { cohortId: kull.cohortId, title: "Skriftlig hjemmeeksamen", ...defaultExamTimesInput("2031-02-24") }, new Date("2030-06-02T10:00:00Z"))).told).toBe(0);
    // Never to a moment already past while students are registered, nor once it has begun.
    await expect(setExamDays(kull.teacher, { cohortId: kull.cohortId, title: "Hjemmeeksamen", ...defaultExamTimesInput("2030-05-01") }, new Date("2030-06-02T10:00:00Z"))).rejects.toThrow(/tidspunkt som har vært/);
    await expect(setExamDays(kull.teacher, { cohortId: kull.cohortId, title: "Hjemmeeksamen", ...defaultExamTimesInput("2031-03-02") }, new Date("2031-02-25T10:00:00Z"))).rejects.toThrow(/Eksamen har startet/);
    // Nor past the kull's end: its warnings and decisions run until then.
    await expect(setExamDays(kull.teacher, { cohortId: kull.cohortId, title: "Hjemmeeksamen", ...defaultExamTimesInput("2031-03-10") }, new Date("2030-06-02T10:00:00Z"))).rejects.toThrow(
      "Eksamen ligger etter at kullet slutter (5. mars 2031). Flytt sluttdatoen for kullet først.",
    );
  });
});

describe("arbeidskrav from the study plan", () => {
  it("are created from the programme's template with a due date each, once", async () => {
    const programme = await createProgramme(db());
    const { cohort } = await createCohort(db(), {
      programmeId: programme.id,
      code: uniqueCohortCode(),
      applicationOpensOn: "2026-01-01",
      applicationDeadline: "2026-03-01",
      offerAnswerDeadline: "2026-04-01",
      samlinger: [{ title: "Samling 1", days: ["2026-09-08"] }],
    });
    await assignTeachers(db(), cohort.id, [previous.teacher.id]);
    await signInAs(previous.users.teacher);
    const missing = await submit(createArbeidskravFromTemplateAction, { cohortId: cohort.id, "due-1": "2026-10-01" });
    expect(missing).toMatchObject({ ok: false, message: "Hvert arbeidskrav må ha en frist." });
    expect(missing.fieldErrors?.["due-2"]).toEqual(["Velg frist for Ledertreningsoppgave 1."]);
    const dates = { "due-1": "2026-10-01", "due-2": "2026-11-01", "due-3": "2026-12-01", "due-4": "2027-01-10", "due-5": "2027-02-01" };
    expect(await submit(createArbeidskravFromTemplateAction, { cohortId: cohort.id, ...dates })).toMatchObject({ ok: true, message: "5 arbeidskrav er opprettet fra studieplanen." });
    const plan = await getCohortPlan(previous.teacher, cohort.id);
    expect(plan.arbeidskrav.map((a) => [a.number, a.kind, a.dueDate])).toEqual([
      [1, "FAGNOTAT", "2026-10-01"],
      [2, "LEDERTRENING", "2026-11-01"],
      [3, "FAGNOTAT", "2026-12-01"],
      [4, "LEDERTRENING", "2027-01-10"],
      [5, "LEDERTRENING", "2027-02-01"],
    ]);
    expect(plan.arbeidskravProblems).toEqual([]);
    expect((await submit(createArbeidskravFromTemplateAction, { cohortId: cohort.id, ...dates })).message).toBe("Kullet har allerede arbeidskrav.");
  });
});

/** A kull of another programme (institusjonsledelse) with these samlinger, to share one of them. */
async function institutionKull(samlinger: { title: string; days: string[] }[]) {
  const institution = await createProgramme(db(), "INSTITUSJONSLEDELSE");
  return createCohort(db(), {
    programmeId: institution.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2025-01-01",
    applicationDeadline: "2025-03-01",
    offerAnswerDeadline: "2025-04-01",
    samlinger,
  });
}

describe("a samling shared with another programme's cohort", () => {
  it("is one set of days; attendance is kept per student; only advisers share", async () => {
    const { cohort: other, samlingIds } = await institutionKull([{ title: "Felles samling", days: ["2025-04-23", "2025-04-24"] }]);
    await signInAs(previous.users.teacher);
    expect((await submit(shareSamlingAction, { cohortId: previous.cohortId, samlingId: samlingIds[0]! })).message).toBe("Du har ikke tilgang til å gjøre dette.");
    await signInAs(previous.users.adviser);
    expect(await submit(shareSamlingAction, { cohortId: previous.cohortId, samlingId: samlingIds[0]! })).toMatchObject({
      ok: true,
      message: "Felles samling er nå felles og står i kullets plan.",
    });
    const plan = await getCohortPlan(previous.adviser, previous.cohortId);
    // The adviser is not the fagansvarlig, who is named to her; the fagansvarlig is told it is her.
    expect(plan).toMatchObject({ viewerIsAcademicLead: false, academicLeadName: previous.teacher.name });
    expect(await getCohortPlan(previous.teacher, previous.cohortId)).toMatchObject({ viewerIsAcademicLead: true, academicLeadName: previous.teacher.name });
    const shared = plan.samlinger.at(-1)!;
    expect(shared.sharedWith).toHaveLength(1);
    expect(plan.totalDays).toBe(11);

    // Each cohort registers its own students on the same day.
    const otherStudent = await enrol(db(), { userId: (await createUser(db(), { roles: ["STUDENT"] })).id, cohortId: other.id });
    const otherTeacher = viewerOf(await createUser(db(), { roles: ["FACULTY"] }));
    await assignTeachers(db(), other.id, [otherTeacher.id]);
    const dayId = shared.days[0]!.id;
    const on = new Date("2025-04-23T10:00:00+02:00");
    await saveDayAttendance(previous.teacher, { cohortId: previous.cohortId, samlingDayId: dayId, rows: previous.students.map((s) => ({ enrolmentId: s.enrolmentId, status: "PRESENT", note: null })), reason: null }, on);
    await saveDayAttendance(otherTeacher, { cohortId: other.id, samlingDayId: dayId, rows: [{ enrolmentId: otherStudent.id, status: "ABSENT", note: null }], reason: null }, on);
    expect(await db().attendance.count({ where: { samlingDayId: dayId } })).toBe(3);
    // A teacher of one cohort cannot register the other cohort's students on the shared day.
    await expect(
      saveDayAttendance(previous.teacher, { cohortId: previous.cohortId, samlingDayId: dayId, rows: [{ enrolmentId: otherStudent.id, status: "PRESENT", note: null }], reason: null }, on),
    ).rejects.toThrow("Fant ikke alle studentene i kullet.");
    // Leaving the plan is refused while this cohort's students have attendance on it.
    await expect(removeSamling(previous.adviser, { cohortId: previous.cohortId, samlingId: shared.id })).rejects.toThrow(/^Samlingen kan ikke fjernes/);
  });
});

describe("a shared samling changed from both kull at once", () => {
  it("a day added from one kull waits for a change to the other kull's plan and sees it: no date twice in either plan", async () => {
    const { cohort: other, samlingIds } = await institutionKull([
      { title: "Felles samling", days: ["2025-05-20", "2025-05-21"] },
      { title: "Egen samling", days: ["2025-06-10"] },
    ]);
    const kull = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 3), heldBefore: "2025-01-01", exam: { startsOn: "2025-08-05", endsOn: "2025-08-07" } });
    await shareSamling(kull.adviser, { cohortId: kull.cohortId, samlingId: samlingIds[0]! });
    // The other kull's staff add 22 May to their own samling (its plan locked, not yet committed).
    const theirs = await connectRaw();
    try {
      await theirs.query("BEGIN");
      await theirs.query(`SELECT 1 FROM "Cohort" WHERE "id" = $1 FOR NO KEY UPDATE`, [other.id]);
      await theirs.query(`INSERT INTO "SamlingDay" ("id", "samlingId", "date") VALUES ($1, $2, '2025-05-22')`, [`race-${other.id}`, samlingIds[1]!]);
      const adding = addSamlingDay(kull.adviser, { cohortId: kull.cohortId, samlingId: samlingIds[0]!, date: "2025-05-22" }).then(
        () => "added",
        (error: Error) => error.message,
      );
      expect(await someoneWaitsFor(theirs)).toBe(true);
      await theirs.query("COMMIT");
      expect(await adding).not.toBe("added");
    } finally {
      await theirs.end();
    }
    const days = await db().samlingDay.findMany({ where: { samling: { cohorts: { some: { cohortId: other.id } } }, date: new Date("2025-05-22") } });
    expect(days).toHaveLength(1);
  });
});

describe("the arbeidskrav set changed at the moment of the first hand-in", () => {
  it("waits for the hand-in and then asks for the fagansvarlig's reason, as after any hand-in", async () => {
    // Not begun, nobody has handed in: anyone on the team may change which arbeidskrav are required.
    const kull = await makeCohort({ students: 0, samlinger: planDays("2031-01-07", 3), heldBefore: "2020-01-01", exam: { startsOn: "2031-06-03", endsOn: "2031-06-05" } });
    const stored = await db().arbeidskravDefinition.findMany({ where: { cohortId: kull.cohortId }, orderBy: { number: "asc" } });
    const items = stored.map(storedSetItem);
    const oral = items.find((item) => item.oralPresentation)!;
    const other = items.find((item) => item.kind === oral.kind && !item.oralPresentation)!;
    const swapped = items.map((item) => (item === oral ? { ...item, oralPresentation: false } : item === other ? { ...item, oralPresentation: true } : item));
    // The first hand-in (its submission inserted, not yet committed).
    const handIn = await connectRaw();
    try {
      await handIn.query("BEGIN");
      await handIn.query(`INSERT INTO "Submission" ("id", "arbeidskravId", "status", "updatedAt") VALUES ($1, $2, 'SUBMITTED', now())`, [`race-${stored[0]!.id}`, stored[0]!.id]);
      const saving = saveArbeidskravSet(kull.teacher, { cohortId: kull.cohortId, items: swapped, reason: null }).then(
        () => "saved",
        (error: Error) => error.message,
      );
      expect(await someoneWaitsFor(handIn)).toBe(true);
      await handIn.query("COMMIT");
      expect(await saving).toMatch(/bare fagansvarlig kan endre|Skriv hvorfor arbeidskravene endres/);
    } finally {
      await handIn.end();
    }
    expect((await db().arbeidskravDefinition.findUniqueOrThrow({ where: { id: oral.id! } })).oralPresentation).toBe(true);
  });
});

describe("a completed kull's plan", () => {
  it("stands: samlinger, days, the exam's days and the arbeidskrav are refused with why, nothing is written, and the page is told", async () => {
    const done = await makeCohort({ students: 1, samlinger: planDays("2024-01-09", 3), heldBefore: "2030-01-01", exam: { startsOn: "2024-03-05", endsOn: "2024-03-07" } });
    const completedAt = new Date("2024-04-15T10:00:00Z");
    expect((await getCohortPlan(done.teacher, done.cohortId)).closedReason).toBeNull();
    await db().cohort.update({ where: { id: done.cohortId }, data: { completedAt } });
    const reason = "Kullet ble fullført 15. april 2024, så planen står fast: oppmøtet og eksamen ble avgjort på den. Må noe rettes, åpner en studieveileder kullet igjen under «Opptak og status».";
    const before = await getCohortPlan(done.teacher, done.cohortId);
    expect(before.closedReason).toBe(reason);

    await signInAs(done.users.teacher);
    expect(await submit(addSamlingAction, { cohortId: done.cohortId, title: "Ekstra", location: "Trondheim", days: ["2024-05-07", "", ""] })).toMatchObject({ ok: false, message: reason });
    expect(await submit(setExamDaysAction, { cohortId: done.cohortId, firstDay: "2024-05-14", title: "Hjemmeeksamen" })).toMatchObject({ ok: false, message: reason });
    await expect(addSamlingDay(done.teacher, { cohortId: done.cohortId, samlingId: before.samlinger[0]!.id, date: "2024-01-12" })).rejects.toThrow(reason);
    await expect(removeSamling(done.adviser, { cohortId: done.cohortId, samlingId: before.samlinger.at(-1)!.id })).rejects.toThrow(reason);
    // Nor from a running kull that shares one of its samlinger; that kull's own samlinger change as before.
    const running = await makeCohort({ students: 1, samlinger: planDays("2027-01-05", 3), heldBefore: "2020-01-01" });
    const shared = before.samlinger[0]!;
    await db().cohortSamling.create({ data: { cohortId: running.cohortId, samlingId: shared.id, number: 2 } });
    const kull = await db().cohort.findUniqueOrThrow({ where: { id: done.cohortId }, select: { name: true, programme: { select: { name: true } } } });
    const sharedReason = `Samlingen er felles med ${kull.name} (${kull.programme.name}), som er fullført, så samlingen og dagene kan ikke endres. Trenger kullet andre dager, legg inn en ny samling i planen.`;
    await expect(addSamlingDay(running.adviser, { cohortId: running.cohortId, samlingId: shared.id, date: "2024-01-12" })).rejects.toThrow(sharedReason);
    await addSamlingDay(running.adviser, { cohortId: running.cohortId, samlingId: running.days[0]!.samlingId, date: "2027-01-04" });
    const after = await getCohortPlan(done.teacher, done.cohortId);
    expect(after.samlinger.map((s) => s.days.map((d) => d.date))).toEqual(before.samlinger.map((s) => s.days.map((d) => d.date)));
    expect(after.exam).toEqual(before.exam);
  });
});
