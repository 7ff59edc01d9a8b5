import "server-only";
// A new kull, always as a draft (applicants see it only once it is published, lib/server/intakes/
// life.ts): from the form, with the programme's template for its requirements (samlinger,
// arbeidskrav and team are added on the kull's plan and team pages), or by copying an earlier
// kull with the dates the adviser reviewed: its requirements, samlinger, arbeidskrav with new due
// dates, exam and teaching team. One transaction with its audit entry.
import { planShape, samlingDaysProblems } from "@/lib/domain/cohort-plan";
import { intakeFieldProblems, type IntakeFields } from "@/lib/domain/intake";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Transaction } from "@/lib/db/client";
import { day } from "@/lib/dates";
import { audit } from "@/lib/server/audit";
import { readPlanToCopy, writeCopiedPlan } from "@/lib/server/cohorts/samlinger";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { requireIntakeManager } from "@/lib/server/intakes/queries";
import type { Viewer } from "@/lib/server/viewer";
import { REQUIREMENT_COLUMNS } from "@/lib/to-domain";

const FIX_FIELDS = "Noe må rettes før kullet kan lagres. Se feltene som er merket.";

function refuse(problems: Record<string, string[] | undefined>): void {
  const fieldErrors = Object.fromEntries(Object.entries(problems).filter((entry): entry is [string, string[]] => Boolean(entry[1]?.length)));
  if (Object.keys(fieldErrors).length > 0) throw new DomainError(FIX_FIELDS, fieldErrors);
}

function codeTaken(code: string): DomainError {
  const message = `Studieprogrammet har allerede et kull ${code}.`;
  return new DomainError(message, { code: [message] });
}

function cohortData(fields: IntakeFields) {
  return {
    code: fields.code,
    name: fields.name.trim(),
    capacity: fields.capacity,
    applicationOpensOn: day(fields.applicationOpensOn),
    applicationDeadline: day(fields.applicationDeadline),
    offerAnswerDeadline: day(fields.offerAnswerDeadline),
    startsOn: day(fields.startsOn),
    endsOn: day(fields.endsOn),
    waitlistClosesOn: fields.waitlistClosesOn === null ? null : day(fields.waitlistClosesOn),
  };
}

async function inTransaction<T>(code: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db().$transaction(work);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw codeTaken(code);
    throw error;
  }
}

/** A draft kull from the form, with the programme's template as its requirements. */
export async function createIntake(viewer: Viewer, input: IntakeFields & { programmeId: string }) {
  requireIntakeManager(viewer);
  refuse(intakeFieldProblems(input));
  return inTransaction(input.code, async (tx) => {
    const programme = await tx.programme.findUnique({ where: { id: input.programmeId }, select: { id: true, name: true, ...REQUIREMENT_COLUMNS } });
    if (!programme) throw new DomainError("Velg studieprogrammet kullet hører til.", { programmeId: ["Velg et studieprogram."] });
    const { id: programmeId, name: _name, ...requirements } = programme;
    const cohort = await tx.cohort.create({ data: { programmeId, ...requirements, ...cohortData(input) }, select: { id: true, name: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.create",
      entityType: "Cohort",
      entityId: cohort.id,
      after: { ...input, requirements, publishedAt: null },
    });
    return cohort;
  });
}

export interface CopyInput {
  sourceCohortId: string;
  fields: IntakeFields;
  /** How many weeks the proposal moved the dates (for the record). */
  weeks: number;
  /** The source's plan as the form showed it (planShape); the dates below are matched to it. */
  planShape: string;
  /** The reviewed days of each of the source's samlinger, in its order (none: left out). */
  samlingDays: string[][];
  /** The reviewed due date of each of the source's arbeidskrav, by number. */
  dueDates: Record<number, string>;
  /** The exam's first day (when the source has an exam). */
  examFirstDay: string | null;
  copyTeam: boolean;
}

/**
 * A draft copy of an earlier kull, with the dates the adviser reviewed: the source's requirements
 * (its arbeidskrav set was made for them), samlinger with their days, every arbeidskrav with a new
 * due date, the exam, and, if asked, the teaching team (faculty whose accounts are still active,
 * the fagansvarlig kept).
 */
export async function copyIntake(viewer: Viewer, input: CopyInput) {
  requireIntakeManager(viewer);
  const source = await db().cohort.findUnique({
    where: { id: input.sourceCohortId },
    select: {
      id: true,
      programmeId: true,
      ...REQUIREMENT_COLUMNS,
      teachers: { select: { userId: true, academicLead: true, user: { select: { disabledAt: true, roles: true } } } },
    },
  });
  if (!source) throw new NotFoundError("Fant ikke kullet du vil kopiere.");
  const plan = await readPlanToCopy(db(), source.id);
  if (planShape(plan) !== input.planShape) {
    throw new DomainError(
      "Kullet du kopierer fra, har fått endret samlinger, arbeidskrav eller eksamen mens du så over forslaget. Last siden på nytt og se over datoene før du lagrer.",
    );
  }
  const problems: Record<string, string[]> = { ...(intakeFieldProblems(input.fields) as Record<string, string[]>) };
  const allDays: string[] = [];
  plan.samlinger.forEach((samling, index) => {
    // A samling whose days are all cleared is left out of the copy.
    const days = input.samlingDays[index] ?? [];
    if (days.length === 0) return;
    const own = samlingDaysProblems(days, allDays);
    if (own.length > 0) problems[`samling-${index}`] = own.map((problem) => `${samling.title}: ${problem}`);
    allDays.push(...days);
  });
  for (const definition of plan.arbeidskrav) {
    if (!input.dueDates[definition.number]) problems[`due-${definition.number}`] = [`Velg frist for ${definition.title}.`];
  }
  if (plan.exam && !input.examFirstDay) problems.examFirstDay = ["Velg første eksamensdag."];
  refuse(problems);
  const { id: _id, programmeId, teachers, ...requirements } = source;
  return inTransaction(input.fields.code, async (tx) => {
    const cohort = await tx.cohort.create({ data: { programmeId, ...requirements, ...cohortData(input.fields) }, select: { id: true, name: true } });
    await writeCopiedPlan(tx, cohort.id, plan, { samlingDays: input.samlingDays, dueDates: input.dueDates, examFirstDay: input.examFirstDay });
    const team = input.copyTeam ? teachers.filter((teacher) => teacher.user.disabledAt === null && teacher.user.roles.includes("FACULTY")) : [];
    if (team.length > 0) {
      await tx.cohortTeacher.createMany({ data: team.map((teacher) => ({ cohortId: cohort.id, userId: teacher.userId, academicLead: teacher.academicLead })) });
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.copy",
      entityType: "Cohort",
      entityId: cohort.id,
      after: {
        fromCohortId: source.id,
        weeks: input.weeks,
        ...input.fields,
        requirements,
        samlingDays: input.samlingDays,
        dueDates: input.dueDates,
        examFirstDay: input.examFirstDay,
        team: team.map((teacher) => teacher.userId),
        publishedAt: null,
      },
    });
    return cohort;
  });
}
