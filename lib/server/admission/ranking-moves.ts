import "server-only";
// The adviser's moves in the ranking, each with a written reason (audited and shown in the
// explanation of the place). Before decisions they shape the proposal; a candidate already on the
// waiting list may be moved too: that is a correction of the list, which then follows the ranking
// again, and everyone whose place changes gets a new letter. Offers and refusals are not moved
// (they change only in a klage).
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { requestJob } from "@/lib/jobs/queue";
import { refuseOwnIntake, requireAdviser } from "./access";
import { lockCohort } from "./places";
import { computeRanking } from "./ranking";
import { reorderWaitlist } from "./waitlist";

export interface MoveResult {
  /** Others on the waiting list whose place changed (each told by letter). */
  moved: number;
  /** The application moved, or whose move was taken back. */
  applicationId: string;
}

async function correctWaitlist(tx: Transaction, viewer: Viewer, cohortId: string, now: Date): Promise<number> {
  const changes = await reorderWaitlist(tx, cohortId, { actorId: viewer.id, decidedBy: { name: viewer.name }, cause: "CORRECTION", now });
  return changes.length;
}

/** Moves a qualified candidate to a place in the ranking, with a written reason (audited). */
export async function moveCandidate(
  viewer: Viewer,
  input: { cohortId: string; applicationId: string; toRank: number; reason: string },
  now = new Date(),
): Promise<MoveResult> {
  requireAdviser(viewer);
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      // The kull's row first: the decision read below is then the one every offer and the job
      // leave behind, not one they change while this move is made.
      await lockCohort(tx, input.cohortId);
      await refuseOwnIntake(tx, viewer, input.cohortId);
      const application = await tx.application.findFirst({
        where: { id: input.applicationId, cohortId: input.cohortId },
        select: { id: true, qualified: true, status: true, decision: { select: { id: true, outcome: true } } },
      });
      if (!application) throw new NotFoundError("Fant ikke søknaden.");
      if (application.qualified !== true || application.status === "WITHDRAWN") {
        throw new DomainError("Bare kvalifiserte søkere er med i rangeringen.");
      }
      if (application.decision && application.decision.outcome !== "WAITLIST") {
        throw new DomainError("Søkeren har allerede fått tilbud eller avslag; det vedtaket endres bare i en klagesak.");
      }
      const before = await computeRanking(tx, input.cohortId);
      const from = before.rows.find((row) => row.applicationId === input.applicationId)?.rank ?? null;
      const move = await tx.rankingMove.create({
        data: { cohortId: input.cohortId, applicationId: input.applicationId, toRank: input.toRank, reason: input.reason, createdById: viewer.id },
        select: { id: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "ranking.move",
        entityType: "Application",
        entityId: input.applicationId,
        before: { rank: from },
        after: { rank: input.toRank, reason: input.reason, moveId: move.id },
      });
      // Any move can change where the others land (a move is to a place in the whole ranking),
      // so the list follows the ranking again whoever was moved; unchanged places get no letter.
      return { moved: await correctWaitlist(tx, viewer, input.cohortId, now), applicationId: input.applicationId };
    }, LOCKING_TRANSACTION),
  );
  if (result.moved > 0) await requestJob("mail.deliver");
  return result;
}

/**
 * Takes back a move (the candidate returns to where the rule and the other moves put them). For
 * someone on the waiting list that is a correction of the list, as a move is.
 */
export async function removeMove(viewer: Viewer, input: { cohortId: string; moveId: string }, now = new Date()): Promise<MoveResult> {
  requireAdviser(viewer);
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      await lockCohort(tx, input.cohortId);
      await refuseOwnIntake(tx, viewer, input.cohortId);
      const move = await tx.rankingMove.findFirst({
        where: { id: input.moveId, cohortId: input.cohortId },
        select: { id: true, applicationId: true, toRank: true, reason: true },
      });
      if (!move) throw new NotFoundError("Fant ikke flyttingen.");
      // A move a klage made (its place on the list, appeals.ts) is part of that decision: taking
      // it back would undo a decision in the applicant's favour outside a klagesak.
      const made = await tx.auditLog.findMany({
        where: { action: "ranking.move", entityType: "Application", entityId: move.applicationId, after: { path: ["moveId"], equals: move.id } },
        select: { after: true },
      });
      if (made.some((entry) => (entry.after as { appealId?: string } | null)?.appealId)) {
        throw new DomainError("Flyttingen er gjort ved en klage som er tatt til følge, og kan ikke fjernes.");
      }
      await tx.rankingMove.delete({ where: { id: move.id } });
      await audit(tx, {
        actorId: viewer.id,
        action: "ranking.unmove",
        entityType: "Application",
        entityId: move.applicationId,
        before: { toRank: move.toRank, reason: move.reason, moveId: move.id },
      });
      return { moved: await correctWaitlist(tx, viewer, input.cohortId, now), applicationId: move.applicationId };
    }, LOCKING_TRANSACTION),
  );
  if (result.moved > 0) await requestJob("mail.deliver");
  return result;
}
