import "server-only";
import type { Transaction } from "@/lib/db/client";
import { isStaff, OWN_INTAKE_MESSAGE, OWN_INTAKE_READ_MESSAGE } from "@/lib/permissions";
import { AccessDeniedError, DomainError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

/** Admission is the advisers' (and admins') work: everyone else is refused by every use case. */
export function requireAdviser(viewer: Viewer): void {
  if (!isStaff(viewer)) throw new AccessDeniedError();
}

/**
 * The viewer's own applications that make her a party to a kull's admission: sent and not
 * withdrawn. One definition for the check below and for the pages that say so beforehand (a
 * `_count` of a kull's applications with this filter, in the page's own statement).
 */
export function ownApplicationWhere(viewer: Pick<Viewer, "id">) {
  return { applicantId: viewer.id, status: { notIn: ["DRAFT" as const, "WITHDRAWN" as const] } };
}

/**
 * A filter that keeps only applications (or what hangs on them) in kull the viewer has not applied
 * to herself: a Prisma `where` on Application. Her competitors' applications are not hers to read
 * (canViewApplication); lists filter them out in their own statement.
 */
export function notInOwnIntake(viewer: Pick<Viewer, "id">) {
  return { cohort: { applications: { none: ownApplicationWhere(viewer) } } };
}

/** Thrown where one application or one kull's applications would be shown to a party (OWN_INTAKE_READ_MESSAGE). */
export class OwnIntakeReadError extends AccessDeniedError {
  constructor() {
    super(OWN_INTAKE_READ_MESSAGE);
    this.name = "OwnIntakeReadError";
  }
}

/**
 * Refuses every admission decision in a kull the viewer has applied to herself (`ownApplicationWhere`):
 * forvaltningsloven § 6, OWN_INTAKE_MESSAGE. Called inside the decision's transaction, by every use
 * case that judges, ranks, offers or decides a klage in the kull.
 */
export async function refuseOwnIntake(tx: Transaction, viewer: Viewer, cohortId: string): Promise<void> {
  const own = await tx.application.count({ where: { cohortId, ...ownApplicationWhere(viewer) } });
  if (own > 0) throw new DomainError(OWN_INTAKE_MESSAGE);
}
