import "server-only";
// Reading study programmes as staff keep them: the list, and one programme's template for new
// kull (requirements, arbeidskrav, contacts, the offer's own words) with what is wrong with it.
import { canCreateProgramme, canEditProgramme } from "@/lib/permissions";
import { templateProblems } from "@/lib/domain/programme";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";
import { isRecordId } from "@/lib/validation/ids";

export const PROGRAMMES_STAFF_ONLY = "Bare studieveiledere og administratorer har tilgang til studieprogrammene.";

export function requireProgrammeEditor(viewer: Viewer): void {
  if (!canEditProgramme(viewer)) throw new AccessDeniedError(PROGRAMMES_STAFF_ONLY);
}

export async function listProgrammes(viewer: Viewer) {
  requireProgrammeEditor(viewer);
  const rows = await db().programme.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      credits: true,
      fsCourseCode: true,
      ...REQUIREMENT_COLUMNS,
      arbeidskravTemplates: { orderBy: { number: "asc" } },
      _count: { select: { cohorts: { where: { archivedAt: null } } } },
    },
  });
  return {
    canCreate: canCreateProgramme(viewer),
    programmes: rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      credits: row.credits,
      fsCourseCode: row.fsCourseCode,
      cohorts: row._count.cohorts,
      templateProblems: templateProblems(toRequirements(row), row.arbeidskravTemplates),
    })),
  };
}

export async function getProgramme(viewer: Viewer, programmeId: string) {
  requireProgrammeEditor(viewer);
  if (!isRecordId(programmeId)) throw new NotFoundError("Fant ikke studieprogrammet.");
  const row = await db().programme.findUnique({
    where: { id: programmeId },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      credits: true,
      fsCourseCode: true,
      fsCourseVersion: true,
      adviserName: true,
      adviserEmail: true,
      adviserPhone: true,
      academicLeadName: true,
      academicLeadEmail: true,
      academicLeadPhone: true,
      offerWelcomeText: true,
      offerPracticalText: true,
      ...REQUIREMENT_COLUMNS,
      arbeidskravTemplates: {
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          kind: true,
          title: true,
          description: true,
          required: true,
          individualOnly: true,
          oralPresentation: true,
          minGroupSize: true,
          maxGroupSize: true,
        },
      },
      cohorts: { where: { archivedAt: null }, orderBy: { startsOn: "desc" }, select: { id: true, name: true } },
    },
  });
  if (!row) throw new NotFoundError("Fant ikke studieprogrammet.");
  const requirements = toRequirements(row);
  return {
    ...row,
    requirements,
    templateProblems: templateProblems(requirements, row.arbeidskravTemplates),
  };
}

export type ProgrammeTemplate = Awaited<ReturnType<typeof getProgramme>>;

/** The programmes a new kull may belong to, for the form's list. */
export async function listProgrammeChoices(viewer: Viewer) {
  requireProgrammeEditor(viewer);
  return db().programme.findMany({ orderBy: { name: "asc" }, select: { id: true, code: true, name: true } });
}
