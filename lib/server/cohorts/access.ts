import "server-only";
// Who may see and run a cohort: advisers and admins every cohort; faculty only the cohorts whose
// teaching team they are on (CohortTeacher). A faculty member outside the team gets "not found",
// read or write, exactly as for a cohort that does not exist.
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Transaction } from "@/lib/db/client";
import { hasAnyRole, isStaff } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

const NOT_FOUND = "Fant ikke kullet.";

/** A `where` for the cohorts this viewer may see as staff (empty result for everyone else). */
export function staffCohortWhere(viewer: Viewer): Prisma.CohortWhereInput {
  if (isStaff(viewer)) return {};
  if (viewer.roles.includes("FACULTY")) return { teachers: { some: { userId: viewer.id } } };
  return { id: { in: [] } };
}

/**
 * The same rule as staffCohortWhere for a raw query: a condition on the cohort `c` (its "id"
 * column), or null when the viewer may see no cohort at all. A change to one is a change to both:
 * tests/integration/cohort-staff-access.test.ts checks that they select the same cohorts for
 * every kind of viewer.
 */
export function staffCohortSql(viewer: Viewer): Prisma.Sql | null {
  if (isStaff(viewer)) return Prisma.sql`TRUE`;
  if (viewer.roles.includes("FACULTY")) return Prisma.sql`EXISTS (SELECT 1 FROM "CohortTeacher" st WHERE st."cohortId" = c."id" AND st."userId" = ${viewer.id})`;
  return null;
}

/** Whether the viewer may see and run this cohort as staff. */
export async function isCohortStaff(viewer: Viewer, cohortId: string, client: Transaction | ReturnType<typeof db> = db()): Promise<boolean> {
  // Advisers and admins see every cohort, but only one that exists: a use case that trusted this
  // for an unknown id would fail later on its own query (a 500 instead of "not found").
  if (isStaff(viewer)) return (await (client as Transaction).cohort.count({ where: { id: cohortId } })) > 0;
  if (!hasAnyRole(viewer, ["FACULTY"])) return false;
  const membership = await (client as Transaction).cohortTeacher.findUnique({
    where: { cohortId_userId: { cohortId, userId: viewer.id } },
    select: { cohortId: true },
  });
  return membership !== null;
}

// The same question asked again in one request (the cohort layout, then the page's own read) is
// answered once: cached per request by React, keyed on the viewer object of this request. A
// transaction always asks again (a write decides on what it reads itself).
const isCohortStaffThisRequest = cache((viewer: Viewer, cohortId: string) => isCohortStaff(viewer, cohortId));

/** The cohort as staff may see it, or NotFound. Call it first in every staff use case on a cohort. */
export async function requireCohortStaff(viewer: Viewer, cohortId: string, client?: Transaction): Promise<void> {
  const allowed = client ? await isCohortStaff(viewer, cohortId, client) : await isCohortStaffThisRequest(viewer, cohortId);
  if (!allowed) throw new NotFoundError(NOT_FOUND);
}

/**
 * Whether the viewer is herself a student of the kull (any enrolment in it, also one that has
 * ended): an adviser who is does not handle her classmates' health data (canHandleHealthCases).
 * Asked only of staff; nobody else handles such cases anyway.
 */
export async function isStudentOfKull(viewer: Viewer, cohortId: string, client: Transaction | ReturnType<typeof db> = db()): Promise<boolean> {
  if (!isStaff(viewer)) return false;
  return (await (client as Transaction).enrolment.count({ where: { userId: viewer.id, cohortId } })) > 0;
}
