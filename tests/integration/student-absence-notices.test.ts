// Absence notices through the real server actions: for a day of the student's own plan, coming or
// up to 14 days past, one active per day, withdrawn before the day; never for someone else's day
// or notice, and malformed ids never reach the database.
import { beforeAll, describe, expect, it } from "vitest";
import { sendAbsenceNoticeAction, withdrawAbsenceNoticeAction } from "@/lib/actions/student";
import { addDays } from "@/lib/domain/dates";
import { FORBIDDEN_MESSAGE } from "@/lib/server/action";
import { NotFoundError } from "@/lib/server/errors";
import { sendAbsenceNotice, withdrawAbsenceNotice } from "@/lib/server/students/absence-notices";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer } from "@/lib/server/viewer";
import { createUser } from "@/prisma/seed/factories";
import { isoDate } from "@/lib/to-domain";
import { day } from "@/lib/dates";
import { studentCohort } from "./student-fixtures";
import { db, redirectOf, signInAs, submit } from "./support";

type Fixture = Awaited<ReturnType<typeof studentCohort>>;
let fx: Fixture;
let other: Fixture;

beforeAll(async () => {
  fx = await studentCohort({ students: 2 });
  other = await studentCohort({ students: 1 });
});

const dayOn = (fixture: Fixture, offset: number) => fixture.days.find((d) => isoDate(d.date) === addDays(fixture.today, offset))!;

describe("sending an absence notice", () => {
  it("is accepted for a coming day, shown to the student, and refused twice for the same day", async () => {
    const me = fx.students[0]!;
    await signInAs(me.user);
    const coming = dayOn(fx, 10);
    const sent = await submit(sendAbsenceNoticeAction, { samlingDayId: coming.id, reason: "Skal i rettsmøte for tjenesten." });
    expect(sent).toMatchObject({ ok: true });
    expect(sent.message).toMatch(/^Fraværsmeldingen for .* er sendt\./);
    const again = await submit(sendAbsenceNoticeAction, { samlingDayId: coming.id, reason: "Igjen" });
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/allerede meldt fravær/);
    expect(await db().absenceNotice.count({ where: { enrolmentId: me.enrolment.id, samlingDayId: coming.id } })).toBe(1);
    // Audited with the reason's length, not its words: the log outlives the reason (lib/domain/retention.ts).
    const [entry] = await db().auditLog.findMany({ where: { action: "absence_notice.send", actorId: me.user.id } });
    expect(entry!.after).toMatchObject({ samlingDayId: coming.id, reasonLength: "Skal i rettsmøte for tjenesten.".length });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toContain("rettsmøte");

    const viewer = (await resolveViewer(await signInAs(me.user)))!;
    const [overview] = await getStudentOverview(viewer);
    const shown = overview!.samlinger.flatMap((samling) => samling.days).find((d) => d.id === coming.id)!;
    expect(shown.notice).toMatchObject({ reason: "Skal i rettsmøte for tjenesten.", canWithdraw: true });
    expect(shown.canSendNotice).toBe(false);
    // The notice is information: attendance and the verdict are as before.
    expect(overview!.eligibility.attendance.attended).toBe(0);
  });

  it("is accepted for a day up to 14 days past, and refused for older days", async () => {
    const me = fx.students[1]!;
    const viewer = (await resolveViewer(await signInAs(me.user)))!;
    const past = dayOn(fx, -30);
    // Fourteen days after the day: fine. Fifteen days after: too late.
    await expect(sendAbsenceNotice(viewer, { samlingDayId: past.id, reason: "Syk" }, new Date(`${addDays(fx.today, -15)}T10:00:00Z`))).rejects.toThrow(
      /mer enn 14 dager siden/,
    );
    await expect(sendAbsenceNotice(viewer, { samlingDayId: past.id, reason: "Syk" }, new Date(`${addDays(fx.today, -16)}T10:00:00Z`))).resolves.toMatchObject({
      date: addDays(fx.today, -30),
    });
    const late = await submit(sendAbsenceNoticeAction, { samlingDayId: dayOn(fx, -29).id, reason: "Syk" });
    expect(late.ok).toBe(false);
    expect(late.fieldErrors?.samlingDayId?.[0]).toMatch(/mer enn 14 dager siden/);
  });

  it("is refused for a day the student is registered present on, and that day offers none", async () => {
    const me = fx.students[1]!;
    const viewer = (await resolveViewer(await signInAs(me.user)))!;
    // Two days after the first samling: both its days are within the 14 days.
    const now = new Date(`${addDays(fx.today, -27)}T10:00:00Z`);
    const [present, unregistered] = [dayOn(fx, -30), dayOn(fx, -29)];
    await db().attendance.create({ data: { enrolmentId: me.enrolment.id, samlingDayId: present.id, status: "PRESENT", registeredById: fx.teacher.id } });
    // (The test above left a notice for that day, sent before it was registered.)
    await db().absenceNotice.deleteMany({ where: { enrolmentId: me.enrolment.id } });
    await expect(sendAbsenceNotice(viewer, { samlingDayId: present.id, reason: "Gikk tidlig" }, now)).rejects.toThrow(
      /^Du er registrert som til stede .*Er det feil, ta kontakt med faglærer, som kan rette det\.$/,
    );
    expect(await db().absenceNotice.count({ where: { enrolmentId: me.enrolment.id, samlingDayId: present.id } })).toBe(0);
    const [overview] = await getStudentOverview(viewer, now);
    const days = overview!.samlinger.flatMap((samling) => samling.days);
    expect(days.find((d) => d.id === present.id)).toMatchObject({ attendance: "PRESENT", canSendNotice: false });
    // The next day, with nothing registered, still takes one (ill, reported afterwards).
    expect(days.find((d) => d.id === unregistered.id)).toMatchObject({ attendance: null, canSendNotice: true });
    await db().attendance.deleteMany({ where: { enrolmentId: me.enrolment.id } });
  });

  it("from a student on leave: refused for a day of the leave, taken for a day after it, and the page offers the same", async () => {
    const onLeave = await studentCohort({ students: 1 });
    const [me] = onLeave.students;
    // On leave today until the first day of the second samling; back for its second day.
    await db().leaveOfAbsence.create({
      data: { enrolmentId: me!.enrolment.id, fromDate: day(onLeave.today), toDate: day(addDays(onLeave.today, 10)), reason: "Foreldrepermisjon", status: "GRANTED", decidedById: onLeave.teacher.id },
    });
    await db().enrolment.update({ where: { id: me!.enrolment.id }, data: { status: "ON_LEAVE" } });
    const viewer = (await resolveViewer(await signInAs(me!.user)))!;
    const [during, after] = [dayOn(onLeave, 10), dayOn(onLeave, 11)];
    const [overview] = await getStudentOverview(viewer);
    const days = overview!.samlinger.flatMap((samling) => samling.days);
    expect(days.find((d) => d.id === during.id)).toMatchObject({ canSendNotice: false });
    expect(days.find((d) => d.id === after.id)).toMatchObject({ canSendNotice: true });
    const refused = await submit(sendAbsenceNoticeAction, { samlingDayId: during.id, reason: "Syk" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { samlingDayId: [expect.stringMatching(/er i permisjonen din, så du skal ikke møte den dagen og trenger ikke melde fravær\.$/)] } });
    expect(await submit(sendAbsenceNoticeAction, { samlingDayId: after.id, reason: "Barnet er sykt." })).toMatchObject({ ok: true });
    expect(await db().absenceNotice.count({ where: { enrolmentId: me!.enrolment.id } })).toBe(1);
  });

  it("needs a reason, and a day of the student's own plan", async () => {
    await signInAs(fx.students[0]!.user);
    const noReason = await submit(sendAbsenceNoticeAction, { samlingDayId: dayOn(fx, 11).id, reason: "  " });
    expect(noReason.fieldErrors?.reason).toEqual(["Skriv hvorfor du er borte."]);
    const foreign = await submit(sendAbsenceNoticeAction, { samlingDayId: dayOn(other, 10).id, reason: "Syk" });
    expect(foreign).toMatchObject({ ok: false, message: "Fant ikke samlingsdagen i planen din." });
    expect(await db().absenceNotice.count({ where: { samlingDayId: dayOn(other, 10).id } })).toBe(0);
    const malformed = await submit(sendAbsenceNoticeAction, { samlingDayId: "1 OR 1=1", reason: "Syk" });
    expect(malformed.fieldErrors?.samlingDayId).toEqual(["Samlingsdagen finnes ikke."]);
  });

  it("is for students only", async () => {
    await signInAs(await createUser(db(), { roles: ["FACULTY"] }));
    expect(await submit(sendAbsenceNoticeAction, { samlingDayId: dayOn(fx, 10).id, reason: "Syk" })).toMatchObject({ ok: false, message: FORBIDDEN_MESSAGE });
  });
});

describe("withdrawing an absence notice", () => {
  it("works before the day, not on the day, and only for the student's own notice", async () => {
    const me = fx.students[0]!;
    const viewer = (await resolveViewer(await signInAs(me.user)))!;
    const notice = await sendAbsenceNotice(viewer, { samlingDayId: dayOn(fx, 40).id, reason: "Ferie bestilt før opptak" });

    // Someone else, by crafted POST: not found, nothing changes.
    await signInAs(fx.students[1]!.user);
    expect(await submit(withdrawAbsenceNoticeAction, { noticeId: notice.id })).toMatchObject({ ok: false, message: "Fant ikke fraværsmeldingen." });
    expect((await db().absenceNotice.findUniqueOrThrow({ where: { id: notice.id } })).withdrawnAt).toBeNull();

    // On the day itself: too late.
    await expect(withdrawAbsenceNotice(viewer, notice.id, new Date(`${addDays(fx.today, 40)}T08:00:00Z`))).rejects.toThrow(/kan ikke trekkes tilbake/);

    await signInAs(me.user);
    // The page says it (the button goes with the notice): the day, and the notice as the form's key.
    const target = await redirectOf(() => submit(withdrawAbsenceNoticeAction, { noticeId: notice.id }));
    expect(target).toBe(`/student/oppmote?trukket=${addDays(fx.today, 40)}&melding=${notice.id}`);
    expect((await db().absenceNotice.findUniqueOrThrow({ where: { id: notice.id } })).withdrawnAt).not.toBeNull();
    expect(await submit(withdrawAbsenceNoticeAction, { noticeId: notice.id })).toMatchObject({ ok: false, message: expect.stringMatching(/allerede trukket/) });
    const [entry] = await db().auditLog.findMany({ where: { action: "absence_notice.withdraw", entityId: notice.id } });
    expect(entry!.before).toEqual({ withdrawnAt: null, date: addDays(fx.today, 40) });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toContain("Ferie");
    // A new notice for the same day may be sent after the withdrawal.
    await expect(sendAbsenceNotice(viewer, { samlingDayId: dayOn(fx, 40).id, reason: "Likevel borte" })).resolves.toBeTruthy();
    await expect(withdrawAbsenceNotice(viewer, "c000000000000000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
