// Forhåndsvarsel before an approved final attempt is corrected to «ikke godkjent»
// (forvaltningsloven § 16; lib/server/cohorts/correction-notices.ts): the notice is a letter to
// each member, the attempt stays approved while it waits, each member may speak (and rewrite it)
// until it is decided, the correction is made after the deadline or once everyone has spoken,
// with a decision letter in the notice's case saying whether she spoke, or the notice is
// withdrawn with a letter that the approval stands. In any order of these steps, the stored
// standing equals a recomputation and every correction to «ikke godkjent» had its notice.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { carryOutCorrectionAction, correctAssessmentAction, sendCorrectionNoticeAction, withdrawCorrectionNoticeAction } from "@/lib/actions/assessment";
import { respondToCorrectionNoticeAction } from "@/lib/actions/student";
import { responsesSeen } from "@/lib/domain/correction-notice";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { formatDateNb } from "@/lib/domain/format";
import { standingFromEligibility, type StandingFacts } from "@/lib/domain/standing";
import { saveArbeidskravSet, storedSetItem } from "@/lib/server/cohorts/arbeidskrav-set";
import { getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { carryOutCorrection, listPendingNotices, NOTICE_DECIDED, respondToCorrectionNotice, sendCorrectionNotice, withdrawCorrectionNotice } from "@/lib/server/cohorts/correction-notices";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { collectPersonData } from "@/lib/server/privacy/export";
import { DomainError } from "@/lib/server/errors";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { createSubmission, standardArbeidskrav } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { db, redirectOf, signInAs, submit } from "./support";

let world: World;
const student = (index: number) => world.students[index]!;
const studentViewer = async (index: number) => viewerOf(await db().user.findUniqueOrThrow({ where: { id: student(index).userId } }));
const definition = (number: number) => world.definitions.find((d) => d.number === number)!;
const NOW = new Date("2026-03-02T10:00:00Z");
const dayAfter = (iso: string) => new Date(`${addDays(iso, 1)}T10:00:00Z`);

async function groupAttempt(members: number[], number = 3) {
  await db().submission.deleteMany({ where: { arbeidskravId: definition(number).id, members: { some: { enrolmentId: { in: members.map((index) => student(index).enrolmentId) } } } } });
  const submission = await createSubmission(db(), {
    arbeidskravId: definition(number).id,
    enrolmentIds: members.map((index) => student(index).enrolmentId),
    submittedById: student(members[0]!).userId,
    attempts: [{ status: "APPROVED", assessorId: world.colleague.id, at: new Date("2026-02-10T10:00:00Z") }],
  });
  return (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id }, select: { id: true } })).id;
}

async function attemptOf(index: number, number: number) {
  return db().submissionAttempt.findFirstOrThrow({
    where: { submission: { arbeidskravId: definition(number).id, members: { some: { enrolmentId: student(index).enrolmentId } } } },
    select: { id: true, status: true },
  });
}

/** What the page shows of the notice's uttalelser, as its carry-out form sends it. */
async function seenOf(noticeId: string) {
  return responsesSeen(await db().correctionNoticeRecipient.findMany({ where: { noticeId }, select: { enrolmentId: true, respondedAt: true } }));
}

async function storedStandings(cohortId: string): Promise<Map<string, StandingFacts>> {
  const rows = await db().standing.findMany({
    where: { enrolment: { cohortId } },
    select: { enrolmentId: true, status: true, attendanceState: true, scheduledDays: true, attendedDays: true, absentDays: true, approvedRequired: true, requiredTotal: true },
  });
  return new Map(rows.map(({ enrolmentId, ...facts }) => [enrolmentId, facts]));
}

async function recomputed(cohortId: string, today: string): Promise<Map<string, StandingFacts>> {
  const evaluation = await evaluateCohortEligibility(db(), cohortId, { today });
  return new Map([...evaluation.byEnrolment].map(([id, row]) => [id, standingFromEligibility(row.eligibility)]));
}

beforeAll(async () => {
  // Every arbeidskrav has one hand-in, so every approval is of a final attempt.
  world = await makeCohort({
    students: 8,
    samlinger: planDays("2025-01-07", 6),
    heldBefore: "2030-01-01",
    arbeidskrav: standardArbeidskrav(["2026-01-10", "2026-01-20", "2026-02-01", "2026-02-10", "2026-02-20"]).map((item) => ({ ...item, maxAttempts: 1 })),
  });
  await db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
});

describe("a forhåndsvarsel", () => {
  it("is sent by the fagansvarlig only, with a reason; a letter to each member; the attempt stays approved; a second notice or a direct correction waits for it", async () => {
    const attemptId = await groupAttempt([0, 1]);
    const fields = { cohortId: world.cohortId, attemptId, reason: "Store deler er hentet fra en annen besvarelse." };
    await signInAs(world.users.colleague);
    expect(await submit(sendCorrectionNoticeAction, fields)).toMatchObject({ ok: false, message: expect.stringContaining("Bare fagansvarlig"), values: { reason: fields.reason } });
    await signInAs(world.users.outsider);
    expect(await submit(sendCorrectionNoticeAction, fields)).toMatchObject({ ok: false, message: "Fant ikke kullet." });
    await signInAs(world.users.teacher);
    expect(await submit(sendCorrectionNoticeAction, { ...fields, reason: "  " })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining("Skriv hvorfor")] } });
    expect(await db().correctionNotice.count({ where: { attemptId } })).toBe(0);

    // Sent: the form is no longer offered, so the page says what was done.
    const submissionId = (await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId } })).submissionId;
    expect(await redirectOf(() => submit(sendCorrectionNoticeAction, fields))).toBe(`/kull/${world.cohortId}/arbeidskrav/${submissionId}?varsel=sendt`);
    const notice = await db().correctionNotice.findFirstOrThrow({ where: { attemptId }, include: { recipients: { include: { letter: true } } } });
    expect(notice).toMatchObject({ status: "PENDING", sentById: world.teacher.id, reason: fields.reason });
    expect(notice.recipients.map((recipient) => recipient.enrolmentId).sort()).toEqual([student(0).enrolmentId, student(1).enrolmentId].sort());
    for (const { letter } of notice.recipients) {
      expect(letter).toMatchObject({ kind: "CORRECTION_NOTICE", enkeltvedtak: false, klageDeadline: null, aboutType: "CorrectionNotice", aboutId: notice.id });
      expect(letter.body).toContain("Student 01 og Student 02");
      expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${letter.id}` } })).toBe(1);
    }
    // Each member's notice opens a case of her own.
    expect(new Set(notice.recipients.map(({ letter }) => letter.caseNumber)).size).toBe(2);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.correction_notice", entityId: notice.id } })).toMatchObject({
      actorId: world.teacher.id,
      after: { attemptId, from: "APPROVED", intended: "NOT_APPROVED", reason: fields.reason },
    });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("APPROVED");
    expect(await db().assessmentChange.count({ where: { attemptId } })).toBe(0);

    // While it waits: no second notice, and no correction either way.
    expect(await submit(sendCorrectionNoticeAction, fields)).toMatchObject({ ok: false, message: expect.stringContaining("fått forhåndsvarsel") });
    expect(await submit(correctAssessmentAction, { ...fields, decision: "NOT_APPROVED" })).toMatchObject({ ok: false, message: expect.stringContaining("fått forhåndsvarsel") });
    // The student sees it beside the arbeidskrav, with the deadline and a form.
    const page = await getStudentArbeidskrav(await studentViewer(0), definition(3).id);
    expect(page.notices).toMatchObject([{ id: notice.id, status: "PENDING", mayRespond: true, response: null }]);
    // The fagansvarlig has it on her home page, not yet to be decided.
    expect((await listPendingNotices(world.teacher, NOW)).find((row) => row.id === notice.id)).toMatchObject({ ready: false, members: ["Student 01", "Student 02"] });
    expect(await listPendingNotices(world.colleague, NOW)).toEqual([]);
  });

  it("is needed only before an enkeltvedtak: a correction in the student's favour, or of an attempt that is not the final one, is made at once", async () => {
    const attempt = await attemptOf(2, 4);
    await db().arbeidskravDefinition.update({ where: { id: definition(4).id }, data: { maxAttempts: 2 } });
    try {
      await expect(sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, reason: "x" }, NOW)).rejects.toThrow(/trenger ikke forhåndsvarsel/);
      await expect(correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: "Mangler kilder." }, NOW)).resolves.toMatchObject({
        letters: 0,
      });
      await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", reason: "Kildene var der." }, NOW);
    } finally {
      await db().arbeidskravDefinition.update({ where: { id: definition(4).id }, data: { maxAttempts: 1 } });
    }
  });

  it("is carried out after the deadline, or once every member has spoken; each member speaks for herself, may rewrite it, and the fagansvarlig is told", async () => {
    const notice = await db().correctionNotice.findFirstOrThrow({ where: { status: "PENDING", recipients: { some: { enrolmentId: student(0).enrolmentId } } } });
    const respondBy = notice.respondBy.toISOString().slice(0, 10);
    await signInAs(world.users.teacher);
    expect(await submit(carryOutCorrectionAction, { cohortId: world.cohortId, noticeId: notice.id, grounds: "For tidlig.", seen: await seenOf(notice.id) })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Fristen for å uttale seg er"),
      values: { grounds: "For tidlig." },
    });
    // An uttalelse: her own notice only (another student's is as if it did not exist), not staff's.
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(2).userId } }));
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: "Jeg vil si noe." })).toMatchObject({ ok: false, message: "Fant ikke forhåndsvarselet." });
    await signInAs(world.users.teacher);
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: "Jeg vil si noe." })).toMatchObject({ ok: false });
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(0).userId } }));
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: " " })).toMatchObject({ ok: false, fieldErrors: { text: ["Skriv hva du vil si om saken."] } });
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: "Vi skrev teksten selv." })).toMatchObject({ ok: true, message: expect.stringMatching(/^Uttalelsen er sendt\./) });
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: "Vi skrev teksten selv; utkastene ligger vedlagt." })).toMatchObject({
      ok: true,
      message: expect.stringMatching(/^Uttalelsen er endret\./),
    });
    const mine = await db().correctionNoticeRecipient.findFirstOrThrow({ where: { noticeId: notice.id, enrolmentId: student(0).enrolmentId } });
    const responses = await db().auditLog.findMany({ where: { action: "submission.correction_notice.respond", entityType: "CorrectionNoticeRecipient", entityId: mine.id }, orderBy: { at: "asc" } });
    expect(responses.map((entry) => [entry.before, (entry.after as { response: string }).response])).toEqual([
      [null, "Vi skrev teksten selv."],
      [{ response: "Vi skrev teksten selv." }, "Vi skrev teksten selv; utkastene ligger vedlagt."],
    ]);
    expect(await db().mailMessage.count({ where: { userId: world.teacher.id, subject: { startsWith: "Uttalelse til forhåndsvarsel" } } })).toBe(2);
    // Her innsyn holds her uttalelse and its audit entries; a group member's holds neither.
    const innsyn = async (index: number) => JSON.stringify(await db().$transaction((tx) => collectPersonData(tx, student(index).userId, { self: true, now: NOW })));
    expect(await innsyn(0)).toContain("utkastene ligger vedlagt");
    expect(await innsyn(0)).toContain("submission.correction_notice.respond");
    expect(await innsyn(1)).not.toContain("Vi skrev teksten selv");
    expect(await innsyn(1)).toContain("Store deler er hentet fra en annen besvarelse.");
    // One of two has spoken: still not before the deadline.
    await expect(carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: notice.id, grounds: "x", seen: await seenOf(notice.id) }, NOW)).rejects.toThrow(/Fristen for å uttale seg/);

    // The day after the deadline it is carried out, with grounds.
    await signInAs(world.users.teacher);
    expect(await submit(carryOutCorrectionAction, { cohortId: world.cohortId, noticeId: notice.id, grounds: " ", seen: await seenOf(notice.id) })).toMatchObject({ ok: false, fieldErrors: { grounds: [expect.any(String)] } });
    // An uttalelse written after the page was read is read first: the decision from the old page is refused.
    const seen = await seenOf(notice.id);
    await respondToCorrectionNotice(await studentViewer(0), { noticeId: notice.id, text: "Og utkastene er datert." }, dayAfter(respondBy));
    await expect(
      carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: notice.id, grounds: "Likheten er for stor.", seen }, dayAfter(respondBy)),
    ).rejects.toThrow(/etter at du åpnet siden/);
    await carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: notice.id, grounds: "Utkastene viser ikke teksten; likheten er for stor.", seen: await seenOf(notice.id) }, dayAfter(respondBy));
    expect(await db().correctionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ status: "CARRIED_OUT", closedById: world.teacher.id, closingNote: null });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: notice.attemptId } })).status).toBe("NOT_APPROVED");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.correct", entityId: notice.attemptId } })).toMatchObject({
      before: { status: "APPROVED" },
      after: { status: "NOT_APPROVED", noticeId: notice.id },
    });
    const recipients = await db().correctionNoticeRecipient.findMany({ where: { noticeId: notice.id }, include: { letter: true } });
    for (const recipient of recipients) {
      const [decision] = await db().studentLetter.findMany({ where: { enrolmentId: recipient.enrolmentId, kind: "ARBEIDSKRAV_NOT_APPROVED" } });
      // The decision continues the notice's case, says whether she spoke, and can be appealed.
      expect(decision).toMatchObject({ caseNumber: recipient.letter.caseNumber, enkeltvedtak: true, grounds: "Utkastene viser ikke teksten; likheten er for stor." });
      expect(decision!.body).toContain(recipient.enrolmentId === student(0).enrolmentId ? "Vi fikk uttalelsen din" : "Vi fikk ingen uttalelse fra deg; fagansvarlig har vurdert det de andre i gruppen skrev.");
    }
    // Decided: no more uttalelser, no second decision.
    await expect(respondToCorrectionNotice(await studentViewer(1), { noticeId: notice.id, text: "For sent?" }, dayAfter(respondBy))).rejects.toThrow(/Saken er avgjort/);
    await expect(carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: notice.id, grounds: "x", seen: await seenOf(notice.id) }, dayAfter(respondBy))).rejects.toThrow(NOTICE_DECIDED);
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId, addDays(respondBy, 1)));
  });

  it("once every member has spoken, it may be carried out before the deadline", async () => {
    const attemptId = await groupAttempt([4], 1);
    const { noticeId } = await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId, reason: "Kildene mangler." }, NOW);
    await respondToCorrectionNotice(await studentViewer(4), { noticeId, text: "Kildene står i fotnotene." }, NOW);
    await expect(carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId, grounds: "Fotnotene viser til en annen tekst.", seen: await seenOf(noticeId) }, NOW)).resolves.toMatchObject({ letters: 1 });
  });

  it("in a group where nobody spoke, no letter claims the others' uttalelser were weighed", async () => {
    const attemptId = await groupAttempt([2, 4]);
    const { noticeId, respondBy } = await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId, reason: "Mulig avskrift." }, NOW);
    await carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId, grounds: "Likheten er for stor.", seen: await seenOf(noticeId) }, dayAfter(respondBy));
    for (const index of [2, 4]) {
      const [decision] = await db().studentLetter.findMany({ where: { enrolmentId: student(index).enrolmentId, kind: "ARBEIDSKRAV_NOT_APPROVED", aboutId: attemptId } });
      expect(decision!.body).toContain("Vi fikk ingen uttalelse fra deg.");
      expect(decision!.body).not.toContain("de andre i gruppen skrev");
    }
    // Put back for the tests that follow (the direct correction in the student's favour).
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId, decision: "APPROVED", reason: "Tilbake." }, dayAfter(respondBy));
  });

  it("withdrawn: the approval stands, each member gets a letter in the notice's case, audited; a new notice may follow", async () => {
    const attemptId = await groupAttempt([5, 6]);
    const { noticeId } = await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId, reason: "Mulig avskrift." }, NOW);
    await signInAs(world.users.colleague);
    expect(await submit(withdrawCorrectionNoticeAction, { cohortId: world.cohortId, noticeId, note: "" })).toMatchObject({ ok: false, message: expect.stringContaining("Bare fagansvarlig") });
    await signInAs(world.users.teacher);
    expect(await redirectOf(() => submit(withdrawCorrectionNoticeAction, { cohortId: world.cohortId, noticeId, note: "Uttalelsene viste at teksten er deres egen" }))).toMatch(
      /\?varsel=trukket$/,
    );
    expect(await db().correctionNotice.findUniqueOrThrow({ where: { id: noticeId } })).toMatchObject({ status: "WITHDRAWN", closingNote: "Uttalelsene viste at teksten er deres egen" });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("APPROVED");
    for (const recipient of await db().correctionNoticeRecipient.findMany({ where: { noticeId }, include: { letter: true } })) {
      const [withdrawn] = await db().studentLetter.findMany({ where: { enrolmentId: recipient.enrolmentId, kind: "CORRECTION_NOTICE_WITHDRAWN" } });
      expect(withdrawn).toMatchObject({ caseNumber: recipient.letter.caseNumber, enkeltvedtak: false });
      expect(withdrawn!.body).toContain("Uttalelsene viste at teksten er deres egen.");
    }
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.correction_notice.withdraw", entityId: noticeId } })).toMatchObject({
      before: { status: "PENDING" },
      after: { status: "WITHDRAWN" },
    });
    await expect(withdrawCorrectionNotice(world.teacher, { cohortId: world.cohortId, noticeId, note: null }, NOW)).rejects.toThrow(NOTICE_DECIDED);
    await expect(respondToCorrectionNotice(await studentViewer(5), { noticeId, text: "Takk." }, NOW)).rejects.toThrow(/Saken er avgjort/);
    const again = await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId, reason: "Ny opplysning." }, NOW);
    expect(again).toMatchObject({ members: 2 });
    // Each member was told the assessment would not be corrected: the new notice says the case is taken up again.
    const { sentAt, closedAt } = await db().correctionNotice.findUniqueOrThrow({ where: { id: noticeId } });
    for (const recipient of await db().correctionNoticeRecipient.findMany({ where: { noticeId: again.noticeId }, include: { letter: true } })) {
      expect(recipient.letter.body).toContain(
        `Vi sendte deg et forhåndsvarsel om den samme vurderingen ${formatDateNb(osloDate(sentAt))} og trakk det tilbake ${formatDateNb(osloDate(closedAt!))}. Saken er nå tatt opp igjen`,
      );
    }
  });
});

describe("a forhåndsvarsel in any order of events", () => {
  it("keeps the stored standing equal to a recomputation, one notice waiting at most, and every correction to «ikke godkjent» after a notice each member got", async () => {
    const attemptId = await groupAttempt([7, 3]);
    const members = [7, 3];
    const step = fc.record({
      kind: fc.constantFrom("SEND", "RESPOND", "RESPOND", "CARRY_OUT", "CARRY_OUT", "WITHDRAW", "CORRECT_UP"),
      member: fc.integer({ min: 0, max: 1 }),
      advance: fc.integer({ min: 0, max: 12 }),
    });
    let clock = NOW.getTime();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
        for (const { kind, member, advance } of steps) {
          clock += advance * 86_400_000;
          const now = new Date(clock);
          const pending = await db().correctionNotice.findFirst({ where: { attemptId, status: "PENDING" }, select: { id: true } });
          const run =
            kind === "SEND"
              ? sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId, reason: "Mulig avskrift." }, now)
              : kind === "CORRECT_UP"
                ? correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId, decision: "APPROVED", reason: "Avkreftet." }, now)
                : !pending
                  ? Promise.resolve()
                  : kind === "RESPOND"
                    ? respondToCorrectionNotice(await studentViewer(members[member]!), { noticeId: pending.id, text: `Uttalelse ${clock}` }, now)
                    : kind === "CARRY_OUT"
                      ? carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: pending.id, grounds: "Likheten er for stor.", seen: await seenOf(pending.id) }, now)
                      : withdrawCorrectionNotice(world.teacher, { cohortId: world.cohortId, noticeId: pending.id, note: null }, now);
          // A step the rules refuse changes nothing.
          await run.catch((error) => {
            if (!(error instanceof DomainError)) throw error;
          });
          const [attempt, notices, downs] = await Promise.all([
            db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } }),
            db().correctionNotice.findMany({ where: { attemptId }, include: { recipients: { include: { letter: true } } } }),
            db().assessmentChange.count({ where: { attemptId, fromStatus: "APPROVED", toStatus: "NOT_APPROVED" } }),
          ]);
          const waiting = notices.filter((notice) => notice.status === "PENDING");
          expect(waiting.length).toBeLessThanOrEqual(1);
          if (waiting.length === 1) expect(attempt.status).toBe("APPROVED");
          const carried = notices.filter((notice) => notice.status === "CARRIED_OUT");
          expect(downs).toBe(carried.length);
          for (const notice of carried) {
            for (const recipient of notice.recipients) {
              expect(await db().studentLetter.count({ where: { kind: "ARBEIDSKRAV_NOT_APPROVED", enrolmentId: recipient.enrolmentId, caseNumber: recipient.letter.caseNumber } })).toBe(1);
            }
          }
          expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId, now.toISOString().slice(0, 10)));
        }
      }),
      {
        numRuns: 10,
        // Besides the random ones: heard by both and carried out, then lifted and noticed again;
        // carried out too early (refused), then withdrawn; carried out after the deadline.
        examples: [
          [
            [
              { kind: "SEND", member: 0, advance: 0 },
              { kind: "RESPOND", member: 0, advance: 1 },
              { kind: "RESPOND", member: 1, advance: 1 },
              { kind: "CARRY_OUT", member: 0, advance: 0 },
              { kind: "CORRECT_UP", member: 0, advance: 2 },
              { kind: "SEND", member: 0, advance: 0 },
            ],
          ],
          [
            [
              { kind: "CARRY_OUT", member: 0, advance: 1 },
              { kind: "WITHDRAW", member: 0, advance: 1 },
            ],
          ],
          [
            [
              { kind: "RESPOND", member: 1, advance: 0 },
              { kind: "CARRY_OUT", member: 0, advance: 12 },
              { kind: "CARRY_OUT", member: 0, advance: 12 },
            ],
          ],
        ],
      },
    );
    const outcomes = await db().correctionNotice.groupBy({ by: ["status"], where: { attemptId }, _count: true });
    expect(outcomes.map((row) => row.status).sort()).toEqual(expect.arrayContaining(["CARRIED_OUT", "WITHDRAWN"]));
  }, 180_000);
});

describe("a forhåndsvarsel whose item became optional", () => {
  it("is not carried out as a vedtak: the page says to withdraw it, the decision is refused, and the withdrawal works", async () => {
    const small = await makeCohort({
      students: 1,
      samlinger: planDays("2025-01-07", 6),
      heldBefore: "2030-01-01",
      arbeidskrav: standardArbeidskrav(["2026-01-10", "2026-01-20", "2026-02-01", "2026-02-10", "2026-02-20"]).map((item) => ({ ...item, maxAttempts: 1 })),
    });
    const fifth = small.definitions.find((item) => item.number === 5)!;
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submission: { arbeidskravId: fifth.id } }, select: { id: true, submissionId: true } });
    const notice = await sendCorrectionNotice(small.teacher, { cohortId: small.cohortId, attemptId: attempt.id, reason: "Mulig plagiat." }, NOW);
    // The set editor does not make it optional while the notice waits…
    const items = (await db().arbeidskravDefinition.findMany({ where: { cohortId: small.cohortId }, orderBy: { number: "asc" } })).map(storedSetItem);
    const optional = [
      ...items.map((item) => (item.id === fifth.id ? { ...item, required: false } : item)),
      { ...items.find((item) => item.id === fifth.id)!, id: null, number: 6, title: "Ny ledertreningsoppgave", required: true },
    ];
    await expect(saveArbeidskravSet(small.teacher, { cohortId: small.cohortId, items: optional, reason: "Erstattes." }, NOW)).rejects.toThrow(/har et forhåndsvarsel om retting som venter/);
    // …but a notice sent before this rule (or data from before it) meets an optional item.
    await db().arbeidskravDefinition.update({ where: { id: fifth.id }, data: { required: false } });
    const page = await getSubmissionForAssessment(small.teacher, small.cohortId, attempt.submissionId);
    expect(page.notices[0]!.notReady).toBe(
      "Denne rettingen trenger ikke forhåndsvarsel: arbeidskravet er valgfritt og teller ikke for eksamen, så rettingen er ikke et vedtak. Rett vurderingen direkte. Trekk varselet tilbake først.",
    );
    const after = dayAfter(notice.respondBy);
    await expect(carryOutCorrection(small.teacher, { cohortId: small.cohortId, noticeId: notice.noticeId, grounds: "Plagiat.", seen: "0:0" }, after)).rejects.toThrow(/Trekk varselet tilbake først\.$/);
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).status).toBe("APPROVED");
    await withdrawCorrectionNotice(small.teacher, { cohortId: small.cohortId, noticeId: notice.noticeId, note: null }, after);
    await correctAssessment(small.teacher, { cohortId: small.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: "Plagiat." }, after);
    expect(await db().studentLetter.count({ where: { aboutId: attempt.id, kind: "ARBEIDSKRAV_NOT_APPROVED" } })).toBe(0);
  });
});
