import "server-only";
// The cohort as its staff see it at the top of every cohort page (/kull/[cohortId]/…): name,
// programme, dates, phase, and what this viewer may change. Faculty outside the teaching team get
// NotFound, exactly as for a cohort that does not exist.
import { cache } from "react";
import { osloDate } from "@/lib/domain/application-deadline";
import { cohortPhase, type CohortPhase } from "@/lib/domain/cohort-life";
import { isStaff } from "@/lib/permissions";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export interface StaffCohort {
  id: string;
  code: string;
  name: string;
  /** fsCourseCode: the course FS records the exam under (Programme.fsCourseCode). */
  programme: { code: string; name: string; fsCourseCode: string };
  startsOn: string;
  endsOn: string;
  /** lib/domain/cohort-life.ts */
  phase: CohortPhase;
  today: string;
  /** Advisers and admins: assign the team, prosessveiledere, move students, change requirements. */
  canAdminister: boolean;
}

async function loadStaffCohort(viewer: Viewer, cohortId: string, nowMs: number): Promise<StaffCohort> {
  await requireCohortStaff(viewer, cohortId);
  const cohort = await db().cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      code: true,
      name: true,
      applicationOpensOn: true,
      applicationDeadline: true,
      startsOn: true,
      endsOn: true,
      publishedAt: true,
      completedAt: true,
      archivedAt: true,
      programme: { select: { code: true, name: true, fsCourseCode: true } },
      samlinger: { select: { samling: { select: { days: { orderBy: { date: "desc" }, take: 1, select: { date: true } } } } } },
    },
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
    phase: cohortPhase(
      {
        published: cohort.publishedAt !== null,
        completed: cohort.completedAt !== null,
        archived: cohort.archivedAt !== null,
        applicationOpensOn: isoDate(cohort.applicationOpensOn),
        applicationDeadline: isoDate(cohort.applicationDeadline),
        startsOn,
        endsOn,
        lastSamlingDay: cohort.samlinger.flatMap(({ samling }) => samling.days.map((d) => isoDate(d.date))).sort().at(-1) ?? null,
      },
      today,
    ),
    today,
    canAdminister: isStaff(viewer),
  };
}

/** Cached per request: the layout and the page both ask. */
export const getStaffCohort = cache((viewer: Viewer, cohortId: string) => loadStaffCohort(viewer, cohortId, Date.now()));
