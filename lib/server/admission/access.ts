import "server-only";
import type { Transaction } from "@/lib/db/client";
import { isStaff, OWN_INTAKE_MESSAGE } from "@/lib/permissions";
import { AccessDeniedError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

/** Admission is the advisers' (and admins') work: everyone else is refused by every use case. */
export function requireAdviser(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AccessDeniedError();
}

/**
 * Refuses every admission decision in a kull the viewer has applied to herself (a sent application
 * she has not withdrawn): forvaltningsloven § 6, OWN_INTAKE_MESSAGE. Called inside the decision's
 * transaction, by every use case that judges, ranks, offers or decides a klage in the kull.
 */
export async function refuseOwnIntake(tx: Transaction, viewer: Viewer, cohortId: string): Promise<void> {
  const own = await tx.application.count({ where: { cohortId, applicantId: viewer.id, status: { notIn: ["DRAFT", "WITHDRAWN"] } } });
  if (own > 0) throw new DomainError(OWN_INTAKE_MESSAGE);
}
