// "Ikke godkjent" on the final attempt is an enkeltvedtak: each member gets a letter of their own
// (grounds, legal basis, klage deadline), mailed and audited in the assessment's transaction; an
// earlier attempt gets the ordinary e-mail. The student files a klage within the deadline; it is
// decided by someone on the teaching team other than the one who decided (server and database),
// reversed (the group's arbeidskrav approved, every member told) or upheld and sent on.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as letterPdf } from "@/app/api/student/brev/[id]/route";
import { assessSubmissionAction } from "@/lib/actions/assessment";
import { decideStudentAppealAction, fileStudentAppealAction, markStudentAppealForwardedAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { OPTIONAL_LAST_ATTEMPT } from "@/lib/domain/coursework";
import { formatDateNb } from "@/lib/domain/format";
import { klageDeadline } from "@/lib/domain/klage";
import { getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { DomainError } from "@/lib/server/errors";
import { fileStudentAppeal } from "@/lib/server/student-letters/appeals";
import { getStudentLetter, listStudentLetters } from "@/lib/server/student-letters/queries";
import { handInArbeidskrav } from "@/lib/server/students/hand-in";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { createArbeidskrav, createStudentLetter, createSubmission, day } from "@/prisma/seed/factories";
import { makeCohort, planDays, type World } from "./cohort-world";
import { connectRaw, db, redirectOf, signInAs, submit } from "./support";

let world: World;
let raw: pg.Client;
const TODAY = osloDate(new Date());
const ALONE = 1; // ledertreningsoppgave 2: the second and last hand-in waits
const EARLY = 0; // ledertreningsoppgave 2: the first hand-in waits
const UPHELD = 2; // ledertreningsoppgave 3: the second and last hand-in waits
const GROUP = [3, 4, 5]; // fagnotat 2 together: the second and last hand-in waits
const attemptOf = new Map<string, string>();

const student = (index: number) => world.students[index]!;
async function asStudent(index: number): Promise<Viewer> {
  const user = await db().user.findUniqueOrThrow({ where: { id: student(index).userId } });
  return (await resolveViewer(await signInAs(user)))!;
}
const definition = (number: number) => world.definitions.find((d) => d.number === number)!;
const lettersTo = (index: number) => db().studentLetter.findMany({ where: { enrolmentId: student(index).enrolmentId }, orderBy: { decidedAt: "asc" } });

async function lastAttempt(enrolmentIds: string[], number: number, key: string) {
  await db().submission.deleteMany({ where: { arbeidskravId: definition(number).id, members: { some: { enrolmentId: { in: enrolmentIds } } } } });
  const submission = await createSubmission(db(), {
    arbeidskravId: definition(number).id,
    enrolmentIds,
    submittedById: world.students.find((s) => s.enrolmentId === enrolmentIds[0])!.userId,
    attempts: [
      { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2025-03-01T10:00:00Z"), feedback: "Mangler refleksjon." },
      { status: "SUBMITTED", at: new Date("2025-03-20T10:00:00Z") },
    ],
  });
  const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 }, select: { id: true } });
  attemptOf.set(key, attempt.id);
}

beforeAll(async () => {
  // Everything held and attended; fagnotat 1, ledertreningsoppgave 1 and fagnotat 2 approved, the rest handed in once.
  world = await makeCohort({ students: 6, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", approved: () => 3 });
  await lastAttempt([student(ALONE).enrolmentId], 4, "alone");
  await lastAttempt([student(UPHELD).enrolmentId], 5, "upheld");
  await lastAttempt(GROUP.map((index) => student(index).enrolmentId), 3, "group");
  attemptOf.set("early", (await db().submissionAttempt.findFirstOrThrow({ where: { submission: { arbeidskravId: definition(4).id, members: { some: { enrolmentId: student(EARLY).enrolmentId } } } } })).id);
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("assessing", () => {
  it("'ikke godkjent' on an earlier attempt: the ordinary e-mail, no letter", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId: attemptOf.get("early")!, decision: "NOT_APPROVED", feedback: "Utdyp refleksjonen." });
    expect(result).toMatchObject({ ok: true, message: "Ledertreningsoppgave 2 er ikke godkjent. Studenten får e-post." });
    expect(await lettersTo(EARLY)).toEqual([]);
    const mail = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `arbeidskrav-assessed:${attemptOf.get("early")}:${student(EARLY).enrolmentId}` } });
    expect(mail.text).toContain("Du kan levere på nytt.");
  });

  it("'ikke godkjent' on the final attempt: an enkeltvedtak letter with grounds, legal basis and klage deadline, mailed and audited", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(assessSubmissionAction, {
      cohortId: world.cohortId,
      attemptId: attemptOf.get("alone")!,
      decision: "NOT_APPROVED",
      feedback: "Refleksjonen over egen lederatferd mangler fortsatt.",
    });
    expect(result).toMatchObject({ ok: true, message: "Ledertreningsoppgave 2 er ikke godkjent. Det var siste innlevering, så studenten har fått vedtaksbrev med klagefrist." });
    const [letter] = await lettersTo(ALONE);
    expect(letter).toMatchObject({
      kind: "ARBEIDSKRAV_NOT_APPROVED",
      enkeltvedtak: true,
      grounds: "Refleksjonen over egen lederatferd mangler fortsatt.",
      decidedById: world.teacher.id,
      aboutType: "SubmissionAttempt",
      aboutId: attemptOf.get("alone"),
      userId: student(ALONE).userId,
      subject: "Vedtak: Ledertreningsoppgave 2 er ikke godkjent",
    });
    expect(letter!.klageDeadline!.toISOString().slice(0, 10)).toBe(klageDeadline(TODAY));
    expect(letter!.madeAvailableOn.toISOString().slice(0, 10)).toBe(TODAY);
    expect(letter!.legalBasis).toContain("universitets- og høyskoleloven");
    expect(letter!.body).toContain("Fagansvarlig"); // the teacher is the cohort's fagansvarlig: so the letter is signed

    const mail = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `student-letter:${letter!.id}` } });
    expect(mail).toMatchObject({ userId: student(ALONE).userId, subject: "Vedtak: Ledertreningsoppgave 2 er ikke godkjent" });
    expect(mail.text).toContain(`/student/brev/${letter!.id}`);
    expect(mail.text).toContain("Refleksjonen over egen lederatferd mangler fortsatt.");
    // The letter's e-mail carries the news; no second "ikke godkjent, lever på nytt".
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: `arbeidskrav-assessed:${attemptOf.get("alone")}` } } })).toBe(0);

    const issued = await db().auditLog.findFirstOrThrow({ where: { action: "student_letter.issue", entityId: letter!.id } });
    expect(issued).toMatchObject({ actorId: world.teacher.id, after: { kind: "ARBEIDSKRAV_NOT_APPROVED", enkeltvedtak: true, klageDeadline: klageDeadline(TODAY) } });
    const assessed = await db().auditLog.findFirstOrThrow({ where: { action: "submission.assess", entityId: attemptOf.get("alone") } });
    expect(assessed.after).toMatchObject({ status: "NOT_APPROVED", final: true });
  });

  it("ends the hand-ins: the student cannot hand in again, and is pointed to the letter", async () => {
    const viewer = await asStudent(ALONE);
    await expect(handInArbeidskrav(viewer, definition(4).id, { text: "Ny versjon", file: null, memberEnrolmentIds: [] })).rejects.toThrow(
      /siste av 2 innleveringer, så du kan ikke levere på nytt/,
    );
    const [overview] = await getStudentOverview(viewer);
    const item = overview!.arbeidskrav.find((candidate) => candidate.number === 4)!;
    expect(item).toMatchObject({ status: "NOT_APPROVED", finalRejection: true, permission: { allowed: false } });
    // The letter itself while she has not opened it; then the list.
    const letter = (await lettersTo(ALONE)).find((candidate) => candidate.kind === "ARBEIDSKRAV_NOT_APPROVED")!;
    expect(overview!.nextSteps.find((step) => step.key === `arbeidskrav-${item.id}`)!.target).toEqual({ kind: "letter", id: letter.id });
    expect(overview!.nextSteps.some((step) => step.key === "letters-new")).toBe(false);
    await db().studentLetterOpening.create({ data: { letterId: letter.id } });
    const [after] = await getStudentOverview(viewer);
    expect(after!.nextSteps.find((step) => step.key === `arbeidskrav-${item.id}`)!.target).toEqual({ kind: "letters" });
  });

  it("a group's final attempt: every member gets a letter of their own", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId: attemptOf.get("group")!, decision: "NOT_APPROVED", feedback: "Drøftingen er for tynn." });
    expect(result.message).toMatch(/de 3 i gruppen har fått vedtaksbrev med klagefrist/);
    for (const index of GROUP) {
      const letters = await lettersTo(index);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ kind: "ARBEIDSKRAV_NOT_APPROVED", grounds: "Drøftingen er for tynn.", aboutId: attemptOf.get("group") });
      expect(letters[0]!.body).toContain("Innleveringen var et gruppearbeid");
      expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${letters[0]!.id}` } })).toBe(1);
    }
  });
});

describe("the student's letters", () => {
  it("lists the student's own letters and opens them; someone else's is not found", async () => {
    const own = await asStudent(ALONE);
    const letters = await listStudentLetters(own);
    expect(letters.map((letter) => [letter.kind, letter.canAppeal])).toEqual([["ARBEIDSKRAV_NOT_APPROVED", true]]);
    const other = await asStudent(EARLY);
    expect(await listStudentLetters(other)).toEqual([]);
    await expect(getStudentLetter(other, letters[0]!.id)).rejects.toThrow("Fant ikke brevet.");
  });

  it("gives the PDF to the student and the cohort's staff, an empty 404 to anyone else", async () => {
    const [letter] = await lettersTo(ALONE);
    const get = () => letterPdf(new Request(`http://localhost/api/student/brev/${letter!.id}`), { params: Promise.resolve({ id: letter!.id }) });
    await asStudent(ALONE);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    await signInAs(world.users.colleague);
    expect((await get()).status).toBe(200);
    await signInAs(world.users.adviser);
    expect((await get()).status).toBe(200);
    for (const outsider of [world.users.outsider, await db().user.findUniqueOrThrow({ where: { id: student(EARLY).userId } })]) {
      await signInAs(outsider);
      const refused = await get();
      expect(refused.status).toBe(404);
      expect(await refused.text()).toBe("");
    }
  });

  it("is never changed: the database refuses to update or delete a letter", async () => {
    const [letter] = await lettersTo(ALONE);
    await expect(raw.query(`UPDATE "StudentLetter" SET "body" = 'endret' WHERE "id" = $1`, [letter!.id])).rejects.toThrow(/StudentLetter is never changed/);
    await expect(raw.query(`DELETE FROM "StudentLetter" WHERE "id" = $1`, [letter!.id])).rejects.toThrow(/StudentLetter is never changed/);
  });

  it("an enkeltvedtak without grounds or deadline is refused by the database", async () => {
    const [letter] = await lettersTo(ALONE);
    await expect(
      raw.query(
        `INSERT INTO "StudentLetter" ("id","enrolmentId","userId","kind","subject","body","enkeltvedtak","madeAvailableOn","decidedById","aboutType","aboutId","caseYear","caseNumber")
         VALUES ('cxletter', $1, $2, 'EXAM_ADMISSION_REFUSED', 's', 'b', true, current_date, $3, 'ExamRegistration', 'x', 2026, 99999)`,
        [letter!.enrolmentId, letter!.userId, world.teacher.id],
      ),
    ).rejects.toThrow(/StudentLetter_enkeltvedtak_complete/);
  });
});

describe("a klage", () => {
  it("is filed within the deadline, with a receipt, once per letter; never on someone else's letter", async () => {
    const [letter] = await lettersTo(ALONE);
    await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(EARLY).userId } }));
    expect(await submit(fileStudentAppealAction, { letterId: letter!.id, text: "Jeg klager på en annens vedtak her." })).toMatchObject({ ok: false, message: "Fant ikke brevet." });

    await asStudent(ALONE);
    expect(await submit(fileStudentAppealAction, { letterId: letter!.id, text: "For kort" })).toMatchObject({
      ok: false,
      fieldErrors: { text: ["Skriv hva du klager på og hvorfor (minst 20 tegn)."] },
      values: { text: "For kort" },
    });
    const where = await redirectOf(() => submit(fileStudentAppealAction, { letterId: letter!.id, text: "Refleksjonen står i kapittel 2, over to sider." }));
    expect(where).toBe(`/student/brev/${letter!.id}?klage=sendt`);
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { letterId: letter!.id } });
    expect(appeal).toMatchObject({ status: "RECEIVED", enrolmentId: student(ALONE).enrolmentId, letterDecidedById: world.teacher.id });
    expect(await db().auditLog.count({ where: { action: "student_appeal.file", entityId: appeal.id } })).toBe(1);
    expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `student-appeal-receipt:${appeal.id}` } })).subject).toBe("Vi har mottatt klagen din");
    expect(await submit(fileStudentAppealAction, { letterId: letter!.id, text: "En klage til på det samme vedtaket." })).toMatchObject({
      ok: false,
      message: "Du har allerede klaget på dette vedtaket.",
    });
  });

  it("is refused after the deadline", async () => {
    const old = await createStudentLetter(db(), {
      enrolmentId: student(EARLY).enrolmentId,
      facts: { kind: "ARBEIDSKRAV_NOT_APPROVED", arbeidskrav: { title: "Fagnotat 1 (individuelt)" }, attempt: 2, maxAttempts: 2, assessedOn: "2025-01-10", grounds: "Mangler kilder.", group: null, corrected: false },
      decidedBy: { id: world.teacher.id, name: world.teacher.name, title: "Faglærer" },
      about: { type: "SubmissionAttempt", id: "cold" },
      at: day("2025-01-10"),
    });
    const viewer = await asStudent(EARLY);
    await expect(fileStudentAppeal(viewer, old.id, { text: "Jeg klager alt for sent på dette vedtaket." })).rejects.toThrow(
      /^Klagefristen gikk ut 31\. januar 2025\./,
    );
    // The deadline moves past a weekend: 10 January + 21 days is Friday 31 January 2025.
    expect(old.klageDeadline!.toISOString().slice(0, 10)).toBe("2025-01-31");
  });

  it("is not decided by the one who made the decision, nor by an adviser, nor by faculty outside the team", async () => {
    const appeal = await db().studentAppeal.findFirstOrThrow({ where: { enrolmentId: student(ALONE).enrolmentId } });
    const fields = { cohortId: world.cohortId, appealId: appeal.id, outcome: "REVERSE", grounds: "Refleksjonen er der." };
    await signInAs(world.users.teacher);
    expect(await submit(decideStudentAppealAction, fields)).toMatchObject({
      ok: false,
      message: "Du fattet vedtaket selv, og kan ikke avgjøre klagen på det. Klagen må avgjøres av en faglærer i kullets undervisningsteam (helst fagansvarlig).",
    });
    await signInAs(world.users.adviser);
    expect(await submit(decideStudentAppealAction, fields)).toMatchObject({ ok: false, message: "Klagen avgjøres av en faglærer i kullets undervisningsteam (helst fagansvarlig)." });
    await signInAs(world.users.outsider);
    expect(await submit(decideStudentAppealAction, fields)).toMatchObject({ ok: false, message: "Fant ikke klagen." });
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: appeal.id } })).toMatchObject({ status: "RECEIVED" });
    // And the database: a klage decided by the decider is refused whatever the code does.
    await expect(
      raw.query(`UPDATE "StudentAppeal" SET "decidedById" = "letterDecidedById" WHERE "id" = $1`, [appeal.id]),
    ).rejects.toThrow(/StudentAppeal_decided_by_someone_else/);
  });

  it("reversed by a colleague on the team: the arbeidskrav is approved, with a new letter, audited", async () => {
    const appeal = await db().studentAppeal.findFirstOrThrow({ where: { enrolmentId: student(ALONE).enrolmentId } });
    await signInAs(world.users.colleague);
    const where = await redirectOf(() =>
      submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId: appeal.id, outcome: "REVERSE", grounds: "Refleksjonen står i kapittel 2 og holder." }),
    );
    expect(where).toBe(`/kull/${world.cohortId}/klager?avgjort=endret-1`);
    const decided = await db().studentAppeal.findUniqueOrThrow({ where: { id: appeal.id } });
    expect(decided).toMatchObject({ status: "REVERSED", decidedById: world.colleague.id, grounds: "Refleksjonen står i kapittel 2 og holder." });
    const outcome = await db().studentLetter.findUniqueOrThrow({ where: { id: decided.outcomeLetterId! } });
    expect(outcome).toMatchObject({ kind: "KLAGE_REVERSED", enkeltvedtak: false, klageDeadline: null, subject: "Klagen din er tatt til følge: Ledertreningsoppgave 2" });
    expect(outcome.body).toContain("Ledertreningsoppgave 2 er godkjent.");
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${outcome.id}` } })).toBe(1);

    const attempt = await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptOf.get("alone") }, select: { status: true, feedback: true, submission: { select: { status: true } }, changes: true } });
    expect(attempt).toMatchObject({ status: "APPROVED", submission: { status: "APPROVED" }, feedback: "Refleksjonen over egen lederatferd mangler fortsatt." });
    expect(attempt.changes).toMatchObject([{ cause: "KLAGE", fromStatus: "NOT_APPROVED", toStatus: "APPROVED", changedById: world.colleague.id }]);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "submission.approve_after_klage", entityId: attemptOf.get("alone") } })).toMatchObject({
      actorId: world.colleague.id,
      before: { status: "NOT_APPROVED" },
      after: { status: "APPROVED", appealId: appeal.id },
    });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_appeal.reverse", entityId: appeal.id } })).toMatchObject({ after: { status: "REVERSED" } });
    const evaluation = await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY });
    expect(evaluation.byEnrolment.get(student(ALONE).enrolmentId)!.eligibility.arbeidskrav.approved).toBe(4);
    expect(await submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId: appeal.id, outcome: "UPHOLD", grounds: "Nei." })).toMatchObject({
      ok: false,
      message: "Klagen er allerede avgjort.",
    });
  });

  it("a group member's klage taken: the group's arbeidskrav is approved, other open klager with it, and the others are told", async () => {
    const letterOf = async (index: number) => (await lettersTo(index))[0]!;
    const [first, second, third] = GROUP;
    const viewerFirst = await asStudent(first!);
    const appealId = await fileStudentAppeal(viewerFirst, (await letterOf(first!)).id, { text: "Drøftingen er grundig i del to." });
    const viewerSecond = await asStudent(second!);
    const otherAppealId = await fileStudentAppeal(viewerSecond, (await letterOf(second!)).id, { text: "Jeg er enig med gruppen: del to drøfter saken." });

    await signInAs(world.users.colleague);
    const where = await redirectOf(() => submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId, outcome: "REVERSE", grounds: "Del to drøfter saken godt nok." }));
    expect(where).toBe(`/kull/${world.cohortId}/klager?avgjort=endret-3`);
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: otherAppealId } })).toMatchObject({ status: "REVERSED", decidedById: world.colleague.id });
    expect((await lettersTo(first!)).map((letter) => letter.kind)).toEqual(["ARBEIDSKRAV_NOT_APPROVED", "KLAGE_REVERSED"]);
    expect((await lettersTo(second!)).map((letter) => letter.kind)).toEqual(["ARBEIDSKRAV_NOT_APPROVED", "KLAGE_REVERSED"]);
    const thirds = await lettersTo(third!);
    expect(thirds.map((letter) => letter.kind)).toEqual(["ARBEIDSKRAV_NOT_APPROVED", "DECISION_CHANGED"]);
    expect(thirds[1]!.body).toContain("Fagnotat 2 (gruppe eller individuelt) er godkjent.");
    for (const index of GROUP) {
      const newest = (await lettersTo(index)).at(-1)!;
      expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${newest.id}`, userId: student(index).userId } })).toBe(1);
      expect(await db().auditLog.count({ where: { action: "student_letter.issue", entityId: newest.id, actorId: world.colleague.id } })).toBe(1);
    }
    expect(await db().auditLog.count({ where: { action: "student_appeal.reverse", entityId: { in: [appealId, otherAppealId] } } })).toBe(2);
    const evaluation = await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY });
    for (const index of GROUP) expect(evaluation.byEnrolment.get(student(index).enrolmentId)!.eligibility.arbeidskrav.approved).toBe(3);
  });

  it("upheld: a letter says it goes to the appeals body, and it is marked sent", async () => {
    await signInAs(world.users.colleague);
    await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId: attemptOf.get("upheld")!, decision: "NOT_APPROVED", feedback: "Oppsummeringen mangler." });
    const [letter] = await lettersTo(UPHELD);
    expect(letter).toMatchObject({ decidedById: world.colleague.id, kind: "ARBEIDSKRAV_NOT_APPROVED" });
    // The submission page tells the kull's staff where the student's klage stands, step by step.
    const { id: submissionId } = await db().submission.findFirstOrThrow({ where: { attempts: { some: { id: attemptOf.get("upheld") } } }, select: { id: true } });
    const klageOnPage = async () => {
      const page = await getSubmissionForAssessment(world.teacher, world.cohortId, submissionId);
      return { klage: page.members.map((member) => member.klage), open: page.openKlager };
    };
    expect(await klageOnPage()).toEqual({ klage: [`Ingen klage ennå; klagefristen er ${formatDateNb(klageDeadline(TODAY))}.`], open: 0 });
    const appealId = await fileStudentAppeal(await asStudent(UPHELD), letter!.id, { text: "Oppsummeringen står til slutt i oppgaven." });
    expect(await klageOnPage()).toEqual({ klage: ["Har klaget; klagen venter på behandling under Klager."], open: 1 });
    // The colleague decided this one: the fagansvarlig takes the klage.
    await signInAs(world.users.colleague);
    expect((await submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId, outcome: "UPHOLD", grounds: "x" })).ok).toBe(false);
    await signInAs(world.users.teacher);
    const where = await redirectOf(() => submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId, outcome: "UPHOLD", grounds: "Oppsummeringen drøfter ikke egen utvikling." }));
    expect(where).toBe(`/kull/${world.cohortId}/klager?avgjort=opprettholdt`);
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    expect(appeal).toMatchObject({ status: "UPHELD", forwardedAt: null, decidedById: world.teacher.id });
    const outcome = await db().studentLetter.findUniqueOrThrow({ where: { id: appeal.outcomeLetterId! } });
    expect(outcome).toMatchObject({ kind: "KLAGE_UPHELD", enkeltvedtak: false, klageDeadline: null, decidedById: world.teacher.id });
    expect(outcome.body).toContain("Den sentrale klagenemnda ved NTNU");
    expect(outcome.body).toContain("Oppsummeringen drøfter ikke egen utvikling.");
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${outcome.id}`, userId: student(UPHELD).userId } })).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_appeal.uphold", entityId: appealId } })).toMatchObject({
      actorId: world.teacher.id,
      before: { status: "RECEIVED" },
      after: { status: "UPHELD", grounds: "Oppsummeringen drøfter ikke egen utvikling.", forwarded: false, outcomeLetterId: outcome.id },
    });
    expect(await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptOf.get("upheld") } })).toMatchObject({ status: "NOT_APPROVED" });

    expect(await klageOnPage()).toEqual({ klage: ["Klagen ble ikke tatt til følge, og den skal sendes til klagenemnda."], open: 0 });
    expect(await submit(markStudentAppealForwardedAction, { cohortId: world.cohortId, appealId })).toMatchObject({ ok: true });
    expect(await klageOnPage()).toEqual({ klage: [`Klagen ble ikke tatt til følge og ble sendt til klagenemnda ${formatDateNb(TODAY)}.`], open: 0 });
    expect((await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).forwardedAt).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "student_appeal.forward", entityId: appealId } })).toBe(1);
    expect(await submit(markStudentAppealForwardedAction, { cohortId: world.cohortId, appealId })).toMatchObject({ ok: false, message: "Klagen er allerede merket som oversendt." });
  });

  it("cannot be filed on a letter that is not an enkeltvedtak", async () => {
    const outcome = (await lettersTo(ALONE)).find((letter) => letter.kind === "KLAGE_REVERSED")!;
    await expect(fileStudentAppeal(await asStudent(ALONE), outcome.id, { text: "Jeg vil klage på dette brevet også." })).rejects.toBeInstanceOf(DomainError);
    await expect(
      raw.query(`INSERT INTO "StudentAppeal" ("id","letterId","letterDecidedById","enrolmentId","text") VALUES ('cxappeal', $1, $2, $3, 'klage')`, [
        outcome.id,
        outcome.decidedById,
        outcome.enrolmentId,
      ]),
    ).rejects.toThrow(/is not an enkeltvedtak to enrolment/);
  });
});

describe("staff who teach the cohort see its klager", () => {
  it("oldest first, with who may decide each", async () => {
    const { listCohortAppeals } = await import("@/lib/server/student-letters/appeals");
    const all = await listCohortAppeals(world.teacher, world.cohortId, { open: false });
    const filed = all.map((appeal) => appeal.filedAt.getTime());
    expect([...filed].sort((a, b) => a - b)).toEqual(filed);
    expect(all.length).toBe(4);
    await expect(listCohortAppeals(world.outsider, world.cohortId, { open: false })).rejects.toThrow("Fant ikke kullet.");
  });
});

describe("an optional extra arbeidskrav (never counted toward the exam)", () => {
  it("its last hand-in «ikke godkjent» decides nothing: an e-mail saying so, no letter, no step; corrected either way at once, without a forhåndsvarsel", async () => {
    const [extra] = await createArbeidskrav(db(), world.cohortId, [{ number: 6, kind: "FAGNOTAT", title: "Frivillig fagnotat", required: false, dueDate: "2025-05-01" }]);
    const index = EARLY;
    const { enrolmentId, userId } = student(index);
    const submission = await createSubmission(db(), {
      arbeidskravId: extra!.id,
      enrolmentIds: [enrolmentId],
      submittedById: userId,
      attempts: [
        { status: "NOT_APPROVED", assessorId: world.colleague.id, at: new Date("2025-04-01T10:00:00Z"), feedback: "Mangler drøfting." },
        { status: "SUBMITTED", at: new Date("2025-04-20T10:00:00Z") },
      ],
    });
    const attemptId = (await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id, attempt: 2 }, select: { id: true } })).id;
    const letters = (await lettersTo(index)).length;

    await signInAs(world.users.teacher);
    expect(await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId, decision: "NOT_APPROVED", feedback: "Drøftingen mangler fortsatt." })).toMatchObject({ ok: true });
    expect((await lettersTo(index)).length).toBe(letters);
    const mail = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `arbeidskrav-assessed:${attemptId}:${enrolmentId}` } });
    expect(mail.text).toContain(OPTIONAL_LAST_ATTEMPT);
    expect(mail.text).not.toContain("Du kan levere på nytt");
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "submission.assess", entityId: attemptId } })).after).toMatchObject({ status: "NOT_APPROVED", final: false });
    const staffPage = await getSubmissionForAssessment(world.teacher, world.cohortId, submission.id);
    expect(staffPage).toMatchObject({ latestIsFinal: false, latestIsLastOfOptional: true, correctionNeedsNotice: false });

    // The student: no hand-in left, but no decision either, and nothing to do.
    const [overview] = await getStudentOverview(await asStudent(index));
    const item = overview!.arbeidskrav.find((candidate) => candidate.id === extra!.id)!;
    expect(item).toMatchObject({ status: "NOT_APPROVED", finalRejection: true, rejectionDecision: false, permission: { allowed: false } });
    expect(overview!.nextSteps.some((step) => step.key === `arbeidskrav-${extra!.id}`)).toBe(false);

    // The fagansvarlig corrects it to approved and back: at once, told by e-mail, no notice and no letter.
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId, decision: "APPROVED", reason: "Drøftingen står på side 3." });
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId, decision: "NOT_APPROVED", reason: "Side 3 er et sitat, ikke en drøfting." });
    expect((await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("NOT_APPROVED");
    expect(await db().correctionNotice.count({ where: { attemptId } })).toBe(0);
    expect((await lettersTo(index)).length).toBe(letters);
    const back = await db().assessmentChange.findFirstOrThrow({ where: { attemptId, toStatus: "NOT_APPROVED" } });
    const told = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `assessment-corrected:${back.id}:${enrolmentId}` } });
    expect(told.text).toContain(OPTIONAL_LAST_ATTEMPT);
  });
});
