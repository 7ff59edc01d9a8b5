// The database itself refuses what must never happen, whatever the application does.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRaw, db } from "./support";
import { holdsCaseAlone, STUDENT_LETTER_KINDS } from "@/lib/domain/student-letter";
import {
  cohortDays,
  createApplication,
  createCohort,
  createDecision,
  createProgramme,
  createStudentLetter,
  createUser,
  day,
  enrol,
  uniqueCohortCode,
} from "@/prisma/seed/factories";

let raw: pg.Client;

beforeAll(async () => {
  raw = await connectRaw();
});
afterAll(async () => {
  await raw.end();
});

async function smallCohort(capacity = 2) {
  const programme = await createProgramme(db());
  return createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    capacity,
    applicationOpensOn: "2030-01-01",
    applicationDeadline: "2030-03-01",
    offerAnswerDeadline: "2030-04-01",
    samlinger: [{ title: "Samling 1", days: ["2030-09-10", "2030-09-11"] }],
  });
}

describe("the audit log is append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE, and keeps the entry", async () => {
    const user = await createUser(db());
    const entry = await db().auditLog.create({
      data: { actorId: user.id, action: "test.write", entityType: "User", entityId: user.id, after: { a: 1 } },
    });
    await expect(raw.query(`UPDATE "AuditLog" SET "action" = 'forged' WHERE id = $1`, [entry.id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(raw.query(`DELETE FROM "AuditLog" WHERE id = $1`, [entry.id])).rejects.toThrow(/append-only: DELETE/);
    await expect(raw.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(db().auditLog.update({ where: { id: entry.id }, data: { action: "forged" } })).rejects.toThrow(
      /append-only: UPDATE/,
    );
    const kept = await db().auditLog.findUniqueOrThrow({ where: { id: entry.id } });
    expect(kept.action).toBe("test.write");
  });
});

describe("attendance", () => {
  it("has one row per student per samling day", async () => {
    const { cohort } = await smallCohort(5);
    const [first] = await cohortDays(db(), cohort.id);
    const teacher = await createUser(db(), { roles: ["FACULTY"] });
    const student = await createUser(db(), { roles: ["STUDENT"] });
    const enrolment = await enrol(db(), { userId: student.id, cohortId: cohort.id });
    const row = { enrolmentId: enrolment.id, samlingDayId: first!.id, status: "PRESENT" as const, registeredById: teacher.id };
    await db().attendance.create({ data: row });
    await expect(db().attendance.create({ data: { ...row, status: "ABSENT" } })).rejects.toMatchObject({ code: "P2002" });
    expect(await db().attendance.count({ where: { enrolmentId: enrolment.id } })).toBe(1);
  });

  it("may only be registered for a day in the student's own cohort plan", async () => {
    const mine = await smallCohort(5);
    const other = await smallCohort(5);
    const [otherDay] = await cohortDays(db(), other.cohort.id);
    const teacher = await createUser(db(), { roles: ["FACULTY"] });
    const student = await createUser(db(), { roles: ["STUDENT"] });
    const enrolment = await enrol(db(), { userId: student.id, cohortId: mine.cohort.id });
    await expect(
      db().attendance.create({
        data: { enrolmentId: enrolment.id, samlingDayId: otherDay!.id, status: "PRESENT", registeredById: teacher.id },
      }),
    ).rejects.toThrow(/not in the plan/);
  });
});

describe("capacity", () => {
  it("never lets open or accepted offers exceed the places, and a declined offer frees one", async () => {
    const { cohort } = await smallCohort(2);
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const applications = [];
    for (let index = 0; index < 3; index += 1) {
      const applicant = await createUser(db());
      applications.push(await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, status: "DECIDED" }));
    }
    const first = await createDecision(db(), { applicationId: applications[0]!.id, decidedById: adviser.id, outcome: "OFFER" });
    await createDecision(db(), { applicationId: applications[1]!.id, decidedById: adviser.id, outcome: "OFFER" });
    await expect(
      createDecision(db(), { applicationId: applications[2]!.id, decidedById: adviser.id, outcome: "OFFER" }),
    ).rejects.toThrow(/no free places/);
    // A waiting-list decision does not take a place.
    await createDecision(db(), { applicationId: applications[2]!.id, decidedById: adviser.id, outcome: "WAITLIST", waitlistPosition: 1 });

    await db().decision.update({ where: { id: first.id }, data: { answer: "DECLINED", answeredAt: new Date() } });
    await db().decision.update({
      where: { applicationId: applications[2]!.id },
      data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day("2030-05-01") },
    });
    expect(await db().decision.count({ where: { outcome: "OFFER", answer: null } })).toBe(2);
  });

  it("has one decision per application", async () => {
    const { cohort } = await smallCohort(5);
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const applicant = await createUser(db());
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id, status: "DECIDED" });
    await createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome: "REFUSAL" });
    await expect(
      createDecision(db(), { applicationId: application.id, decidedById: adviser.id, outcome: "OFFER" }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("never enrols more active students than the places", async () => {
    const { cohort } = await smallCohort(1);
    const a = await createUser(db(), { roles: ["STUDENT"] });
    const b = await createUser(db(), { roles: ["STUDENT"] });
    const first = await enrol(db(), { userId: a.id, cohortId: cohort.id });
    await expect(enrol(db(), { userId: b.id, cohortId: cohort.id })).rejects.toThrow(/no free places/);
    await db().enrolment.update({ where: { id: first.id }, data: { status: "WITHDRAWN" } });
    await expect(enrol(db(), { userId: b.id, cohortId: cohort.id })).resolves.toMatchObject({ status: "ACTIVE" });
  });
});

describe("documents", () => {
  it("can only document a position of their own application", async () => {
    const { cohort } = await smallCohort(5);
    const first = await createUser(db());
    const second = await createUser(db());
    const mine = await createApplication(db(), { applicantId: first.id, cohortId: cohort.id, positions: [{ employer: "A", employerType: "MUNICIPAL_CWS", countyCode: "50", municipalityCode: "5001", title: "Leder", startDate: "2020-01-01" }] });
    const theirs = await createApplication(db(), { applicantId: second.id, cohortId: cohort.id });
    const document = {
      kind: "TJENESTEBEVIS" as const,
      originalName: "tb.pdf",
      size: 10,
      sha256: "a".repeat(64),
      contentType: "application/pdf",
      uploadedById: second.id,
      positionId: mine.positions[0]!.id,
    };
    await expect(db().document.create({ data: { ...document, applicationId: theirs.id, storageKey: "aa/1" } })).rejects.toThrow(
      /Document_positionId_applicationId_fkey/,
    );
    await expect(db().document.create({ data: { ...document, applicationId: mine.id, storageKey: "aa/2" } })).resolves.toMatchObject({
      positionId: mine.positions[0]!.id,
    });
  });
});

describe("checks on values", () => {
  it("refuses impossible values", async () => {
    const { cohort } = await smallCohort(5);
    const applicant = await createUser(db());
    const application = await createApplication(db(), { applicantId: applicant.id, cohortId: cohort.id });
    const position = {
      applicationId: application.id,
      employer: "Trondheim kommune",
      employerType: "MUNICIPAL_CWS" as const,
      countyCode: "50",
      municipalityCode: "5001",
      title: "Leder",
      percent: 100,
      areaOfResponsibility: "Barnevern",
      startDate: day("2020-01-01"),
      superiorTitle: "Kommunalsjef",
      personnelCount: 3,
      professionalResponsibility: true,
      personnelResponsibility: true,
      leaderRole: "LEADER" as const,
    };
    await expect(db().position.create({ data: { ...position, percent: 0 } })).rejects.toThrow(/Position_percent_range/);
    await expect(db().position.create({ data: { ...position, endDate: day("2019-12-31") } })).rejects.toThrow(
      /Position_period_order/,
    );
    await expect(db().position.create({ data: { ...position, municipalityCode: "4601" } })).rejects.toThrow(
      /Position_municipality_code/,
    );
    await expect(db().user.create({ data: { email: "Stor@Bokstav.no", name: "X", roles: ["APPLICANT"] } })).rejects.toThrow(
      /User_email_lowercase/,
    );
    await expect(db().user.create({ data: { email: "ingen.rolle@test.no", name: "X", roles: [] } })).rejects.toThrow(
      /User_has_role/,
    );
    await expect(
      db().document.create({
        data: {
          kind: "VITNEMAL",
          applicationId: application.id,
          originalName: "tom.pdf",
          size: 0,
          sha256: "0".repeat(64),
          storageKey: "ab/cdef",
          contentType: "application/pdf",
          uploadedById: applicant.id,
        },
      }),
    ).rejects.toThrow(/Document_size_range/);
    await expect(db().position.create({ data: position })).resolves.toMatchObject({ percent: 100 });
  });

  it("a leave's end and how it ended are stored together", async () => {
    const { cohort } = await smallCohort(5);
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const enrolment = await enrol(db(), { userId: (await createUser(db(), { roles: ["STUDENT"] })).id, cohortId: cohort.id });
    const leave = await db().leaveOfAbsence.create({
      data: { enrolmentId: enrolment.id, fromDate: day("2030-09-01"), toDate: day("2030-10-01"), reason: "Sykdom", status: "GRANTED", decidedById: adviser.id },
    });
    const end = { returnedOn: day("2030-09-20"), returnRegisteredById: adviser.id };
    await expect(db().leaveOfAbsence.update({ where: { id: leave.id }, data: end })).rejects.toThrow(/LeaveOfAbsence_ending_with_end/);
    await expect(db().leaveOfAbsence.update({ where: { id: leave.id }, data: { ending: "RETURNED" } })).rejects.toThrow(/LeaveOfAbsence_ending_with_end/);
    await expect(db().leaveOfAbsence.update({ where: { id: leave.id }, data: { ...end, ending: "RETURNED" } })).resolves.toMatchObject({ ending: "RETURNED" });
  });
});

describe("case numbers", () => {
  it("the index that opens a case once leaves out exactly the kinds that share a case (the domain's holdsCaseAlone)", async () => {
    const { rows } = await raw.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'StudentLetter_caseNumber_opened_key'`);
    const excluded = [...rows[0]!.indexdef.matchAll(/'([A-Z_]+)'::"StudentLetterKind"/g)].map((match) => match[1]);
    expect(rows[0]!.indexdef).toMatch(/NOT IN|<> ALL/);
    expect(excluded.sort()).toEqual(STUDENT_LETTER_KINDS.filter((kind) => !holdsCaseAlone(kind)).sort());
  });

  it("a letter that opens a case cannot take a number already opened; the end of a leave carries its grant's", async () => {
    const { cohort } = await smallCohort(5);
    const student = await createUser(db(), { roles: ["STUDENT"] });
    const adviser = await createUser(db(), { roles: ["ADVISER"] });
    const enrolment = await enrol(db(), { userId: student.id, cohortId: cohort.id });
    const signer = { id: adviser.id, name: adviser.name, title: "Studieveileder" };
    const leave = { from: "2030-09-01", to: "2030-10-01" };
    const grant = await createStudentLetter(db(), {
      enrolmentId: enrolment.id,
      facts: { kind: "LEAVE_GRANTED", leave, reason: "Sykdom", samlingDays: 2, maxAbsences: 1, attendancePercent: 80, examWithdrawn: false },
      decidedBy: signer,
      about: { type: "LeaveOfAbsence", id: "leave-1" },
      at: new Date("2030-08-20T10:00:00Z"),
    });
    const ended = await createStudentLetter(db(), {
      enrolmentId: enrolment.id,
      facts: { kind: "LEAVE_ENDED", leave, returnedOn: "2030-09-20", samlingDays: 1 },
      decidedBy: signer,
      about: { type: "LeaveOfAbsence", id: "leave-1" },
      at: new Date("2030-09-20T10:00:00Z"),
      inCaseOf: { letterId: grant.id },
    });
    expect((await db().studentLetter.findUniqueOrThrow({ where: { id: ended.id } })).caseNumber).toBe(
      (await db().studentLetter.findUniqueOrThrow({ where: { id: grant.id } })).caseNumber,
    );
    // A confirmation is not an enkeltvedtak, and still opens its own case.
    await expect(
      createStudentLetter(db(), {
        enrolmentId: enrolment.id,
        facts: { kind: "WITHDRAWAL_CONFIRMED", effectiveOn: "2030-10-02", reason: null, examWithdrawn: false, requestedOn: "2030-10-01" },
        decidedBy: signer,
        about: { type: "Enrolment", id: enrolment.id },
        at: new Date("2030-10-02T10:00:00Z"),
        inCaseOf: { letterId: grant.id },
      }),
    ).rejects.toThrow(/StudentLetter_caseNumber_opened_key|Unique constraint/);
  });
});
