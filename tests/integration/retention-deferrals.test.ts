// The privacy.retention job and the health data of utsatt eksamen, against a real database and
// real files: requests taken through the real steps (asked for with a legeerklæring, granted or
// refused, a klage filed, upheld, sent on), then the job run on later days. What is due loses the
// student's account and the documentation (rows and files) and keeps the case (reason, decision,
// grounds, letters); a request waiting, a klage waiting or not yet sent on, and a grant whose utsatt
// eksamen is not over keep everything. One audit entry per erasure, with ids and counts only.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { grantDeferral, listDeferrals, refuseDeferral, requestDeferral } from "@/lib/server/exams/deferrals";
import { registerForExam } from "@/lib/server/exams/registration";
import { saveLaterSitting } from "@/lib/server/exams/sittings";
import { applyRetention } from "@/lib/server/retention/sweep";
import { decideStudentAppeal, fileStudentAppeal, markStudentAppealForwarded, registerStudentAppeal } from "@/lib/server/student-letters/appeals";
import { storage } from "@/lib/storage";
import { createUser } from "@/prisma/seed/factories";
import { makePdf } from "@/prisma/seed/pdf";
import { makeCohort, viewerOf, type World } from "./cohort-world";
import { db } from "./support";

const PERIODS = { notAdmittedDocumentsMonths: 6, undecidedApplicationMonths: 6, deferralHealthDataMonths: 3, absenceReasonMonths: 3 };
const GRANTED = 0; // granted onto the utsatt eksamen 9–11 February 2027
const REFUSED = 1; // refused 13 December 2026, no klage
const KLAGE_OPEN = 2; // refused, klage filed and never decided
const KLAGE_UPHELD = 3; // refused, klage upheld and sent on later
const WAITING = 4; // asked, never decided
const AGAIN = 5; // granted like GRANTED, then ill again: a new request for the utsatt eksamen, refused later
const AVVIST = 6; // refused; a klage by e-mail after the deadline avvist, and her klage on the avvisning waits

let world: World;
const deferrals: Record<number, string> = {};
const accounts: Record<number, string> = {};
let upheldAppealId: string;
let deferredId: string;
let againId: string;
let secondAdviser: ReturnType<typeof viewerOf>;

const at = (iso: string) => new Date(iso);
const student = (index: number) => viewerOf({ id: world.students[index]!.userId, email: `s${index}@test.no`, name: world.students[index]!.name, roles: ["STUDENT"] });
const legeerklaering = (index: number) =>
  new File([Buffer.from(makePdf("Legeerklæring", [`Pasient ${index} var syk 13.–16. desember 2026.`]))], `legeerklaering-${index}.pdf`, { type: "application/pdf" });

async function ask(index: number) {
  accounts[index] = `Student ${index} hadde høy feber hele eksamensuken.`;
  const { id } = await requestDeferral(student(index), world.examId!, { reason: "ILLNESS", explanation: accounts[index]!, file: legeerklaering(index) }, at("2026-12-13T09:00:00Z"));
  deferrals[index] = id;
  return id;
}

async function stateOf(index: number) {
  const deferral = await db().examDeferral.findUniqueOrThrow({
    where: { id: deferrals[index]! },
    select: { status: true, grounds: true, explanation: true, healthDataErasedAt: true },
  });
  const documents = await db().document.findMany({ where: { examDeferralId: deferrals[index]! }, select: { storageKey: true } });
  return { ...deferral, documents: documents.length };
}

/** The files written for each request, read once at the start: they must be gone from disk too. */
const files: Record<number, string[]> = {};
async function fileExists(key: string) {
  const stream = await storage().read(key);
  await stream?.cancel();
  return stream !== null;
}

beforeAll(async () => {
  world = await makeCohort({
    students: 7,
    samlinger: [["2026-09-08", "2026-09-09"]],
    heldBefore: "2030-01-01",
    exam: { startsOn: "2026-12-14", endsOn: "2026-12-16" },
  });
  await registerForExam(world.teacher, { cohortId: world.cohortId }, at("2026-12-01T10:00:00Z"));
  const deferred = await saveLaterSitting(
    world.adviser,
    { cohortId: world.cohortId, examId: null, kind: "DEFERRED", title: "Utsatt eksamen", firstDay: "2027-02-09", startTime: "09:00", handInDay: "2027-02-11", handInTime: "14:00", registrationClosesOn: null },
    at("2026-12-10T10:00:00Z"),
  );
  deferredId = deferred.id;
  secondAdviser = viewerOf(await createUser(db(), { name: "Annen studieveileder", roles: ["ADVISER"] }));

  for (const index of [GRANTED, REFUSED, KLAGE_OPEN, KLAGE_UPHELD, WAITING, AGAIN, AVVIST]) await ask(index);
  for (const index of [GRANTED, AGAIN]) {
    await grantDeferral(world.adviser, { cohortId: world.cohortId, deferralId: deferrals[index]!, sittingId: deferred.id, note: null }, at("2026-12-21T10:00:00Z"));
  }
  // Ill again in the week of the utsatt eksamen: a new request for it, the day after its hand-in.
  againId = (
    await requestDeferral(
      student(AGAIN),
      deferred.id,
      { reason: "ILLNESS", explanation: "Syk igjen i uken med utsatt eksamen.", file: legeerklaering(AGAIN) },
      at("2027-02-12T09:00:00Z"),
    )
  ).id;
  for (const index of [REFUSED, KLAGE_OPEN, KLAGE_UPHELD, AVVIST]) {
    const refused = await refuseDeferral(world.adviser, { cohortId: world.cohortId, deferralId: deferrals[index]!, grounds: "Legeerklæringen gjelder ikke eksamensdagene." }, at("2026-12-13T10:00:00Z"));
    if (index === REFUSED) continue;
    if (index === AVVIST) {
      // The klage came by e-mail two weeks after the deadline (4 January) and was avvist; the
      // avvisning is a vedtak with its own klage, which may open the klage again: it waits.
      const appealId = await registerStudentAppeal(
        secondAdviser,
        { letterId: refused.letterId, text: "Legeerklæringen dekker hele uken.", receivedOn: "2027-01-20", lateReason: null, dismissalGrounds: "Klagen kom to uker etter fristen, uten grunn." },
        at("2027-01-20T10:00:00Z"),
      );
      const dismissal = (await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).outcomeLetterId!;
      await fileStudentAppeal(student(index), dismissal, { text: "Jeg var fortsatt syk og kunne ikke klage i tide." }, at("2027-01-25T10:00:00Z"));
      continue;
    }
    await fileStudentAppeal(student(index), refused.letterId, { text: "Legeerklæringen dekker hele uken." }, at("2026-12-20T10:00:00Z"));
    if (index === KLAGE_UPHELD) {
      const appeal = await db().studentAppeal.findFirstOrThrow({ where: { letterId: refused.letterId } });
      upheldAppealId = appeal.id;
      await decideStudentAppeal(secondAdviser, appeal.id, { kind: "UPHOLD", grounds: "Vedtaket står.", forwarded: false }, at("2027-01-08T10:00:00Z"));
    }
  }
  for (const index of Object.keys(deferrals).map(Number)) {
    files[index] = (await db().document.findMany({ where: { examDeferralId: deferrals[index]! }, select: { storageKey: true } })).map((row) => row.storageKey);
    expect(files[index]).toHaveLength(1);
  }
});

describe("the retention job and utsatt eksamen", () => {
  it("erases a refusal's health data three months after it, and keeps the rest: the case stays", async () => {
    // 1 April 2027: the refusal of 13 December was due on 13 March; the grant's utsatt eksamen ended 11 February (due 11 May).
    const run = await applyRetention(at("2027-04-01T01:00:00Z"), PERIODS);
    expect(run).toEqual({ documentsDeletedFrom: 0, documentsDeleted: 0, applicationsDeleted: 0, deferralsErased: 1, deferralDocumentsDeleted: 1, absenceReasonsErased: 0 });

    expect(await stateOf(REFUSED)).toEqual({
      status: "REFUSED",
      grounds: "Legeerklæringen gjelder ikke eksamensdagene.",
      explanation: null,
      healthDataErasedAt: at("2027-04-01T01:00:00Z"),
      documents: 0,
    });
    for (const key of files[REFUSED]!) expect(await fileExists(key)).toBe(false);
    // The refusal's letter, the enkeltvedtak, stays.
    expect(await db().studentLetter.count({ where: { aboutType: "ExamDeferral", aboutId: deferrals[REFUSED]! } })).toBe(1);

    for (const index of [GRANTED, KLAGE_OPEN, KLAGE_UPHELD, WAITING, AGAIN, AVVIST]) {
      const state = await stateOf(index);
      expect(state, `student ${index}`).toMatchObject({ explanation: accounts[index], healthDataErasedAt: null, documents: 1 });
      for (const key of files[index]!) expect(await fileExists(key), `student ${index}`).toBe(true);
    }
  });

  it("shows the adviser that the account and documentation were erased, and when; the teaching team sees neither", async () => {
    const forAdviser = await listDeferrals(world.adviser, world.cohortId, at("2027-04-02T10:00:00Z"));
    const erased = forAdviser.requests.find((row) => row.id === deferrals[REFUSED]);
    expect(erased).toMatchObject({ status: "REFUSED", explanation: null, documents: [], healthDataErasedAt: at("2027-04-01T01:00:00Z") });
    expect(forAdviser.requests.find((row) => row.id === deferrals[WAITING])).toMatchObject({ explanation: accounts[WAITING], healthDataErasedAt: null });
    const forTeacher = await listDeferrals(world.teacher, world.cohortId, at("2027-04-02T10:00:00Z"));
    expect(forTeacher.requests.find((row) => row.id === deferrals[REFUSED])).toMatchObject({ explanation: null, documents: [], healthDataErasedAt: null });
  });

  it("leaves one audit entry per erasure with ids and counts, nothing of the illness", async () => {
    const entries = await db().auditLog.findMany({ where: { action: "retention.erase_deferral_health_data" } });
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({ actorId: null, entityType: "ExamDeferral", entityId: deferrals[REFUSED], before: null });
    expect(entry!.after).toMatchObject({ rule: "deferral-health-data", dueOn: "2027-03-13", accountErased: true, documents: 1 });
    const text = JSON.stringify({ ...entry, id: String(entry!.id) });
    expect(text).not.toMatch(/feber|legeerklaering|\.pdf|@test\.no/);
  });

  it("does nothing the second time", async () => {
    const before = await db().auditLog.count();
    expect(await applyRetention(at("2027-04-01T02:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 0, deferralDocumentsDeleted: 0, absenceReasonsErased: 0 });
    expect(await db().auditLog.count()).toBe(before);
  });

  it("erases a grant's three months after its utsatt eksamen, not the day before, even if the sitting was moved since", async () => {
    expect(await applyRetention(at("2027-05-10T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 0 });
    // Moved to start before the missed sitting: the grant's placement check (a trigger) would now
    // refuse the grant, and it must not refuse the erasure of its health data.
    await db().exam.update({ where: { id: deferredId }, data: { startsAt: at("2026-12-01T08:00:00Z"), startsOn: at("2026-12-01T00:00:00Z") } });
    expect(await applyRetention(at("2027-05-11T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 1, deferralDocumentsDeleted: 1, absenceReasonsErased: 0 });
    expect(await stateOf(GRANTED)).toMatchObject({ status: "GRANTED", explanation: null, documents: 0 });
    for (const key of files[GRANTED]!) expect(await fileExists(key)).toBe(false);
    await db().exam.update({ where: { id: deferredId }, data: { startsAt: at("2027-02-09T08:00:00Z"), startsOn: at("2027-02-09T00:00:00Z") } });
  });

  it("keeps the first request of a student who asked again until the new one is final, then erases both", async () => {
    // The same grant as above, but a new request for the utsatt eksamen waits: nothing of hers goes.
    expect(await stateOf(AGAIN)).toMatchObject({ explanation: accounts[AGAIN], documents: 1 });
    await refuseDeferral(world.adviser, { cohortId: world.cohortId, deferralId: againId, grounds: "Legeerklæringen gjelder ikke eksamensdagene." }, at("2027-06-01T10:00:00Z"));
    expect(await applyRetention(at("2027-08-31T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 0 });
    expect(await applyRetention(at("2027-09-01T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 2, deferralDocumentsDeleted: 2 });
    expect(await stateOf(AGAIN)).toMatchObject({ explanation: null, documents: 0 });
    expect(await db().examDeferral.findUniqueOrThrow({ where: { id: againId } })).toMatchObject({ status: "REFUSED", explanation: null });
    const entries = await db().auditLog.findMany({ where: { action: "retention.erase_deferral_health_data", entityId: { in: [deferrals[AGAIN]!, againId] } } });
    expect(entries).toHaveLength(2);
  });

  it("keeps an upheld klage's documentation until it is sent on; a waiting klage (on an avvisning too) and a waiting request keep theirs, however long", async () => {
    expect(await applyRetention(at("2028-01-01T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 0 });
    for (const index of [KLAGE_OPEN, KLAGE_UPHELD, WAITING, AVVIST]) {
      expect(await stateOf(index), `student ${index}`).toMatchObject({ explanation: accounts[index], healthDataErasedAt: null, documents: 1 });
    }
  });

  it("goes on past a case the database refuses, and fails at the end naming it", async () => {
    // A student whose request the database will not let be changed (a trigger stands in for any
    // constraint), and one due at the same time.
    await markStudentAppealForwarded(secondAdviser, upheldAppealId, at("2028-01-03T10:00:00Z"));
    // Sent on 3 January: due three months later, not the day before.
    expect(await applyRetention(at("2028-04-02T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 0 });
    await db().$executeRawUnsafe(`
      CREATE FUNCTION test_refuse_erasure() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test' USING ERRCODE = 'check_violation'; END $$`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER test_refuse_erasure BEFORE UPDATE ON "ExamDeferral" FOR EACH ROW WHEN (OLD."id" = '${deferrals[KLAGE_UPHELD]}') EXECUTE FUNCTION test_refuse_erasure()`,
    );
    try {
      // The long-waiting klage decided and sent on the same day.
      const waitingKlage = await db().studentAppeal.findFirstOrThrow({ where: { letter: { aboutId: deferrals[KLAGE_OPEN]! } } });
      await decideStudentAppeal(secondAdviser, waitingKlage.id, { kind: "UPHOLD", grounds: "Vedtaket står.", forwarded: true }, at("2028-01-03T10:00:00Z"));
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        await expect(applyRetention(at("2028-04-03T12:00:00Z"), PERIODS)).rejects.toThrow(
          `privacy.retention: 1 case(s) could not be deleted and wait for the next run: utsatt eksamen, Enrolment ${world.students[KLAGE_UPHELD]!.enrolmentId}`,
        );
      } finally {
        errors.mockRestore();
      }
      // The other one went, the refused one kept everything.
      expect(await stateOf(KLAGE_OPEN)).toMatchObject({ explanation: null, documents: 0 });
      expect(await stateOf(KLAGE_UPHELD)).toMatchObject({ explanation: accounts[KLAGE_UPHELD], documents: 1 });
      for (const key of files[KLAGE_UPHELD]!) expect(await fileExists(key)).toBe(true);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER test_refuse_erasure ON "ExamDeferral"`);
      await db().$executeRawUnsafe(`DROP FUNCTION test_refuse_erasure()`);
    }
    // The next run takes it.
    expect(await applyRetention(at("2028-04-04T12:00:00Z"), PERIODS)).toMatchObject({ deferralsErased: 1, deferralDocumentsDeleted: 1, absenceReasonsErased: 0 });
    expect(await stateOf(KLAGE_UPHELD)).toMatchObject({ explanation: null, documents: 0 });
    expect(await stateOf(WAITING)).toMatchObject({ explanation: accounts[WAITING], documents: 1 });
  });

  it("cannot be marked erased in the database while the request waits, nor keep an account once erased", async () => {
    await expect(db().examDeferral.update({ where: { id: deferrals[WAITING]! }, data: { explanation: null, healthDataErasedAt: new Date() } })).rejects.toThrow(
      /ExamDeferral_erased_when_decided/,
    );
    await expect(db().examDeferral.update({ where: { id: deferrals[REFUSED]! }, data: { explanation: "Tilbake." } })).rejects.toThrow(/ExamDeferral_health_data_erased/);
  });
});
