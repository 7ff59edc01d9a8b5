// A running cohort for the student tests, placed around today (Oslo): one samling held, one in ten
// days, one later, and the exam in three months; arbeidskrav due five days ago, in two days, and
// later; students enrolled in one basisgruppe with a prosessveileder.
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays } from "@/lib/domain/dates";
import {
  assignTeachers,
  createArbeidskrav,
  createBasisgruppe,
  createCohort,
  createProgramme,
  createSubmission,
  createUser,
  enrol,
  standardArbeidskrav,
  uniqueCohortCode,
} from "@/prisma/seed/factories";
import { resolveViewer, type Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { db, signInAs } from "./support";

export async function studentCohort(options: { students?: number; today?: string; capacity?: number } = {}) {
  const today = options.today ?? osloDate(new Date());
  const programme = await createProgramme(db());
  const { cohort, exam } = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    capacity: options.capacity ?? 60,
    applicationOpensOn: addDays(today, -300),
    applicationDeadline: addDays(today, -200),
    offerAnswerDeadline: addDays(today, -150),
    samlinger: [
      { title: "Samling 1", days: [addDays(today, -30), addDays(today, -29)] },
      { title: "Samling 2", days: [addDays(today, 10), addDays(today, 11)], location: "Scandic Lerkendal, Trondheim" },
      { title: "Samling 3", days: [addDays(today, 40), addDays(today, 41), addDays(today, 42)] },
    ],
    exam: { startsOn: addDays(today, 90), endsOn: addDays(today, 92) },
  });
  const definitions = await createArbeidskrav(
    db(),
    cohort.id,
    standardArbeidskrav([addDays(today, -5), addDays(today, 2), addDays(today, 20), addDays(today, 50), addDays(today, 80)]),
  );
  const teacher = await createUser(db(), { roles: ["FACULTY"], name: "Frida Faglærer" });
  await assignTeachers(db(), cohort.id, [teacher.id], { academicLead: teacher.id });
  const group = await createBasisgruppe(db(), cohort.id, "Basisgruppe Nord", teacher.id);
  const students = [];
  for (let index = 0; index < (options.students ?? 5); index += 1) {
    const user = await createUser(db(), { roles: ["STUDENT"], name: `Student ${String.fromCharCode(65 + (index % 26))}${index >= 26 ? index : ""}` });
    const enrolment = await enrol(db(), { userId: user.id, cohortId: cohort.id, basisgruppeId: group.id });
    students.push({ user, enrolment });
  }
  const days = await db().samlingDay.findMany({
    where: { samling: { cohorts: { some: { cohortId: cohort.id } } } },
    orderBy: { date: "asc" },
    select: { id: true, date: true },
  });
  const byNumber = (number: number) => definitions.find((definition) => definition.number === number)!;
  return { today, programme, cohort, exam: exam!, definitions, byNumber, teacher, group, students, days };
}

export type StudentCohort = Awaited<ReturnType<typeof studentCohort>>;

/** A cohort of `size` with attendance for every held day and a group hand-in, as in real use. */
export async function populatedCohort(size: number) {
  const fx = await studentCohort({ students: size });
  const held = fx.days.filter((d) => isoDate(d.date) < fx.today);
  await db().attendance.createMany({
    data: fx.students.flatMap((student, index) =>
      held.map((samlingDay, dayIndex) => ({
        enrolmentId: student.enrolment.id,
        samlingDayId: samlingDay.id,
        status: index % 4 === 0 && dayIndex === 0 ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: fx.teacher.id,
      })),
    ),
  });
  for (let start = 0; start + 3 <= fx.students.length; start += 3) {
    const members = fx.students.slice(start, start + 3);
    await createSubmission(db(), {
      arbeidskravId: fx.byNumber(3).id,
      enrolmentIds: members.map((m) => m.enrolment.id),
      submittedById: members[0]!.user.id,
      attempts: [{ status: "SUBMITTED", at: new Date() }],
    });
  }
  for (const student of fx.students) {
    await createSubmission(db(), {
      arbeidskravId: fx.byNumber(1).id,
      enrolmentIds: [student.enrolment.id],
      submittedById: student.user.id,
      attempts: [{ status: "APPROVED", at: new Date(`${addDays(fx.today, -8)}T10:00:00Z`), assessorId: fx.teacher.id, feedback: "Godkjent." }],
    });
  }
  return fx;
}

export async function studentViewer(fx: StudentCohort, index = 0): Promise<Viewer> {
  return (await resolveViewer(await signInAs(fx.students[index]!.user)))!;
}
