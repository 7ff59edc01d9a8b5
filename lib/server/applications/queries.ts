import "server-only";
// Reads of applications, always scoped to what the viewer may see.
import { db } from "@/lib/server/db";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

/** The viewer's own applications, newest cohort first. */
export async function listMyApplications(viewer: Viewer) {
  if (!viewer.roles.includes("APPLICANT")) throw new AccessDeniedError();
  return db().application.findMany({
    where: { applicantId: viewer.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      submittedAt: true,
      reopenedAt: true,
      updatedAt: true,
      cohort: { select: { id: true, name: true, applicationDeadline: true, programme: { select: { name: true } } } },
      decision: { select: { outcome: true, waitlistPosition: true, answer: true, answerDeadline: true } },
    },
  });
}

/** The viewer's application to a cohort, if they have started one. */
export async function findOwnApplicationForCohort(viewer: Viewer, cohortId: string) {
  return db().application.findUnique({
    where: { applicantId_cohortId: { applicantId: viewer.id, cohortId } },
    select: { id: true, status: true },
  });
}
