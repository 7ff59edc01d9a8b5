// Exam admission is gated by eligibility on every path: the button registers exactly the ELIGIBLE
// students; a student at 79.5 % (35 of 44 days) or with four approved arbeidskrav is refused by a
// direct call and by a crafted POST; grades only for registered students (also in the database);
// a changed grade needs a reason; a cohort whose requirements say six arbeidskrav needs six.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishGradesAction, registerEligibleAction, registerStudentAction, setGradeAction } from "@/lib/actions/exam";
import { addDays } from "@/lib/domain/dates";
import { osloDate } from "@/lib/domain/application-deadline";
import { getExamAdmission, registerForExam, withdrawFromExam } from "@/lib/server/exams/registration";
import { DECIDE_ADMISSION_FIRST, publishGrades, setGrade } from "@/lib/server/exams/grades";
import { getExamProtocol } from "@/lib/server/exams/results";
import { DomainError } from "@/lib/server/errors";
import { STANDARD_ARBEIDSKRAV } from "@/lib/data/study-plan";
import { formatDateNb } from "@/lib/domain/format";
import { gradeRights } from "@/lib/domain/klage";
import { getStudentOverview } from "@/lib/server/students/overview";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { fsTerm } from "@/lib/domain/exam-results";
import { isoDate } from "@/lib/to-domain";
import { connectRaw, db, holdSitting, signInAs, submit } from "./support";

// 44 days, all held: 80 % needs 36 (35 is 79.5 %).
const days = planDays("2025-01-07", 44);
let world: World;
let raw: pg.Client;
const EXACTLY = 0; // 36 days, five approved: eligible
const SHORT = 1; // 35 of 44 (79.5 %)
const FOUR = 2; // 44 days, four approved
const FINE = 3;

beforeAll(async () => {
  world = await makeCohort({
    students: 5,
    samlinger: days,
    heldBefore: "2030-01-01",
    attended: (index, held) => (index === EXACTLY ? 36 : index === SHORT ? 35 : held),
    approved: (index) => (index === FOUR ? 4 : 5),
    exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" },
  });
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

const registered = async () =>
  (await db().examRegistration.findMany({ where: { examId: world.examId!, status: "ADMITTED" }, select: { enrolmentId: true } })).map((r) => r.enrolmentId).sort();
const enrolmentOf = (index: number) => world.students[index]!.enrolmentId;

describe("exam registration", () => {
  it("lists everyone with eligibility and reasons, in staff words", async () => {
    const list = await getExamAdmission(world.teacher, world.cohortId);
    const short = list.students.find((s) => s.enrolmentId === enrolmentOf(SHORT))!;
    expect(short.eligibility.status).toBe("NOT_ELIGIBLE");
    expect(short.reasons).toEqual(["Oppmøte 35 av 44 dager (79,5 %), krav 36: kravet kan ikke lenger nås."]);
    expect(list.students.find((s) => s.enrolmentId === enrolmentOf(FOUR))!.reasons).toEqual(["4 av 5 arbeidskrav godkjent. Mangler: Ledertreningsoppgave 3 (til vurdering)."]);
    expect(list.counts).toEqual({ eligibleNotRegistered: 3, decisionNeeded: 0, refused: 0, registered: 0, graded: 0, deferralsWaiting: 0 });
  });

  it("refuses the 79.5 % student and the four-arbeidskrav student by a direct call, registering nobody", async () => {
    for (const index of [SHORT, FOUR]) {
      await expect(registerForExam(world.teacher, { cohortId: world.cohortId, enrolmentIds: [enrolmentOf(index)] })).rejects.toBeInstanceOf(DomainError);
      await expect(
        registerForExam(world.teacher, { cohortId: world.cohortId, enrolmentIds: [enrolmentOf(FINE), enrolmentOf(index)] }),
      ).rejects.toThrow(/fyller ikke kravene/);
    }
    expect(await registered()).toEqual([]);
  });

  it("refuses them by a crafted POST to the single-student action", async () => {
    await signInAs(world.users.teacher);
    for (const index of [SHORT, FOUR]) {
      const result = await submit(registerStudentAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(index), status: "ADMITTED" });
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/fyller ikke kravene og kan ikke meldes opp/);
    }
    expect(await registered()).toEqual([]);
  });

  it("the button registers exactly the eligible, and again changes nothing", async () => {
    await signInAs(world.users.teacher);
    const first = await submit(registerEligibleAction, { cohortId: world.cohortId });
    expect(first).toMatchObject({ ok: true, message: "3 studenter som fyller kravene er meldt opp til eksamen." });
    expect(await registered()).toEqual([enrolmentOf(EXACTLY), enrolmentOf(FINE), enrolmentOf(4)].sort());
    const again = await submit(registerEligibleAction, { cohortId: world.cohortId });
    expect(again.message).toBe("Alle som fyller kravene, er allerede meldt opp.");
    expect(await registered()).toHaveLength(3);
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: "exam-registered:" }, to: { in: await emailsOf([EXACTLY, FINE, 4]) } } })).toBe(3);
    expect(await db().auditLog.count({ where: { action: "exam.register", actorId: world.teacher.id } })).toBe(3);
  });

  it("re-decides inside the transaction: a correction that makes a student ineligible keeps them out", async () => {
    const late = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 10), heldBefore: "2030-01-01", exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" } });
    // 10 days need 8: three absences make the first student ineligible.
    await db().attendance.updateMany({
      where: { enrolmentId: late.students[0]!.enrolmentId, samlingDay: { date: { lt: new Date("2025-01-10") } } },
      data: { status: "ABSENT" },
    });
    const result = await registerForExam(late.teacher, { cohortId: late.cohortId });
    expect(result.registered).toBe(1);
    expect(await db().examRegistration.count({ where: { enrolmentId: late.students[0]!.enrolmentId } })).toBe(0);
  });

  it("a registered student who no longer meets the requirements gets no result until the admission is decided", async () => {
    const kull = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 10), heldBefore: "2030-01-01", exam: { startsOn: "2026-11-14", endsOn: "2026-11-16" } });
    const [lacking, fine] = kull.students.map((row) => row.enrolmentId) as [string, string];
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId }, new Date("2026-11-01T10:00:00Z"))).toMatchObject({ registered: 2 });
    // A correction after the registration: three absences of ten days (8 needed).
    await db().attendance.updateMany({ where: { enrolmentId: lacking, samlingDay: { date: { lt: new Date("2025-01-10") } } }, data: { status: "ABSENT" } });
    expect((await getExamAdmission(kull.teacher, kull.cohortId)).students.find((row) => row.enrolmentId === lacking)!.decisionNeeded).toBe("REFUSAL_NEEDED");
    for (const grade of ["C", "NOT_ATTENDED"] as const) {
      await expect(setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId: lacking, grade, reason: null })).rejects.toThrow(DECIDE_ADMISSION_FIRST);
    }
    expect(await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: lacking } })).toMatchObject({ status: "ADMITTED", grade: null, gradedAt: null });
    // The flag stays for staff to decide; the others are graded as usual.
    expect((await getExamAdmission(kull.teacher, kull.cohortId)).counts.decisionNeeded).toBe(1);
    await expect(setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId: fine, grade: "B", reason: null })).resolves.toMatchObject({ grade: "B" });
    // The correction was itself wrong: corrected back, the result can be set.
    await db().attendance.updateMany({ where: { enrolmentId: lacking }, data: { status: "PRESENT" } });
    await expect(setGrade(kull.teacher, { cohortId: kull.cohortId, enrolmentId: lacking, grade: "C", reason: null })).resolves.toMatchObject({ grade: "C" });
  });

  it("a student on leave is neither offered nor counted for registration while the leave lasts", async () => {
    const today = osloDate(new Date());
    const kull = await makeCohort({ students: 2, samlinger: planDays(addDays(today, -90), 3), heldBefore: today, exam: { startsOn: addDays(today, 30), endsOn: addDays(today, 32) } });
    const [away] = kull.students.map((row) => row.enrolmentId) as [string, string];
    await db().enrolment.update({ where: { id: away }, data: { status: "ON_LEAVE" } });
    const page = await getExamAdmission(kull.teacher, kull.cohortId);
    expect(page.students.find((row) => row.enrolmentId === away)).toMatchObject({ onLeave: true, admission: { allowed: true } });
    expect(page.counts.eligibleNotRegistered).toBe(1);
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId })).toMatchObject({ registered: 1 });
    await expect(registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [away] })).rejects.toThrow(DomainError);
  });

  it("«Meld opp alle» leaves a student taken off the sitting as they are; registering them again is done by name", async () => {
    const today = osloDate(new Date());
    const kull = await makeCohort({ students: 2, samlinger: planDays(addDays(today, -90), 3), heldBefore: today, exam: { startsOn: addDays(today, 30), endsOn: addDays(today, 32) } });
    const [off, other] = kull.students.map((row) => row.enrolmentId) as [string, string];
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId })).toMatchObject({ registered: 2 });
    await withdrawFromExam(kull.teacher, { cohortId: kull.cohortId, enrolmentId: off });
    const page = await getExamAdmission(kull.teacher, kull.cohortId);
    expect(page.students.find((student) => student.enrolmentId === off)).toMatchObject({ withdrawn: true, registration: null });
    expect(page.counts.eligibleNotRegistered).toBe(0);
    // The button for everyone who fulfils the requirements does not put her back on it.
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId })).toMatchObject({ registered: 0 });
    const statusOf = async (enrolmentId: string) => (await db().examRegistration.findFirstOrThrow({ where: { enrolmentId } })).status;
    expect([await statusOf(off), await statusOf(other)]).toEqual(["WITHDRAWN", "ADMITTED"]);
    // Staff register her again deliberately.
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [off] })).toMatchObject({ registered: 1 });
    expect(await statusOf(off)).toBe("ADMITTED");
  });

  it("the page offers «Meld opp alle» for exactly those it then registers, whatever became of each at the sitting", async () => {
    const today = osloDate(new Date());
    const kull = await makeCohort({ students: 6, samlinger: planDays(addDays(today, -90), 3), heldBefore: today, exam: { startsOn: addDays(today, 30), endsOn: addDays(today, 32) } });
    const [fresh, deferred, withdrawn, refused, away, admitted] = kull.students.map((row) => row.enrolmentId) as [string, string, string, string, string, string];
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId, enrolmentIds: [deferred, withdrawn, refused, admitted] })).toMatchObject({ registered: 4 });
    await withdrawFromExam(kull.teacher, { cohortId: kull.cohortId, enrolmentId: withdrawn });
    // What became of two of them, set as the stored facts (a granted deferral; a refusal that no
    // longer stands, since she meets the requirements).
    await db().examRegistration.updateMany({ where: { enrolmentId: deferred }, data: { status: "DEFERRED" } });
    await db().examRegistration.updateMany({ where: { enrolmentId: refused }, data: { status: "REFUSED" } });
    await db().enrolment.update({ where: { id: away }, data: { status: "ON_LEAVE" } });
    const page = await getExamAdmission(kull.teacher, kull.cohortId);
    const offered = page.students.filter((student) => student.registeredByAll).map((student) => student.enrolmentId).sort();
    expect(offered).toEqual([fresh, refused].sort());
    expect(page.counts.eligibleNotRegistered).toBe(2);
    expect(await registerForExam(kull.teacher, { cohortId: kull.cohortId })).toMatchObject({ registered: 2 });
    const statuses = await db().examRegistration.findMany({ where: { examId: kull.examId! }, select: { enrolmentId: true, status: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.enrolmentId, row.status]))).toEqual({
      [fresh]: "ADMITTED",
      [deferred]: "DEFERRED",
      [withdrawn]: "WITHDRAWN",
      [refused]: "ADMITTED",
      [admitted]: "ADMITTED",
    });
    expect((await getExamAdmission(kull.teacher, kull.cohortId)).students.filter((student) => student.registeredByAll)).toEqual([]);
  });
});

async function emailsOf(indexes: number[]) {
  const users = await db().user.findMany({ where: { id: { in: indexes.map((i) => world.students[i]!.userId) } }, select: { email: true } });
  return users.map((u) => u.email);
}

describe("grades", () => {
  // The sitting has been held: results are set after its hand-in.
  beforeAll(async () => {
    await holdSitting(world.examId!);
  });

  it("are refused for a student who is not registered, by the action and by the database", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(SHORT), grade: "B" });
    expect(result).toMatchObject({ ok: false, message: "Studenten er ikke meldt opp til eksamen og kan ikke få karakter." });
    // A withdrawn registration cannot hold a grade either.
    await expect(
      raw.query(
        `INSERT INTO "ExamRegistration" ("id","examId","enrolmentId","status","decidedById","grade","gradedAt") VALUES ('cx1', $1, $2, 'WITHDRAWN', $3, 'B', now())`,
        [world.examId, enrolmentOf(SHORT), world.teacher.id],
      ),
    ).rejects.toThrow(/ExamRegistration_grade_only_admitted/);
    // Nor can a student of another cohort be registered for this exam.
    const other = await makeCohort({ students: 1, samlinger: [["2025-01-07"]], heldBefore: "2030-01-01" });
    await expect(
      raw.query(`INSERT INTO "ExamRegistration" ("id","examId","enrolmentId","decidedById") VALUES ('cx2', $1, $2, $3)`, [
        world.examId,
        other.students[0]!.enrolmentId,
        world.teacher.id,
      ]),
    ).rejects.toThrow(/not an active student of the cohort/);
  });

  it("are set for a registered student; a change needs a reason and is audited", async () => {
    await signInAs(world.users.teacher);
    expect(await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(FINE), grade: "C" })).toMatchObject({ ok: true });
    const refused = await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(FINE), grade: "B" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { reason: ["Skriv en begrunnelse for endringen."] } });
    const changed = await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(FINE), grade: "B", reason: "Klage tatt til følge" });
    expect(changed).toMatchObject({ ok: true, message: "Resultatet er endret til B. Endringen er logget med begrunnelsen." });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "exam.correct_grade" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: world.teacher.id, before: { grade: "C" }, after: { grade: "B", reason: "Klage tatt til følge" } });
    expect(await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: enrolmentOf(FINE), grade: "G" })).toMatchObject({ ok: false });
  });

  it("are published once, with an e-mail to each graded student", async () => {
    await signInAs(world.users.teacher);
    const result = await submit(publishGradesAction, { cohortId: world.cohortId });
    expect(result).toMatchObject({ ok: true, message: "Karakterene er publisert. 1 student får beskjed på e-post." });
    expect((await db().exam.findUniqueOrThrow({ where: { id: world.examId! } })).gradesPublishedAt).not.toBeNull();
    await expect(publishGrades(world.teacher, { cohortId: world.cohortId })).rejects.toThrow("Karakterene er allerede publisert.");
    // The e-mail tells of the rights to the grade's grounds and to klage, with their last days
    // counted from today, and whom to write to.
    const rights = gradeRights(osloDate(new Date()));
    const [published] = await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: "exam-grades-published:" }, to: { in: await emailsOf([FINE]) } } });
    expect(published!.text).toContain(`Be om den innen ${formatDateNb(rights.groundsBy)}.`);
    expect(published!.text).toContain(`Du kan klage på karakteren innen ${formatDateNb(rights.klageBy)};`);
    expect(published!.text).toContain("skriftlig til Ingrid Studieveileder Haugen, studieveileder@barnevernledelse.example.");
    // So does the student's exam page, while the klage period runs.
    const fine = viewerOf({ id: world.students[FINE]!.userId, email: "fine@test.no", name: world.students[FINE]!.name, roles: ["STUDENT"] });
    const [overview] = await getStudentOverview(fine);
    expect(overview!.exams.sittings.find((sitting) => sitting.id === world.examId)!.gradeRights).toEqual(rights);
    // A grade set after publication reaches the student at once.
    await setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: enrolmentOf(EXACTLY), grade: "A", reason: null });
    expect(await db().mailMessage.count({ where: { dedupeKey: { startsWith: "exam-grade" }, to: { in: await emailsOf([EXACTLY]) } } })).toBe(1);
    // A change says why.
    await setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: enrolmentOf(EXACTLY), grade: "B", reason: "Ny sensur etter klage." });
    const changed = await db().mailMessage.findFirstOrThrow({ where: { subject: { startsWith: "Karakteren din er endret" }, to: { in: await emailsOf([EXACTLY]) } } });
    expect(changed.text).toContain("Begrunnelse for endringen: Ny sensur etter klage.");
  });
});

describe("the results for FS", () => {
  it("are a CSV with BOM and semicolons, one row per registered student, for the cohort's staff only", async () => {
    const { GET } = await import("@/app/(staff)/kull/[cohortId]/eksamen/fs-eksport/route");
    const get = () => GET(new Request(`http://localhost/kull/${world.cohortId}/eksamen/fs-eksport`), { params: Promise.resolve({ cohortId: world.cohortId }) });
    await signInAs(world.users.outsider);
    expect((await get()).status).toBe(404);
    await signInAs(world.users.teacher);
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe(
      "Navn;Fødselsdato;Studentnummer;FS-personløpenummer;E-post;Emnekode;Versjonskode;Termin;Studiepoeng;Karakter;Karakterdato;Eksamen;Resultat på denne eksamen",
    );
    expect(lines).toHaveLength(4);
    const fine = lines.find((line) => line.startsWith("Student 04;"))!.split(";");
    // The term is the held sitting's (holdSitting moved it to the past; fsTerm is unit-tested).
    const term = fsTerm(isoDate((await db().exam.findUniqueOrThrow({ where: { id: world.examId! } })).startsOn));
    expect(fine.slice(5, 10)).toEqual(["BVL6001", "1", term, "30", "B"]);
    expect(fine[10]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(fine[1]).toBe("");
    expect(fine[2]).toBe(""); // no studentnummer registered for this student
  });

  it("name the programme's own course, version and credits, from the data (the protocol too)", async () => {
    const programme = await db().programme.findFirstOrThrow({ where: { cohorts: { some: { id: world.cohortId } } } });
    await db().programme.update({ where: { id: programme.id }, data: { fsCourseCode: "BVL6002", fsCourseVersion: "2", credits: 20 } });
    try {
      const { GET } = await import("@/app/(staff)/kull/[cohortId]/eksamen/fs-eksport/route");
      await signInAs(world.users.teacher);
      const response = await GET(new Request(`http://localhost/kull/${world.cohortId}/eksamen/fs-eksport`), { params: Promise.resolve({ cohortId: world.cohortId }) });
      expect(response.headers.get("content-disposition")).toContain("eksamensresultater-BVL6002-");
      const row = Buffer.from(await response.arrayBuffer()).subarray(3).toString("utf8").trim().split("\r\n").find((line) => line.startsWith("Student 04;"))!;
      const term = fsTerm(isoDate((await db().exam.findUniqueOrThrow({ where: { id: world.examId! } })).startsOn));
      expect(row.split(";").slice(5, 9)).toEqual(["BVL6002", "2", term, "20"]);
      const protocol = await getExamProtocol(world.teacher, world.cohortId);
      expect(protocol).toMatchObject({ courseCode: "BVL6002", courseVersion: "2", credits: 20 });
      // The database refuses a code FS would not take.
      await expect(db().programme.update({ where: { id: programme.id }, data: { fsCourseCode: "placeholder" } })).rejects.toThrow(/Programme_fs_course_code/);
    } finally {
      await db().programme.update({ where: { id: programme.id }, data: { fsCourseCode: programme.fsCourseCode, fsCourseVersion: programme.fsCourseVersion, credits: programme.credits } });
    }
  });
});

describe("a cohort whose requirements say six arbeidskrav", () => {
  it("needs six approved: five are not enough", async () => {
    const six = [
      ...STANDARD_ARBEIDSKRAV.map((template, index) => ({ ...template, dueDate: addDays("2025-02-01", index * 30) })),
      { number: 6, kind: "LEDERTRENING" as const, title: "Ledertreningsoppgave 4", individualOnly: true, maxGroupSize: 1, dueDate: "2025-09-01" },
    ];
    const cohort = await makeCohort({
      students: 2,
      samlinger: planDays("2025-01-07", 6),
      heldBefore: "2030-01-01",
      arbeidskrav: six,
      requirements: { arbeidskravTotal: 6, ledertreningCount: 4 },
      approved: (index) => (index === 0 ? 5 : 6),
      exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" },
    });
    const list = await getExamAdmission(cohort.teacher, cohort.cohortId);
    expect(list.students.map((s) => [s.eligibility.arbeidskrav.approved, s.eligibility.arbeidskrav.required, s.eligibility.status])).toEqual([
      [5, 6, "ON_TRACK"],
      [6, 6, "ELIGIBLE"],
    ]);
    await expect(
      registerForExam(cohort.teacher, { cohortId: cohort.cohortId, enrolmentIds: [cohort.students[0]!.enrolmentId] }),
    ).rejects.toThrow(/5 av 6 arbeidskrav godkjent/);
    expect(await registerForExam(cohort.teacher, { cohortId: cohort.cohortId })).toMatchObject({ registered: 1 });
  });
});
