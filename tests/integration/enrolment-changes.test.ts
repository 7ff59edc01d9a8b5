// The adviser's routine changes to a student's enrolment (lib/server/enrolments/): each one locked,
// decided by lib/domain/enrolment.ts or transfer.ts, audited with before and after, told to the
// student in a letter that is also mailed, and followed by the stored standing recomputed. The
// waiting list gets a place back from a withdrawal only before it closes; a transfer's credits are
// explicit records the eligibility counts; the FS identity is read only by those who need it.
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it, beforeAll } from "vitest";
import { saveOwnIdentityAction, withdrawStudentAction } from "@/lib/actions/enrolments";
import { osloDate } from "@/lib/domain/application-deadline";
import { CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { addDays } from "@/lib/domain/dates";
import { formatDateNb } from "@/lib/domain/format";
import { describeSamlingDates } from "@/lib/domain/schedule";
import { sendAbsenceNotice } from "@/lib/server/students/absence-notices";
import { getStudentOverview } from "@/lib/server/students/overview";
import { klageDeadline } from "@/lib/domain/klage";
import { standingFromEligibility, type StandingFacts } from "@/lib/domain/standing";
import { advanceWaitingLists } from "@/lib/server/admission/waitlist";
import { assessSubmission, getArbeidskravOverview } from "@/lib/server/cohorts/assessment";
import { getAttendanceGrid } from "@/lib/server/cohorts/attendance";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { completeStudent } from "@/lib/server/enrolments/completion";
import { completeCohort, reopenCohort } from "@/lib/server/intakes/life";
import { getStudentIdentity, saveStudentIdentity } from "@/lib/server/enrolments/identity";
import { cancelLeave, grantLeave, refuseLeave, registerReturn, startDueLeaves } from "@/lib/server/enrolments/leave";
import { decideStudentAppeal, fileStudentAppeal, listCohortAppeals } from "@/lib/server/student-letters/appeals";
import { getLetterForPdf, listStudentLetters } from "@/lib/server/student-letters/queries";
import { getTransferPlan, transferStudent } from "@/lib/server/enrolments/transfer";
import { getStudentRecord } from "@/lib/server/enrolments/queries";
import { getCohortPlan } from "@/lib/server/cohorts/plan";
import { saveArbeidskravSet, storedSetItem } from "@/lib/server/cohorts/arbeidskrav-set";
import { removeSamling, removeSamlingDay } from "@/lib/server/cohorts/samlinger";
import { getOwnStudyHistory } from "@/lib/server/enrolments/history";
import { openPersonExport } from "@/lib/server/privacy/export";
import { correctAssessment } from "@/lib/server/cohorts/assessment-changes";
import { carryOutCorrection, sendCorrectionNotice } from "@/lib/server/cohorts/correction-notices";
import { withdrawStudent } from "@/lib/server/enrolments/withdrawal";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { isoDate } from "@/lib/to-domain";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { day } from "@/lib/dates";
import { examResultsCsv, getExamProtocol } from "@/lib/server/exams/results";
import { publishGrades, setGrade } from "@/lib/server/exams/grades";
import { registerForExam } from "@/lib/server/exams/registration";
import { DEFERRAL_WAITS_FOR_RETURN, grantDeferral, requestDeferral } from "@/lib/server/exams/deferrals";
import { makePdf } from "@/prisma/seed/pdf";
import { refuseExamAdmission } from "@/lib/server/exams/refusal";
import {
  createApplication,
  createCohort,
  createDecision,
  createProgramme,
  createSitting,
  createUser,
  enrol,
  uniqueCohortCode,
} from "@/prisma/seed/factories";
import { makeCohort, makeLaterKull, planDays, viewerOf, type World } from "./cohort-world";
import { connectRaw, db, redirectOf, signInAs, someoneWaitsFor, submit } from "./support";

const NOW = new Date();
const TODAY = osloDate(NOW);
// Four samlinger of three days: three held before today (the last ends today), one in twelve days.
const DAYS = planDays(addDays(TODAY, -30), 12);
const LEAVE = 0;
const REFUSED = 1;
const DONE = 2;
const MOVER = 3;

let world: World;
const student = (index: number) => world.students[index]!;

async function storedStandings(cohortId: string): Promise<Map<string, StandingFacts>> {
  const rows = await db().standing.findMany({
    where: { enrolment: { cohortId, status: { in: ["ACTIVE", "ON_LEAVE", "COMPLETED"] } } },
    select: { enrolmentId: true, status: true, attendanceState: true, scheduledDays: true, attendedDays: true, absentDays: true, approvedRequired: true, requiredTotal: true },
  });
  return new Map(rows.map(({ enrolmentId, ...facts }) => [enrolmentId, facts]));
}

async function recomputed(cohortId: string, today = TODAY): Promise<Map<string, StandingFacts>> {
  const evaluation = await evaluateCohortEligibility(db(), cohortId, { today });
  return new Map([...evaluation.byEnrolment].map(([id, row]) => [id, standingFromEligibility(row.eligibility)]));
}

/** A moment before the kull's exam began: registration is closed once the hand-in is past. */
async function beforeTheExam(kull: World) {
  const exam = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { startsAt: true } });
  return new Date(exam.startsAt.getTime() - 86_400_000);
}

async function lettersOf(enrolmentId: string, kind: string) {
  return db().studentLetter.findMany({ where: { enrolmentId, kind: kind as never }, orderBy: { decidedAt: "asc" } });
}

/** A letter's case (saksnummer), to compare. */
async function caseOf(letterId: string) {
  const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: letterId }, select: { caseYear: true, caseNumber: true } });
  return `${letter.caseYear}/${letter.caseNumber}`;
}

async function mailFor(letterId: string) {
  return db().mailMessage.count({ where: { dedupeKey: `student-letter:${letterId}` } });
}

beforeAll(async () => {
  world = await makeCohort({
    students: 4,
    samlinger: DAYS,
    heldBefore: TODAY,
    exam: { startsOn: addDays(TODAY, 60), endsOn: addDays(TODAY, 62) },
  });
  // Everyone registered for the exam (the leave and the transfer take them off it).
  await db().examRegistration.createMany({
    data: world.students.map((row) => ({ examId: world.examId!, enrolmentId: row.enrolmentId, status: "ADMITTED" as const, decidedById: world.teacher.id })),
  });
  // The first standings of facts the fixture wrote directly (the seed does the same).
  await db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
});

describe("who makes the changes", () => {
  it("only advisers and admins: faculty and the student are refused", async () => {
    const request = { enrolmentId: student(LEAVE).enrolmentId, from: TODAY, to: addDays(TODAY, 30), reason: "Sykdom", documentation: null };
    await expect(grantLeave(world.teacher, request, NOW)).rejects.toThrow(AccessDeniedError);
    const self = viewerOf({ id: student(LEAVE).userId, email: "s@example.no", name: student(LEAVE).name, roles: ["STUDENT"] });
    await expect(withdrawStudent(self, { enrolmentId: student(LEAVE).enrolmentId, effectiveOn: TODAY, requestedOn: TODAY, reason: null }, NOW)).rejects.toThrow(AccessDeniedError);
    expect(await db().leaveOfAbsence.count({ where: { enrolmentId: student(LEAVE).enrolmentId } })).toBe(0);
  });
});

describe("leave of absence", () => {
  it("granted from today: ON_LEAVE, off the exam, the letter mailed, audited, and the leave's days in the standing", async () => {
    const result = await grantLeave(
      world.adviser,
      { enrolmentId: student(LEAVE).enrolmentId, from: TODAY, to: addDays(TODAY, 30), reason: "Sykdom i familien", documentation: "Legeerklæring 12.3" },
      NOW,
    );
    expect(result).toMatchObject({ started: true, samlingDays: 4 });
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: student(LEAVE).enrolmentId } });
    expect(enrolment.status).toBe("ON_LEAVE");
    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: enrolment.id } });
    expect(registration.status).toBe("WITHDRAWN");
    const [letter] = await lettersOf(enrolment.id, "LEAVE_GRANTED");
    expect(letter).toMatchObject({ id: result.letterId, enkeltvedtak: false, aboutType: "LeaveOfAbsence", aboutId: result.leaveId, decidedById: world.adviser.id });
    expect(await mailFor(letter!.id)).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "leave.grant", entityId: result.leaveId } })).toMatchObject({
      actorId: world.adviser.id,
      before: null,
      after: { enrolmentId: enrolment.id, from: TODAY, documentation: "Legeerklæring 12.3", started: true, samlingDays: 4, letterId: letter!.id },
    });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.leave_start", entityId: enrolment.id } })).toMatchObject({
      before: { status: "ACTIVE" },
      after: { status: "ON_LEAVE" },
    });
    expect(await db().auditLog.count({ where: { action: "exam.withdraw", entityId: registration.id } })).toBe(1);
    const eligibility = (await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY })).byEnrolment.get(enrolment.id)!.eligibility;
    expect(eligibility.attendance).toMatchObject({ leave: 4, held: 8, attended: 8 });
    // The faculty see the days of leave as such on the attendance overview.
    const grid = await getAttendanceGrid(world.teacher, world.cohortId, {}, NOW);
    expect(grid.students.find((row) => row.enrolmentId === enrolment.id)!.cells.filter((cell) => cell === "LEAVE")).toHaveLength(4);
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));
    // Her home page's banner links the letter itself, not the list.
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: student(LEAVE).userId } })), roles: ["STUDENT"] });
    const [home] = await getStudentOverview(self, NOW);
    expect(home!.leave).toEqual({ from: TODAY, to: addDays(TODAY, 30), letterId: letter!.id });
  });

  it("a second leave overlapping it is refused at the field, and a student on leave cannot be given another", async () => {
    const error = await grantLeave(world.adviser, { enrolmentId: student(LEAVE).enrolmentId, from: TODAY, to: addDays(TODAY, 3), reason: "x", documentation: null }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe("Studenten har allerede permisjon.");
  });

  it("the return: ACTIVE again, the letter, audited, and the days from the return on count as ordinary days", async () => {
    const result = await registerReturn(world.adviser, { enrolmentId: student(LEAVE).enrolmentId, returnedOn: TODAY }, NOW);
    expect(result.samlingDays).toBe(0);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student(LEAVE).enrolmentId } })).status).toBe("ACTIVE");
    const [letter] = await lettersOf(student(LEAVE).enrolmentId, "LEAVE_ENDED");
    expect(letter!.id).toBe(result.letterId);
    // The return belongs to the case of the grant: the same saksnummer, no new one drawn.
    const [grant] = await lettersOf(student(LEAVE).enrolmentId, "LEAVE_GRANTED");
    expect(await caseOf(letter!.id)).toBe(await caseOf(grant!.id));
    expect(await mailFor(result.letterId)).toBe(1);
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: result.leaveId } })).toMatchObject({ ending: "RETURNED" });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "leave.return", entityId: result.leaveId } })).toMatchObject({
      before: { returnedOn: null, enrolmentStatus: "ON_LEAVE" },
      after: { returnedOn: TODAY, enrolmentStatus: "ACTIVE", letterId: result.letterId },
    });
    const eligibility = (await evaluateCohortEligibility(db(), world.cohortId, { today: TODAY })).byEnrolment.get(student(LEAVE).enrolmentId)!.eligibility;
    expect(eligibility.attendance.leave).toBe(0);
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));
  });

  it("refused: an enkeltvedtak with the grounds, the legal basis and the klage deadline, mailed and audited; the status stays", async () => {
    const error = await refuseLeave(world.adviser, { enrolmentId: student(REFUSED).enrolmentId, from: TODAY, to: addDays(TODAY, 30), reason: "Ferie", documentation: null, grounds: " " }, NOW).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.fieldErrors.grounds).toEqual(["Skriv hvorfor permisjonen ikke innvilges. Begrunnelsen står i vedtaket."]);
    const result = await refuseLeave(
      world.adviser,
      { enrolmentId: student(REFUSED).enrolmentId, from: TODAY, to: addDays(TODAY, 30), reason: "Ferie", documentation: null, grounds: "Ferie er ikke en grunn til permisjon." },
      NOW,
    );
    const [letter] = await lettersOf(student(REFUSED).enrolmentId, "LEAVE_REFUSED");
    expect(letter).toMatchObject({ id: result.letterId, enkeltvedtak: true, grounds: "Ferie er ikke en grunn til permisjon." });
    expect(letter!.legalBasis).toBeTruthy();
    expect(letter!.klageDeadline!.toISOString().slice(0, 10)).toBe(klageDeadline(TODAY));
    expect(await mailFor(letter!.id)).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "leave.refuse", entityId: result.leaveId } })).toMatchObject({
      actorId: world.adviser.id,
      after: { grounds: "Ferie er ikke en grunn til permisjon.", letterId: letter!.id },
    });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student(REFUSED).enrolmentId } })).status).toBe("ACTIVE");
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: student(REFUSED).enrolmentId } })).status).toBe("ADMITTED");
  });
});

describe("leave in a completed kull", () => {
  it("is not offered, and granting or refusing one is refused with when the kull was completed; nothing is written", async () => {
    const done = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -90), 3), heldBefore: TODAY });
    const [only] = done.students;
    const actions = async () => (await getStudentRecord(done.adviser, only!.userId, NOW)).enrolments.find((row) => row.id === only!.enrolmentId)!.actions;
    expect(await actions()).toMatchObject({ leave: true, leaveProblem: null });
    const completedAt = new Date(NOW.getTime() - 7 * 86_400_000);
    await db().cohort.update({ where: { id: done.cohortId }, data: { completedAt } });
    const request = { enrolmentId: only!.enrolmentId, from: addDays(TODAY, -80), to: addDays(TODAY, -70), reason: "Sykdom", documentation: null };
    const message = `Kullet ble fullført ${formatDateNb(osloDate(completedAt))}. Permisjon kan ikke gis eller avslås i et fullført kull. Venter studenten på en senere eksamen, kan studenten søke om utsatt eksamen. Er kullet fullført for tidlig, åpner du det igjen under «Opptak og status».`;
    // The page says why instead of the form.
    expect(await actions()).toMatchObject({ leave: false, leaveProblem: message });
    await expect(grantLeave(done.adviser, request, NOW)).rejects.toThrow(message);
    await expect(refuseLeave(done.adviser, { ...request, grounds: "Kullet er over." }, NOW)).rejects.toThrow(message);
    expect(await db().leaveOfAbsence.count({ where: { enrolmentId: only!.enrolmentId } })).toBe(0);
    expect(await db().studentLetter.count({ where: { enrolmentId: only!.enrolmentId } })).toBe(0);
  });
});

describe("completing a kull with a leave not begun", () => {
  it("is refused until the leave begins or is withdrawn: a completed kull puts nobody on leave", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -90), 3), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, 20), endsOn: addDays(TODAY, 22) } });
    const [only] = kull.students;
    await grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from: addDays(TODAY, 5), to: addDays(TODAY, 15), reason: "Operasjon", documentation: null }, NOW);
    // (She is also neither registered for the exam nor refused: a second reason, which the leave's
    // start takes away too, since it is a student on leave whose exam waits for her return.)
    await expect(completeCohort(kull.adviser, kull.cohortId, NOW)).rejects.toThrow(
      "1 student har innvilget permisjon som ikke har begynt. Kullet kan fullføres når permisjonen har begynt, eller når den er trukket tilbake på studentens side.",
    );
    expect((await db().cohort.findUniqueOrThrow({ where: { id: kull.cohortId } })).completedAt).toBeNull();
    // Once it has begun (the job, on its first day), the student is on leave and the kull can be completed.
    const then = new Date(NOW.getTime() + 5 * 86_400_000);
    expect(await startDueLeaves({ now: then })).toBeGreaterThanOrEqual(1);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: only!.enrolmentId } })).status).toBe("ON_LEAVE");
    await completeCohort(kull.adviser, kull.cohortId, then);
    expect((await db().cohort.findUniqueOrThrow({ where: { id: kull.cohortId } })).completedAt).not.toBeNull();
  });
});

describe("a klage on a refused leave, taken after the kull or the student completed", () => {
  it("grants the leave as already ended today, never started; the letter says why; its days are leave, not absence, as a recomputation has them", async () => {
    // Two samlinger held: present at the first, registered absent at the second.
    const done = await makeCohort({ students: 2, samlinger: planDays(addDays(TODAY, -90), 6), heldBefore: TODAY, attended: () => 3 });
    const other = viewerOf(await createUser(db(), { name: "Klagebehandler", roles: ["ADVISER"] }));
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: done.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
    // Refused while the kull ran: from before the second samling (so its days are in it) to a month ahead.
    const from = addDays(TODAY, -85);
    const to = addDays(TODAY, 30);
    const refusals: { row: { enrolmentId: string; userId: string; name: string }; appealId: string; leaveId: string }[] = [];
    for (const row of done.students) {
      const refused = await refuseLeave(done.adviser, { enrolmentId: row.enrolmentId, from, to, reason: "Sykdom i familien", documentation: null, grounds: "Ikke dokumentert." }, NOW);
      const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: row.userId } })), roles: ["STUDENT"] });
      refusals.push({ row, appealId: await fileStudentAppeal(self, refused.letterId, { text: "Her er legeerklæringen." }, NOW), leaveId: refused.leaveId });
    }
    // Then the first student completes and the kull is completed; both klager are still to decide.
    await db().enrolment.update({ where: { id: refusals[0]!.row.enrolmentId }, data: { status: "COMPLETED", endedOn: new Date(`${TODAY}T00:00:00Z`) } });
    await completeCohort(done.adviser, done.cohortId, NOW);
    expect((await storedStandings(done.cohortId)).get(refusals[1]!.row.enrolmentId)).toMatchObject({ scheduledDays: 6, attendedDays: 3, absentDays: 3 });

    // The one who completed: the leave ends the day she completed (today). The one still in the
    // completed kull: it covers its days as granted, so they are leave should the kull be opened again.
    const expected = [
      ["COMPLETED", "Du har fullført kullet, så du settes ikke på permisjon nå.", TODAY],
      ["ACTIVE", "Kullet er fullført, så du settes ikke på permisjon nå.", addDays(to, 1)],
    ] as const;
    // The one who decides reads what taking each klage would do, before choosing.
    const waiting = await listCohortAppeals(other, done.cohortId, { open: true });
    expect(waiting.map((appeal) => [appeal.id, appeal.reversePreview])).toEqual([
      [refusals[0]!.appealId, "Tas klagen til følge, innvilges permisjonen, men studenten settes ikke på permisjon fordi studenten har fullført kullet."],
      [refusals[1]!.appealId, "Tas klagen til følge, innvilges permisjonen, men studenten settes ikke på permisjon fordi kullet er fullført."],
    ]);
    for (const [index, { row, appealId, leaveId }] of refusals.entries()) {
      expect(await decideStudentAppeal(other, appealId, { kind: "REVERSE", grounds: "Sykdommen er dokumentert." }, NOW)).toMatchObject({ status: "REVERSED" });
      const leave = await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: leaveId } });
      expect(leave).toMatchObject({ status: "GRANTED", returnRegisteredById: other.id, ending: index === 0 ? "STUDENT_COMPLETED" : "KULL_COMPLETED" });
      expect(leave.returnedOn!.toISOString().slice(0, 10)).toBe(expected[index]![2]);
      const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: row.enrolmentId } });
      expect(enrolment.status).toBe(expected[index]![0]);
      expect(await db().auditLog.count({ where: { action: "enrolment.leave_start", entityId: row.enrolmentId } })).toBe(0);
      const grant = await db().auditLog.findFirstOrThrow({ where: { action: "leave.grant", entityId: leaveId } });
      expect(grant).toMatchObject({ actorId: other.id, before: { status: "REFUSED" } });
      expect(grant.after).toMatchObject({ status: "GRANTED", cause: "klage", started: false, endedWithoutReturn: true, returnedOn: expected[index]![2] });
      const [outcome] = await lettersOf(row.enrolmentId, "KLAGE_REVERSED");
      expect(outcome!.body).toContain(expected[index]![1]);
      expect(outcome!.body).toContain(`Samlingsdager fra og med ${formatDateNb(from)} til og med ${formatDateNb(addDays(expected[index]![2], -1))} regnes ikke som fravær.`);
      expect(await mailFor(outcome!.id)).toBe(1);
    }
    // The adviser's page never says the student is back on a day to come.
    const record = await getStudentRecord(done.adviser, refusals[1]!.row.userId, NOW);
    expect(record.enrolments.find((row) => row.id === refusals[1]!.row.enrolmentId)!.leaves).toMatchObject([{ status: "GRANTED", endNote: `gjelder til og med ${formatDateNb(to)}` }]);
    // Nor that the one who completed came back: the leave covered the days until she completed.
    const completed = await getStudentRecord(done.adviser, refusals[0]!.row.userId, NOW);
    expect(completed.enrolments.find((row) => row.id === refusals[0]!.row.enrolmentId)!.leaves).toMatchObject([
      { status: "GRANTED", endNote: `gjaldt til og med ${formatDateNb(addDays(TODAY, -1))}, da studenten fullførte kullet` },
    ]);
    // Nothing open is left for the archive to wait on, and the second samling's days are leave, not absence.
    expect(await db().leaveOfAbsence.count({ where: { enrolment: { cohortId: done.cohortId }, status: "GRANTED", returnedOn: null } })).toBe(0);
    expect(await storedStandings(done.cohortId)).toEqual(await recomputed(done.cohortId));
    expect((await storedStandings(done.cohortId)).get(refusals[1]!.row.enrolmentId)).toMatchObject({ scheduledDays: 6, attendedDays: 3, absentDays: 0 });
  });
});

describe("a leave granted after its last day", () => {
  it("has ended at once: its days are leave, she is never put on leave or taken off the exam, and the letter asks for no return", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -40), 8), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, 30), endsOn: addDays(TODAY, 32) } });
    const [only] = kull.students;
    await db().examRegistration.create({ data: { examId: kull.examId!, enrolmentId: only!.enrolmentId, status: "ADMITTED", decidedById: kull.teacher.id } });
    const from = addDays(TODAY, -40);
    const to = addDays(TODAY, -30);
    // She was away those days (registered absent), and documents why afterwards.
    await db().attendance.updateMany({ where: { enrolmentId: only!.enrolmentId, samlingDay: { date: { gte: day(from), lte: day(to) } } }, data: { status: "ABSENT" } });
    const result = await grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from, to, reason: "Sykdom, dokumentert i ettertid", documentation: "Legeerklæring" }, NOW);
    expect(result.started).toBe(false);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: only!.enrolmentId } })).status).toBe("ACTIVE");
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId } })).status).toBe("ADMITTED");
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: result.leaveId } })).toMatchObject({
      status: "GRANTED",
      returnedOn: day(addDays(to, 1)),
      ending: "OVER",
      returnRegisteredById: kull.adviser.id,
    });
    const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: result.letterId } });
    expect(letter.body).toContain("Perioden er allerede over, så du settes ikke på permisjon nå.");
    expect(letter.body).not.toContain("Gi beskjed til studieveilederen når du kommer tilbake");
    expect(letter.body).not.toContain("meldt av eksamen");
    expect(result.samlingDays).toBeGreaterThan(0);
    expect(await storedStandings(kull.cohortId)).toEqual(await recomputed(kull.cohortId));
    // A second leave over the same days is refused as overlapping.
    await expect(grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from, to, reason: "Igjen", documentation: null }, NOW)).rejects.toThrow(DomainError);
  });
});

describe("a leave and a granted utsatt eksamen", () => {
  it("takes her off the utsatt eksamen while the leave lasts, and registers her there again when she is back before it", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -40), 8), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, 14), endsOn: addDays(TODAY, 16) } });
    const [only] = kull.students;
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, NOW);
    const deferredSitting = await createSitting(db(), { cohortId: kull.cohortId, kind: "DEFERRED", firstDay: addDays(TODAY, 60) });
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: only!.userId } })), roles: ["STUDENT"] });
    const file = new File([Buffer.from(makePdf("Legeerklæring", ["Operasjon i eksamensuken."]))], "legeerklaering.pdf", { type: "application/pdf" });
    const { id: deferralId } = await requestDeferral(self, kull.examId!, { reason: "ILLNESS", explanation: "Operasjon i eksamensuken.", file }, NOW);
    await grantDeferral(kull.adviser, { cohortId: kull.cohortId, deferralId, sittingId: deferredSitting.id, note: null }, NOW);
    const placed = async () => (await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: only!.enrolmentId, examId: deferredSitting.id } })).status;
    expect(await placed()).toBe("ADMITTED");

    const leave = await grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from: TODAY, to: addDays(TODAY, 20), reason: "Rehabilitering", documentation: null }, NOW);
    expect(leave.started).toBe(true);
    expect(await placed()).toBe("WITHDRAWN");

    const back = await registerReturn(kull.adviser, { enrolmentId: only!.enrolmentId, returnedOn: TODAY }, NOW);
    expect(await placed()).toBe("ADMITTED");
    const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: back.letterId } });
    expect(letter.body).toContain("Du er meldt opp igjen til den utsatte eksamenen du fikk: Utsatt eksamen:");
    expect(await db().auditLog.count({ where: { action: "exam.register", actorId: kull.adviser.id, after: { path: ["cause"], equals: "Tilbake fra permisjon: innvilget utsatt eksamen" } } })).toBe(1);
  });
});

describe("a klage on a refused leave, and a leave that begins later", () => {
  it("is decided by another adviser; taking it grants the leave as asked, puts the student on leave and tells them", async () => {
    const [refusal] = await lettersOf(student(REFUSED).enrolmentId, "LEAVE_REFUSED");
    const self = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: student(REFUSED).userId } })), roles: ["STUDENT"] });
    const appealId = await fileStudentAppeal(self, refusal!.id, { text: "Jeg har legeerklæring, ikke ferie." }, NOW);
    await expect(decideStudentAppeal(world.adviser, appealId, { kind: "REVERSE", grounds: "Dokumentert sykdom." }, NOW)).rejects.toThrow(/fattet vedtaket selv/);
    // A leave's reason is often health data: an adviser who is a classmate neither decides the
    // klage, nor a leave, nor reads the reason, the klage or the letter; nor does the teaching team.
    const classmate = viewerOf({ id: student(DONE).userId, email: "klassekamerat@test.no", name: student(DONE).name, roles: ["ADVISER", "STUDENT"] });
    await expect(decideStudentAppeal(classmate, appealId, { kind: "REVERSE", grounds: "Dokumentert sykdom." }, NOW)).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    const request = { enrolmentId: student(REFUSED).enrolmentId, from: addDays(TODAY, 40), to: addDays(TODAY, 50), reason: "Sykdom", documentation: "Legeerklæring", grounds: "Nei." };
    await expect(grantLeave(classmate, request, NOW)).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    await expect(refuseLeave(classmate, request, NOW)).rejects.toThrow(CLASSMATE_HEALTH_MESSAGE);
    const leavesReadBy = async (viewer: typeof classmate) =>
      (await getStudentRecord(viewer, student(REFUSED).userId, NOW)).enrolments.find((row) => row.id === student(REFUSED).enrolmentId)!.leaves.map((leave) => [leave.reason, leave.grounds]);
    expect(await leavesReadBy(classmate)).toEqual([[null, null]]);
    // The page offers her no leave form, and says why.
    const actionsFor = async (viewer: typeof classmate) =>
      (await getStudentRecord(viewer, student(REFUSED).userId, NOW)).enrolments.find((row) => row.id === student(REFUSED).enrolmentId)!.actions;
    expect(await actionsFor(classmate)).toMatchObject({ leave: false, leaveProblem: CLASSMATE_HEALTH_MESSAGE });
    expect(await actionsFor(world.adviser)).toMatchObject({ leave: true, leaveProblem: null });
    expect(await leavesReadBy(world.adviser)).toEqual([["Ferie", "Ferie er ikke en grunn til permisjon."]]);
    const readBy = async (viewer: typeof classmate) => {
      const row = (await listCohortAppeals(viewer, world.cohortId, { open: true })).find((entry) => entry.id === appealId)!;
      return { text: row.text !== null, body: row.letter.body !== null, pdf: (await getLetterForPdf(viewer, refusal!.id)) !== null };
    };
    expect(await readBy(classmate)).toEqual({ text: false, body: false, pdf: false });
    expect(await readBy(world.teacher)).toEqual({ text: false, body: false, pdf: false });
    expect(await readBy(world.adviser)).toEqual({ text: true, body: true, pdf: true });
    expect(await db().leaveOfAbsence.count({ where: { enrolmentId: student(REFUSED).enrolmentId } })).toBe(1);
    const other = viewerOf(await createUser(db(), { name: "Annen studieveileder", roles: ["ADVISER"] }));
    expect(await decideStudentAppeal(other, appealId, { kind: "REVERSE", grounds: "Dokumentert sykdom." }, NOW)).toMatchObject({ status: "REVERSED" });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: refusal!.aboutId } })).toMatchObject({ status: "GRANTED", returnedOn: null });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student(REFUSED).enrolmentId } })).status).toBe("ON_LEAVE");
    const [outcome] = await lettersOf(student(REFUSED).enrolmentId, "KLAGE_REVERSED");
    expect(await mailFor(outcome!.id)).toBe(1);
    // On leave from now, she is off the exam, and the klage's letter says so as a grant's would.
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: student(REFUSED).enrolmentId } })).status).toBe("WITHDRAWN");
    expect(outcome!.body).toContain("Du er meldt av eksamen. Kommer du tilbake i tide og fyller kravene, melder faglærerne deg opp igjen.");
    expect(await storedStandings(world.cohortId)).toEqual(await recomputed(world.cohortId));
    // Back again, so the later tests find the student active. The leave had no grant of its own:
    // the return continues the refusal's case, which the klage's outcome continued too.
    const back = await registerReturn(world.adviser, { enrolmentId: student(REFUSED).enrolmentId, returnedOn: TODAY }, NOW);
    expect(await caseOf(outcome!.id)).toBe(await caseOf(refusal!.id));
    expect(await caseOf(back.letterId)).toBe(await caseOf(refusal!.id));
  });

  it("a leave granted from a later day keeps the student active until the `enrolments.leave` job starts it on its first day", async () => {
    const from = addDays(TODAY, 5);
    const result = await grantLeave(world.adviser, { enrolmentId: student(LEAVE).enrolmentId, from, to: addDays(TODAY, 20), reason: "Operasjon", documentation: null }, NOW);
    expect(result.started).toBe(false);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student(LEAVE).enrolmentId } })).status).toBe("ACTIVE");
    expect(await startDueLeaves({ now: NOW })).toBe(0);
    // Registered for the exam again before the leave begins (she was back from the first leave).
    await db().examRegistration.updateMany({ where: { enrolmentId: student(LEAVE).enrolmentId }, data: { status: "ADMITTED" } });
    const then = new Date(NOW.getTime() + 5 * 86_400_000);
    expect(await startDueLeaves({ now: then })).toBe(1);
    expect(await startDueLeaves({ now: then })).toBe(0);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student(LEAVE).enrolmentId } })).status).toBe("ON_LEAVE");
    // The job took her off the exam, and tells her so (once).
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: student(LEAVE).enrolmentId } })).status).toBe("WITHDRAWN");
    const told = await db().mailMessage.findMany({ where: { dedupeKey: `leave-exam-withdrawn:${result.leaveId}` } });
    expect(told.map((mail) => [mail.userId, mail.subject])).toEqual([[student(LEAVE).userId, "Permisjonen din har begynt: du er meldt av eksamen"]]);
    expect(await db().auditLog.count({ where: { action: "enrolment.leave_start", entityId: student(LEAVE).enrolmentId, actorId: null } })).toBe(1);
    const back = await registerReturn(world.adviser, { enrolmentId: student(LEAVE).enrolmentId, returnedOn: from }, then);
    // The return belongs to this leave's case, not the first leave's.
    const [firstGrant] = await lettersOf(student(LEAVE).enrolmentId, "LEAVE_GRANTED");
    expect(await caseOf(back.letterId)).toBe(await caseOf(result.letterId));
    expect(await caseOf(back.letterId)).not.toBe(await caseOf(firstGrant!.id));
  });

  it("a leave that has not begun is withdrawn at the student's request: CANCELLED, confirmed by letter, audited, never started, its days ordinary again", async () => {
    const enrolmentId = student(REFUSED).enrolmentId;
    // Over the samling in twelve days: three of its days would be leave.
    const from = addDays(TODAY, 10);
    const to = addDays(TODAY, 16);
    const granted = await grantLeave(world.adviser, { enrolmentId, from, to, reason: "Permisjon for omsorg", documentation: null }, NOW);
    const withLeave = (await recomputed(world.cohortId)).get(enrolmentId)!;
    const registrations = await db().examRegistration.findMany({ where: { enrolmentId }, select: { id: true, status: true } });

    await expect(cancelLeave(world.teacher, { enrolmentId, requestedOn: osloDate(NOW) }, NOW)).rejects.toThrow(AccessDeniedError);
    await expect(cancelLeave(world.adviser, { enrolmentId, requestedOn: addDays(TODAY, 1) }, NOW)).rejects.toMatchObject({
      fieldErrors: { requestedOn: ["Dagen studenten ba om det, kan ikke være etter i dag."] },
    });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: granted.leaveId } })).toMatchObject({ status: "GRANTED" });
    const result = await cancelLeave(world.adviser, { enrolmentId, requestedOn: addDays(TODAY, -2) }, NOW);
    expect(result).toMatchObject({ leaveId: granted.leaveId, samlingDays: 3, from });
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: granted.leaveId } })).toMatchObject({ status: "CANCELLED", returnedOn: null });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("ACTIVE");
    // Nothing else about the student changed: the exam registration stands as it was.
    expect(await db().examRegistration.findMany({ where: { enrolmentId }, select: { id: true, status: true } })).toEqual(registrations);

    const [letter] = await lettersOf(enrolmentId, "LEAVE_CANCELLED");
    expect(letter).toMatchObject({ enkeltvedtak: false, klageDeadline: null });
    expect(letter!.subject).toContain("er trukket tilbake");
    expect(letter!.body).toContain(`slik du ba om i henvendelsen din av ${formatDateNb(addDays(TODAY, -2))}.`);
    expect(await caseOf(letter!.id)).toBe(await caseOf(granted.letterId));
    expect(await mailFor(letter!.id)).toBe(1);
    const [entry] = await db().auditLog.findMany({ where: { action: "leave.cancel", entityId: granted.leaveId } });
    expect(entry).toMatchObject({ actorId: world.adviser.id, before: { status: "GRANTED", from, to }, after: { status: "CANCELLED", samlingDays: 3, requestedOn: addDays(TODAY, -2), letterId: letter!.id } });

    // Its days count as ordinary days again: the standing is the recomputation, and differs from the one with the leave.
    const stored = (await storedStandings(world.cohortId)).get(enrolmentId);
    expect(stored).toEqual((await recomputed(world.cohortId)).get(enrolmentId));
    expect(stored).not.toEqual(withLeave);
    // The job never starts it; a second withdrawal finds nothing; a new leave can be granted.
    expect(await startDueLeaves({ now: new Date(NOW.getTime() + 11 * 86_400_000) })).toBe(0);
    await expect(cancelLeave(world.adviser, { enrolmentId, requestedOn: osloDate(NOW) }, NOW)).rejects.toThrow("Studenten har ingen innvilget permisjon som ikke er avsluttet.");
    const again = await grantLeave(world.adviser, { enrolmentId, from, to, reason: "Permisjon for omsorg", documentation: null }, NOW);
    // Once it has begun it is not withdrawn: the return is registered instead.
    // Noon in Oslo on the leave's first day, whatever the clock change between.
    const firstDay = new Date(`${from}T12:00:00+01:00`);
    await expect(cancelLeave(world.adviser, { enrolmentId, requestedOn: osloDate(firstDay) }, firstDay)).rejects.toThrow(/Registrer at studenten er tilbake i stedet/);
    await cancelLeave(world.adviser, { enrolmentId, requestedOn: osloDate(NOW) }, NOW);
    expect((await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: again.leaveId } })).status).toBe("CANCELLED");
  });

  it("a leave withdrawn while the `enrolments.leave` job waits for the student's lock is not started: the job checks it again under the lock", async () => {
    const enrolmentId = student(REFUSED).enrolmentId;
    const from = addDays(TODAY, 10);
    const granted = await grantLeave(world.adviser, { enrolmentId, from, to: addDays(TODAY, 16), reason: "Permisjon for omsorg", documentation: null }, NOW);
    const firstDay = new Date(NOW.getTime() + 11 * 86_400_000);
    const starts = () => db().auditLog.count({ where: { action: "enrolment.leave_start", entityId: enrolmentId } });
    const startsBefore = await starts();
    // A second connection locks the student as cancelLeave does and withdraws the leave inside
    // that lock; the job reads its list (the leave still GRANTED for it) and waits for the lock.
    const holder = await connectRaw();
    let job: Promise<number> | null = null;
    let committed = false;
    try {
      await holder.query("BEGIN");
      await holder.query(`SELECT "id" FROM "Enrolment" WHERE "id" = $1 FOR UPDATE`, [enrolmentId]);
      job = startDueLeaves({ now: firstDay });
      expect(await someoneWaitsFor(holder)).toBe(true);
      await holder.query(`UPDATE "LeaveOfAbsence" SET "status" = 'CANCELLED' WHERE "id" = $1`, [granted.leaveId]);
      await holder.query("COMMIT");
      committed = true;
      await job;
    } finally {
      // On a failure above: let go of the lock, and let the job end before the next test.
      if (!committed) await holder.query("ROLLBACK").catch(() => {});
      await job?.catch(() => {});
      await holder.end();
    }
    expect((await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: granted.leaveId } })).status).toBe("CANCELLED");
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("ACTIVE");
    expect(await starts()).toBe(startsBefore);
    // The withdrawal above was written by hand, without cancelLeave's refresh: its days count again.
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: world.cohortId, enrolmentIds: [enrolmentId] }, { actorId: null, cause: "Permisjonen er trukket tilbake", now: NOW }));
    expect((await storedStandings(world.cohortId)).get(enrolmentId)).toEqual((await recomputed(world.cohortId)).get(enrolmentId));
  });
});

describe("completion", () => {
  it("is refused without a passing grade, and without published grades", async () => {
    const enrolmentId = student(DONE).enrolmentId;
    await expect(completeStudent(world.adviser, { enrolmentId }, NOW)).rejects.toThrow("Studenten har ikke fått karakter på eksamen ennå.");
    await db().examRegistration.updateMany({ where: { enrolmentId }, data: { grade: "F", gradedById: world.teacher.id, gradedAt: NOW } });
    await db().exam.update({ where: { id: world.examId! }, data: { gradesPublishedAt: NOW } });
    await expect(completeStudent(world.adviser, { enrolmentId }, NOW)).rejects.toThrow("Karakteren er F (ikke bestått). Studenten kan ikke fullføre uten bestått eksamen.");
    expect(await lettersOf(enrolmentId, "COMPLETION_CONFIRMED")).toEqual([]);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("ACTIVE");
  });

  it("with a published passing grade: COMPLETED, the confirmation mailed, audited", async () => {
    const enrolmentId = student(DONE).enrolmentId;
    await db().examRegistration.updateMany({ where: { enrolmentId }, data: { grade: "B" } });
    const result = await completeStudent(world.adviser, { enrolmentId }, NOW);
    expect(result.grade).toBe("B");
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "COMPLETED" });
    const [letter] = await lettersOf(enrolmentId, "COMPLETION_CONFIRMED");
    expect(letter!.id).toBe(result.letterId);
    expect(await mailFor(result.letterId)).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.complete", entityId: enrolmentId } })).toMatchObject({
      actorId: world.adviser.id,
      before: { status: "ACTIVE" },
      after: { status: "COMPLETED", grade: "B", letterId: result.letterId },
    });
    await expect(completeStudent(world.adviser, { enrolmentId }, NOW)).rejects.toThrow("Studenten har fullført kullet.");
    await db().exam.update({ where: { id: world.examId! }, data: { gradesPublishedAt: null } });
    await db().examRegistration.updateMany({ where: { enrolmentId }, data: { grade: null, gradedById: null, gradedAt: null } });
  });
});

describe("completion and a leave that has not begun", () => {
  it("withdraws the leave with the completion, says so in the letter, and the leave job never puts her on leave", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -60), 3), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, 30), endsOn: addDays(TODAY, 32) } });
    const [only] = kull.students;
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, NOW);
    const leave = await grantLeave(kull.adviser, { enrolmentId: only!.enrolmentId, from: addDays(TODAY, 5), to: addDays(TODAY, 10), reason: "Reise", documentation: null }, NOW);
    // Graded and published as if the sitting were over (the fixture writes what the exam pages would).
    await db().examRegistration.updateMany({ where: { enrolmentId: only!.enrolmentId }, data: { grade: "B", gradedById: kull.teacher.id, gradedAt: NOW } });
    await db().exam.update({ where: { id: kull.examId! }, data: { gradesPublishedAt: NOW } });
    const result = await completeStudent(kull.adviser, { enrolmentId: only!.enrolmentId }, NOW);
    expect(await db().leaveOfAbsence.findUniqueOrThrow({ where: { id: leave.leaveId } })).toMatchObject({ status: "CANCELLED", returnedOn: null });
    expect((await db().studentLetter.findUniqueOrThrow({ where: { id: result.letterId } })).body).toContain(
      `Permisjonen du hadde fått fra ${formatDateNb(addDays(TODAY, 5))} til ${formatDateNb(addDays(TODAY, 10))}, er trukket tilbake, siden du har fullført.`,
    );
    expect(await db().auditLog.count({ where: { action: "leave.cancel", entityId: leave.leaveId, actorId: kull.adviser.id } })).toBe(1);
    expect(await startDueLeaves({ now: new Date(NOW.getTime() + 6 * 86_400_000) })).toBe(0);
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: only!.enrolmentId } })).status).toBe("COMPLETED");
  });
});

describe("leave or the end of the enrolment after the exam began", () => {
  it("a leave keeps the registration for a sitting that has begun, so what she hands in is graded; the letter says so; a deferral waits for her return", async () => {
    // A three-day home exam began two days ago (the kull's last days). On its third day one
    // student is given leave from today, another withdraws.
    const kull = await makeCohort({ students: 2, samlinger: planDays(addDays(TODAY, -90), 3), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, -2), endsOn: TODAY } });
    const [onLeave, leaving] = kull.students.map((row) => row.enrolmentId) as [string, string];
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, await beforeTheExam(kull));
    await grantLeave(kull.adviser, { enrolmentId: onLeave, from: TODAY, to: addDays(TODAY, 30), reason: "Sykdom", documentation: null }, NOW);
    await withdrawStudent(kull.adviser, { enrolmentId: leaving, effectiveOn: TODAY, requestedOn: TODAY, reason: null }, NOW);
    const registrationOf = (enrolmentId: string) => db().examRegistration.findFirstOrThrow({ where: { enrolmentId } });

    // On leave, still in the kull: kept, and graded as any other.
    expect(await registrationOf(onLeave)).toMatchObject({ status: "ADMITTED", grade: null });
    expect(await db().auditLog.count({ where: { action: "exam.withdraw", entityId: (await registrationOf(onLeave)).id } })).toBe(0);
    const [granted] = await lettersOf(onLeave, "LEAVE_GRANTED");
    expect(granted!.body).toContain("Eksamenen som allerede har begynt, står du fortsatt oppmeldt til: det du leverer, blir sensurert som vanlig.");
    expect(granted!.body).not.toContain("Du blir ikke meldt opp til eksamen mens du har permisjon.");
    // A deferral of it waits until she is back: the exam's pages are for students in the kull.
    const request = await db().examDeferral.create({ data: { registrationId: (await registrationOf(onLeave)).id, reason: "ILLNESS", explanation: "Syk", requestedById: kull.students[0]!.userId } });
    const deferred = await createSitting(db(), { cohortId: kull.cohortId, kind: "DEFERRED", firstDay: addDays(TODAY, 40) });
    await expect(grantDeferral(kull.adviser, { cohortId: kull.cohortId, deferralId: request.id, sittingId: deferred.id, note: null }, NOW)).rejects.toThrow(DEFERRAL_WAITS_FOR_RETURN);
    await db().examDeferral.delete({ where: { id: request.id } });
    // Graded once the hand-in (today, 14.00) has passed: a moment after it, whatever the hour the test runs.
    const { handInAt } = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { handInAt: true } });
    const afterHandIn = new Date(handInAt.getTime() + 60_000);
    await expect(setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId: onLeave, grade: "C", reason: null }, afterHandIn)).resolves.toMatchObject({ grade: "C", changed: true });

    // Withdrawn, no longer in the kull: taken off it, as she is off its pages, completion and FS export.
    expect(await registrationOf(leaving)).toMatchObject({ status: "WITHDRAWN" });
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.withdraw", entityId: leaving } })).after).toMatchObject({ examWithdrawn: true });
    expect(await storedStandings(kull.cohortId)).toEqual(await recomputed(kull.cohortId));
  });
});

describe("a completed student's grade changed afterwards", () => {
  it("replaces the confirmation with the new grade, or, when no longer passed, makes the student active again; each by letter in the confirmation's case, audited", async () => {
    const kull = await makeCohort({ students: 1, samlinger: planDays(addDays(TODAY, -90), 3), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, -10), endsOn: addDays(TODAY, -8) } });
    const [only] = kull.students;
    const enrolmentId = only!.enrolmentId;
    await registerForExam(kull.teacher, { cohortId: kull.cohortId }, await beforeTheExam(kull));
    await setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId, grade: "B", reason: null });
    await publishGrades(kull.teacher, { cohortId: kull.cohortId });
    const completion = await completeStudent(kull.adviser, { enrolmentId }, NOW);
    const ended = (await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).endedOn;

    // A new sensur after a klage on the grade: C. Still passed; a letter replaces the confirmation.
    expect(await setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId, grade: "C", reason: "Ny sensur etter klage på karakter." })).toMatchObject({ completion: "REGRADED" });
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "COMPLETED", endedOn: ended });
    const [regraded] = await lettersOf(enrolmentId, "DECISION_CHANGED");
    const ordinary = await db().exam.findUniqueOrThrow({ where: { id: kull.examId! }, select: { title: true, startsOn: true } });
    // It states what the confirmation stated (the study, credits, course code, exam), with the new grade.
    const [confirmation] = await lettersOf(enrolmentId, "COMPLETION_CONFIRMED");
    const studied = /Du har fullført [^\n]+ \d+ studiepoeng \(emnekode \w+\)\./.exec(confirmation!.body)![0];
    expect(regraded!.body).toContain(
      `${studied} Eksamen: ${ordinary.title}, ${formatDateNb(isoDate(ordinary.startsOn))}. Karakter: C. Dette brevet erstatter bekreftelsen.`,
    );
    expect(await caseOf(regraded!.id)).toBe(await caseOf(completion.letterId));
    expect(await mailFor(regraded!.id)).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.completion_regraded", entityId: enrolmentId } })).toMatchObject({
      actorId: kull.teacher.id,
      before: { status: "COMPLETED", grade: "B" },
      after: { status: "COMPLETED", grade: "C", letterId: regraded!.id },
    });
    // The same grade again changes nothing, and writes no letter.
    expect(await setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId, grade: "C", reason: "Samme." })).toMatchObject({ changed: false, completion: null });

    // Corrected to F: no longer passed, so no longer completed.
    expect(await setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId, grade: "F", reason: "Feil i sensuren rettet." })).toMatchObject({ completion: "REVOKED" });
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).toMatchObject({ status: "ACTIVE", endedOn: null });
    const revoked = (await lettersOf(enrolmentId, "DECISION_CHANGED")).at(-1)!;
    expect(revoked.body).toContain("Du har ikke lenger fullført videreutdanningen: karakteren som teller, er F, som ikke er bestått.");
    expect(revoked.body).toContain("Begrunnelse for endringen av resultatet: Feil i sensuren rettet.");
    expect(await caseOf(revoked.id)).toBe(await caseOf(completion.letterId));
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.completion_revoked", entityId: enrolmentId } })).toMatchObject({
      before: { status: "COMPLETED", grade: "C" },
      after: { status: "ACTIVE", endedOn: null, grade: "F", letterId: revoked.id },
    });
    expect(await storedStandings(kull.cohortId)).toEqual(await recomputed(kull.cohortId));

    // A pass again does not complete by itself: the adviser registers it, and the student is told.
    expect(await setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId, grade: "B", reason: "Klagenemnda ga B." })).toMatchObject({ completion: null });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("ACTIVE");
    const again = await completeStudent(kull.adviser, { enrolmentId }, NOW);
    expect(again.grade).toBe("B");

    // A ny eksamen taken to improve the grade: the A counts once that sitting is published, and the
    // new confirmation is replaced by a letter with it. The portal shows each replaced letter as such.
    const resit = await createSitting(db(), { cohortId: kull.cohortId, kind: "RESIT", firstDay: addDays(TODAY, -4) });
    await db().examRegistration.create({ data: { examId: resit.id, enrolmentId, status: "ADMITTED", decidedById: kull.teacher.id, grade: "A", gradedById: kull.teacher.id, gradedAt: NOW } });
    await publishGrades(kull.teacher, { cohortId: kull.cohortId, examId: resit.id });
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: enrolmentId } })).status).toBe("COMPLETED");
    const improved = (await lettersOf(enrolmentId, "DECISION_CHANGED")).at(-1)!;
    expect(improved.body).toContain(`${studied} Eksamen: ${resit.title}, ${formatDateNb(addDays(TODAY, -4))}. Karakter: A. Dette brevet erstatter bekreftelsen.`);
    expect(await caseOf(improved.id)).toBe(await caseOf(again.letterId));
    const inbox = await listStudentLetters(viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: only!.userId } })), roles: ["STUDENT"] }));
    const replacedBy = (id: string) => inbox.find((letter) => letter.id === id)?.replacedBy?.id ?? null;
    expect(replacedBy(completion.letterId)).toBe(regraded!.id);
    expect(replacedBy(regraded!.id)).toBe(revoked.id);
    expect(replacedBy(again.letterId)).toBe(improved.id);
    expect(replacedBy(improved.id)).toBeNull();
  });
});

describe("transfer to a later kull", () => {
  let laterId: string;
  let newEnrolmentId: string;

  beforeAll(async () => {
    laterId = await makeLaterKull(world.programmeId, TODAY);
  });

  it("the form proposes each required item from the old kull by kind and number, and the corresponding samlinger", async () => {
    await expect(getTransferPlan(world.teacher, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId }, NOW)).rejects.toThrow(AccessDeniedError);
    const plan = await getTransferPlan(world.adviser, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId }, NOW);
    expect(plan.problem).toBeNull();
    expect(plan.candidates.map((row) => row.id)).toEqual([laterId]);
    expect(plan.target!.arbeidskrav).toHaveLength(5);
    expect(plan.target!.arbeidskrav.every((item) => item.proposed !== null)).toBe(true);
    expect(plan.target!.samlinger.map((row) => [row.number, row.credited, row.days])).toEqual([
      [1, 3, 3],
      [2, 3, 3],
      [3, 2, 3], // the old samling's last day is today: not registered yet
      [4, 0, 3],
    ]);
  });

  it("is refused to a student who has used an exam attempt in the kull, «ikke møtt» as well as a grade", async () => {
    const enrolmentId = student(REFUSED).enrolmentId;
    const message = "Studenten har brukt et forsøk på eksamen i kullet (en karakter eller «ikke møtt») og kan ikke overføres. Neste forsøk er ny eksamen i kullet.";
    const before = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId } });
    await db().examRegistration.update({ where: { id: before.id }, data: { status: "NOT_ATTENDED" } });
    try {
      expect((await getTransferPlan(world.adviser, { enrolmentId, toCohortId: laterId }, NOW)).problem).toBe(message);
      await expect(transferStudent(world.adviser, { enrolmentId, toCohortId: laterId, credits: [], samlinger: [] }, NOW)).rejects.toThrow(message);
      expect(await db().enrolment.count({ where: { cohortId: laterId } })).toBe(0);
    } finally {
      await db().examRegistration.update({ where: { id: before.id }, data: { status: before.status } });
    }
  });

  it("a credit that breaks the rules is refused at its item, and nothing is written", async () => {
    const plan = await getTransferPlan(world.adviser, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId }, NOW);
    const [first, second] = plan.target!.arbeidskrav;
    const error = await transferStudent(
      world.adviser,
      {
        enrolmentId: student(MOVER).enrolmentId,
        toCohortId: laterId,
        credits: [
          { targetId: first!.arbeidskravId, sourceSubmissionId: first!.proposed! },
          { targetId: second!.arbeidskravId, sourceSubmissionId: first!.proposed! },
        ],
        samlinger: [],
      },
      NOW,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(Object.keys(error.fieldErrors)).toEqual([`credit_${second!.arbeidskravId}`]);
    expect(await db().enrolment.count({ where: { cohortId: laterId } })).toBe(0);
  });

  it("moves the student with explicit, audited credits the eligibility counts; the letter mailed; stored standing equals a recomputation", async () => {
    const plan = await getTransferPlan(world.adviser, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId }, NOW);
    const credits = plan.target!.arbeidskrav.map((item) => ({ targetId: item.arbeidskravId, sourceSubmissionId: item.proposed! }));
    const result = await transferStudent(world.adviser, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId, credits, samlinger: [1, 2] }, NOW);
    newEnrolmentId = result.enrolmentId;
    expect(result).toMatchObject({ credited: 5, creditedDays: 6 });
    const old = await db().enrolment.findUniqueOrThrow({ where: { id: student(MOVER).enrolmentId } });
    expect(old).toMatchObject({ status: "TRANSFERRED", endReason: expect.stringContaining("Overført til") });
    expect((await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: old.id } })).status).toBe("WITHDRAWN");
    expect(await db().enrolment.findUniqueOrThrow({ where: { id: newEnrolmentId } })).toMatchObject({ cohortId: laterId, status: "ACTIVE", transferredFromId: old.id });
    const creditRows = await db().arbeidskravCredit.findMany({ where: { enrolmentId: newEnrolmentId } });
    expect(creditRows.map((row) => [row.arbeidskravId, row.sourceSubmissionId, row.creditedById]).sort()).toEqual(
      credits.map((credit) => [credit.targetId, credit.sourceSubmissionId, world.adviser.id]).sort(),
    );
    expect(await db().attendanceCredit.count({ where: { enrolmentId: newEnrolmentId } })).toBe(6);
    expect(await db().auditLog.count({ where: { action: "credit.arbeidskrav", entityId: { in: creditRows.map((row) => row.id) } } })).toBe(5);
    expect(await db().auditLog.count({ where: { action: "credit.attendance", after: { path: ["enrolmentId"], equals: newEnrolmentId } } })).toBe(6);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.transfer", entityId: old.id } })).toMatchObject({
      actorId: world.adviser.id,
      before: { status: "ACTIVE", cohortId: world.cohortId },
      after: { status: "TRANSFERRED", toCohortId: laterId, newEnrolmentId },
    });
    const [letter] = await lettersOf(newEnrolmentId, "TRANSFER_CONFIRMED");
    expect(letter!.id).toBe(result.letterId);
    expect(await mailFor(result.letterId)).toBe(1);
    // Samlinger 1 and 2 are credited: the first day she is expected at is samling 3's.
    const third = await db().samlingDay.findFirstOrThrow({ where: { samling: { title: "Samling 3", cohorts: { some: { cohortId: laterId } } } }, orderBy: { date: "asc" } });
    expect(letter!.body).toContain(`Den første samlingsdagen du skal møte på i det nye kullet, er ${formatDateNb(isoDate(third.date))}.`);

    const eligibility = (await evaluateCohortEligibility(db(), laterId, { today: TODAY })).byEnrolment.get(newEnrolmentId)!.eligibility;
    expect(eligibility.arbeidskrav).toMatchObject({ approved: 5, required: 5, met: true });
    expect(eligibility.attendance).toMatchObject({ attended: 6, held: 6, scheduled: 12 });
    const standing = await db().standing.findUniqueOrThrow({ where: { enrolmentId: newEnrolmentId } });
    expect(standing).toMatchObject({ approvedRequired: 5, attendedDays: 6 });
    expect(await storedStandings(laterId)).toEqual(await recomputed(laterId));

    // The new kull's staff see the carried-over items and days marked as such.
    const grid = await getAttendanceGrid(world.adviser, laterId, {}, NOW);
    expect(grid.students.find((row) => row.enrolmentId === newEnrolmentId)!.cells.filter((cell) => cell === "CREDITED")).toHaveLength(6);
    const overview = await getArbeidskravOverview(world.adviser, laterId, NOW);
    const items = overview.students.find((row) => row.enrolmentId === newEnrolmentId)!.items;
    expect(items.filter((item) => item.creditedFrom !== null && item.status === "APPROVED")).toHaveLength(5);
    expect(items.find((item) => item.creditedFrom !== null)!.creditedFrom).toMatch(/, Kull /);
    // Per item: approved by a credit, never counted as handed in here.
    const first = overview.definitions.find((definition) => definition.number === 1)!;
    expect(first.counts).toMatchObject({ APPROVED: 1, CREDITED: 1, handedIn: 0 });
  });

  it("a credited day takes no absence notice, and her next samling is the first she is expected at", async () => {
    const mover = viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: student(MOVER).userId } })), roles: ["STUDENT"] });
    const credited = await db().attendanceCredit.findFirstOrThrow({ where: { enrolmentId: newEnrolmentId }, select: { samlingDayId: true } });
    await expect(sendAbsenceNotice(mover, { samlingDayId: credited.samlingDayId, reason: "Jobb" }, NOW)).rejects.toThrow(/er godkjent som oppmøte fra et tidligere kull/);
    const [here] = (await getStudentOverview(mover)).filter((row) => row.enrolmentId === newEnrolmentId);
    const days = here!.samlinger.flatMap((samling) => samling.days);
    expect(days.filter((d) => d.credit !== null && d.canSendNotice)).toEqual([]);
    expect(days.some((d) => d.credit === null && d.canSendNotice)).toBe(true);
    // Samlinger 1 and 2 are credited: the next samling on her start page is samling 3.
    const third = here!.samlinger.find((samling) => samling.number === 3)!;
    expect(here!.nextSteps.find((step) => step.key === "next-samling")!.text).toBe(
      `Neste samling: ${describeSamlingDates({ days: third.days.map((d) => d.date), location: third.location }, TODAY)}.`,
    );
  });

  it("a leave over credited days does not count them as days away: the letter neither counts them nor says the exam is lost", async () => {
    const days = await db().samlingDay.findMany({ where: { samling: { title: { in: ["Samling 1", "Samling 2"] }, cohorts: { some: { cohortId: laterId } } } }, orderBy: { date: "asc" } });
    const leave = await grantLeave(world.adviser, { enrolmentId: newEnrolmentId, from: isoDate(days[0]!.date), to: isoDate(days.at(-1)!.date), reason: "Reise", documentation: null }, NOW);
    expect(leave.samlingDays).toBe(0);
    const letter = await db().studentLetter.findUniqueOrThrow({ where: { id: leave.letterId } });
    expect(letter.body).not.toContain("kan du ikke gå opp til eksamen");
    await cancelLeave(world.adviser, { enrolmentId: newEnrolmentId, requestedOn: TODAY }, NOW);
  });

  it("a credit stands or falls with the approval it rests on: corrected in the old kull, the new kull's standing follows", async () => {
    const credit = await db().arbeidskravCredit.findFirstOrThrow({
      where: { enrolmentId: newEnrolmentId, arbeidskrav: { required: true } },
      orderBy: { arbeidskrav: { number: "asc" } },
      select: { arbeidskravId: true, sourceSubmissionId: true },
    });
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: credit.sourceSubmissionId }, orderBy: { attempt: "desc" }, select: { id: true } });
    const approvedThere = async () => (await evaluateCohortEligibility(db(), laterId, { today: TODAY })).byEnrolment.get(newEnrolmentId)!.eligibility.arbeidskrav.approved;
    const movedStudent = { ...(await db().user.findUniqueOrThrow({ where: { id: student(MOVER).userId } })), roles: ["STUDENT" as const] };

    // The old kull's fagansvarlig finds the work was not the student's own.
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "NOT_APPROVED", reason: "Plagiat oppdaget." }, NOW);
    expect(await approvedThere()).toBe(4);
    expect(await storedStandings(laterId)).toEqual(await recomputed(laterId));
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId: newEnrolmentId } })).toMatchObject({ approvedRequired: 4 });
    // The new kull's staff no longer see it as credited, the student may hand it in, and both read why.
    const overview = await getArbeidskravOverview(world.adviser, laterId, NOW);
    expect(overview.students.find((row) => row.enrolmentId === newEnrolmentId)!.items.find((item) => item.arbeidskravId === credit.arbeidskravId)).toMatchObject({ creditedFrom: null });
    const record = await getStudentRecord(world.adviser, student(MOVER).userId, NOW);
    expect(record.enrolments.find((row) => row.id === newEnrolmentId)!.credits.filter((row) => !row.stands)).toHaveLength(1);
    const history = await getOwnStudyHistory(viewerOf(movedStudent));
    expect(history.enrolments.find((row) => row.id === newEnrolmentId)!.credits.filter((row) => !row.stands)).toHaveLength(1);
    // So does her innsyn export.
    const exported = await openPersonExport(viewerOf(movedStudent), student(MOVER).userId, NOW);
    const innsyn = JSON.parse(strFromU8(unzipSync(new Uint8Array(await new Response(exported.stream).arrayBuffer()))["innsyn.json"]!));
    const exportedCredits: { arbeidskravId: string; from: string; stands: boolean }[] = innsyn.enrolments.find((row: { id: string }) => row.id === newEnrolmentId).arbeidskravCredits;
    expect(exportedCredits.filter((row) => !row.stands).map((row) => row.arbeidskravId)).toEqual([credit.arbeidskravId]);
    expect(exportedCredits[0]!.from).toMatch(/, Kull /);

    // Corrected back: the credit counts again.
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", reason: "Plagiatmistanken ble avkreftet." }, NOW);
    expect(await approvedThere()).toBe(5);
    expect(await storedStandings(laterId)).toEqual(await recomputed(laterId));
  });

  it("a credit that fell comes back when the group's new attempt is approved in the old kull", async () => {
    const credit = await db().arbeidskravCredit.findFirstOrThrow({
      where: { enrolmentId: newEnrolmentId, arbeidskrav: { required: true } },
      orderBy: { arbeidskrav: { number: "asc" } },
      select: { sourceSubmissionId: true },
    });
    const latest = () => db().submissionAttempt.findFirstOrThrow({ where: { submissionId: credit.sourceSubmissionId }, orderBy: { attempt: "desc" }, select: { id: true, attempt: true } });
    const approvedThere = async () => (await evaluateCohortEligibility(db(), laterId, { today: TODAY })).byEnrolment.get(newEnrolmentId)!.eligibility.arbeidskrav.approved;
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: (await latest()).id, decision: "NOT_APPROVED", reason: "Kildene mangler." }, NOW);
    expect(await approvedThere()).toBe(4);
    // The work is handed in again in the old kull (by the group that remains there, say) …
    const before = await latest();
    await db().submissionAttempt.create({ data: { submissionId: credit.sourceSubmissionId, attempt: before.attempt + 1, submittedById: student(MOVER).userId, text: "Med kilder" } });
    await db().submission.update({ where: { id: credit.sourceSubmissionId }, data: { status: "SUBMITTED" } });
    // … and approved there: the credit counts again, and the new kull's stored standing says so.
    await assessSubmission(world.teacher, { cohortId: world.cohortId, attemptId: (await latest()).id, decision: "APPROVED", feedback: null });
    expect(await approvedThere()).toBe(5);
    expect(await db().standing.findUniqueOrThrow({ where: { enrolmentId: newEnrolmentId } })).toMatchObject({ approvedRequired: 5 });
    expect(await storedStandings(laterId)).toEqual(await recomputed(laterId));
  });

  it("a samling or day that attendance is credited to cannot be removed from the new kull's plan, with the reason", async () => {
    const credit = await db().attendanceCredit.findFirstOrThrow({ where: { enrolmentId: newEnrolmentId }, select: { samlingDayId: true, samlingDay: { select: { samlingId: true } } } });
    await expect(removeSamlingDay(world.adviser, { cohortId: laterId, samlingDayId: credit.samlingDayId })).rejects.toThrow(/oppmøte fra et tidligere kull er godkjent på den for 1 student/);
    await expect(removeSamling(world.adviser, { cohortId: laterId, samlingId: credit.samlingDay.samlingId })).rejects.toThrow(/^Samlingen kan ikke fjernes fordi oppmøte fra et tidligere kull/);
    const plan = await getCohortPlan(world.adviser, laterId);
    expect(plan.samlinger.find((samling) => samling.id === credit.samlingDay.samlingId)!.removalRefusal).toMatch(/oppmøte fra et tidligere kull/);
    expect(await db().attendanceCredit.count({ where: { enrolmentId: newEnrolmentId } })).toBe(6);
  });

  it("an item credited from the old kull keeps what the credit was checked against: kind, individual hand-in, the oral one", async () => {
    const stored = await db().arbeidskravDefinition.findMany({ where: { cohortId: laterId }, orderBy: { number: "asc" } });
    const items = stored.map(storedSetItem);
    // The oral presentation moves to another ledertreningsoppgave: a valid set, but both are credited.
    const oral = items.find((item) => item.oralPresentation)!;
    const other = items.find((item) => item.kind === oral.kind && !item.oralPresentation)!;
    const swapped = items.map((item) => (item === oral ? { ...item, oralPresentation: false } : item === other ? { ...item, oralPresentation: true } : item));
    await expect(saveArbeidskravSet(world.adviser, { cohortId: laterId, items: swapped, reason: "Bytter muntlig." }, NOW)).rejects.toThrow(
      /er godkjent fra et tidligere kull for 1 student som er overført hit, så type, krav om individuell levering, muntlig framlegg og om det er obligatorisk kan ikke endres\./,
    );
    // Nor may it become optional: a credit counts only toward a required item.
    const optional = [
      ...items.map((item) => (item === other ? { ...item, required: false } : item)),
      { ...other, id: null, number: Math.max(...items.map((item) => item.number)) + 1, title: "Ny ledertreningsoppgave", required: true },
    ];
    await expect(saveArbeidskravSet(world.adviser, { cohortId: laterId, items: optional, reason: "Valgfritt." }, NOW)).rejects.toThrow(/om det er obligatorisk kan ikke endres/);
    // A title and a due date stay open.
    await expect(saveArbeidskravSet(world.adviser, { cohortId: laterId, items: items.map((item) => (item === oral ? { ...item, title: `${item.title} (muntlig)` } : item)), reason: null }, NOW)).resolves.toMatchObject({ changed: true });
  });

  it("a refusal of exam admission in the new kull never names a credited item as missing", async () => {
    // One credit's approval is corrected away: four credited items stand, one is missing. Not
    // eligible there, staff may refuse; the grounds are the evaluator's: only that one is named.
    const credited = await db().arbeidskravCredit.findMany({
      where: { enrolmentId: newEnrolmentId },
      orderBy: { arbeidskrav: { number: "asc" } },
      select: { sourceSubmissionId: true, arbeidskrav: { select: { title: true } } },
    });
    expect(credited).toHaveLength(5);
    const [fallen, ...standing] = credited as [(typeof credited)[number], ...typeof credited];
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: fallen.sourceSubmissionId }, orderBy: { attempt: "desc" }, select: { id: true } });
    // The final attempt: corrected after a forhåndsvarsel, once its deadline has passed.
    const notice = await sendCorrectionNotice(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, reason: "Mulig plagiat." }, NOW);
    await carryOutCorrection(world.teacher, { cohortId: world.cohortId, noticeId: notice.noticeId, grounds: "Plagiat oppdaget.", seen: "0:0" }, new Date(`${addDays(notice.respondBy, 1)}T10:00:00Z`));
    await refuseExamAdmission(world.adviser, { cohortId: laterId, enrolmentIds: [newEnrolmentId] }, NOW);
    const [letter] = await lettersOf(newEnrolmentId, "EXAM_ADMISSION_REFUSED");
    expect(letter!.body).toContain(`${fallen.arbeidskrav.title} er ikke levert`);
    for (const { arbeidskrav } of standing) expect(letter!.body).not.toContain(arbeidskrav.title);
    await correctAssessment(world.teacher, { cohortId: world.cohortId, attemptId: attempt.id, decision: "APPROVED", reason: "Avkreftet." }, NOW);
  });

  it("once: a transferred enrolment moves no more, and the new kull has the student already", async () => {
    await expect(transferStudent(world.adviser, { enrolmentId: student(MOVER).enrolmentId, toCohortId: laterId, credits: [], samlinger: [] }, NOW)).rejects.toThrow(
      "Studenten er overført til et senere kull.",
    );
    // The database keeps the rule too: another student's approved work is never credited.
    const othersWork = await db().submission.findFirstOrThrow({
      where: { status: "APPROVED", members: { some: { enrolmentId: student(LEAVE).enrolmentId } } },
      select: { id: true, arbeidskrav: { select: { kind: true } } },
    });
    // (The trigger runs before the unique index: the same item twice would be refused anyway.)
    const target = await db().arbeidskravDefinition.findFirstOrThrow({ where: { cohortId: laterId, kind: othersWork.arbeidskrav.kind } });
    await expect(
      db().arbeidskravCredit.create({ data: { enrolmentId: newEnrolmentId, arbeidskravId: target.id, sourceSubmissionId: othersWork.id, creditedById: world.adviser.id } }),
    ).rejects.toThrow(/is not an approved submission of the same kind by the same student/);
  });
});

describe("withdrawal and the waiting list", () => {
  /** A kull of one place: the student who accepted it, and one applicant on the waiting list. */
  async function fullKull(waitlistClosesOn: string) {
    const programme = await createProgramme(db());
    const { cohort } = await createCohort(db(), {
      programmeId: programme.id,
      code: uniqueCohortCode(),
      capacity: 1,
      applicationOpensOn: addDays(TODAY, -120),
      applicationDeadline: addDays(TODAY, -60),
      offerAnswerDeadline: addDays(TODAY, -30),
      waitlistClosesOn,
      samlinger: [{ title: "Samling 1", days: [addDays(TODAY, 30), addDays(TODAY, 31)] }],
    });
    const [holder, waiting] = await Promise.all([createUser(db(), { roles: ["STUDENT"] }), createUser(db(), { roles: ["APPLICANT"] })]);
    const held = await createApplication(db(), { applicantId: holder.id, cohortId: cohort.id, status: "DECIDED", fullName: holder.name });
    const offer = await createDecision(db(), { applicationId: held.id, decidedById: world.adviser.id, outcome: "OFFER", answerDeadline: addDays(TODAY, -30) });
    await db().decision.update({ where: { id: offer.id }, data: { answer: "ACCEPTED", answeredAt: NOW } });
    const enrolment = await enrol(db(), { userId: holder.id, cohortId: cohort.id, applicationId: held.id });
    const queued = await createApplication(db(), { applicantId: waiting.id, cohortId: cohort.id, status: "DECIDED", fullName: waiting.name });
    await createDecision(db(), { applicationId: queued.id, decidedById: world.adviser.id, outcome: "WAITLIST", waitlistPosition: 1 });
    return { cohortId: cohort.id, enrolmentId: enrolment.id, queuedId: queued.id };
  }

  async function checkWithdrawal(kull: { enrolmentId: string }, released: boolean) {
    await expect(withdrawStudent(world.adviser, { enrolmentId: kull.enrolmentId, effectiveOn: TODAY, requestedOn: addDays(TODAY, 1), reason: "Ny jobb" }, NOW)).rejects.toMatchObject({
      fieldErrors: { requestedOn: ["Dagen studenten ba om det, kan ikke være etter i dag."] },
    });
    const result = await withdrawStudent(world.adviser, { enrolmentId: kull.enrolmentId, effectiveOn: TODAY, requestedOn: addDays(TODAY, -3), reason: "Ny jobb" }, NOW);
    expect(result.placeReleased).toBe(released);
    const enrolment = await db().enrolment.findUniqueOrThrow({ where: { id: kull.enrolmentId } });
    expect(enrolment.status).toBe("WITHDRAWN");
    expect(enrolment.placeReleasedAt !== null).toBe(released);
    const [letter] = await lettersOf(kull.enrolmentId, "WITHDRAWAL_CONFIRMED");
    expect(letter!.id).toBe(result.letterId);
    expect(letter!.body).toContain(`fra og med ${formatDateNb(TODAY)}, slik du ba om i henvendelsen din av ${formatDateNb(addDays(TODAY, -3))}.`);
    expect(await mailFor(result.letterId)).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.withdraw", entityId: kull.enrolmentId } })).toMatchObject({
      actorId: world.adviser.id,
      before: { status: "ACTIVE" },
      after: { status: "WITHDRAWN", effectiveOn: TODAY, requestedOn: addDays(TODAY, -3), reason: "Ny jobb", placeReleased: released, letterId: result.letterId },
    });
    return result;
  }

  it("the day before the list closes: the place goes to the first on the waiting list", async () => {
    const kull = await fullKull(addDays(TODAY, 1));
    await checkWithdrawal(kull, true);
    expect((await advanceWaitingLists({ cohortId: kull.cohortId, now: NOW })).offered).toBe(1);
    expect(await db().decision.findUniqueOrThrow({ where: { applicationId: kull.queuedId } })).toMatchObject({ outcome: "OFFER" });
  });

  it("on the day the list closes: the place stays taken, and nobody gets it", async () => {
    const kull = await fullKull(TODAY);
    await checkWithdrawal(kull, false);
    expect((await advanceWaitingLists({ cohortId: kull.cohortId, now: NOW })).offered).toBe(0);
    expect(await db().decision.findUniqueOrThrow({ where: { applicationId: kull.queuedId } })).not.toMatchObject({ outcome: "OFFER" });
  });

  it("an open leave ends with the enrolment: one not begun is withdrawn, one begun ends today, each audited", async () => {
    const kull = await makeCohort({ students: 5, samlinger: DAYS, heldBefore: TODAY });
    const [later, now, mover, backdated, begunAfter] = kull.students.map((row) => row.enrolmentId) as [string, string, string, string, string];
    const leaveOf = (enrolmentId: string) => db().leaveOfAbsence.findFirstOrThrow({ where: { enrolmentId } });
    await grantLeave(kull.adviser, { enrolmentId: later, from: addDays(TODAY, 5), to: addDays(TODAY, 20), reason: "Operasjon", documentation: null }, NOW);
    await grantLeave(kull.adviser, { enrolmentId: now, from: addDays(TODAY, -3), to: addDays(TODAY, 20), reason: "Sykdom", documentation: null }, NOW);
    await grantLeave(kull.adviser, { enrolmentId: mover, from: addDays(TODAY, 5), to: addDays(TODAY, 20), reason: "Omsorg", documentation: null }, NOW);
    await withdrawStudent(kull.adviser, { enrolmentId: later, effectiveOn: TODAY, requestedOn: TODAY, reason: null }, NOW);
    await withdrawStudent(kull.adviser, { enrolmentId: now, effectiveOn: TODAY, requestedOn: TODAY, reason: null }, NOW);
    expect(await leaveOf(later)).toMatchObject({ status: "CANCELLED", returnedOn: null });
    expect(await leaveOf(now)).toMatchObject({ status: "GRANTED", returnRegisteredById: kull.adviser.id, ending: "STUDENT_WITHDRAWN" });
    expect(osloDate((await leaveOf(now)).returnedOn!)).toBe(TODAY);
    // The adviser reads the leave's last day and why it ended, not that the student came back.
    const withdrawn = kull.students.find((row) => row.enrolmentId === now)!;
    const record = await getStudentRecord(kull.adviser, withdrawn.userId, NOW);
    expect(record.enrolments[0]!.leaves).toMatchObject([{ status: "GRANTED", endNote: `gjaldt til og med ${formatDateNb(addDays(TODAY, -1))}, da studenten sluttet` }]);
    const audited = async (enrolmentId: string) =>
      (await db().auditLog.findMany({ where: { entityId: (await leaveOf(enrolmentId)).id }, orderBy: { id: "asc" } })).map((entry) => [entry.action, (entry.after as { cause?: string }).cause ?? null]);
    expect(await audited(later)).toEqual([["leave.grant", null], ["leave.cancel", "Studenten har sluttet"]]);
    expect(await audited(now)).toEqual([["leave.grant", null], ["leave.return", "Studenten har sluttet"]]);
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.withdraw", entityId: later } })).after).toMatchObject({ leave: "CANCELLED" });

    // A withdrawal registered afterwards, effective an earlier day: the leave ends the day she
    // stopped, never covering a day after it; one that began after that day is withdrawn.
    await grantLeave(kull.adviser, { enrolmentId: backdated, from: addDays(TODAY, -10), to: addDays(TODAY, 20), reason: "Sykdom", documentation: null }, NOW);
    await grantLeave(kull.adviser, { enrolmentId: begunAfter, from: addDays(TODAY, -3), to: addDays(TODAY, 20), reason: "Sykdom", documentation: null }, NOW);
    await withdrawStudent(kull.adviser, { enrolmentId: backdated, effectiveOn: addDays(TODAY, -5), requestedOn: TODAY, reason: null }, NOW);
    await withdrawStudent(kull.adviser, { enrolmentId: begunAfter, effectiveOn: addDays(TODAY, -5), requestedOn: TODAY, reason: null }, NOW);
    expect(await leaveOf(backdated)).toMatchObject({ status: "GRANTED", ending: "STUDENT_WITHDRAWN" });
    expect(osloDate((await leaveOf(backdated)).returnedOn!)).toBe(addDays(TODAY, -5));
    expect(await leaveOf(begunAfter)).toMatchObject({ status: "CANCELLED", returnedOn: null, ending: null });
    const stoppedEarlier = await getStudentRecord(kull.adviser, kull.students[3]!.userId, NOW);
    expect(stoppedEarlier.enrolments[0]!.leaves).toMatchObject([{ endNote: `gjaldt til og med ${formatDateNb(addDays(TODAY, -6))}, da studenten sluttet` }]);

    // A transfer withdraws a leave that has not begun, too (it used to register a return on its first day).
    const { cohort: next } = await createCohort(db(), {
      programmeId: (await db().cohort.findUniqueOrThrow({ where: { id: kull.cohortId }, select: { programmeId: true } })).programmeId,
      code: uniqueCohortCode(),
      capacity: 10,
      applicationOpensOn: addDays(TODAY, -60),
      applicationDeadline: addDays(TODAY, -30),
      offerAnswerDeadline: addDays(TODAY, -20),
      samlinger: [{ title: "Samling 1", days: [addDays(TODAY, 200), addDays(TODAY, 201)] }],
    });
    await transferStudent(kull.adviser, { enrolmentId: mover, toCohortId: next.id, credits: [], samlinger: [] }, NOW);
    expect(await leaveOf(mover)).toMatchObject({ status: "CANCELLED", returnedOn: null });
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "enrolment.transfer", entityId: mover } })).after).toMatchObject({ leave: "CANCELLED" });
  });

  it("a student already withdrawn cannot withdraw again, and a withdrawal in the future is refused at its field", async () => {
    await expect(withdrawStudent(world.adviser, { enrolmentId: student(REFUSED).enrolmentId, effectiveOn: addDays(TODAY, 1), requestedOn: TODAY, reason: null }, NOW)).rejects.toMatchObject({
      fieldErrors: { effectiveOn: [expect.stringContaining("kan ikke være etter i dag")] },
    });
  });
});

describe("the student's identity for FS", () => {
  it("the adviser registers it, the student corrects it; each change audited with before and after", async () => {
    const userId = student(DONE).userId;
    await saveStudentIdentity(world.adviser, { userId, birthDate: "1980-05-17", studentNumber: "512 345", fsPersonNumber: null }, NOW);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_identity.register", entityId: userId } })).toMatchObject({
      actorId: world.adviser.id,
      before: null,
      after: { birthDate: "1980-05-17", studentNumber: "512345", fsPersonNumber: null, by: "adviser" },
    });
    const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
    await signInAs(user);
    const result = await submit(saveOwnIdentityAction, { birthDate: "17.05.1981", studentNumber: "512345", fsPersonNumber: "7788" });
    expect(result).toMatchObject({ ok: true, message: "Takk! Opplysningene er lagret." });
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "student_identity.change", entityId: userId } })).toMatchObject({
      actorId: userId,
      before: { birthDate: "1980-05-17", studentNumber: "512345", fsPersonNumber: null },
      after: { birthDate: "1981-05-17", studentNumber: "512345", fsPersonNumber: "7788", by: "student" },
    });
    // Bad input is told at the field, and nothing is changed.
    const bad = await submit(saveOwnIdentityAction, { birthDate: "17.05.2020", studentNumber: "12345", fsPersonNumber: "" });
    expect(bad.ok).toBe(false);
    expect(bad.fieldErrors).toMatchObject({ birthDate: ["Studenten må være minst 18 år. Sjekk årstallet."], studentNumber: ["Studentnummeret er seks sifre, for eksempel 123456."] });
    // One person per number.
    const taken = await saveStudentIdentity(world.adviser, { userId: student(LEAVE).userId, birthDate: "1975-01-01", studentNumber: "512345", fsPersonNumber: null }, NOW).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ studentNumber: ["Studentnummeret er allerede registrert på en annen student. Sjekk sifrene."] });
  });

  it("faculty never read it through the student's record, only in the protocol and export of a kull they teach", async () => {
    const userId = student(DONE).userId;
    await expect(getStudentIdentity(world.teacher, userId)).rejects.toThrow(NotFoundError);
    await expect(saveStudentIdentity(world.teacher, { userId, birthDate: "1980-01-01", studentNumber: null, fsPersonNumber: null }, NOW)).rejects.toThrow(NotFoundError);
    const other = viewerOf({ id: student(LEAVE).userId, email: "x@example.no", name: "x", roles: ["STUDENT"] });
    await expect(getStudentIdentity(other, userId)).rejects.toThrow(NotFoundError);
    expect(await getStudentIdentity(world.adviser, userId)).toMatchObject({ studentNumber: "512345", fsPersonNumber: "7788", birthDate: "1981-05-17" });

    const protocol = await getExamProtocol(world.teacher, world.cohortId, NOW);
    expect(protocol.students.find((row) => row.name === student(DONE).name)).toMatchObject({ birthDate: "1981-05-17", studentNumber: "512345", fsPersonNumber: "7788" });
    const { csv } = await examResultsCsv(world.teacher, world.cohortId);
    expect(csv).toContain("512345");
    await expect(getExamProtocol(world.outsider, world.cohortId, NOW)).rejects.toThrow();
    await expect(examResultsCsv(world.outsider, world.cohortId)).rejects.toThrow();
  });
});

describe("stored standing equals a recomputation after any sequence of leave changes", () => {
  it("holds after every step of random grants, refusals, returns and withdrawals", async () => {
    const property = await makeCohort({ students: 3, samlinger: DAYS, heldBefore: TODAY });
    await db().$transaction((tx) => refreshStandings(tx, { cohortId: property.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
    const step = fc.record({
      kind: fc.constantFrom("GRANT", "REFUSE", "RETURN", "CANCEL"),
      student: fc.integer({ min: 0, max: 2 }),
      from: fc.integer({ min: -35, max: 20 }),
      length: fc.integer({ min: 0, max: 40 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        for (const { kind, student: index, from, length } of steps) {
          const enrolmentId = property.students[index]!.enrolmentId;
          const request = { enrolmentId, from: addDays(TODAY, from), to: addDays(TODAY, from + length), reason: "Sykdom", documentation: null };
          const run =
            kind === "GRANT"
              ? grantLeave(property.adviser, request, NOW)
              : kind === "REFUSE"
                ? refuseLeave(property.adviser, { ...request, grounds: "Ikke dokumentert." }, NOW)
                : kind === "RETURN"
                  ? registerReturn(property.adviser, { enrolmentId, returnedOn: TODAY }, NOW)
                  : cancelLeave(property.adviser, { enrolmentId, requestedOn: osloDate(NOW) }, NOW);
          // A change the rules refuse leaves everything as it was.
          await run.catch((error) => {
            if (!(error instanceof DomainError)) throw error;
          });
          expect(await storedStandings(property.cohortId)).toEqual(await recomputed(property.cohortId));
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("leave, klager on refusals, and the kull's completion in any order", () => {
  it("keeps the stored standing equal to a recomputation, puts nobody on leave in a completed kull, and leaves no leave neither begun nor ended", async () => {
    const other = viewerOf(await createUser(db(), { name: "Klagebehandler", roles: ["ADVISER"] }));
    const step = fc.record({
      // Leave decided more often than the kull's steps, so the klager have refusals to reverse.
      kind: fc.constantFrom("GRANT", "GRANT", "REFUSE", "REFUSE", "KLAGE", "KLAGE", "RETURN", "RETURN", "CANCEL", "COMPLETE_KULL", "REOPEN_KULL", "JOB"),
      student: fc.integer({ min: 0, max: 1 }),
      from: fc.integer({ min: -50, max: 25 }),
      length: fc.integer({ min: 0, max: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        // A kull of its own for each run: samlinger over (it can be completed), ending with an
        // exam in a month (leave can start until then).
        const kull = await makeCohort({ students: 2, samlinger: planDays(addDays(TODAY, -60), 6), heldBefore: TODAY, exam: { startsOn: addDays(TODAY, 30), endsOn: addDays(TODAY, 32) } });
        await db().$transaction((tx) => refreshStandings(tx, { cohortId: kull.cohortId }, { actorId: null, cause: "Første beregning", now: NOW, appUrl: "http://localhost" }));
        // The clock of the run: the job's step moves it on, and everything after happens then.
        let now = NOW;
        let today = TODAY;
        const students = await Promise.all(kull.students.map(async (row) => ({ ...row, self: viewerOf({ ...(await db().user.findUniqueOrThrow({ where: { id: row.userId } })), roles: ["STUDENT"] }) })));
        const klage = async (index: number) => {
          const refusal = await db().studentLetter.findFirst({
            where: { enrolmentId: students[index]!.enrolmentId, kind: "LEAVE_REFUSED", appeals: { none: {} } },
            orderBy: { decidedAt: "desc" },
            select: { id: true },
          });
          if (!refusal) return;
          const appealId = await fileStudentAppeal(students[index]!.self, refusal.id, { text: "Legeerklæringen er vedlagt." }, now);
          await decideStudentAppeal(other, appealId, { kind: "REVERSE", grounds: "Dokumentert." }, now);
        };
        const isCompleted = async () => (await db().cohort.findUniqueOrThrow({ where: { id: kull.cohortId }, select: { completedAt: true } })).completedAt !== null;
        const leaveStarts = () => db().auditLog.count({ where: { action: "enrolment.leave_start", entityId: { in: students.map((row) => row.enrolmentId) } } });
        for (const { kind, student: index, from, length } of steps) {
          const enrolmentId = students[index]!.enrolmentId;
          const request = { enrolmentId, from: addDays(today, from), to: addDays(today, from + length), reason: "Sykdom", documentation: null };
          const before = { completed: await isCompleted(), leaveStarts: await leaveStarts() };
          const run =
            kind === "GRANT"
              ? grantLeave(kull.adviser, request, now)
              : kind === "REFUSE"
                ? refuseLeave(kull.adviser, { ...request, grounds: "Ikke dokumentert." }, now)
                : kind === "KLAGE"
                  ? klage(index)
                  : kind === "RETURN"
                    ? registerReturn(kull.adviser, { enrolmentId, returnedOn: today }, now)
                    : kind === "CANCEL"
                      ? cancelLeave(kull.adviser, { enrolmentId, requestedOn: osloDate(now) }, now)
                      : kind === "COMPLETE_KULL"
                        ? completeCohort(kull.adviser, kull.cohortId, now)
                        : kind === "REOPEN_KULL"
                          ? reopenCohort(kull.adviser, kull.cohortId, "Rettes.", now)
                          : // Some days on, the hourly job: leave granted to begin by then begins.
                            (() => {
                              now = new Date(now.getTime() + 4 * 86_400_000);
                              today = osloDate(now);
                              return startDueLeaves({ now });
                            })();
          // A change the rules refuse leaves everything as it was.
          await run.catch((error) => {
            if (!(error instanceof DomainError)) throw error;
          });
          expect(await storedStandings(kull.cohortId)).toEqual(await recomputed(kull.cohortId, today));
          const completed = await isCompleted();
          // Nobody is put on leave in a completed kull, by a klage or otherwise.
          if (before.completed && completed) expect(await leaveStarts()).toBe(before.leaveStarts);
          for (const enrolment of await db().enrolment.findMany({
            where: { cohortId: kull.cohortId },
            select: { status: true, leaves: { where: { status: "GRANTED", returnedOn: null }, select: { fromDate: true } } },
          })) {
            // At most one open leave: begun exactly when the student is on leave.
            expect(enrolment.leaves.length).toBeLessThanOrEqual(1);
            const open = enrolment.leaves[0];
            if (enrolment.status === "ON_LEAVE") expect(open && isoDate(open.fromDate) <= today).toBe(true);
            if (enrolment.status === "ACTIVE" && open) {
              expect(isoDate(open.fromDate) > today).toBe(true);
              // A completed kull holds no leave that waits to begin: the job would put someone on leave in it.
              expect(completed).toBe(false);
            }
          }
        }
      }),
      {
        numRuns: 12,
        // And always the orders this was written for: a refusal reversed after the kull was completed
        // (and the kull opened again), and a leave granted to begin later, then completion.
        examples: [
          [
            [
              { kind: "REFUSE", student: 0, from: -5, length: 20 },
              { kind: "COMPLETE_KULL", student: 0, from: 0, length: 0 },
              { kind: "KLAGE", student: 0, from: 0, length: 0 },
              { kind: "REOPEN_KULL", student: 0, from: 0, length: 0 },
              { kind: "GRANT", student: 1, from: 5, length: 10 },
              { kind: "COMPLETE_KULL", student: 0, from: 0, length: 0 },
              { kind: "CANCEL", student: 1, from: 0, length: 0 },
              { kind: "COMPLETE_KULL", student: 0, from: 0, length: 0 },
            ],
          ],
        ],
      },
    );
  }, 180_000);
});

describe("the student's page after a withdrawal", () => {
  it("is where the adviser is sent, with the enrolment, so the page can say what happened (the form is gone by then)", async () => {
    const today = osloDate(new Date());
    const world = await makeCohort({ students: 2, samlinger: planDays(addDays(today, -30), 3), heldBefore: today });
    const student = world.students[0]!;
    await signInAs(world.users.adviser);
    expect(await redirectOf(() => submit(withdrawStudentAction, { enrolmentId: student.enrolmentId, userId: student.userId, effectiveOn: today, requestedOn: today, reason: "Ny jobb" }))).toBe(
      `/veileder/studenter/${student.userId}?sluttet=${student.enrolmentId}`,
    );
    expect((await db().enrolment.findUniqueOrThrow({ where: { id: student.enrolmentId }, select: { status: true } })).status).toBe("WITHDRAWN");
  });
});
