// "Ikke adgang til eksamen" is an enkeltvedtak: staff decide it for a student who does not meet
// the requirements (one at a time, or the previewed students at once), never for one who does;
// the registration records REFUSED and the student gets a letter with the grounds from the rules,
// the legal basis and the klage deadline, mailed and audited. A klage on it is decided by an
// adviser (never the one who refused); taking it registers the student, once the rules admit them.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseExamAdmissionAction, registerEligibleAction, registerStudentAction } from "@/lib/actions/exam";
import { decideStudentAppealAction, registerStudentAppealsBodyDecisionAction } from "@/lib/actions/student-letters";
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import { klageDeadline } from "@/lib/domain/klage";
import { assessSubmission } from "@/lib/server/cohorts/assessment";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { saveDayAttendance } from "@/lib/server/cohorts/attendance";
import { grantLeave } from "@/lib/server/enrolments/leave";
import { getExamAdmission, registerForExam, SITTING_OVER } from "@/lib/server/exams/registration";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import { registerForResit } from "@/lib/server/exams/resit";
import { decideStudentAppeal, fileStudentAppeal, listCohortAppeals } from "@/lib/server/student-letters/appeals";
import { getStudentOverview } from "@/lib/server/students/overview";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { resolveViewer } from "@/lib/server/viewer";
import { createSitting } from "@/prisma/seed/factories";
import { makeCohort, planDays, type World } from "./cohort-world";
import { connectRaw, db, redirectOf, signInAs, submit } from "./support";

const TODAY = osloDate(new Date());
const days = planDays("2025-01-07", 10); // ten days, all held: 80 % needs 8
let world: World;
let raw: pg.Client;
const FINE = 0;
const SHORT = 1; // 7 of 10 days
const FOUR = 2; // four approved, the fifth waits for assessment
const LATER = 3; // eligible now, registered, then a correction takes an approval away

const student = (index: number) => world.students[index]!;
const refusalOf = (index: number) =>
  db().studentLetter.findMany({ where: { enrolmentId: student(index).enrolmentId, kind: "EXAM_ADMISSION_REFUSED" }, orderBy: { decidedAt: "asc" } });
const registrationOf = (index: number) =>
  db().examRegistration.findUnique({ where: { examId_enrolmentId: { examId: world.examId!, enrolmentId: student(index).enrolmentId } } });

beforeAll(async () => {
  world = await makeCohort({
    students: 5,
    samlinger: days,
    heldBefore: "2030-01-01",
    attended: (index, held) => (index === SHORT ? 7 : held),
    approved: (index) => (index === FOUR ? 4 : 5),
    exam: { startsOn: addDays(TODAY, 40), endsOn: addDays(TODAY, 42) },
  });
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

describe("deciding 'ikke adgang til eksamen'", () => {
  it("is refused by the server for a student who meets the requirements", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: student(FINE).enrolmentId });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Student 01 fyller kravene til eksamen og kan ikke få vedtak om ikke adgang\. Ingen vedtak er sendt\./);
    expect(await registrationOf(FINE)).toBeNull();
    expect(await refusalOf(FINE)).toEqual([]);
  });

  it("one student: REFUSED, a letter with the grounds from the rules, the legal basis and the klage deadline, mailed and audited", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: student(SHORT).enrolmentId });
    expect(result).toMatchObject({ ok: true, message: "Student 02 har fått vedtak om ikke adgang til eksamen, med klagefrist." });
    const registration = (await registrationOf(SHORT))!;
    expect(registration).toMatchObject({ status: "REFUSED", decidedById: world.teacher.id, grade: null });
    const [letter] = await refusalOf(SHORT);
    expect(letter).toMatchObject({ enkeltvedtak: true, aboutType: "ExamRegistration", aboutId: registration.id, decidedById: world.teacher.id });
    expect(letter!.grounds).toBe("Oppmøte: Du har vært til stede 7 av 10 dager. Du må ha minst 8 av 10 dager totalt (80 %). Alle samlingsdagene er holdt, og kravet er ikke nådd.");
    expect(letter!.legalBasis).toContain("minst 80 % av samlingsdagene");
    expect(letter!.klageDeadline!.toISOString().slice(0, 10)).toBe(klageDeadline(TODAY));
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${letter!.id}`, userId: student(SHORT).userId } })).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.refuse", entityId: registration.id } })).toMatchObject({
      actorId: world.teacher.id,
      before: null,
      after: { status: "REFUSED", letterId: letter!.id, eligibility: "NOT_ELIGIBLE" },
    });
    // Once: a second refusal of the same student is refused.
    expect((await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: student(SHORT).enrolmentId })).message).toMatch(/har allerede fått vedtak/);
    // The student sees it, and the staff's page shows it with nothing left to decide.
    const viewer = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(SHORT).userId } }))))!;
    const [overview] = await getStudentOverview(viewer);
    expect(overview!.exam).toMatchObject({ refused: true, registered: false });
    // Her start page leads to the refusal's letter until she opens it, and does not count it again.
    expect(overview!.nextSteps.find((step) => step.key === "exam")!.target).toEqual({ kind: "letter", id: letter!.id });
    expect(overview!.nextSteps.some((step) => step.key === "letters-new")).toBe(false);
    const admission = await getExamAdmission(world.teacher, world.cohortId);
    expect(admission.students.find((row) => row.enrolmentId === student(SHORT).enrolmentId)).toMatchObject({
      refusal: { letterId: letter!.id, klage: null, decidedBy: world.teacher.name },
      decisionNeeded: null,
    });
  });

  it("the previewed students at once: nobody is refused if one of them meets the requirements meanwhile", async () => {
    await signInAs(world.users.colleague);
    const both = [student(FOUR).enrolmentId, student(FINE).enrolmentId].join(",");
    expect((await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: both })).ok).toBe(false);
    expect(await registrationOf(FOUR)).toBeNull();
    const result = await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: student(FOUR).enrolmentId });
    expect(result.ok).toBe(true);
    const [letter] = await refusalOf(FOUR);
    expect(letter!.grounds).toBe("Arbeidskrav: du har 4 av 5 godkjent. Ledertreningsoppgave 3 er levert og venter på vurdering.");
    expect(letter!.decidedById).toBe(world.colleague.id);
  });

  it("registration skips the refused, and 'Meld opp alle' registers only the eligible", async () => {
    await signInAs(world.users.teacher);
    expect(await submit(registerEligibleAction, { cohortId: world.cohortId })).toMatchObject({ ok: true, message: "3 studenter som fyller kravene er meldt opp til eksamen." });
    expect((await registrationOf(SHORT))!.status).toBe("REFUSED");
    expect((await registrationOf(LATER))!.status).toBe("ADMITTED");
  });
});

describe("a klage on 'ikke adgang'", () => {
  let appealId: string;

  it("is decided by an adviser, never by the one who refused, nor by the teaching team", async () => {
    const [letter] = await refusalOf(FOUR);
    const viewer = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { id: student(FOUR).userId } }))))!;
    appealId = await fileStudentAppeal(viewer, letter!.id, { text: "Ledertreningsoppgave 3 ble levert i tide og venter bare på vurdering." });
    // Her start page says the klage is being handled, not that she may klage.
    const [overview] = await getStudentOverview(viewer);
    expect(overview!.nextSteps.find((step) => step.key === "exam")).toMatchObject({ tone: "info", text: expect.stringContaining("Du har klaget på vedtaket, og klagen er under behandling.") });
    const fields = { cohortId: world.cohortId, appealId, outcome: "UPHOLD", grounds: "Kravene er ikke oppfylt." };
    await signInAs(world.users.colleague); // refused it
    expect(await submit(decideStudentAppealAction, fields)).toMatchObject({ ok: false, message: "Du fattet vedtaket selv, og kan ikke avgjøre klagen på det. Klagen må avgjøres av en studieveileder." });
    await signInAs(world.users.teacher); // the fagansvarlig, but this klage is the administration's
    expect(await submit(decideStudentAppealAction, fields)).toMatchObject({ ok: false, message: "Klagen avgjøres av en studieveileder." });
    await expect(raw.query(`UPDATE "StudentAppeal" SET "decidedById" = "letterDecidedById" WHERE "id" = $1`, [appealId])).rejects.toThrow(/StudentAppeal_decided_by_someone_else/);
  });

  it("is not taken while the rules still refuse the student: the facts are corrected first", async () => {
    await signInAs(world.users.adviser);
    const result = await submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId, outcome: "REVERSE", grounds: "Oppgaven ble levert i tide." });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Studenten fyller fortsatt ikke kravene etter det som er registrert: 4 av 5 arbeidskrav godkjent\. Mangler: .+ \(til vurdering\)\. Rett oppmøtet/);
    expect((await registrationOf(FOUR))!.status).toBe("REFUSED");
    // The klage list tells the decider so before she tries.
    const listed = (await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((row) => row.id === appealId)!;
    expect(listed.sitting).toMatchObject({ meetsRequirements: false });
  });

  it("the student now meets the requirements: 'needs a decision', ordinary registration waits for the klage, and taking it registers the student", async () => {
    const waiting = await db().submissionAttempt.findFirstOrThrow({
      where: { status: "SUBMITTED", submission: { members: { some: { enrolmentId: student(FOUR).enrolmentId } } } },
      select: { id: true },
    });
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: waiting.id, decision: "APPROVED", feedback: null });
    const admission = await getExamAdmission(world.adviser, world.cohortId);
    expect(admission.students.find((row) => row.enrolmentId === student(FOUR).enrolmentId)!.decisionNeeded).toBe("ADMISSION_NEEDED");
    // The klage list says the refusal has lost its ground, from her stored standing.
    const listed = (await listCohortAppeals(world.adviser, world.cohortId, { open: true })).find((row) => row.id === appealId)!;
    expect(listed.sitting).toMatchObject({ meetsRequirements: true });
    await signInAs(world.users.adviser);
    expect(await submit(registerStudentAction, { cohortId: world.cohortId, enrolmentId: student(FOUR).enrolmentId })).toMatchObject({
      ok: false,
      message: "Studenten har klaget på vedtaket om ikke adgang til eksamen. Avgjør klagen under Klager i stedet.",
    });

    const where = await redirectOf(() => submit(decideStudentAppealAction, { cohortId: world.cohortId, appealId, outcome: "REVERSE", grounds: "Oppgaven er nå godkjent, og kravene er oppfylt." }));
    expect(where).toBe(`/kull/${world.cohortId}/klager?avgjort=endret-1`);
    const registration = (await registrationOf(FOUR))!;
    expect(registration).toMatchObject({ status: "ADMITTED", decidedById: world.adviser.id });
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    const outcome = await db().studentLetter.findUniqueOrThrow({ where: { id: appeal.outcomeLetterId! } });
    expect(outcome).toMatchObject({ kind: "KLAGE_REVERSED", subject: "Klagen din er tatt til følge: adgang til eksamen" });
    expect(outcome.body).toMatch(/Du er meldt opp til eksamen: Individuell skriftlig hjemmeeksamen \(tre dager\)/);
    expect(outcome).toMatchObject({ enkeltvedtak: false, klageDeadline: null, decidedById: world.adviser.id });
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${outcome.id}`, userId: student(FOUR).userId } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "student_appeal.reverse", entityId: appealId, actorId: world.adviser.id } })).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.register", entityId: registration.id } })).toMatchObject({
      actorId: world.adviser.id,
      before: { status: "REFUSED" },
      after: { status: "ADMITTED", appealId },
    });
  });
});

describe("a refusal that no longer stands, and a registration that no longer holds", () => {
  it("a refused student who now meets the requirements is registered with a letter saying the refusal no longer stands", async () => {
    // Two of the three absences were registered wrongly: a correction with a reason.
    const absent = await db().attendance.findMany({ where: { enrolmentId: student(SHORT).enrolmentId, status: "ABSENT" }, select: { samlingDayId: true }, take: 2 });
    for (const row of absent) {
      await saveDayAttendance(world.teacher, {
        cohortId: world.cohortId,
        samlingDayId: row.samlingDayId,
        rows: [{ enrolmentId: student(SHORT).enrolmentId, status: "PRESENT", note: null }],
        reason: "Studenten var til stede; registrert på feil person.",
      });
    }
    const before = await getExamAdmission(world.teacher, world.cohortId);
    expect(before.students.find((row) => row.enrolmentId === student(SHORT).enrolmentId)!.decisionNeeded).toBe("ADMISSION_NEEDED");
    await signInAs(world.users.teacher);
    expect(await submit(registerEligibleAction, { cohortId: world.cohortId })).toMatchObject({ ok: true, message: "1 student som fyller kravene er meldt opp til eksamen." });
    const registration = (await registrationOf(SHORT))!;
    expect(registration.status).toBe("ADMITTED");
    const letters = await db().studentLetter.findMany({ where: { enrolmentId: student(SHORT).enrolmentId }, orderBy: { decidedAt: "asc" } });
    expect(letters.map((letter) => letter.kind)).toEqual(["EXAM_ADMISSION_REFUSED", "DECISION_CHANGED"]);
    expect(letters[1]!.body).toContain("Du er meldt opp til eksamen");
    expect(letters[1]!.subject).toBe("Endret vedtak: adgang til eksamen");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_letter.issue", entityId: letters[1]!.id } })).toMatchObject({
      actorId: world.teacher.id,
      after: { kind: "DECISION_CHANGED", enkeltvedtak: false, about: { type: "ExamRegistration", id: registration.id } },
    });
    // The letter is the news: no second "du er meldt opp" e-mail.
    expect(await db().mailMessage.count({ where: { dedupeKey: `exam-registered:${registration.id}` } })).toBe(0);
    expect(await db().mailMessage.count({ where: { dedupeKey: `student-letter:${letters[1]!.id}` } })).toBe(1);
  });

  it("a registered student who no longer meets them 'needs a decision', and may then be refused", async () => {
    const approved = await db().submissionAttempt.findFirstOrThrow({
      where: { status: "APPROVED", submission: { arbeidskrav: { number: 5 }, members: { some: { enrolmentId: student(LATER).enrolmentId } } } },
      select: { id: true },
    });
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: approved.id, decision: "NOT_APPROVED", reason: "Oppgaven var en annen students; godkjent ved en feil." });
    const admission = await getExamAdmission(world.teacher, world.cohortId);
    expect(admission.students.find((row) => row.enrolmentId === student(LATER).enrolmentId)!.decisionNeeded).toBe("REFUSAL_NEEDED");
    await signInAs(world.users.teacher);
    expect(await submit(refuseExamAdmissionAction, { cohortId: world.cohortId, enrolmentIds: student(LATER).enrolmentId })).toMatchObject({ ok: true });
    expect((await registrationOf(LATER))!.status).toBe("REFUSED");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.refuse", entityId: (await registrationOf(LATER))!.id } })).toMatchObject({ before: { status: "ADMITTED" } });
  });
});

/**
 * A kull of one student refused for 7 of 10 days, with her klage that the first absence was wrong;
 * the absences are then corrected (written directly), so the rules admit her when it is taken.
 */
async function refusedWithKlage(examInDays: number) {
  const kull = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 10), heldBefore: "2030-01-01", attended: () => 7, exam: { startsOn: addDays(TODAY, examInDays), endsOn: addDays(TODAY, examInDays + 2) } });
  const [only] = kull.students;
  await refuseExamAdmission(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] });
  const [refusal] = await db().studentLetter.findMany({ where: { enrolmentId: only!.enrolmentId, kind: "EXAM_ADMISSION_REFUSED" } });
  const self = (await resolveViewer(await signInAs(await db().user.findUniqueOrThrow({ where: { id: only!.userId } }))))!;
  const appealId = await fileStudentAppeal(self, refusal!.id, { text: "Fraværet på den første dagen var registrert feil." });
  await db().attendance.updateMany({ where: { enrolmentId: only!.enrolmentId }, data: { status: "PRESENT" } });
  return { kull, only, appealId };
}

describe("a refusal whose klage waits at the klagenemnd", () => {
  it("registered once the facts admit her: the klagenemnd is to be told, her letter says so, and its closing the case (hevet) is registered with nothing to carry out", async () => {
    const { kull, only, appealId } = await refusedWithKlage(30);
    await decideStudentAppeal(kull.adviser, appealId, { kind: "UPHOLD", grounds: "Fraværet er registrert slik faglæreren så det.", forwarded: true });
    // The absence is then found wrong (the helper corrected it): the rules admit her, and she is registered.
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] })).toMatchObject({ registered: 1 });
    const changed = await db().studentLetter.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, kind: "DECISION_CHANGED" } });
    expect(changed.body).toContain("Klagen din i denne saken ligger hos Den sentrale klagenemnda ved NTNU. Vi gir klagenemnda beskjed om at vedtaket «Vedtak: ikke adgang til eksamen, ");
    expect(await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } })).toMatchObject({ decisionChangedAt: expect.any(Date), appealsBodyToldAt: null });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_appeal.decision_changed", entityId: appealId } })).toMatchObject({
      actorId: kull.teacher.id,
      after: { aboutType: "ExamRegistration" },
    });
    const listed = async () => (await listCohortAppeals(kull.adviser, kull.cohortId, { open: true })).find((row) => row.id === appealId);
    expect(await listed()).toMatchObject({ appealsBodyTell: { due: true }, canTellAppealsBody: true });

    // The klagenemnd closes the case without deciding it: registered through the form's action,
    // nothing carried out, the klage off the open list with its task.
    await signInAs(kull.users.adviser);
    const fields = { cohortId: kull.cohortId, appealId, decidedOn: TODAY, reference: "26/00917", summary: "Vedtaket klagen gjaldt, er endret. Saken heves." };
    expect(await submit(registerStudentAppealsBodyDecisionAction, { ...fields, outcome: "AVSLUTTET" })).toMatchObject({ ok: false, fieldErrors: { outcome: ["Velg hva klagenemnda kom til."] } });
    expect(await redirectOf(() => submit(registerStudentAppealsBodyDecisionAction, { ...fields, outcome: "CLOSED" }))).toBe(`/kull/${kull.cohortId}/klager?alle=1&klagenemnd=hevet`);
    expect(await listed()).toBeUndefined();
    const all = (await listCohortAppeals(kull.adviser, kull.cohortId, { open: false })).find((row) => row.id === appealId);
    expect(all).toMatchObject({ appealsBody: { waiting: false, decision: { outcome: "CLOSED", reference: "26/00917" } }, appealsBodyTell: { due: false } });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "appeals_body.decision", entityId: appealId } })).toMatchObject({ actorId: kull.adviser.id, after: { outcome: "CLOSED" } });
    // Nothing carried out: no letter beyond the one saying the refusal no longer stands, and she stays registered.
    expect((await db().studentLetter.findMany({ where: { enrolmentId: only!.enrolmentId } })).map((letter) => letter.kind).sort()).toEqual(["DECISION_CHANGED", "EXAM_ADMISSION_REFUSED", "KLAGE_UPHELD"]);
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: kull.examId! } })).status).toBe("ADMITTED");
  });
});

describe("a klage on 'ikke adgang' taken after the sitting", () => {
  it("cannot give the sitting back: the refusal no longer stands, the student is off it without an attempt, and may register for ny eksamen", async () => {
    const { kull, only, appealId } = await refusedWithKlage(10);
    // The klage is decided after the hand-in.
    const exam = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { handInAt: true } });
    const afterwards = new Date(exam.handInAt.getTime() + 86_400_000);
    expect(await decideStudentAppeal(kull.adviser, appealId, { kind: "REVERSE", grounds: "Fraværet var registrert feil." }, afterwards)).toMatchObject({ status: "REVERSED" });

    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: kull.examId! } });
    expect(registration.status).toBe("WITHDRAWN");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.withdraw", entityId: registration.id } })).toMatchObject({ before: { status: "REFUSED" }, after: { status: "WITHDRAWN", appealId } });
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    const outcome = await db().studentLetter.findUniqueOrThrow({ where: { id: appeal.outcomeLetterId! } });
    expect(outcome.body).toContain(") er allerede holdt, så du kan ikke gå opp til den.");
    expect(outcome.body).toContain("eksamenen regnes ikke som et forsøk for deg: du kan melde deg opp til ny eksamen");
    // Nor can staff register anyone there now; the ny eksamen takes her.
    await expect(registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] }, afterwards)).rejects.toThrow(SITTING_OVER);
    const resit = await createSitting(db(), { cohortId: kull.cohortId, kind: "RESIT", firstDay: addDays(TODAY, 60) });
    await expect(registerForResit(kull.adviser, { examId: resit.id, enrolmentId: only!.enrolmentId }, afterwards)).resolves.toBeDefined();
    expect(await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: resit.id } })).toMatchObject({ status: "ADMITTED" });
  });

  it("taken while the student is on leave: the refusal no longer stands, and she is not registered until she is back", async () => {
    const { kull, only, appealId } = await refusedWithKlage(30);
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] }, { actorId: kull.teacher.id, cause: "Oppmøtet er rettet", now: new Date() }));
    await grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from: TODAY, to: addDays(TODAY, 60), reason: "Foreldrepermisjon", documentation: null });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: only!.enrolmentId } })).status).toBe("ON_LEAVE");

    expect(await decideStudentAppeal(kull.adviser, appealId, { kind: "REVERSE", grounds: "Fraværet var registrert feil." })).toMatchObject({ status: "REVERSED" });
    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: kull.examId! } });
    expect(registration.status).toBe("WITHDRAWN");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.withdraw", entityId: registration.id } })).toMatchObject({ before: { status: "REFUSED" }, after: { status: "WITHDRAWN", appealId } });
    const appeal = await db().studentAppeal.findUniqueOrThrow({ where: { id: appealId } });
    const outcome = await db().studentLetter.findUniqueOrThrow({ where: { id: appeal.outcomeLetterId! } });
    expect(outcome.body).toContain("gjelder ikke lenger. Du har permisjon, og blir ikke meldt opp til eksamen mens du har det.");
    expect(outcome.body).not.toContain("Du er meldt opp til eksamen");
  });

  it("a refusal the corrected facts no longer support, after the hand-in: lifted by letter, by name, without a registration or an attempt", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 10), heldBefore: "2030-01-01", attended: () => 7, exam: { startsOn: addDays(TODAY, 10), endsOn: addDays(TODAY, 12) } });
    const [only] = kull.students;
    await refuseExamAdmission(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] });
    const exam = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { handInAt: true } });
    const afterwards = new Date(exam.handInAt.getTime() + 86_400_000);
    // An hour after the hand-in: the kull (ending with the exam's last day) still runs, so she is told.
    const sameDay = new Date(exam.handInAt.getTime() + 3_600_000);
    const refresh = () => db().$transaction((tx) => refreshStandings(tx, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] }, { actorId: kull.teacher.id, cause: "Oppmøtet er rettet", now: sameDay }));
    await refresh();
    await db().attendance.updateMany({ where: { enrolmentId: only!.enrolmentId }, data: { status: "PRESENT" } });
    // The correction's refresh tells her the sitting is over and what may still be decided.
    await refresh();
    const told = await db().mailMessage.findFirstOrThrow({ where: { userId: only!.userId, subject: "Endring i retten din til å gå opp til eksamen" } });
    expect(told.text).toContain("som nå er holdt. Faglærerne vurderer nå om vedtaket om ikke adgang skal oppheves");
    // Never by «Meld opp alle».
    await expect(registerForExam(kull.teacher, { cohortId: kull.cohortId }, afterwards)).rejects.toThrow(SITTING_OVER);
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [only!.enrolmentId] }, afterwards)).toMatchObject({ registered: 0, lifted: 1 });
    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: kull.examId! } });
    expect(registration.status).toBe("WITHDRAWN");
    const [changed] = await db().studentLetter.findMany({ where: { enrolmentId: only!.enrolmentId, kind: "DECISION_CHANGED" } });
    expect(changed!.body).toContain(") er allerede holdt, så du kan ikke gå opp til den.");
    expect(changed!.body).toContain("Du oppfyller nå kravene til oppmøte og arbeidskrav");
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "exam.withdraw", entityId: registration.id } })).toMatchObject({ before: { status: "REFUSED" }, after: { status: "WITHDRAWN" } });
  });

  it("while the sitting runs, a student may still be registered (she can hand in); after the hand-in, nobody", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 10), heldBefore: "2030-01-01", exam: { startsOn: addDays(TODAY, 10), endsOn: addDays(TODAY, 12) } });
    const exam = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { startsAt: true, handInAt: true } });
    await expect(registerForExam(kull.teacher, { cohortId: kull.cohortId }, new Date(exam.handInAt.getTime() + 1000))).rejects.toThrow(SITTING_OVER);
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId }, new Date(exam.startsAt.getTime() + 3_600_000))).toMatchObject({ registered: 1 });
  });
});
