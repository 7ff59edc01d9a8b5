import "server-only";
// Creating a study programme (admins) and keeping its template for new kull (advisers and
// admins): name, description, credits, FS course code and version, the attendance requirement, contacts shown to applicants
// and students, the offer's own words, and the arbeidskrav template as one whole set. A new
// programme starts with today's study plan as its arbeidskrav template. Changes reach only kull created afterwards: a kull copies the template
// when it is made. Each write is one transaction with its audit entry (before and after).
import { STANDARD_ARBEIDSKRAV } from "@/lib/data/study-plan";
import type { ArbeidskravSetItem } from "@/lib/domain/arbeidskrav";
import { fsCourseCodeProblem, fsCourseVersionProblem } from "@/lib/domain/exam-results";
import { creditsProblem, programmeCodeProblem, templateProblems } from "@/lib/domain/programme";
import { DEFAULT_REQUIREMENTS, validateRequirements, type CohortRequirements } from "@/lib/domain/requirements";
import { Prisma } from "@/lib/generated/prisma/client";
import { canCreateProgramme } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { requireProgrammeEditor } from "@/lib/server/programmes/queries";
import type { Viewer } from "@/lib/server/viewer";
import { REQUIREMENT_COLUMNS } from "@/lib/to-domain";

export interface ProgrammeFields {
  name: string;
  description: string;
  credits: number;
  /** The course FS records the exam under (emnekode, versjonskode; lib/domain/exam-results.ts). */
  fsCourseCode: string;
  fsCourseVersion: string;
  attendanceThresholdPercent: number;
  adviserName: string;
  adviserEmail: string;
  adviserPhone: string;
  academicLeadName: string;
  academicLeadEmail: string;
  academicLeadPhone: string;
  offerWelcomeText: string | null;
  offerPracticalText: string | null;
}

const FIELDS = {
  name: true,
  description: true,
  credits: true,
  fsCourseCode: true,
  fsCourseVersion: true,
  attendanceThresholdPercent: true,
  adviserName: true,
  adviserEmail: true,
  adviserPhone: true,
  academicLeadName: true,
  academicLeadEmail: true,
  academicLeadPhone: true,
  offerWelcomeText: true,
  offerPracticalText: true,
} as const;

/** The rules the form's schema cannot say: credits and the attendance requirement. */
function fieldProblems(input: ProgrammeFields): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const credits = creditsProblem(input.credits);
  if (credits) problems.credits = [credits];
  const fsCode = fsCourseCodeProblem(input.fsCourseCode);
  if (fsCode) problems.fsCourseCode = [fsCode];
  const fsVersion = fsCourseVersionProblem(input.fsCourseVersion);
  if (fsVersion) problems.fsCourseVersion = [fsVersion];
  const attendance = validateRequirements({ ...DEFAULT_REQUIREMENTS, attendancePercent: input.attendanceThresholdPercent });
  if (attendance.length > 0) problems.attendanceThresholdPercent = attendance;
  return problems;
}

function refuse(problems: Record<string, string[]>): void {
  if (Object.keys(problems).length > 0) throw new DomainError("Noe må rettes før studieprogrammet kan lagres. Se feltene som er merket.", problems);
}

export async function createProgramme(viewer: Viewer, input: ProgrammeFields & { code: string }) {
  if (!canCreateProgramme(viewer)) throw new AccessDeniedError("Bare administratorer kan opprette studieprogrammer.");
  const problems = fieldProblems(input);
  const code = programmeCodeProblem(input.code);
  if (code) problems.code = [code];
  refuse(problems);
  try {
    return await db().$transaction(async (tx) => {
      const programme = await tx.programme.create({
        data: {
          code: input.code,
          ...pick(input),
          arbeidskravTotal: DEFAULT_REQUIREMENTS.arbeidskrav.total,
          fagnotatCount: DEFAULT_REQUIREMENTS.arbeidskrav.fagnotat,
          ledertreningCount: DEFAULT_REQUIREMENTS.arbeidskrav.ledertrening,
          oralCount: DEFAULT_REQUIREMENTS.arbeidskrav.oral,
          individualFagnotatMin: DEFAULT_REQUIREMENTS.arbeidskrav.individualFagnotatMin,
          arbeidskravTemplates: { create: STANDARD_ARBEIDSKRAV.map((template) => ({ ...template })) },
        },
        select: { id: true, code: true, name: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "programme.create",
        entityType: "Programme",
        entityId: programme.id,
        after: { code: input.code, ...pick(input), arbeidskrav: STANDARD_ARBEIDSKRAV.map((template) => template.title) },
      });
      return programme;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const message = `Koden ${input.code} brukes allerede av et annet studieprogram.`;
      throw new DomainError(message, { code: [message] });
    }
    throw error;
  }
}

export async function updateProgramme(viewer: Viewer, input: ProgrammeFields & { programmeId: string }) {
  requireProgrammeEditor(viewer);
  refuse(fieldProblems(input));
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Programme" WHERE "id" = ${input.programmeId} FOR UPDATE`;
    if (!locked) throw new NotFoundError("Fant ikke studieprogrammet.");
    const before = await tx.programme.findUniqueOrThrow({ where: { id: input.programmeId }, select: FIELDS });
    const after = pick(input);
    await tx.programme.update({ where: { id: input.programmeId }, data: after });
    await audit(tx, { actorId: viewer.id, action: "programme.update", entityType: "Programme", entityId: input.programmeId, before, after });
    return { name: input.name };
  });
}

function pick(input: ProgrammeFields): ProgrammeFields {
  return {
    name: input.name,
    description: input.description,
    credits: input.credits,
    fsCourseCode: input.fsCourseCode,
    fsCourseVersion: input.fsCourseVersion,
    attendanceThresholdPercent: input.attendanceThresholdPercent,
    adviserName: input.adviserName,
    adviserEmail: input.adviserEmail,
    adviserPhone: input.adviserPhone,
    academicLeadName: input.academicLeadName,
    academicLeadEmail: input.academicLeadEmail,
    academicLeadPhone: input.academicLeadPhone,
    offerWelcomeText: input.offerWelcomeText,
    offerPracticalText: input.offerPracticalText,
  };
}

/**
 * The programme's arbeidskrav template and its composition, saved as one whole set (the rows of
 * THE set editor, components/cohort/arbeidskrav-set-form.tsx, without due dates): checked together
 * by templateProblems (validateRequirements and validateArbeidskravSet), so a kull made from it can
 * be published as it is, or nothing is stored. Audited before and after. Kull that exist keep
 * their own arbeidskrav.
 */
export async function saveProgrammeArbeidskrav(
  viewer: Viewer,
  input: { programmeId: string; composition: Omit<CohortRequirements["arbeidskrav"], "total">; items: readonly ArbeidskravSetItem[] },
) {
  requireProgrammeEditor(viewer);
  const items = [...input.items].sort((a, b) => a.number - b.number);
  const composition = { ...input.composition, total: input.composition.fagnotat + input.composition.ledertrening };
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Programme" WHERE "id" = ${input.programmeId} FOR UPDATE`;
    if (!locked) throw new NotFoundError("Fant ikke studieprogrammet.");
    const before = await tx.programme.findUniqueOrThrow({
      where: { id: input.programmeId },
      select: {
        ...REQUIREMENT_COLUMNS,
        arbeidskravTemplates: {
          orderBy: { number: "asc" },
          select: { id: true, number: true, kind: true, title: true, required: true, individualOnly: true, oralPresentation: true, minGroupSize: true, maxGroupSize: true },
        },
      },
    });
    const known = new Set(before.arbeidskravTemplates.map((template) => template.id));
    if (items.some((item) => item.id !== null && !known.has(item.id))) {
      throw new NotFoundError("Et av arbeidskravene hører ikke til studieprogrammet. Last siden på nytt.");
    }
    const problems = templateProblems({ attendancePercent: before.attendanceThresholdPercent, arbeidskrav: composition }, items);
    if (problems.length > 0) throw new DomainError(`Arbeidskravene ble ikke lagret. ${problems.join(" ")}`, { items: problems });
    const columns = {
      arbeidskravTotal: composition.total,
      fagnotatCount: composition.fagnotat,
      ledertreningCount: composition.ledertrening,
      oralCount: composition.oral,
      individualFagnotatMin: composition.individualFagnotatMin,
    };
    const rows = items.map((item) => ({
      number: item.number,
      kind: item.kind,
      title: item.title,
      description: item.description,
      required: item.required !== false,
      individualOnly: item.individualOnly,
      oralPresentation: item.oralPresentation,
      minGroupSize: item.minGroupSize,
      maxGroupSize: item.maxGroupSize,
    }));
    // Nothing refers to a template row (a kull copies it), so the set is written anew.
    await tx.arbeidskravTemplate.deleteMany({ where: { programmeId: input.programmeId } });
    await tx.arbeidskravTemplate.createMany({ data: rows.map((row) => ({ ...row, programmeId: input.programmeId })) });
    await tx.programme.update({ where: { id: input.programmeId }, data: columns });
    const { arbeidskravTemplates, ...beforeColumns } = before;
    await audit(tx, {
      actorId: viewer.id,
      action: "programme.update_arbeidskrav",
      entityType: "Programme",
      entityId: input.programmeId,
      before: { ...beforeColumns, arbeidskrav: arbeidskravTemplates.map(({ id: _id, ...template }) => template) },
      after: { ...columns, arbeidskrav: rows.map(({ description: _description, ...row }) => row) },
    });
    return { count: rows.length };
  });
}
