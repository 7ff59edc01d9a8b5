import "server-only";
// Reads of applications, always scoped to what the viewer may see.
import { canViewApplication } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
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
      updatedAt: true,
      cohort: { select: { id: true, name: true, applicationDeadline: true, programme: { select: { name: true } } } },
      decision: { select: { outcome: true, waitlistPosition: true, answer: true, answerDeadline: true } },
    },
  });
}

/**
 * Loads an application for the viewer, or throws NotFound: an applicant asking for someone
 * else's application learns nothing, not even that it exists.
 */
export async function requireVisibleApplication(viewer: Viewer, applicationId: string) {
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: { id: true, applicantId: true, status: true, cohortId: true },
  });
  if (!application || !canViewApplication(viewer, application)) throw new NotFoundError("Fant ikke søknaden.");
  return application;
}
