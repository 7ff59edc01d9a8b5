// The student's home page data: the same number of database queries for a cohort of 10 and of
// 40 (counted with Prisma's query events); the verdict and next steps from the one evaluation;
// contacts; the grade only once published; and only the student's own data.
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getStudentArbeidskrav } from "@/lib/server/students/arbeidskrav";
import { NotFoundError } from "@/lib/server/errors";
import { getStudentOverview } from "@/lib/server/students/overview";
import { resolveViewer } from "@/lib/server/viewer";
import { populatedCohort, studentViewer as viewerOf, type StudentCohort as Fixture } from "./student-fixtures";
import { db, signInAs } from "./support";

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  let count = 0;
  client.$on("query", () => {
    count += 1;
  });
  const holder = globalThis as { __db?: unknown };
  const previous = holder.__db;
  holder.__db = client;
  try {
    await run();
  } finally {
    holder.__db = previous;
    await client.$disconnect();
  }
  return count;
}

let small: Fixture;
let large: Fixture;

beforeAll(async () => {
  small = await populatedCohort(10);
  large = await populatedCohort(40);
}, 120_000);

describe("the student home page", () => {
  it("needs the same number of queries for a cohort of 10 and of 40", async () => {
    const smallViewer = await viewerOf(small);
    const largeViewer = await viewerOf(large);
    const [smallOverview] = await getStudentOverview(smallViewer);
    const [largeOverview] = await getStudentOverview(largeViewer);
    // Both show real data: a group of three, attendance, the verdict.
    expect(smallOverview!.arbeidskrav.find((item) => item.number === 3)!.submission!.members).toHaveLength(3);
    expect(largeOverview!.basisgruppe!.members).toHaveLength(40);
    const smallCount = await countQueries(() => getStudentOverview(smallViewer));
    const largeCount = await countQueries(() => getStudentOverview(largeViewer));
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });

  it("gives the verdict, the attendance picture and the next steps", async () => {
    const [overview] = await getStudentOverview(await viewerOf(small, 0)); // absent on the first day
    expect(overview!.eligibility.status).toBe("ON_TRACK");
    expect(overview!.attendance).toEqual({
      soFar: "Du har vært til stede 1 av 2 dager så langt.",
      rule: "Du må ha minst 6 av 7 dager totalt (80 %).",
      outlook: "Du må møte alle de 5 gjenstående samlingsdagene.",
    });
    expect(overview!.nextSteps.map((step) => step.text)).toContain("Du må møte alle de 5 gjenstående samlingsdagene.");
    expect(overview!.nextSteps.some((step) => step.text.startsWith("Neste samling: "))).toBe(true);
    expect(overview!.nextSteps.some((step) => step.text.startsWith("Ledertreningsoppgave 1 skal leveres innen"))).toBe(true);
    const days = overview!.samlinger.flatMap((samling) => samling.days.map((d) => d.state));
    expect(days).toEqual(["ABSENT", "PRESENT", "UPCOMING", "UPCOMING", "UPCOMING", "UPCOMING", "UPCOMING"]);
    expect(overview!.samlinger[1]!.weeks).toMatch(/^uke \d+/);
  });

  it("names the cohort's academic lead and the programme's adviser, and the basisgruppe's prosessveileder", async () => {
    const [overview] = await getStudentOverview(await viewerOf(small, 1));
    expect(overview!.contacts.academicLead.name).toBe("Frida Faglærer");
    expect(overview!.contacts.adviser.name).toBe("Ingrid Studieveileder Haugen");
    expect(overview!.basisgruppe!.supervisor!.email).toBe(small.teacher.email);
    expect(overview!.basisgruppe!.members.filter((member) => member.isViewer)).toHaveLength(1);
    // Without an academic lead on the team, the programme's is shown.
    await db().cohortTeacher.updateMany({ where: { cohortId: small.cohort.id }, data: { academicLead: false } });
    const [fallback] = await getStudentOverview(await viewerOf(small, 1));
    expect(fallback!.contacts.academicLead.name).toBe("Per Fagansvarlig Lunde");
    await db().cohortTeacher.update({ where: { cohortId_userId: { cohortId: small.cohort.id, userId: small.teacher.id } }, data: { academicLead: true } });
  });

  it("shows the grade only once the exam's grades are published", async () => {
    const student = small.students[2]!;
    await db().examRegistration.create({
      data: { examId: small.exam.id, enrolmentId: student.enrolment.id, decidedById: small.teacher.id, grade: "B", gradedAt: new Date(), gradedById: small.teacher.id },
    });
    const [before] = await getStudentOverview(await viewerOf(small, 2));
    expect(before!.exam).toMatchObject({ registered: true, publishedGrade: null });
    await db().exam.update({ where: { id: small.exam.id }, data: { gradesPublishedAt: new Date() } });
    const [after] = await getStudentOverview(await viewerOf(small, 2));
    expect(after!.exam).toMatchObject({ registered: true, publishedGrade: "B" });
    await db().exam.update({ where: { id: small.exam.id }, data: { gradesPublishedAt: null } });
  });
});

describe("a student's own data only", () => {
  it("shows only the viewer's enrolment, and another cohort's arbeidskrav is not found", async () => {
    const viewer = await viewerOf(small, 3);
    const overview = await getStudentOverview(viewer);
    expect(overview.map((enrolment) => enrolment.enrolmentId)).toEqual([small.students[3]!.enrolment.id]);
    await expect(getStudentArbeidskrav(viewer, large.byNumber(3).id)).rejects.toBeInstanceOf(NotFoundError);
    const own = await getStudentArbeidskrav(viewer, small.byNumber(3).id);
    // Student 3 is in the second group of three: they see their group, not the first.
    expect(own.arbeidskrav.submission!.members.map((member) => member.name)).toEqual(
      small.students.slice(3, 6).map((student) => student.user.name).sort((a, b) => a.localeCompare(b, "nb")),
    );
    // Classmates are offered only for a first hand-in of an arbeidskrav that allows groups.
    expect(own.classmates).toEqual([]);
    const fagnotat1 = await getStudentArbeidskrav(viewer, small.byNumber(1).id);
    expect(fagnotat1.groupAllowed).toBe(false);
  });

  it("offers the classmates of the viewer's own cohort for a group hand-in, not anyone else", async () => {
    const student = small.students[9]!; // 10 students: the tenth is in no group for fagnotat 2
    const viewer = (await resolveViewer(await signInAs(student.user)))!;
    const { classmates, canHandIn } = await getStudentArbeidskrav(viewer, small.byNumber(3).id);
    expect(canHandIn).toBe(true);
    expect(classmates).toHaveLength(9);
    expect(classmates.some((classmate) => classmate.enrolmentId === student.enrolment.id)).toBe(false);
    const outsiders = new Set(large.students.map((s) => s.enrolment.id));
    expect(classmates.some((classmate) => outsiders.has(classmate.enrolmentId))).toBe(false);
  });
});
