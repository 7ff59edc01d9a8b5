import "server-only";
// Every applicant use case starts here: the application must be the viewer's own. Someone else's
// application is reported as not found, so an id in a URL or a crafted POST reveals nothing.
//
// Writes lock the application row (SELECT … FOR UPDATE) inside their transaction and check its
// state there, so a save, an upload, a submission, a withdrawal and an answer to an offer that
// arrive at the same moment run one after the other, each seeing what the previous one did.
import type { Transaction } from "@/lib/db/client";
import { documentUploadWindow } from "@/lib/domain/admission-decisions";
import { isoDate } from "@/lib/to-domain";
import { canAddDocuments, canEditApplication, canViewApplication } from "@/lib/permissions";
import { lockCohort } from "@/lib/server/admission/places";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isRecordId } from "@/lib/validation/ids";

const NOT_FOUND = "Fant ikke søknaden.";
export const SENT_MESSAGE = "Søknaden er sendt og kan ikke endres. Du kan fortsatt laste opp flere dokumenter.";

export interface LockedApplication {
  id: string;
  applicantId: string;
  status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "DECIDED" | "WITHDRAWN";
  cohortId: string;
  draftInput: unknown;
  applicationOpensOn: Date;
  applicationDeadline: Date;
  offerAnswerDeadline: Date;
}

/** Locks the viewer's own application for the rest of the transaction. */
export async function lockOwnApplication(tx: Transaction, viewer: Viewer, applicationId: string): Promise<LockedApplication> {
  if (!isRecordId(applicationId)) throw new NotFoundError(NOT_FOUND);
  const rows = await tx.$queryRaw<LockedApplication[]>`
    SELECT a."id", a."applicantId", a."status"::text AS "status", a."cohortId", a."draftInput",
           c."applicationOpensOn", c."applicationDeadline", c."offerAnswerDeadline"
    FROM "Application" a JOIN "Cohort" c ON c."id" = a."cohortId"
    WHERE a."id" = ${applicationId}
    FOR UPDATE OF a`;
  const application = rows[0];
  if (!application || application.applicantId !== viewer.id || !canViewApplication(viewer, application)) {
    throw new NotFoundError(NOT_FOUND);
  }
  return application;
}

/**
 * Locks the kull's row, then the viewer's own application: the order the waiting-list job and
 * every offer take (lib/server/admission/places.ts lockCohort), for a step of the applicant's that
 * touches the decision (an answer, a withdrawal, a klage), so it and the job never hold each
 * other's rows. Someone else's or an unknown application locks nothing and is not found.
 */
export async function lockOwnApplicationAndKull(tx: Transaction, viewer: Viewer, applicationId: string) {
  const own = isRecordId(applicationId)
    ? await tx.application.findFirst({ where: { id: applicationId, applicantId: viewer.id }, select: { cohortId: true } })
    : null;
  const cohort = own ? await lockCohort(tx, own.cohortId) : null;
  const application = await lockOwnApplication(tx, viewer, applicationId);
  return { application, cohort };
}

/** Locks the viewer's own application, which must still be a draft. */
export async function lockOwnDraft(tx: Transaction, viewer: Viewer, applicationId: string) {
  const application = await lockOwnApplication(tx, viewer, applicationId);
  if (!canEditApplication(viewer, application)) throw new DomainError(SENT_MESSAGE);
  return application;
}

/**
 * Locks the viewer's own application, open for more documents: a draft; a sent application until
 * the application deadline, and after it until the due date of an open request for documentation
 * (lib/domain/admission-decisions.ts decides).
 */
export async function lockOwnForDocuments(tx: Transaction, viewer: Viewer, applicationId: string, now = new Date()) {
  const application = await lockOwnApplication(tx, viewer, applicationId);
  if (!canAddDocuments(viewer, application)) {
    throw new DomainError("Søknaden er avgjort eller trukket, og du kan ikke legge til flere dokumenter.");
  }
  const requests = await tx.documentationRequest.findMany({ where: { applicationId, closedAt: null }, select: { dueDate: true } });
  const window = documentUploadWindow(
    {
      status: application.status,
      applicationDeadline: isoDate(application.applicationDeadline),
      openRequestDueDates: requests.map((request) => isoDate(request.dueDate)),
    },
    now,
  );
  if (!window.open) {
    throw new DomainError(
      "Søknadsfristen har gått ut, og du kan ikke legge til flere dokumenter. Ber studieveilederen om mer dokumentasjon, kan du laste opp fram til fristen i brevet.",
    );
  }
  return application;
}

/** For reads: the viewer's own application (no lock). */
export async function requireOwnApplication(viewer: Viewer, applicationId: string) {
  if (!isRecordId(applicationId)) throw new NotFoundError(NOT_FOUND);
  const application = await db().application.findUnique({
    where: { id: applicationId },
    select: { id: true, applicantId: true, status: true },
  });
  if (!application || application.applicantId !== viewer.id || !canViewApplication(viewer, application)) {
    throw new NotFoundError(NOT_FOUND);
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
