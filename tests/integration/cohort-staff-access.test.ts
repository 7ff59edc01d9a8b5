// Faculty outside a cohort's teaching team get nothing, read or write ("not found", exactly as for
// a cohort that does not exist); faculty in the team may run it but not change the team; advisers
// may. The grid (40 students × 27 days), the arbeidskrav overview and the exam list need the same
// number of database queries for 10 and for 40 students (counted on the SQL the client sends).
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveDayAttendanceAction } from "@/lib/actions/attendance";
import { assessSubmissionAction } from "@/lib/actions/assessment";
import { addSamlingAction, updateRequirementsAction } from "@/lib/actions/cohort-plan";
import { addTeacherAction, moveStudentAction } from "@/lib/actions/cohort-team";
import { registerEligibleAction, setGradeAction } from "@/lib/actions/exam";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { staffCohortSql, staffCohortWhere } from "@/lib/server/cohorts/access";
import { getArbeidskravOverview, getSubmissionForAssessment } from "@/lib/server/cohorts/assessment";
import { getAttendanceGrid, getDayAttendance } from "@/lib/server/cohorts/attendance";
import { getExamAdmission } from "@/lib/server/exams/registration";
import { getFacultyHome } from "@/lib/server/cohorts/faculty-home";
import { getCohortPlan } from "@/lib/server/cohorts/plan";
import { getStaffCohort } from "@/lib/server/cohorts/staff-cohort";
import { getCohortTeam } from "@/lib/server/cohorts/team";
import { NotFoundError } from "@/lib/server/errors";
import { createUser } from "@/prisma/seed/factories";
import { makeCohort, planDays, viewerOf, type World } from "./cohort-world";
import { db, signInAs, submit } from "./support";

let world: World;
let submissionId: string;
let attemptId: string;

beforeAll(async () => {
  world = await makeCohort({
    students: 4,
    samlinger: planDays("2025-01-07", 6),
    heldBefore: "2030-01-01",
    approved: (index) => (index === 0 ? 4 : 5),
    exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" },
  });
  const waiting = await db().submissionAttempt.findFirstOrThrow({
    where: { status: "SUBMITTED", submission: { arbeidskrav: { cohortId: world.cohortId } } },
    select: { id: true, submissionId: true },
  });
  submissionId = waiting.submissionId;
  attemptId = waiting.id;
});

describe("a faculty member outside the teaching team", () => {
  it("reads nothing: every cohort page's data is not found", async () => {
    const { outsider, cohortId } = world;
    const reads = [
      () => getStaffCohort(outsider, cohortId),
      () => getCohortPlan(outsider, cohortId),
      () => getCohortTeam(outsider, cohortId),
      () => getDayAttendance(outsider, cohortId, world.days[0]!.id),
      () => getAttendanceGrid(outsider, cohortId),
      () => getArbeidskravOverview(outsider, cohortId),
      () => getSubmissionForAssessment(outsider, cohortId, submissionId),
      () => getExamAdmission(outsider, cohortId),
    ];
    for (const read of reads) await expect(read()).rejects.toBeInstanceOf(NotFoundError);
    expect(await getFacultyHome(outsider)).toEqual([]);
  });

  it("writes nothing: attendance, assessment, plan, exam and grades are refused as not found", async () => {
    await signInAs(world.users.outsider);
    const attempts = [
      await submit(saveDayAttendanceAction, { cohortId: world.cohortId, samlingDayId: world.days[0]!.id, [`status:${world.students[0]!.enrolmentId}`]: "ABSENT", reason: "x" }),
      await submit(assessSubmissionAction, { cohortId: world.cohortId, attemptId, decision: "APPROVED", feedback: "ok" }),
      await submit(addSamlingAction, { cohortId: world.cohortId, title: "Snik", location: "Et sted", days: "2031-01-07" }),
      await submit(registerEligibleAction, { cohortId: world.cohortId }),
      await submit(setGradeAction, { cohortId: world.cohortId, enrolmentId: world.students[1]!.enrolmentId, grade: "A" }),
    ];
    for (const result of attempts) expect(result).toMatchObject({ ok: false, message: "Fant ikke kullet." });
    expect(await db().attendance.count({ where: { enrolment: { cohortId: world.cohortId }, status: "ABSENT" } })).toBe(0);
    expect(await db().submissionAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } })).toEqual({ status: "SUBMITTED" });
    expect(await db().samling.count({ where: { title: "Snik" } })).toBe(0);
    expect(await db().examRegistration.count({ where: { examId: world.examId! } })).toBe(0);
    expect(await db().auditLog.count({ where: { actorId: world.outsider.id } })).toBe(0);
  });
});

describe("the rule of who sees a cohort, in both of its forms", () => {
  it("staffCohortSql (raw queries) selects exactly the cohorts staffCohortWhere (Prisma) selects, for every kind of viewer", async () => {
    // A second kull the teacher does not teach, so "all" and "the team's" differ.
    const other = await makeCohort({ students: 1, samlinger: planDays("2025-01-07", 3), heldBefore: "2025-01-01" });
    const [admin, student, both] = await Promise.all([
      createUser(db(), { name: "Admin", roles: ["ADMIN"] }),
      createUser(db(), { name: "Student", roles: ["STUDENT"] }),
      createUser(db(), { name: "Faglærer og student", roles: ["FACULTY", "STUDENT"] }),
    ]);
    // The faculty member who is also a student teaches the other kull: the student role adds nothing.
    await db().cohortTeacher.create({ data: { cohortId: other.cohortId, userId: both.id } });
    const viewers = { adviser: world.adviser, admin: viewerOf(admin), teacher: world.teacher, outsider: world.outsider, student: viewerOf(student), both: viewerOf(both), otherTeacher: other.teacher };
    // Both forms read in one snapshot.
    const seen = await db().$transaction(
      async (tx) => {
        const result: Record<string, { prisma: string[]; sql: string[] }> = {};
        for (const [name, viewer] of Object.entries(viewers)) {
          const prisma = (await tx.cohort.findMany({ where: staffCohortWhere(viewer), select: { id: true } })).map((row) => row.id).sort();
          const condition = staffCohortSql(viewer) ?? Prisma.sql`FALSE`;
          const sql = (await tx.$queryRaw<{ id: string }[]>`SELECT c."id" FROM "Cohort" c WHERE ${condition}`).map((row) => row.id).sort();
          result[name] = { prisma, sql };
        }
        return result;
      },
      { isolationLevel: "RepeatableRead" },
    );
    for (const [name, { prisma, sql }] of Object.entries(seen)) expect(sql, name).toEqual(prisma);
    // And the rule itself, so the comparison is not of two empty lists.
    expect(seen.adviser!.prisma).toEqual(expect.arrayContaining([world.cohortId, other.cohortId]));
    expect(seen.admin!.prisma).toEqual(seen.adviser!.prisma);
    expect(seen.teacher!.prisma).toContain(world.cohortId);
    expect(seen.teacher!.prisma).not.toContain(other.cohortId);
    expect(seen.otherTeacher!.prisma).toEqual([other.cohortId]);
    expect(seen.outsider!.prisma).toEqual([]);
    expect(seen.student!.prisma).toEqual([]);
    expect(seen.both!.prisma).toEqual([other.cohortId]);
    expect(staffCohortSql(viewers.student)).toBeNull();
  });
});

describe("the teaching team and advisers", () => {
  it("faculty in the team run the cohort but cannot change the team, groups or requirements", async () => {
    await signInAs(world.users.colleague);
    const faculty = await createUser(db(), { roles: ["FACULTY"] });
    for (const result of [
      await submit(addTeacherAction, { cohortId: world.cohortId, userId: faculty.id }),
      await submit(moveStudentAction, { cohortId: world.cohortId, enrolmentId: world.students[0]!.enrolmentId, basisgruppeId: world.groups[1]!.id }),
      await submit(updateRequirementsAction, { cohortId: world.cohortId, attendancePercent: "70", fagnotat: "2", ledertrening: "3", oral: "1", individualFagnotatMin: "1" }),
    ]) {
      expect(result).toMatchObject({ ok: false, message: "Du har ikke tilgang til å gjøre dette." });
    }
    const team = await getCohortTeam(world.colleague, world.cohortId);
    expect(team.availableFaculty).toEqual([]);
    // The colleague supervises Gruppe 2: it comes first for them.
    expect(team.groups.map((group) => [group.name, group.mine])).toEqual([
      ["Gruppe 2", true],
      ["Gruppe 1", false],
    ]);
  });

  it("advisers assign faculty and move students; the newcomer then sees the cohort", async () => {
    await signInAs(world.users.adviser);
    const newcomer = await createUser(db(), { name: "Ny Faglærer", roles: ["FACULTY"] });
    const viewer = { id: newcomer.id, email: newcomer.email, name: newcomer.name, roles: newcomer.roles, sessionId: "t", emailVerified: true };
    await expect(getCohortPlan(viewer, world.cohortId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await submit(addTeacherAction, { cohortId: world.cohortId, userId: newcomer.id })).toMatchObject({ ok: true, message: "Ny Faglærer er lagt til i lærerteamet." });
    expect((await getCohortPlan(viewer, world.cohortId)).id).toBe(world.cohortId);
    const moved = await submit(moveStudentAction, { cohortId: world.cohortId, enrolmentId: world.students[0]!.enrolmentId, basisgruppeId: world.groups[1]!.id });
    expect(moved).toMatchObject({ ok: true, message: "Student 01 er flyttet til Gruppe 2." });
    expect(await db().auditLog.count({ where: { actorId: world.adviser.id, action: { in: ["cohort.add_teacher", "enrolment.move_basisgruppe"] } } })).toBe(2);
  });

  it("requirements can be changed only before the cohort begins", async () => {
    await signInAs(world.users.adviser);
    const result = await submit(updateRequirementsAction, {
      cohortId: world.cohortId,
      attendancePercent: "70",
      fagnotat: "2",
      ledertrening: "4",
      oral: "1",
      individualFagnotatMin: "1",
    });
    expect(result).toMatchObject({ ok: false });
    expect(result.message).toMatch(/^Kullet har begynt/);
    const upcoming = await makeCohort({ students: 1, samlinger: planDays("2031-01-07", 3), heldBefore: "2000-01-01" });
    await signInAs(upcoming.users.adviser);
    const changed = await submit(updateRequirementsAction, {
      cohortId: upcoming.cohortId,
      attendancePercent: "75",
      fagnotat: "2",
      ledertrening: "4",
      oral: "1",
      individualFagnotatMin: "1",
    });
    expect(changed).toMatchObject({ ok: true });
    const plan = await getCohortPlan(upcoming.adviser, upcoming.cohortId);
    expect(plan.requirements).toEqual({ attendancePercent: 75, arbeidskrav: { total: 6, fagnotat: 2, ledertrening: 4, oral: 1, individualFagnotatMin: 1 } });
    // The five from the template no longer satisfy the cohort's six.
    expect(plan.arbeidskravProblems).toContain("Kullet må ha nøyaktig 6 obligatoriske arbeidskrav (har 5).");
  });
});

describe("query counts do not grow with the cohort", () => {
  let counted: PrismaClient;
  let queries = 0;
  const holder = globalThis as { __db?: unknown };
  let original: unknown;
  let small: World;
  let large: World;

  beforeAll(async () => {
    const days = planDays("2025-01-07", 27);
    [small, large] = [
      await makeCohort({ students: 10, samlinger: days, heldBefore: "2025-06-01", exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" }, groups: 3 }),
      await makeCohort({ students: 40, samlinger: planDays("2025-01-07", 27), heldBefore: "2025-06-01", exam: { startsOn: "2036-12-15", endsOn: "2036-12-17" }, groups: 4 }),
    ];
    counted = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
      log: [{ emit: "event", level: "query" }],
    });
    // Every SQL statement the client sends is one "query" event.
    (counted as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
      queries += 1;
    });
    original = holder.__db;
    holder.__db = counted;
  }, 120_000);

  afterAll(async () => {
    holder.__db = original;
    await counted.$disconnect();
  });

  async function count(run: () => Promise<unknown>): Promise<number> {
    queries = 0;
    await run();
    return queries;
  }

  it("the attendance grid (27 days) and its filter", async () => {
    const smallCount = await count(() => getAttendanceGrid(small.teacher, small.cohortId));
    const largeCount = await count(() => getAttendanceGrid(large.teacher, large.cohortId));
    const result = await getAttendanceGrid(large.teacher, large.cohortId);
    expect(result.students).toHaveLength(40);
    expect(result.columns).toHaveLength(27);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
    expect(await count(() => getAttendanceGrid(large.teacher, large.cohortId, { basisgruppeId: large.groups[0]!.id }))).toBe(smallCount);
  });

  it("the arbeidskrav overview", async () => {
    const smallCount = await count(() => getArbeidskravOverview(small.teacher, small.cohortId));
    const largeCount = await count(() => getArbeidskravOverview(large.teacher, large.cohortId));
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });

  it("the exam list, and a day's attendance list", async () => {
    const smallCount = await count(() => getExamAdmission(small.teacher, small.cohortId));
    const largeCount = await count(() => getExamAdmission(large.teacher, large.cohortId));
    expect((await getExamAdmission(large.teacher, large.cohortId)).students).toHaveLength(40);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
    expect(await count(() => getDayAttendance(large.teacher, large.cohortId, large.days[0]!.id))).toBe(
      await count(() => getDayAttendance(small.teacher, small.cohortId, small.days[0]!.id)),
    );
  });

  it("the faculty home", async () => {
    expect(await count(() => getFacultyHome(large.teacher))).toBe(await count(() => getFacultyHome(small.teacher)));
  });
});
