// The `notices.students` sweep, called directly: reminders three days before a due date to those
// who have not handed in, the attendance warnings, the "ikke godkjent" safety net with the
// assessment's own dedupe key; each queued once for all time (the second run queues nothing), and
// nothing for a cohort that has finished.
import { beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import { JOBS } from "@/lib/worker/jobs";
import { sweepStudentNotices } from "@/lib/server/students/notices";
import { createCohort, createSubmission, createUser, enrol, uniqueCohortCode } from "@/prisma/seed/factories";
import { isoDate } from "@/lib/to-domain";
import { studentCohort } from "./student-fixtures";
import { db } from "./support";

type Fixture = Awaited<ReturnType<typeof studentCohort>>;
let fx: Fixture;
let now: Date;

beforeAll(async () => {
  fx = await studentCohort({ students: 6 });
  now = new Date(`${fx.today}T12:00:00+01:00`);
  const held = fx.days.filter((d) => isoDate(d.date) < fx.today);
  expect(held).toHaveLength(2); // 7 days in all; 80 % needs 6, so one absence is allowed
  // Student 0 present both days; 1 absent once (no absence left); 2 absent twice (out of reach).
  const absentDays = [0, 1, 2];
  await db().attendance.createMany({
    data: fx.students.flatMap((student, index) =>
      held.map((samlingDay, dayIndex) => ({
        enrolmentId: student.enrolment.id,
        samlingDayId: samlingDay.id,
        status: dayIndex < (absentDays[index] ?? 0) ? ("ABSENT" as const) : ("PRESENT" as const),
        registeredById: fx.teacher.id,
      })),
    ),
  });
  // Arbeidskrav 2 is due in two days: student 3 has handed it in.
  await createSubmission(db(), {
    arbeidskravId: fx.byNumber(2).id,
    enrolmentIds: [fx.students[3]!.enrolment.id],
    submittedById: fx.students[3]!.user.id,
    attempts: [{ status: "SUBMITTED", at: new Date() }],
  });
  // Arbeidskrav 1: student 4's latest attempt was not approved; student 5 was not approved first,
  // then handed in again (waiting), so no notice about the old rejection.
  await createSubmission(db(), {
    arbeidskravId: fx.byNumber(1).id,
    enrolmentIds: [fx.students[4]!.enrolment.id],
    submittedById: fx.students[4]!.user.id,
    attempts: [{ status: "NOT_APPROVED", at: new Date(`${addDays(fx.today, -6)}T10:00:00Z`), assessorId: fx.teacher.id, feedback: "Mangler kilder." }],
  });
  await createSubmission(db(), {
    arbeidskravId: fx.byNumber(1).id,
    enrolmentIds: [fx.students[5]!.enrolment.id],
    submittedById: fx.students[5]!.user.id,
    attempts: [
      { status: "NOT_APPROVED", at: new Date(`${addDays(fx.today, -20)}T10:00:00Z`), assessorId: fx.teacher.id, feedback: "For kort." },
      { status: "SUBMITTED", at: new Date(`${addDays(fx.today, -2)}T10:00:00Z`) },
    ],
  });
  // A cohort that finished last year, with a student who fell short: no notices about history.
  const { cohort: finished } = await createCohort(db(), {
    programmeId: fx.programme.id,
    code: uniqueCohortCode(),
    applicationOpensOn: "2023-01-01",
    applicationDeadline: "2023-02-01",
    offerAnswerDeadline: "2023-03-01",
    samlinger: [{ title: "Samling 1", days: ["2024-01-09", "2024-01-10"] }],
    exam: { startsOn: "2024-05-06", endsOn: "2024-05-08" },
  });
  const oldStudent = await createUser(db(), { roles: ["STUDENT"] });
  await enrol(db(), { userId: oldStudent.id, cohortId: finished.id });
});

const keysFor = async (prefix: string) =>
  (await db().mailMessage.findMany({ where: { dedupeKey: { startsWith: prefix } }, select: { dedupeKey: true } })).map((row) => row.dedupeKey).sort();

describe("the students' notice sweep", () => {
  it("queues what is due, each once, and nothing on the second run", async () => {
    const first = await sweepStudentNotices({ now });
    expect(first).toBeGreaterThan(0);

    const reminderKeys = await keysFor(`reminder:${fx.byNumber(2).id}:`);
    expect(reminderKeys).toEqual(
      fx.students.filter((_, index) => index !== 3).map((student) => `reminder:${fx.byNumber(2).id}:${student.enrolment.id}`).sort(),
    );
    // Nothing for arbeidskrav due later than three days from now.
    expect(await keysFor(`reminder:${fx.byNumber(3).id}:`)).toEqual([]);

    // The attendance warnings follow each student's state (sent by the standings' refresh, which
    // the sweep runs as a safety net for facts written outside a use case, as here).
    expect(await keysFor("attendance-notice:")).toEqual(
      [`attendance-notice:${fx.students[1]!.enrolment.id}:1`, `attendance-notice:${fx.students[2]!.enrolment.id}:1`].sort(),
    );

    const rejected = await db().submissionAttempt.findFirstOrThrow({
      where: { status: "NOT_APPROVED", submission: { members: { some: { enrolmentId: fx.students[4]!.enrolment.id } } } },
      select: { id: true },
    });
    expect(await keysFor("arbeidskrav-assessed:")).toEqual([`arbeidskrav-assessed:${rejected.id}:${fx.students[4]!.enrolment.id}`]);
    expect(first).toBe(5 + 1 + 1 + 1);

    expect(await sweepStudentNotices({ now })).toBe(0);
    expect(await db().mailMessage.count()).toBe(first);
  });

  it("writes what the student needs: the deadline, the numbers and whom to contact", async () => {
    const reminder = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `reminder:${fx.byNumber(2).id}:${fx.students[0]!.enrolment.id}` } });
    expect(reminder.to).toBe(fx.students[0]!.user.email);
    expect(reminder.subject).toMatch(/^Påminnelse: Ledertreningsoppgave 1 skal leveres /);
    expect(reminder.text).toMatch(/kl\. 23\.59, om 2 dager\./);
    expect(reminder.text).toContain(`/student/arbeidskrav/${fx.byNumber(2).id}`);

    const lastAbsence = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `attendance-notice:${fx.students[1]!.enrolment.id}:1` } });
    expect(lastAbsence.subject).toBe("Oppmøte: du har nesten ikke mer fravær igjen");
    expect(lastAbsence.text).toContain("Du har vært til stede 1 av 2 dager så langt. Du må ha minst 6 av 7 dager totalt (80 %).");
    expect(lastAbsence.text).toContain("Du må møte alle de 5 gjenstående samlingsdagene.");

    const unreachable = await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: `attendance-notice:${fx.students[2]!.enrolment.id}:1` } });
    expect(unreachable.subject).toBe("Du kan ikke lenger nå oppmøtekravet på 80 %");
    // The cohort's academic lead (on its teaching team) is named, with the programme's adviser.
    expect(unreachable.text).toContain("Ta kontakt med studieveileder Ingrid Studieveileder Haugen (studieveileder@barnevernledelse.example, tlf. 73 00 00 01)");
    expect(unreachable.text).toContain(`fagansvarlig Frida Faglærer (${fx.teacher.email})`);

    const assessed = await db().mailMessage.findFirstOrThrow({ where: { dedupeKey: { startsWith: "arbeidskrav-assessed:" } } });
    expect(assessed.subject).toBe("Fagnotat 1 (individuelt) er ikke godkjent");
    expect(assessed.text).toContain("Mangler kilder.");
  });

  it("adds nothing when the assessment already queued its own e-mail with the same key", async () => {
    const student = fx.students[0]!;
    const submission = await createSubmission(db(), {
      arbeidskravId: fx.byNumber(1).id,
      enrolmentIds: [student.enrolment.id],
      submittedById: student.user.id,
      attempts: [{ status: "NOT_APPROVED", at: new Date(), assessorId: fx.teacher.id, feedback: "Se kommentarer." }],
    });
    const attempt = await db().submissionAttempt.findFirstOrThrow({ where: { submissionId: submission.id }, select: { id: true } });
    const key = `arbeidskrav-assessed:${attempt.id}:${student.enrolment.id}`;
    await db().mailMessage.create({ data: { dedupeKey: key, to: student.user.email, subject: "Fra vurderingen", text: "Skrevet av vurderingen" } });
    expect(await sweepStudentNotices({ now })).toBe(0);
    expect((await db().mailMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).subject).toBe("Fra vurderingen");
  });

  it("is a job with a schedule", () => {
    expect(JOBS["notices.students"].cron).toBe("7 * * * *");
  });
});
