import "server-only";
// Every cohort page starts here: the viewer must be on the cohort's staff (its teaching team, an
// adviser or an admin); anyone else gets the same 404 as for a cohort that does not exist.
import { notFound } from "next/navigation";
import { getStaffCohort } from "@/lib/server/cohorts/staff-cohort";
import { NotFoundError } from "@/lib/server/errors";
import { requirePageRole } from "@/lib/server/viewer";
import { parseRecordId } from "@/lib/validation/ids";

export const COHORT_STAFF_ROLES = ["FACULTY", "ADVISER", "ADMIN"] as const;

/** The data, or Next's 404 page when the data layer says "not found". */
export async function found<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function loadCohortPage(params: Promise<{ cohortId: string }>, subpath = "") {
  const { cohortId } = await params;
  const viewer = await requirePageRole(COHORT_STAFF_ROLES, `/kull/${encodeURIComponent(cohortId)}${subpath}`);
  const id = parseRecordId(cohortId);
  if (!id) notFound();
  const cohort = await found(getStaffCohort(viewer, id));
  return { viewer, cohort };
}

/** An id from the URL, or a 404 before any query. */
export function idOr404(value: string): string {
  const id = parseRecordId(value);
  if (!id) notFound();
  return id;
}
