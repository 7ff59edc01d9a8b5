// A cohort made to measure for the faculty tests: students with a chosen attendance and number of
// approved arbeidskrav, its teaching team, a faculty member outside the team and an adviser.
import { addDays } from "@/lib/domain/dates";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, type RequirementColumns } from "@/lib/to-domain";
import {
  assignTeachers,
  cohortDays,
  createArbeidskrav,
  createBasisgruppe,
  createCohort,
  createProgramme,
  createSubmission,
  createUser,
  enrol,
  standardArbeidskrav,
  uniqueCohortCode,
  type ArbeidskravInput,
} from "@/prisma/seed/factories";
import { db } from "./support";

export function viewerOf(user: { id: string; email: string; name: string; roles: Viewer["roles"] }): Viewer {
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, sessionId: "test", emailVerified: true };
}

/** The intake form's fields as the kull has them now, for `updateIntake` with one field changed. */
export async function intakeFieldsOf(cohortId: string) {
  const c = await db().cohort.findUniqueOrThrow({ where: { id: cohortId } });
  return {
    cohortId,
    reason: null,
    code: c.code,
    name: c.name,
    capacity: c.capacity,
    applicationOpensOn: isoDate(c.applicationOpensOn),
    applicationDeadline: isoDate(c.applicationDeadline),
    offerAnswerDeadline: isoDate(c.offerAnswerDeadline),
    startsOn: isoDate(c.startsOn),
    endsOn: isoDate(c.endsOn),
    waitlistClosesOn: c.waitlistClosesOn ? isoDate(c.waitlistClosesOn) : null,
  };
}

/** `count` samling days in samlinger of three, starting `from`, one samling per fortnight. */
export function planDays(from: string, count: number): string[][] {
  const samlinger: string[][] = [];
  for (let index = 0; index < count; index += 1) {
    const samling = Math.floor(index / 3);
    (samlinger[samling] ??= []).push(addDays(from, samling * 14 + (index % 3)));
  }
  return samlinger;
}

export interface WorldOptions {
  students: number;
  /** Samlinger, each a list of dates. */
  samlinger: string[][];
  /** Days before this date are held and registered (present on the first `attended(i)` of them). */
  heldBefore: string;
  attended?: (index: number, held: number) => number;
  /** How many of the arbeidskrav (in number order) student i has approved; the rest are handed in. */
  approved?: (index: number) => number;
  requirements?: Partial<RequirementColumns>;
  arbeidskrav?: ArbeidskravInput[];
  exam?: { startsOn: string; endsOn: string };
  /** The kull's last day (default: the exam's, else the last samling day). */
  endsOn?: string;
  groups?: number;
}

export async function makeCohort(options: WorldOptions) {
  const programme = await createProgramme(db());
  const created = await createCohort(db(), {
    programmeId: programme.id,
    code: uniqueCohortCode(),
    capacity: Math.max(1, options.students + 5),
    applicationOpensOn: "2020-01-01",
    applicationDeadline: "2020-02-01",
    offerAnswerDeadline: "2020-03-01",
    samlinger: options.samlinger.map((days, index) => ({ title: `Samling ${index + 1}`, days })),
    exam: options.exam,
    endsOn: options.endsOn,
    requirements: options.requirements,
  });
  const cohortId = created.cohort.id;
  const [teacher, colleague, outsider, adviser] = await Promise.all([
    createUser(db(), { name: "Faglærer i teamet", roles: ["FACULTY"] }),
    createUser(db(), { name: "Kollega i teamet", roles: ["FACULTY"] }),
    createUser(db(), { name: "Faglærer utenfor teamet", roles: ["FACULTY"] }),
    createUser(db(), { name: "Studieveileder", roles: ["ADVISER"] }),
  ]);
  await assignTeachers(db(), cohortId, [teacher.id, colleague.id], { academicLead: teacher.id });
  const groups = await Promise.all(
    Array.from({ length: options.groups ?? 2 }, (_, index) => createBasisgruppe(db(), cohortId, `Gruppe ${index + 1}`, index === 0 ? teacher.id : colleague.id)),
  );
  const days = await cohortDays(db(), cohortId);
  const held = days.filter((d) => d.date.toISOString().slice(0, 10) < options.heldBefore);
  const definitions = await createArbeidskrav(db(), cohortId, options.arbeidskrav ?? standardArbeidskrav(["2020-10-01", "2020-11-01", "2020-12-01", "2021-01-01", "2021-02-01"]));
  const students: { enrolmentId: string; userId: string; name: string }[] = [];
  for (let index = 0; index < options.students; index += 1) {
    const name = `Student ${String(index + 1).padStart(2, "0")}`;
    const user = await createUser(db(), { name, roles: ["STUDENT"] });
    const enrolment = await enrol(db(), { userId: user.id, cohortId, basisgruppeId: groups[index % groups.length]!.id });
    students.push({ enrolmentId: enrolment.id, userId: user.id, name });
  }
  await db().attendance.createMany({
    data: students.flatMap((student, index) => {
      const present = options.attended ? options.attended(index, held.length) : held.length;
      return held.map((d, dayIndex) => ({
        enrolmentId: student.enrolmentId,
        samlingDayId: d.id,
        status: dayIndex < present ? ("PRESENT" as const) : ("ABSENT" as const),
        registeredById: teacher.id,
      }));
    }),
  });
  for (const [index, student] of students.entries()) {
    const approved = options.approved ? options.approved(index) : definitions.length;
    for (const definition of definitions) {
      const ok = definition.number <= approved;
      await createSubmission(db(), {
        arbeidskravId: definition.id,
        enrolmentIds: [student.enrolmentId],
        submittedById: student.userId,
        attempts: [ok ? { status: "APPROVED", assessorId: teacher.id, at: new Date("2020-09-01T10:00:00Z") } : { status: "SUBMITTED", at: new Date("2020-09-01T10:00:00Z") }],
      });
    }
  }
  return {
    cohortId,
    examId: created.exam?.id ?? null,
    programmeId: programme.id,
    days,
    definitions,
    groups,
    students,
    teacher: viewerOf(teacher),
    colleague: viewerOf(colleague),
    outsider: viewerOf(outsider),
    adviser: viewerOf(adviser),
    users: { teacher, colleague, outsider, adviser },
  };
}

export type World = Awaited<ReturnType<typeof makeCohort>>;

/**
 * A later kull of the same programme to transfer to: published, the same plan shape a term on
 * (four samlinger of three days from `today` + 40, as planDays makes them), the standard
 * arbeidskrav, its exam 200 days on. Returns its id.
 */
export async function makeLaterKull(programmeId: string, today: string): Promise<string> {
  const { cohort } = await createCohort(db(), {
    programmeId,
    code: uniqueCohortCode(),
    applicationOpensOn: addDays(today, -200),
    applicationDeadline: addDays(today, -100),
    offerAnswerDeadline: addDays(today, -80),
    // The same plan shape a term later: samling N has as many days as the old samling N.
    samlinger: planDays(addDays(today, 40), 12).map((days, index) => ({ title: `Samling ${index + 1}`, days })),
    exam: { startsOn: addDays(today, 200), endsOn: addDays(today, 202) },
  });
  await createArbeidskrav(db(), cohort.id, standardArbeidskrav([50, 70, 90, 110, 130].map((n) => addDays(today, n))));
  return cohort.id;
}
