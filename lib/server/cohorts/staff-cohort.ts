import "server-only";
// The cohort as its staff see it at the top of every cohort page (/kull/[cohortId]/…): name,
// programme, dates, phase, and what this viewer may change. Faculty outside the teaching team get
// NotFound, exactly as for a cohort that does not exist.
import { cache } from "react";
import { osloDate } from "@/lib/domain/application-deadline";
import { isStaff } from "@/lib/permissions";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export type CohortPhase = "UPCOMING" | "RUNNING" | "COMPLETED";

export interface StaffCohort {
  id: string;
  code: string;
  name: string;
  /** fsCourseCode: the course FS records the exam under (Programme.fsCourseCode). */
  programme: { code: string; name: string; fsCourseCode: string };
  startsOn: string;
  endsOn: string;
  phase: CohortPhase;
  today: string;
  /** Advisers and admins: assign the team, prosessveiledere, move students, change requirements. */
  canAdminister: boolean;
}

export function phaseOf(startsOn: string, endsOn: string, today: string): CohortPhase {
  return today < startsOn ? "UPCOMING" : today > endsOn ? "COMPLETED" : "RUNNING";
}

async function loadStaffCohort(viewer: Viewer, cohortId: string, nowMs: number): Promise<StaffCohort> {
  await requireCohortStaff(viewer, cohortId);
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, code: true, name: true, startsOn: true, endsOn: true, programme: { select: { code: true, name: true, fsCourseCode: true } } },
  });
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  const today = osloDate(new Date(nowMs));
  const startsOn = isoDate(cohort.startsOn);
  const endsOn = isoDate(cohort.endsOn);
  return {
    id: cohort.id,
    code: cohort.code,
    name: cohort.name,
    programme: cohort.programme,
    startsOn,
    endsOn,
    phase: phaseOf(startsOn, endsOn, today),
    today,
    canAdminister: isStaff(viewer),
  };
}

/** Cached per request: the layout and the page both ask. */
export const getStaffCohort = cache((viewer: Viewer, cohortId: string) => loadStaffCohort(viewer, cohortId, Date.now()));
