// Corrections after the fact. An assessment is corrected only by the cohort's fagansvarlig, with a
// written reason, on the latest assessed attempt: audited (before, after, reason), the students
// told by e-mail, and "ikke godkjent" on a final attempt is the enkeltvedtak (a letter each),
// made only after a forhåndsvarsel (tests/integration/correction-notices.test.ts has the rest);
// an approval that lifts such a decision is a letter too. An attendance correction tells the student
// whose registration it changes (one e-mail per change) and shows its reason in the day's history.
import { beforeAll, describe, expect, it } from "vitest";
import { carryOutCorrectionAction, correctAssessmentAction, sendCorrectionNoticeAction } from "@/lib/actions/assessment";
import { respondToCorrectionNoticeAction } from "@/lib/actions/student";
import { osloDate } from "@/lib/domain/application-deadline";
import { responsesSeen } from "@/lib/domain/correction-notice";
import { klageDeadline } from "@/lib/domain/klage";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { assessSubmission, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { getDayAttendance, saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { fileStudentAppeal } from "@/lib/server/student-letters/appeals";
import { resolveViewer } from "@/lib/server/viewer";
import { createSubmission } from "@/prisma/seed/factories";
import { makeCohort, planDays, type World } from "./cohort-world";
import { db, redirectOf, signInAs, submit } from "./support";

let world: World;
const student = (index: number) => world.students[index]!;
const definition = (number: number) => world.definitions.find((d) => d.number === number)!;
const attempts = new Map<string, string>();

async function attemptFor(index: number, number: number) {
  return db().submissionAttempt.findFirstOrThrow({
    where: { submission: { arbeidskravId: definition(number).id, members: { some: { enrolmentId: student(index).enrolmentId } } } },
    orderBy: { attempt: "desc" },
    select: { id: true, status: true },
  });
}

beforeAll(async () => {
  // Four students, everything held and attended, all five arbeidskrav approved on the first hand-in.
  world = await makeCohort({ students: 4, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01" });
  // Student 2's ledertreningsoppgave 3: two hand-ins, the second waiting.
  await db().submission.deleteMany({ where: { arbeidskravId: definition(5).id, members: { some: { enrolmentId: student(2).enrolmentId } } } });
  const submission = await createSubmission(db(), {
    arbeidskravId: definition(5).id,
    enrolmentIds: [student(2).enrolmentId],
    submittedById: student(2).userId,
    attempts: [
      { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2025-03-01T10:00:00Z"), feedback: "Kort." },
      { status: "SUBMITTED", at: new Date("2025-03-15T10:00:00Z") },
    ],
  });
  attempts.set("final", (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 } })).id);
});

describe("correcting an assessment", () => {
  it("is for the fagansvarlig only: a colleague on the team and an adviser are refused, with a clear message", async () => {
    const attempt = await attemptFor(0, 4);
    const fields = { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: "Feil student." };
    for (const user of [world.users.colleague, world.users.adviser]) {
      await signInAs(user);
      expect(await submit(correctAssessmentAction, fields)).toMatchObject({
        ok: false,
        message: "Bare fagansvarlig for kullet kan rette en vurdering. Kontakt fagansvarlig hvis du mener vurderingen er feil.",
        values: { reason: "Feil student." },
      });
    }
    await signInAs(world.users.outsider);
    expect(await submit(correctAssessmentAction, fields)).toMatchObject({ ok: false, message: "Fant ikke kullet." });
    expect((await attemptFor(0, 4)).status).toBe("APPROVED");
    // The page offers it to her alone, and names her to the others.
    const submissionId = (await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { submissionId: true } })).submissionId;
    const lead = world.teacher.name;
    expect(await getSubmissionForAssessment(world.colleague, world.cohortId, submissionId)).toMatchObject({ academicLead: false, academicLeadName: lead, canCorrect: false });
    expect(await getSubmissionForAssessment(world.adviser, world.cohortId, submissionId)).toMatchObject({ academicLead: false, academicLeadName: lead, canCorrect: false });
    expect(await getSubmissionForAssessment(world.teacher, world.cohortId, submissionId)).toMatchObject({ academicLead: true, academicLeadName: lead, canCorrect: true });
  });

  it("needs a written reason and the other decision", async () => {
    const attempt = await attemptFor(0, 4);
    await signInAs(world.users.teacher);
    expect(await submit(correctAssessmentAction, { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Skriv hvorfor vurderingen rettes. Begrunnelsen sendes med beskjeden om rettingen."] },
    });
    expect(await submit(correctAssessmentAction, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", reason: "Ingen endring." })).toMatchObject({
      ok: false,
      message: "Innleveringen er allerede godkjent.",
    });
  });

  it("approved → not approved on an earlier attempt: audited with the reason, the student told by e-mail, and may hand in again", async () => {
    const attempt = await attemptFor(0, 4);
    await signInAs(world.users.teacher);
    const result = await submit(correctAssessmentAction, {
      cohortId: world.cohortId,
      attemptId: attempt.id,
      decision: "NOT_APPROVED",
      reason: "Oppgaven ble godkjent ved en feil: refleksjonsdelen mangler.",
    });
    expect(result).toMatchObject({ ok: true, message: "Vurderingen er rettet: Ledertreningsoppgave 2 er ikke godkjent. Studentene får e-post, og rettingen er logget med begrunnelsen." });
    const changed = await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { status: true, feedback: true, submission: { select: { status: true } }, changes: true } });
    expect(changed).toMatchObject({ status: "NOT_APPROVED", submission: { status: "NOT_APPROVED" } });
    expect(changed.changes).toMatchObject([{ cause: "CORRECTION", fromStatus: "APPROVED", toStatus: "NOT_APPROVED", changedById: world.teacher.id }]);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.correct", entityId: attempt.id } })).toMatchObject({
      actorId: world.teacher.id,
      before: { status: "APPROVED" },
      after: { status: "NOT_APPROVED", reason: "Oppgaven ble godkjent ved en feil: refleksjonsdelen mangler.", members: [student(0).enrolmentId] },
    });
    const mail = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `assessment-corrected:${changed.changes[0]!.id}:${student(0).enrolmentId}` } });
    expect(mail.subject).toBe("Vurderingen er rettet: Ledertreningsoppgave 2 er ikke godkjent");
    expect(mail.text).toContain("refleksjonsdelen mangler");
    expect(mail.text).toContain("Du kan levere arbeidskravet på nytt.");
    expect(await db().studentLetter.count({ where: { enrolmentId: student(0).enrolmentId } })).toBe(0);
  });

  it("approved → not approved on a final attempt: only after a forhåndsvarsel, then the enkeltvedtak in the notice's case; back to approved: a letter that it no longer stands", async () => {
    await assessSubmission(world.colleague, { cohortId: world.cohortId, attemptId: attempts.get("final")!, decision: "APPROVED", feedback: null });
    await signInAs(world.users.teacher);
    // Straight to «ikke godkjent» is refused: the students are to be heard first (fvl. § 16).
    expect(await submit(correctAssessmentAction, { cohortId: world.cohortId, attemptId: attempts.get("final")!, decision: "NOT_APPROVED", reason: "Oppsummeringen mangler helt." })).toMatchObject({
      ok: false,
      message: expect.stringContaining("forhåndsvarsel"),
      values: { reason: "Oppsummeringen mangler helt." },
    });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attempts.get("final")! } })).status).toBe("APPROVED");
    expect(await redirectOf(() => submit(sendCorrectionNoticeAction, { cohortId: world.cohortId, attemptId: attempts.get("final")!, reason: "Oppsummeringen ser ut til å mangle." }))).toMatch(
      /\?varsel=sendt$/,
    );
    const [noticeLetter] = await db().studentLetter.findMany({ where: { enrolmentId: student(2).enrolmentId } });
    expect(noticeLetter).toMatchObject({ kind: "CORRECTION_NOTICE", enkeltvedtak: false, klageDeadline: null });
    const notice = await db().correctionNotice.findFirstOrThrow({ where: { attemptId: attempts.get("final")! } });
    // She speaks; with everyone heard the fagansvarlig need not wait for the deadline.
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(2).userId } }));
    expect(await submit(respondToCorrectionNoticeAction, { noticeId: notice.id, text: "Oppsummeringen står på siste side." })).toMatchObject({ ok: true });
    await signInAs(world.users.teacher);
    const seen = responsesSeen(await db().correctionNoticeRecipient.findMany({ where: { noticeId: notice.id } }));
    const down = await redirectOf(() =>
      submit(carryOutCorrectionAction, { cohortId: world.cohortId, noticeId: notice.id, grounds: "Oppsummeringen mangler helt; siste side er litteraturlisten.", seen }),
    );
    expect(down).toMatch(/\?varsel=rettet$/);
    const [, letter] = await db().studentLetter.findMany({ where: { enrolmentId: student(2).enrolmentId }, orderBy: { decidedAt: "asc" } });
    expect(letter).toMatchObject({
      kind: "ARBEIDSKRAV_NOT_APPROVED",
      grounds: "Oppsummeringen mangler helt; siste side er litteraturlisten.",
      decidedById: world.teacher.id,
      enkeltvedtak: true,
      caseNumber: noticeLetter!.caseNumber,
    });
    expect(letter!.body).toContain("Vi fikk uttalelsen din");
    expect(letter!.body).toContain("Fagansvarlig har rettet vurderingen av innleveringen din fra godkjent til ikke godkjent.");
    expect(letter!.klageDeadline!.toISOString().slice(0, 10)).toBe(klageDeadline(osloDate(new Date())));
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.correct", entityId: attempts.get("final") } })).toMatchObject({
      before: { status: "APPROVED" },
      after: { status: "NOT_APPROVED", reason: "Oppsummeringen mangler helt; siste side er litteraturlisten.", noticeId: notice.id },
    });
    // The letter's e-mail is the news: no separate correction e-mail to the same student.
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: "assessment-corrected:" }, userId: student(2).userId } })).toBe(0);
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${letter!.id}` } })).toBe(1);

    // While a klage on it waits, the klage decides: no correction.
    const viewer = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(2).userId } }))))!;
    const appealId = await fileStudentAppeal(viewer, letter!.id, { text: "Oppsummeringen står på siste side." });
    await expect(correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempts.get("final")!, decision: "APPROVED", reason: "Likevel." })).rejects.toThrow(
      /klage under behandling/,
    );
    await db().studentAppeal.delete({ where: { id: appealId } });

    const up = await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempts.get("final")!, decision: "APPROVED", reason: "Oppsummeringen står på siste side." });
    expect(up).toMatchObject({ letters: 1 });
    const letters = await db().studentLetter.findMany({ where: { enrolmentId: student(2).enrolmentId }, orderBy: { decidedAt: "asc" } });
    expect(letters.map((row) => row.kind)).toEqual(["CORRECTION_NOTICE", "ARBEIDSKRAV_NOT_APPROVED", "DECISION_CHANGED"]);
    expect(letters[2]!.body).toContain("Ledertreningsoppgave 3 er godkjent.");
    expect(await db().auditLog.count({ where: { action: "submission.correct", entityId: attempts.get("final") } })).toBe(2);
  });
});

describe("correcting attendance after the day", () => {
  it("e-mails each student whose registration it changes, once per change, and shows the reason in the day's history", async () => {
    const dayId = world.days[0]!.id;
    await signInAs(world.users.teacher);
    const fields = (status: Record<number, "PRESENT" | "ABSENT">, reason: string) => {
      const form: Record<string, string> = { cohortId: world.cohortId, samlingDayId: dayId, reason };
      for (const [index, value] of Object.entries(status)) form[`status:${student(Number(index)).enrolmentId}`] = value;
      return form;
    };
    const first = await submit(saveDayAttendanceAction, fields({ 0: "ABSENT", 1: "PRESENT" }, "Student 01 var syk; registrert feil."));
    expect(first).toMatchObject({ ok: true, message: "Oppmøtet er lagret: 1 til stede, 1 fraværende. Rettingen er logget med begrunnelsen. Studenten som fikk endret registreringen, får e-post om det." });
    const mails = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: "attendance-corrected:" } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ userId: student(0).userId, subject: expect.stringMatching(/^Oppmøtet ditt .* er rettet$/) });
    expect(mails[0]!.text).toContain("rettet fra «til stede» til «fravær»");
    expect(mails[0]!.text).toContain("Student 01 var syk; registrert feil.");

    // Saved again unchanged: nothing new. A note alone: no e-mail. Changed back: a second e-mail.
    await submit(saveDayAttendanceAction, fields({ 0: "ABSENT" }, "Samme igjen."));
    await saveDayAttendance(world.teacher, { cohortId: world.cohortId, samlingDayId: dayId, rows: [{ enrolmentId: student(1).enrolmentId, status: "PRESENT", note: "kom sent" }], reason: "Merknad." });
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: "attendance-corrected:" } } })).toBe(1);
    await saveDayAttendance(world.colleague, { cohortId: world.cohortId, samlingDayId: dayId, rows: [{ enrolmentId: student(0).enrolmentId, status: "PRESENT", note: null }], reason: "Legeattesten gjaldt en annen dag." });
    const after = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: "attendance-corrected:" }, userId: student(0).userId } });
    expect(after).toHaveLength(2);
    expect(new Set(after.map((mail) => mail.dedupeKey)).size).toBe(2);

    const day = await getDayAttendance(world.teacher, world.cohortId, dayId);
    expect(day.corrections.map((correction) => [correction.student, correction.before, correction.after, correction.reason, correction.by])).toEqual([
      ["Student 01", "fravær", "til stede", "Legeattesten gjaldt en annen dag.", "Kollega i teamet"],
      ["Student 02", "til stede", "til stede", "Merknad.", "Faglærer i teamet"],
      ["Student 01", "til stede", "fravær", "Student 01 var syk; registrert feil.", "Faglærer i teamet"],
    ]);
  });
});
