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

interface StaffCohortRow {
  id: string;
  code: string;
  name: string;
  applicationOpensOn: string;
  applicationDeadline: string;
  startsOn: string;
  endsOn: string;
  published: boolean;
  completed: boolean;
  archived: boolean;
  programmeCode: string;
  programmeName: string;
  fsCourseCode: string;
  lastSamlingDay: string | null;
}

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
  // One statement (issue 21: six, one per nesting level): the dates as ISO strings and the plan's
  // last day computed beside them.
  const [cohort] = await db().$queryRaw<StaffCohortRow[]>`
    SELECT c."id", c."code", c."name",
           to_char(c."applicationOpensOn", 'YYYY-MM-DD') AS "applicationOpensOn",
           to_char(c."applicationDeadline", 'YYYY-MM-DD') AS "applicationDeadline",
           to_char(c."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(c."endsOn", 'YYYY-MM-DD') AS "endsOn",
           c."publishedAt" IS NOT NULL AS "published", c."completedAt" IS NOT NULL AS "completed", c."archivedAt" IS NOT NULL AS "archived",
           p."code" AS "programmeCode", p."name" AS "programmeName", p."fsCourseCode",
           (SELECT to_char(max(d."date"), 'YYYY-MM-DD') FROM "CohortSamling" cs JOIN "SamlingDay" d ON d."samlingId" = cs."samlingId"
            WHERE cs."cohortId" = c."id") AS "lastSamlingDay"
    FROM "Cohort" c JOIN "Programme" p ON p."id" = c."programmeId"
    WHERE c."id" = ${cohortId}`;
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  const today = osloDate(new Date(nowMs));
  const { startsOn, endsOn } = cohort;
  return {
    id: cohort.id,
    code: cohort.code,
    name: cohort.name,
    programme: { code: cohort.programmeCode, name: cohort.programmeName, fsCourseCode: cohort.fsCourseCode },
    startsOn,
    endsOn,
    phase: cohortPhase(
      {
        published: cohort.published,
        completed: cohort.completed,
        archived: cohort.archived,
        applicationOpensOn: cohort.applicationOpensOn,
        applicationDeadline: cohort.applicationDeadline,
        startsOn,
        endsOn,
        lastSamlingDay: cohort.lastSamlingDay,
      },
      today,
    ),
    today,
    canAdminister: isStaff(viewer),
  };
}

/** Cached per request: the layout and the page both ask. */
export const getStaffCohort = cache((viewer: Viewer, cohortId: string) => loadStaffCohort(viewer, cohortId, Date.now()));
