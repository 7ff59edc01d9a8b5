import "server-only";
// Every applicant use case starts here: the application must be the viewer's own. Someone else's
// application is reported as not found, so an id in a URL or a crafted POST reveals nothing.
import { canAddDocuments, canEditApplication, canViewApplication } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

const NOT_FOUND = "Fant ikke søknaden.";

export async function findApplicationAccess(applicationId: string) {
  return db().application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      applicantId: true,
      status: true,
      cohortId: true,
      draftInput: true,
      cohort: { select: { applicationOpensOn: true, applicationDeadline: true, offerAnswerDeadline: true, name: true } },
    },
  });
}

export type ApplicationAccessRow = NonNullable<Awaited<ReturnType<typeof findApplicationAccess>>>;

/** The viewer's own application (advisers use their own use cases, not these). */
export async function requireOwnApplication(viewer: Viewer, applicationId: string): Promise<ApplicationAccessRow> {
  const application = await findApplicationAccess(applicationId);
  if (!application || application.applicantId !== viewer.id || !canViewApplication(viewer, application)) {
    throw new NotFoundError(NOT_FOUND);
  }
  return application;
}

/** The viewer's own application, still a draft. */
export async function requireOwnDraft(viewer: Viewer, applicationId: string): Promise<ApplicationAccessRow> {
  const application = await requireOwnApplication(viewer, applicationId);
  if (!canEditApplication(viewer, application)) {
    throw new DomainError("Søknaden er sendt og kan ikke endres. Du kan fortsatt laste opp flere dokumenter.");
  }
  return application;
}

/** The viewer's own application, open for more documents (draft, or sent and not yet decided). */
export async function requireOwnForDocuments(viewer: Viewer, applicationId: string): Promise<ApplicationAccessRow> {
  const application = await requireOwnApplication(viewer, applicationId);
  if (!canAddDocuments(viewer, application)) {
    throw new DomainError("Søknaden er avgjort eller trukket, og du kan ikke legge til flere dokumenter.");
  }
  return application;
}

/**
 * Draft input kept as typed, by key ("phone", "positions.<id>.percent"). Saving a form replaces
 * the keys of its fields: the invalid ones get what was typed, the valid ones are removed.
 */
export function mergeDraftInput(
  current: unknown,
  prefix: string,
  fieldNames: readonly string[],
  invalidInput: Record<string, string>,
): Record<string, string> {
  const merged: Record<string, string> = { ...((current as Record<string, string> | null) ?? {}) };
  for (const name of fieldNames) delete merged[`${prefix}${name}`];
  for (const [name, value] of Object.entries(invalidInput)) merged[`${prefix}${name}`] = value;
  return merged;
}

/** Drops every kept input under a prefix (a removed position or education). */
export function dropDraftInput(current: unknown, prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries((current as Record<string, string> | null) ?? {}).filter(([key]) => !key.startsWith(prefix)),
  );
}
