// An archived kull is a closed record (migration *_archived_kull_closed_to_writes): every write to
// its record is refused by the database, the use cases answer in Norwegian, nothing changes; the
// retention job still erases what the law says must go; an adviser can bring the kull back with a
// reason, and then it takes corrections again. Archiving waits until no case is open.
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTeacherAction, moveStudentAction } from "@/lib/actions/cohort-team";
import { addSamlingAction } from "@/lib/actions/cohort-plan";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { setGradeAction } from "@/lib/actions/exam";
import { archiveCohortAction, restoreCohortAction } from "@/lib/actions/intakes";
import { ARCHIVED_KULL_MESSAGE, sharedSamlingClosedMessage } from "@/lib/domain/cohort-life";
import { day } from "@/lib/dates";
import { publishGrades, setGrade } from "@/lib/server/exams/grades";
import { registerForExam } from "@/lib/server/exams/registration";
import { addSamlingDay, removeSamlingDay, updateSamling } from "@/lib/server/cohorts/samlinger";
import { completeStudent } from "@/lib/server/enrolments/completion";
import { listCohortsForStaff } from "@/lib/server/cohorts/staff-overview";
import { loadOpenCases, loadOpenCasesOf } from "@/lib/server/intakes/facts";
import { archiveCohort, completeCohort } from "@/lib/server/intakes/life";
import { applyRetention } from "@/lib/server/retention/sweep";
import { closeStudentAppeal, createStudentAppeal, createStudentLetter } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { measureRequest } from "./request-cost";
import { connectRaw, db, redirectOf, signInAs, someoneWaitsForLock, submit } from "./support";

/** The tables of a kull's record, closed when it is archived (one trigger each). */
const CLOSED_TABLES = [
  "AbsenceNotice",
  "ArbeidskravCredit",
  "ArbeidskravDefinition",
  "AssessmentChange",
  "Attendance",
  "AttendanceCredit",
  "Basisgruppe",
  "CohortSamling",
  "CohortTeacher",
  "CorrectionNotice",
  "CorrectionNoticeRecipient",
  "Document",
  "Enrolment",
  "Exam",
  "ExamDeferral",
  "ExamRegistration",
  "LeaveOfAbsence",
  "Samling",
  "SamlingDay",
  "StudentAppeal",
  "StudentLetter",
  "Submission",
  "SubmissionAttempt",
  "SubmissionMember",
];

/** Tables with a foreign key to a kull or to a closed table that are deliberately not closed (the migration says why). */
// AppealsBodyDecision: the klagenemnd decides when it decides; a stadfestet changes nothing of the
// record and is registered in an archived kull too, while carrying out a reversal writes the
// record's closed tables and waits until the kull is brought back. StudentLetterOpening: reading
// one's letters changes nothing of the kull's record.
const NOT_CLOSED = ["Appeal", "AppealsBodyDecision", "Application", "RankingMove", "Standing", "StudentLetterOpening"];

/** A completed kull of two students who passed; each has had the confirmation unless told otherwise. */
async function finishedKull(options: { confirmed?: boolean } = {}): Promise<World> {
  const world = await makeCohort({ students: 2, samlinger: planDays("2025-01-07", 6), heldBefore: "2030-01-01", exam: { startsOn: "2025-03-03", endsOn: "2025-03-05" } });
  await registerForExam(world.teacher, { cohortId: world.cohortId }, new Date("2025-03-01T10:00:00Z"));
  for (const student of world.students) await setGrade(world.teacher, { cohortId: world.cohortId, enrolmentId: student.enrolmentId, grade: "B", reason: null });
  await publishGrades(world.teacher, { cohortId: world.cohortId });
  // Published in March 2025, a week after the exam (the klage period on the grades ran out on 31 March).
  await db().exam.update({ where: { id: world.examId! }, data: { gradesPublishedAt: new Date("2025-03-10T12:00:00Z") } });
  await completeCohort(world.adviser, world.cohortId);
  if (options.confirmed ?? true) await confirmCompletions(world);
  return world;
}

/** An enkeltvedtak with its klage period: «ikke godkjent» on the final attempt, made available on `on`. */
function notApprovedLetter(world: World, enrolmentId: string, on: string) {
  return createStudentLetter(db(), {
    enrolmentId,
    facts: { kind: "ARBEIDSKRAV_NOT_APPROVED", arbeidskrav: { title: "Fagnotat 1 (individuelt)" }, attempt: 2, maxAttempts: 2, assessedOn: on, grounds: "Mangler kilder.", group: null, corrected: false },
    decidedBy: { id: world.teacher.id, name: world.teacher.name, title: "Faglærer" },
    about: { type: "SubmissionAttempt", id: "attempt-1" },
    at: day(on),
  });
}

async function confirmCompletions(world: World) {
  for (const student of world.students) await completeStudent(world.adviser, { enrolmentId: student.enrolmentId });
}

/** The advisory (archive) locks held by the sessions now waiting for a lock in this database. */
async function archiveLocksOfWaiting(observer: pg.Client): Promise<number> {
  const { rows } = await observer.query<{ held: number }>(
    `SELECT count(*)::int AS held FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted
       AND l.pid IN (SELECT a.pid FROM pg_stat_activity a WHERE a.datname = current_database() AND a.wait_event_type = 'Lock')`,
  );
  return rows[0]!.held;
}

/** Every row of the kull's record and the audit log, to show that a refused write changed nothing. */
async function recordOf(world: World) {
  const enrolmentIds = world.students.map((student) => student.enrolmentId);
  return {
    cohort: await db().cohort.findUniqueOrThrow({ where: { id: world.cohortId } }),
    teachers: await db().cohortTeacher.findMany({ where: { cohortId: world.cohortId }, orderBy: { userId: "asc" } }),
    samlinger: await db().cohortSamling.findMany({ where: { cohortId: world.cohortId }, orderBy: { number: "asc" } }),
    enrolments: await db().enrolment.findMany({ where: { cohortId: world.cohortId }, orderBy: { id: "asc" } }),
    attendance: await db().attendance.findMany({ where: { enrolmentId: { in: enrolmentIds } }, orderBy: { id: "asc" } }),
    registrations: await db().examRegistration.findMany({ where: { enrolmentId: { in: enrolmentIds } }, orderBy: { id: "asc" } }),
    audit: await db().auditLog.count(),
  };
}

let triggers: { table: string; path: string; column: string }[];

beforeAll(async () => {
  const rows = await db().$queryRaw<{ table: string; args: string }[]>`
    SELECT c.relname AS "table", encode(t.tgargs, 'escape') AS "args"
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
    WHERE t.tgname LIKE '%\_closed\_when\_archived%' AND NOT t.tgisinternal AND c.relname <> 'Cohort'`;
  // tgargs holds the arguments, each ended by a NUL byte (shown as \000 by encode).
  triggers = rows.map((row) => {
    const [path, column] = row.args.split("\\000");
    return { table: row.table, path: path!, column: column! };
  });
});

describe("the database's guard", () => {
  it("closes every table of a kull's record, and every table with a foreign key to a kull or to a closed table is closed or named as not", async () => {
    expect([...new Set(triggers.map((trigger) => trigger.table))].sort()).toEqual(CLOSED_TABLES);
    const referring = await db().$queryRaw<{ table: string }[]>`
      SELECT DISTINCT src.relname AS "table"
      FROM pg_constraint k JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
      WHERE k.contype = 'f' AND src.relnamespace = current_schema()::regnamespace AND dst.relname = ANY(${["Cohort", ...CLOSED_TABLES]})`;
    const tables = referring.map((row) => row.table);
    expect(tables.filter((table) => !CLOSED_TABLES.includes(table)).sort()).toEqual(NOT_CLOSED);
    // Each trigger names a column its table has.
    for (const trigger of triggers) {
      const [column] = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS "n" FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${trigger.table} AND column_name = ${trigger.column}`;
      expect(Number(column!.n), `${trigger.table}.${trigger.column}`).toBe(1);
    }
  });

  it("finds the kull by every path, archived or not, and refuses a change to any row of an archived kull's record", async () => {
    const archived = await finishedKull();
    const open = await finishedKull();
    const idsOf = async (world: World): Promise<Record<string, string>> => {
      const enrolmentId = world.students[0]!.enrolmentId;
      const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submission: { members: { some: { enrolmentId } } } }, select: { id: true, submissionId: true } });
      const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId }, select: { id: true } });
      const samling = await db().cohortSamling.findFirstOrThrow({ where: { cohortId: world.cohortId }, select: { samlingId: true } });
      return {
        cohort: world.cohortId,
        enrolment: enrolmentId,
        arbeidskrav: world.definitions[0]!.id,
        submission: attempt.submissionId,
        attempt: attempt.id,
        exam: world.examId!,
        registration: registration.id,
        samling: samling.samlingId,
      };
    };
    await archiveCohort(archived.adviser, archived.cohortId);
    const paths = [...new Set(triggers.map((trigger) => trigger.path))].sort();
    expect(paths).toEqual(["arbeidskrav", "attempt", "cohort", "deferral", "enrolment", "exam", "registration", "samling", "submission"]);
    for (const [world, expected] of [[archived, true], [open, false]] as const) {
      const ids = await idsOf(world);
      for (const path of paths.filter((path) => path !== "deferral")) {
        const [row] = await db().$queryRaw<{ archived: boolean }[]>`SELECT cohort_record_archived(${path}, ${ids[path]}) AS "archived"`;
        expect(row!.archived, `${path} of the ${expected ? "archived" : "open"} kull`).toBe(expected);
      }
    }

    // A row of each table the world fills (by ctid: some keys are composite): an update that
    // changes nothing is refused all the same, and so is a delete.
    const tried: string[] = [];
    for (const trigger of triggers) {
      const rows = await db().$queryRawUnsafe<{ id: string }[]>(
        `SELECT ctid::text AS "id" FROM "${trigger.table}" WHERE cohort_record_archived($1, "${trigger.column}") LIMIT 1`,
        trigger.path,
      );
      if (rows.length === 0) continue;
      tried.push(trigger.table);
      await expect(
        db().$executeRawUnsafe(`UPDATE "${trigger.table}" SET "${trigger.column}" = "${trigger.column}" WHERE ctid = $1::tid`, rows[0]!.id),
        trigger.table,
      ).rejects.toThrow(/Cohort_archived_closed|the kull is archived/);
      await expect(db().$executeRawUnsafe(`DELETE FROM "${trigger.table}" WHERE ctid = $1::tid`, rows[0]!.id), trigger.table).rejects.toThrow(/the kull is archived/);
    }
    expect(tried.sort()).toEqual(
      [
        "ArbeidskravDefinition",
        "Attendance",
        "Basisgruppe",
        "CohortSamling",
        "CohortTeacher",
        "Enrolment",
        "Exam",
        "ExamRegistration",
        "Samling",
        "SamlingDay",
        "StudentLetter",
        "Submission",
        "SubmissionAttempt",
        "SubmissionMember",
      ].sort(),
    );
    // New rows of the kinds the world does not fill are refused too.
    const enrolmentId = archived.students[0]!.enrolmentId;
    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId }, select: { id: true } });
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submission: { members: { some: { enrolmentId } } } }, select: { id: true, status: true } });
    const document = { originalName: "oppgave.pdf", size: 10, sha256: "0".repeat(64), contentType: "application/pdf", uploadedById: archived.users.adviser.id };
    const inserts: [string, () => Promise<unknown>][] = [
      ["AbsenceNotice", () => db().absenceNotice.create({ data: { enrolmentId, samlingDayId: archived.days.at(-1)!.id, reason: "Syk" } })],
      [
        "LeaveOfAbsence",
        () => db().leaveOfAbsence.create({ data: { enrolmentId, fromDate: day("2025-04-01"), toDate: day("2025-05-01"), reason: "Permisjon", status: "GRANTED", decidedById: archived.users.adviser.id } }),
      ],
      ["ExamDeferral", () => db().examDeferral.create({ data: { registrationId: registration.id, reason: "ILLNESS", explanation: "Syk", requestedById: archived.students[0]!.userId } })],
      [
        "AssessmentChange",
        () => db().assessmentChange.create({ data: { attemptId: attempt.id, cause: "CORRECTION", fromStatus: attempt.status, toStatus: "NOT_APPROVED", reason: "Feil", changedById: archived.users.teacher.id } }),
      ],
      ["Document (exam)", () => db().document.create({ data: { ...document, kind: "EXAM_TASK", examId: archived.examId!, storageKey: "arkiv-test-1" } })],
    ];
    for (const [table, insert] of inserts) await expect(insert(), table).rejects.toThrow(/the kull is archived/);
    // A new row is refused too, and the kull's own row changes only by being brought back.
    await expect(db().basisgruppe.create({ data: { cohortId: archived.cohortId, name: "Ny gruppe" } })).rejects.toThrow(/the kull is archived/);
    await expect(db().cohort.update({ where: { id: archived.cohortId }, data: { name: "Nytt navn" } })).rejects.toThrow(/the kull is archived/);
    await expect(db().cohort.delete({ where: { id: archived.cohortId } })).rejects.toThrow(/the kull is archived/);
    // The open kull takes the same writes.
    await db().basisgruppe.create({ data: { cohortId: open.cohortId, name: "Ny gruppe" } });
    await db().cohort.update({ where: { id: open.cohortId }, data: { name: "Nytt navn" } });
  });
});

describe("an archived kull", () => {
  let world: World;
  let adviser: World["users"]["adviser"];

  beforeAll(async () => {
    world = await finishedKull();
    adviser = world.users.adviser;
  });

  it("refuses every use case's write with the same Norwegian answer and changes nothing; brought back with a reason, it takes them again", async () => {
    await signInAs(adviser);
    expect(await redirectOf(() => submit(archiveCohortAction, { cohortId: world.cohortId }))).toBe(`/veileder/kull/${world.cohortId}?arkivert=1`);
    const before = await recordOf(world);
    const first = world.students[0]!;
    const attendance = {
      cohortId: world.cohortId,
      samlingDayId: world.days[0]!.id,
      [`status:${first.enrolmentId}`]: "ABSENT",
      [`status:${world.students[1]!.enrolmentId}`]: "PRESENT",
      reason: "Registrert feil.",
    };
    const refused = { ok: false, message: ARCHIVED_KULL_MESSAGE };

    await signInAs(world.users.teacher);
    expect(await submit(saveDayAttendanceAction, attendance)).toMatchObject(refused);
    expect(await submit(setGradeAction, { cohortId: world.cohortId, examId: world.examId!, enrolmentId: first.enrolmentId, grade: "C", reason: "Feil i sensuren." })).toMatchObject(refused);
    await signInAs(adviser);
    expect(await submit(addTeacherAction, { cohortId: world.cohortId, userId: world.users.outsider.id })).toMatchObject(refused);
    expect(await submit(moveStudentAction, { cohortId: world.cohortId, enrolmentId: first.enrolmentId, basisgruppeId: world.groups[1]!.id })).toMatchObject(refused);
    expect(await submit(addSamlingAction, { cohortId: world.cohortId, title: "Ekstra samling", location: "NTNU", days: ["2025-02-18"] })).toMatchObject(refused);
    expect(await recordOf(world)).toEqual(before);

    // Brought back: a reason is required, and kept in the audit entry.
    const empty = await submit(restoreCohortAction, { cohortId: world.cohortId, reason: "  " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { reason: ["Begrunnelsen må fylles ut."] } });
    expect(await redirectOf(() => submit(restoreCohortAction, { cohortId: world.cohortId, reason: "Klage på karakter tatt til følge, sak 2025/00042." }))).toBe(
      `/veileder/kull/${world.cohortId}?hentet=1`,
    );
    const restored = await db().cohort.findUniqueOrThrow({ where: { id: world.cohortId }, select: { archivedAt: true, completedAt: true } });
    expect(restored.archivedAt).toBeNull();
    expect(restored.completedAt).not.toBeNull();
    const [entry] = await db().auditLog.findMany({ where: { entityId: world.cohortId, action: "cohort.restore" } });
    expect(entry).toMatchObject({
      actorId: adviser.id,
      before: { phase: "ARCHIVED", archivedAt: before.cohort.archivedAt!.toISOString() },
      after: { archivedAt: null, reason: "Klage på karakter tatt til følge, sak 2025/00042." },
    });
    // A second time there is nothing to bring back.
    expect(await submit(restoreCohortAction, { cohortId: world.cohortId, reason: "Igjen." })).toMatchObject({ ok: false, message: "Kullet kan ikke hentes fram: Kullet er ikke arkivert." });

    await signInAs(world.users.teacher);
    expect(await submit(setGradeAction, { cohortId: world.cohortId, examId: world.examId!, enrolmentId: first.enrolmentId, grade: "C", reason: "Feil i sensuren." })).toMatchObject({ ok: true });
    expect(await submit(saveDayAttendanceAction, attendance)).toMatchObject({ ok: true });
    await signInAs(adviser);
    expect(await redirectOf(() => submit(archiveCohortAction, { cohortId: world.cohortId }))).toBe(`/veileder/kull/${world.cohortId}?arkivert=1`);
    expect(await db().auditLog.count({ where: { entityId: world.cohortId, action: "cohort.archive" } })).toBe(2);
  });

  it("still has its absence reasons erased by the retention job", async () => {
    const other = await finishedKull();
    const notice = await db().absenceNotice.create({
      data: { enrolmentId: other.students[0]!.enrolmentId, samlingDayId: other.days.at(-1)!.id, reason: "Sykt barn" },
    });
    await archiveCohort(other.adviser, other.cohortId);
    await expect(db().absenceNotice.update({ where: { id: notice.id }, data: { reason: null, reasonErasedAt: new Date() } })).rejects.toThrow(/the kull is archived/);
    const run = await applyRetention(new Date("2026-01-15T03:00:00Z"));
    expect(run.absenceReasonsErased).toBeGreaterThanOrEqual(1);
    expect(await db().absenceNotice.findUniqueOrThrow({ where: { id: notice.id }, select: { reason: true, reasonErasedAt: true } })).toMatchObject({
      reason: null,
      reasonErasedAt: expect.any(Date),
    });
    // The job's permission ended with its transactions.
    await expect(db().absenceNotice.delete({ where: { id: notice.id } })).rejects.toThrow(/the kull is archived/);
  });
});

describe("archiving", () => {
  it("waits until every student who passed has the confirmation, no request, klage or klage period is open and every leave has ended, naming what is open", async () => {
    const world = await finishedKull({ confirmed: false });
    const adviser = viewerOf(world.users.adviser);
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-04-05T12:00:00Z"))).rejects.toThrow(
      "Kullet kan ikke arkiveres: 2 studenter har bestått, men er ikke registrert som fullført og har ikke fått bekreftelsen.",
    );
    // A request for utsatt eksamen not decided (for the sake of the rule; a graded student would not ask).
    const registration = await db().examRegistration.findFirstOrThrow({ where: { enrolmentId: world.students[0]!.enrolmentId }, select: { id: true } });
    const request = await db().examDeferral.create({ data: { registrationId: registration.id, reason: "ILLNESS", explanation: "Syk", requestedById: world.students[0]!.userId } });
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-04-05T12:00:00Z"))).rejects.toThrow("Kullet kan ikke arkiveres: 1 søknad om utsatt eksamen er ikke avgjort.");
    await db().examDeferral.delete({ where: { id: request.id } });
    // One has it now; the other still waits for it (below, after the rest is settled).
    await completeStudent(adviser, { enrolmentId: world.students[0]!.enrolmentId });
    const student = world.students[0]!;
    const letter = await notApprovedLetter(world, student.enrolmentId, "2025-04-10");
    // 10 April + 21 days is 1 May, a public holiday: the deadline is Friday 2 May.
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-04-20T12:00:00Z"))).rejects.toThrow(
      "Kullet kan ikke arkiveres: Klagefristen for 1 vedtak er ikke ute. Kullet kan arkiveres etter 2. mai 2025.",
    );
    const appeal = await createStudentAppeal(db(), { letter, text: "Jeg klager.", filedAt: new Date("2025-04-21T12:00:00Z") });
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-05-05T12:00:00Z"))).rejects.toThrow(
      "Kullet kan ikke arkiveres: 1 klage er ikke avgjort eller ikke sendt videre til klagenemnda.",
    );
    const leave = await db().leaveOfAbsence.create({
      data: { enrolmentId: world.students[1]!.enrolmentId, fromDate: day("2025-05-10"), toDate: day("2025-06-30"), reason: "Foreldrepermisjon", status: "GRANTED", decidedById: world.users.adviser.id },
    });
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-05-05T12:00:00Z"))).rejects.toThrow(/1 student har en permisjon som ikke er avsluttet/);
    // The klage upheld: still open until it is sent on to the appeals body.
    const outcome = await createStudentLetter(db(), {
      enrolmentId: student.enrolmentId,
      facts: { kind: "KLAGE_UPHELD", klage: { filedOn: "2025-04-21", grounds: "Vurderingen står." }, appealed: { subject: letter.subject, madeAvailableOn: "2025-04-10", matter: "Fagnotat 1 (individuelt)" } },
      decidedBy: { id: world.users.adviser.id, name: world.users.adviser.name, title: "Studieveileder" },
      about: { type: "StudentAppeal", id: appeal.id },
      at: day("2025-05-01"),
      inCaseOf: { letterId: letter.id },
    });
    await closeStudentAppeal(db(), appeal.id, { status: "UPHELD", grounds: "Vurderingen står.", decidedById: world.users.adviser.id, at: day("2025-05-01"), outcomeLetterId: outcome.id });
    await db().leaveOfAbsence.update({ where: { id: leave.id }, data: { returnedOn: day("2025-07-01"), ending: "RETURNED", returnRegisteredById: world.users.adviser.id } });
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-02-03T12:00:00Z"))).rejects.toThrow(
      "Kullet kan ikke arkiveres: 1 klage er ikke avgjort eller ikke sendt videre til klagenemnda.",
    );
    // Sent on, the klage is the appeals body's, and the leave has ended: nothing is open.
    await db().studentAppeal.update({ where: { id: appeal.id }, data: { forwardedAt: day("2025-05-02") } });
    await expect(archiveCohort(adviser, world.cohortId, new Date("2025-05-05T12:00:00Z"))).rejects.toThrow(
      "Kullet kan ikke arkiveres: 1 student har bestått, men er ikke registrert som fullført og har ikke fått bekreftelsen.",
    );
    await completeStudent(adviser, { enrolmentId: world.students[1]!.enrolmentId });
    await archiveCohort(adviser, world.cohortId, new Date("2025-05-05T12:00:00Z"));
    expect((await db().cohort.findUniqueOrThrow({ where: { id: world.cohortId } })).archivedAt).not.toBeNull();
  });

  it("is the next step on the adviser's overview only for a completed kull with nothing open; one that must wait links to its page, which lists what is open", async () => {
    const ready = await finishedKull();
    const waiting = await finishedKull({ confirmed: false });
    await db().leaveOfAbsence.create({
      data: { enrolmentId: waiting.students[1]!.enrolmentId, fromDate: day("2025-05-10"), toDate: day("2025-06-30"), reason: "Foreldrepermisjon", status: "GRANTED", decidedById: waiting.users.adviser.id },
    });
    const now = new Date("2025-06-01T12:00:00Z");
    const overview = await listCohortsForStaff(viewerOf(ready.users.adviser), now);
    expect(overview.find((kull) => kull.id === ready.cohortId)?.nextStep).toEqual({ text: "Arkiver kullet", href: `/veileder/kull/${ready.cohortId}` });
    expect(overview.find((kull) => kull.id === waiting.cohortId)?.nextStep).toEqual({
      text: "Kullet kan arkiveres når det som står åpent, er avsluttet.",
      href: `/veileder/kull/${waiting.cohortId}`,
    });
    // Read for many kull at once, in the same statements as for one, each kull's cases its own.
    const one = await measureRequest(() => loadOpenCasesOf(db(), [ready.cohortId], "2025-06-01"));
    const { result: both, statements } = await measureRequest(() => loadOpenCasesOf(db(), [ready.cohortId, waiting.cohortId], "2025-06-01"));
    expect(statements).toBe(one.statements);
    expect(both.get(ready.cohortId)).toEqual(await loadOpenCases(db(), ready.cohortId, "2025-06-01"));
    expect(both.get(ready.cohortId)).toMatchObject({ unconfirmedCompletions: 0, unendedLeaves: 0 });
    expect(both.get(waiting.cohortId)).toMatchObject({ unconfirmedCompletions: 2, unendedLeaves: 1 });
  });
});

describe("archiving and a write at the same moment", () => {
  let other: pg.Client;
  let observer: pg.Client;
  beforeAll(async () => {
    other = await connectRaw();
    observer = await connectRaw();
  });
  afterAll(async () => {
    await other.end();
    await observer.end();
  });

  it("waits for a klage being filed, then counts it among the open cases", async () => {
    const world = await finishedKull();
    const student = world.students[0]!;
    const letter = await notApprovedLetter(world, student.enrolmentId, "2025-01-10");
    // The klage is written (in time, on the deadline) and not yet committed when archiving starts.
    await other.query("BEGIN");
    await other.query(
      `INSERT INTO "StudentAppeal" ("id", "letterId", "letterDecidedById", "enrolmentId", "text", "filedAt") VALUES ('klage-i-flukt', $1, $2, $3, 'Jeg klager.', $4)`,
      [letter.id, letter.decidedById, student.enrolmentId, new Date("2025-01-31T12:00:00Z")],
    );
    let settled = false;
    const archiving = archiveCohort(world.adviser, world.cohortId, new Date("2025-06-01T12:00:00Z")).finally(() => {
      settled = true;
    });
    archiving.catch(() => undefined);
    expect(await someoneWaitsForLock(observer, "%pg_advisory_xact_lock%")).toBe(true);
    expect(settled).toBe(false);
    await other.query("COMMIT");
    await expect(archiving).rejects.toThrow("Kullet kan ikke arkiveres: 1 klage er ikke avgjort eller ikke sendt videre til klagenemnda.");
    expect((await db().cohort.findUniqueOrThrow({ where: { id: world.cohortId } })).archivedAt).toBeNull();
  });

  it("lets ordinary writes of one kull pass each other: a completion goes through while another student's leave is being written", async () => {
    // With a row lock on the kull in the check (the first version), the leave's lock held the
    // completion's capacity check back, and the leave's own status change then waited for the
    // completion: a deadlock. The advisory lock is shared by both and waits for no row lock.
    const world = await finishedKull({ confirmed: false });
    const [first, second] = world.students as [World["students"][number], World["students"][number]];
    await other.query("BEGIN");
    await other.query(
      `INSERT INTO "LeaveOfAbsence" ("id", "enrolmentId", "fromDate", "toDate", "reason", "status", "decidedById") VALUES ('permisjon-i-flukt', $1, '2025-04-01', '2025-05-01', 'Permisjon', 'GRANTED', $2)`,
      [second.enrolmentId, world.users.adviser.id],
    );
    const completed = await completeStudent(world.adviser, { enrolmentId: first.enrolmentId });
    expect(completed.grade).toBe("B");
    await other.query(`UPDATE "Enrolment" SET "status" = 'ON_LEAVE' WHERE "id" = $1`, [second.enrolmentId]);
    await other.query("COMMIT");
    expect((await db().enrolment.findMany({ where: { cohortId: world.cohortId }, orderBy: { id: "asc" }, select: { id: true, status: true } })).map((row) => row.status).sort()).toEqual([
      "COMPLETED",
      "ON_LEAVE",
    ]);
  });

  it("has a completion take the kull's row before its archive lock, so archiving at that moment waits for it instead of deadlocking", async () => {
    // Archiving holds the kull's row and then waits for the archive lock. A completion that took
    // the archive lock with its first write and the row later (the capacity trigger) would wait
    // for archiving in turn: a deadlock, and one of the two aborted. lockEnrolment takes the row first.
    const world = await finishedKull({ confirmed: false });
    const [first, second] = world.students as [World["students"][number], World["students"][number]];
    await completeStudent(world.adviser, { enrolmentId: second.enrolmentId });
    await other.query("BEGIN");
    await other.query(`SELECT "id" FROM "Cohort" WHERE "id" = $1 FOR KEY SHARE`, [world.cohortId]);
    const completing = completeStudent(world.adviser, { enrolmentId: first.enrolmentId });
    completing.catch(() => undefined);
    expect(await someoneWaitsForLock(observer, "%")).toBe(true);
    expect(await archiveLocksOfWaiting(observer)).toBe(0);
    const archiving = archiveCohort(world.adviser, world.cohortId, new Date("2025-06-01T12:00:00Z")).then(
      () => "arkivert",
      (error: Error) => error.message,
    );
    await other.query("COMMIT");
    expect((await completing).grade).toBe("B");
    const archived = await archiving;
    // Whichever got the row first: archiving after the completion, or refused before it.
    expect(archived).toMatch(/^(arkivert|Kullet kan ikke arkiveres: 1 student har bestått, men er ikke registrert som fullført)/);
    const statuses = await db().enrolment.findMany({ where: { cohortId: world.cohortId }, select: { status: true } });
    expect(statuses.map((row) => row.status)).toEqual(["COMPLETED", "COMPLETED"]);
  });

  it("has a bare status change of an enrolment take the kull's row before its archive lock too (the capacity check fires before the closed-record check)", async () => {
    const world = await finishedKull({ confirmed: false });
    const writer = await connectRaw();
    try {
      await other.query("BEGIN");
      await other.query(`SELECT "id" FROM "Cohort" WHERE "id" = $1 FOR KEY SHARE`, [world.cohortId]);
      await writer.query("BEGIN");
      const updating = writer.query(`UPDATE "Enrolment" SET "status" = 'COMPLETED' WHERE "id" = $1`, [world.students[0]!.enrolmentId]);
      expect(await someoneWaitsForLock(observer, '%UPDATE "Enrolment"%')).toBe(true);
      expect(await archiveLocksOfWaiting(observer)).toBe(0);
      await other.query("COMMIT");
      await updating;
      await writer.query("ROLLBACK");
    } finally {
      await writer.end();
    }
  });

  it("refuses to archive a kull that is not completed at once, without waiting for or holding back the writes in flight", async () => {
    const world = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 2), heldBefore: "2025-01-08" });
    // A write to the kull's record in flight holds the archive lock shared (as the check takes it).
    await other.query("BEGIN");
    await other.query(`SELECT pg_advisory_xact_lock_shared(kull_archive_lock_key($1))`, [world.cohortId]);
    try {
      await expect(archiveCohort(world.adviser, world.cohortId, new Date("2025-01-08T12:00:00Z"))).rejects.toThrow(
        "Kullet kan ikke arkiveres: Bare fullførte kull kan arkiveres. Fullfør kullet først.",
      );
    } finally {
      await other.query("COMMIT");
    }
  });

  it("makes a write that comes while the kull is being archived wait, then refuses it", async () => {
    const world = await finishedKull();
    await signInAs(world.users.teacher);
    await other.query("BEGIN");
    // As archiveCohort does: the kull's row, then the closed-record lock exclusively, then archivedAt.
    await other.query(`SELECT "id" FROM "Cohort" WHERE "id" = $1 FOR NO KEY UPDATE`, [world.cohortId]);
    await other.query(`SELECT pg_advisory_xact_lock(kull_archive_lock_key($1))`, [world.cohortId]);
    await other.query(`UPDATE "Cohort" SET "archivedAt" = now() WHERE "id" = $1`, [world.cohortId]);
    const saving = submit(saveDayAttendanceAction, {
      cohortId: world.cohortId,
      samlingDayId: world.days[0]!.id,
      [`status:${world.students[0]!.enrolmentId}`]: "ABSENT",
      [`status:${world.students[1]!.enrolmentId}`]: "PRESENT",
      reason: "Registrert feil.",
    });
    expect(await someoneWaitsForLock(observer, "%Attendance%")).toBe(true);
    await other.query("COMMIT");
    expect(await saving).toMatchObject({ ok: false, message: ARCHIVED_KULL_MESSAGE });
    const first = await db().attendance.findUniqueOrThrow({ where: { enrolmentId_samlingDayId: { enrolmentId: world.students[0]!.enrolmentId, samlingDayId: world.days[0]!.id } } });
    expect(first.status).toBe("PRESENT");
  });
});

describe("a samling shared with an archived kull", () => {
  it("cannot change for the kull that shares it either, which is told which archived kull holds it", async () => {
    const archived = await finishedKull();
    const running = await makeCohort({ students: 1, samlinger: planDays("2027-01-05", 3), heldBefore: "2020-01-01" });
    const shared = archived.days[0]!;
    await db().cohortSamling.create({ data: { cohortId: running.cohortId, samlingId: shared.samlingId, number: 2 } });
    await archiveCohort(archived.adviser, archived.cohortId);
    const kull = await db().cohort.findUniqueOrThrow({ where: { id: archived.cohortId }, select: { name: true, programme: { select: { name: true } } } });
    const message = sharedSamlingClosedMessage([`${kull.name} (${kull.programme.name})`]);
    const adviser = running.adviser;
    await expect(addSamlingDay(adviser, { cohortId: running.cohortId, samlingId: shared.samlingId, date: "2025-01-10" })).rejects.toThrow(message);
    await expect(updateSamling(adviser, { cohortId: running.cohortId, samlingId: shared.samlingId, title: "Ny tittel", location: "Oslo", notes: null })).rejects.toThrow(message);
    await expect(removeSamlingDay(adviser, { cohortId: running.cohortId, samlingDayId: shared.id })).rejects.toThrow(message);
    // The kull's own samlinger change as before.
    await addSamlingDay(adviser, { cohortId: running.cohortId, samlingId: running.days[0]!.samlingId, date: "2027-01-04" });
    expect(await db().samlingDay.count({ where: { samlingId: running.days[0]!.samlingId } })).toBe(4);
  });
});
