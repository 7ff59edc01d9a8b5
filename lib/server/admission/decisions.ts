import "server-only";
// Admission decisions (enkeltvedtak): the batch after the ranking (offers to the free places,
// waiting-list places in ranking order, refusals) and a single offer. Nothing is decided before
// the application deadline is over. The waiting list itself (its order, the job that moves it and
// closes it) is ./waitlist.ts.
//
// Capacity is an invariant: every use case that can give a place locks the cohort row first
// (SELECT … FOR UPDATE), counts open and accepted offers inside the same transaction, and the
// database's trigger refuses anything beyond capacity as a last guard. Two advisers and the job
// acting at the same moment run one after the other; a retryable conflict is retried
// (lib/server/transactions.ts); the loser of the last place gets "Kullet er fullt".
import { createHash } from "node:crypto";
import { osloDate } from "@/lib/domain/application-deadline";
import { closedListOfferProblem, isWaitlistClosed, offerAnswerDeadline, planDecisionBatch, type DecisionBatch } from "@/lib/domain/admission-decisions";
import { composeDecisionLetter, type LetterKind } from "@/lib/domain/decision-letter";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit, auditMany } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { inOrder } from "@/lib/server/in-order";
import { COHORT_FULL_MESSAGE, LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { refuseOwnIntake, requireAdviser } from "./access";
import { issueFirstLetters, issueLetter, letterInput, loadLetterContexts } from "./letters";
import { settleOpenAppeals } from "./appeal-settlement";
import { assertDecisionsOpen, GROUNDS, keepClosingDay, lockCohort, placesTaken, waitlistClosingDateOf } from "./places";
import { computeRanking, type Ranking } from "./ranking";
import { applyPlaceChanges, renumberWaitlist, waitlistOf, type WaitlistPlace } from "./waitlist";

// ─── The batch ──────────────────────────────────────────────────────────────────────────────────

export interface BatchPlan {
  cohortId: string;
  batch: DecisionBatch;
  freePlaces: number;
  /** Newcomers who get no place are refused: the adviser chose so, or the list has closed. */
  closeWaitlist: boolean;
  /** The day the waiting list closes, and whether that day has come (then it cannot be chosen). */
  waitlistClosesOn: string;
  waitlistClosed: boolean;
  /** Names and numbers for the preview. */
  names: Map<string, string>;
  unreviewed: number;
  /** Identifies exactly this plan: sending checks nothing changed since the preview. */
  fingerprint: string;
  ranking: Ranking;
  /** The waiting list as it stands, by application. */
  waitlist: Map<string, WaitlistPlace>;
}

async function planBatch(tx: Transaction, cohortId: string, closeWaitlist: boolean, now: Date): Promise<BatchPlan> {
  const cohort = await tx.cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, capacity: true, applicationDeadline: true, waitlistClosesOn: true, startsOn: true },
  });
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  assertDecisionsOpen(cohort, now);
  const [ranking, taken, list, closesOn] = await inOrder(
    () => computeRanking(tx, cohortId),
    () => placesTaken(tx, cohortId),
    () => waitlistOf(tx, cohortId),
    () => waitlistClosingDateOf(tx, cohort),
  );
  const waitlistClosed = isWaitlistClosed(closesOn, now);
  const close = closeWaitlist || waitlistClosed;
  const batch = planDecisionBatch({
    rankingOrder: ranking.rows.map((row) => row.applicationId),
    undecided: ranking.rows.filter((row) => row.decision === null).map((row) => row.applicationId),
    waitlist: list.map((entry) => ({ id: entry.applicationId, position: entry.position })),
    undecidedUnqualified: ranking.unqualified.filter((candidate) => candidate.decision === null).map((candidate) => candidate.applicationId),
    // Once the list has closed nobody gets an ordinary place (closedListOfferProblem): the
    // newcomers are refused «ventelisten er stengt» like those who were on it.
    freePlaces: waitlistClosed ? 0 : cohort.capacity - taken,
    closeWaitlist: close,
  });
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([batch.offers, batch.waitlistOffers, batch.waitlist, batch.moves, batch.refusals, close, closesOn]))
    .digest("hex")
    .slice(0, 32);
  return {
    cohortId,
    batch,
    freePlaces: waitlistClosed ? 0 : Math.max(0, cohort.capacity - taken),
    closeWaitlist: close,
    waitlistClosesOn: closesOn,
    waitlistClosed,
    names: new Map(ranking.candidates.map((candidate) => [candidate.applicationId, candidate.name])),
    unreviewed: ranking.unreviewed.length,
    fingerprint,
    ranking,
    waitlist: new Map(list.map((entry) => [entry.applicationId, entry])),
  };
}

/** Every decision the batch makes or changes (a changed place on the list only comes along). */
export function batchSize(batch: DecisionBatch): number {
  return batch.offers.length + batch.waitlistOffers.length + batch.waitlist.length + batch.refusals.length;
}

export interface BatchPreview {
  plan: BatchPlan;
  /** One composed letter per kind, as an example the adviser reads before sending. */
  examples: { kind: string; applicantName: string; subject: string; text: string }[];
}

const EXAMPLE_LABELS: Partial<Record<LetterKind, string>> = {
  OFFER: "Tilbud",
  WAITLIST_OFFER: "Tilbud fra ventelisten",
  WAITLIST: "Venteliste",
  WAITLIST_MOVED: "Ny plass på ventelisten",
};

/**
 * What sending would do now, with an example letter of each kind. Writes nothing. Refused (a
 * DomainError naming the deadline) while the application deadline has not passed.
 */
export async function previewDecisionBatch(viewer: Viewer, cohortId: string, options: { closeWaitlist: boolean }, now = new Date()): Promise<BatchPreview> {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    // The letters name her competitors: not for an adviser who has applied to the kull herself.
    await refuseOwnIntake(tx, viewer, cohortId);
    const plan = await planBatch(tx, cohortId, options.closeWaitlist, now);
    const { batch } = plan;
    type Sample = { id: string; kind: LetterKind; label: string; position?: number; from?: number; reason?: "NOT_QUALIFIED" | "LIST_CLOSED" };
    const samples: Sample[] = [];
    if (batch.offers[0]) samples.push({ id: batch.offers[0], kind: "OFFER", label: EXAMPLE_LABELS.OFFER! });
    if (batch.waitlistOffers[0]) samples.push({ id: batch.waitlistOffers[0], kind: "WAITLIST_OFFER", label: EXAMPLE_LABELS.WAITLIST_OFFER! });
    if (batch.waitlist[0]) samples.push({ id: batch.waitlist[0].id, kind: "WAITLIST", label: EXAMPLE_LABELS.WAITLIST!, position: batch.waitlist[0].position });
    if (batch.moves[0]) samples.push({ id: batch.moves[0].id, kind: "WAITLIST_MOVED", label: EXAMPLE_LABELS.WAITLIST_MOVED!, position: batch.moves[0].to, from: batch.moves[0].from });
    for (const reason of ["NOT_QUALIFIED", "LIST_CLOSED"] as const) {
      const refusal = batch.refusals.find((r) => r.reason === reason);
      if (refusal) samples.push({ id: refusal.id, kind: "REFUSAL", label: reason === "LIST_CLOSED" ? "Avslag (ventelisten stengt)" : "Avslag (ikke kvalifisert)", reason });
    }
    const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { offerAnswerDeadline: true } });
    const contexts = await loadLetterContexts(tx, samples.map((s) => s.id), { name: viewer.name }, plan.ranking);
    const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
    const examples = samples.map((sample) => {
      const context = contexts.get(sample.id)!;
      const offer = sample.kind === "OFFER" || sample.kind === "WAITLIST_OFFER";
      const letter = composeDecisionLetter(
        letterInput({ ...context, decisionId: context.decisionId ?? "preview" }, {
          kind: sample.kind,
          waitlistPosition: sample.position,
          waitlistChange: sample.from !== undefined && sample.position !== undefined ? { from: sample.from, to: sample.position, cause: "DECISIONS" } : undefined,
          waitlistClosesOn: sample.kind === "WAITLIST" || sample.kind === "WAITLIST_MOVED" ? plan.waitlistClosesOn : undefined,
          refusalReason: sample.reason,
          answerDeadline: offer ? answerDeadline : undefined,
          now,
        }),
      );
      return {
        kind: sample.label,
        applicantName: context.applicant.name,
        subject: letter.subject,
        text: letter.sections.map((section) => [section.heading, ...section.paragraphs].filter(Boolean).join("\n")).join("\n\n"),
      };
    });
    return { plan, examples };
  }, LOCKING_TRANSACTION);
}

export interface BatchResult {
  /** Offers, those from the waiting list included. */
  offers: number;
  waitlist: number;
  refusals: number;
  /** Already on the waiting list and given a new place (each with a new letter). */
  moved: number;
}

/**
 * Sends the batch the adviser previewed, as one transaction with the cohort locked. If anything
 * changed since the preview (another adviser sent decisions, a review changed), nothing is sent
 * and the adviser is asked to look again. Sending twice sends nothing the second time: every
 * application gets one decision (a unique key), every letter one e-mail (its dedupe key).
 */
export async function sendDecisionBatch(
  viewer: Viewer,
  cohortId: string,
  options: { closeWaitlist: boolean; fingerprint: string },
  now = new Date(),
): Promise<BatchResult> {
  requireAdviser(viewer);
  const result = await withRetry(() =>
    db().$transaction(async (tx) => {
      const cohort = await lockCohort(tx, cohortId);
      await refuseOwnIntake(tx, viewer, cohortId);
      const plan = await planBatch(tx, cohortId, options.closeWaitlist, now);
      await keepClosingDay(tx, cohort, plan.waitlistClosesOn, now);
      const { batch } = plan;
      if (batchSize(batch) === 0) throw new DomainError("Det er ingen vurderte søknader uten vedtak. Ingenting ble sendt.");
      if (plan.fingerprint !== options.fingerprint) {
        throw new DomainError("Noe er endret siden forhåndsvisningen (nye vurderinger eller vedtak). Se over forhåndsvisningen på nytt før du sender.");
      }
      const today = osloDate(now);
      const answerDeadline = offerAnswerDeadline(today, isoDate(cohort.offerAnswerDeadline));
      const ids = [...batch.offers, ...batch.waitlistOffers, ...batch.waitlist.map((w) => w.id), ...batch.refusals.map((r) => r.id)];
      const contexts = await loadLetterContexts(tx, ids, { name: viewer.name }, plan.ranking);

      // The new decisions of one outcome together: a few statements however many there are (one
      // after another per decision, 200 decisions took 2.4 s; issue 21). Case numbers are given in
      // the order listed, as when they were made one at a time.
      const decideAll = async (
        outcome: "OFFER" | "WAITLIST" | "REFUSAL",
        entries: readonly { applicationId: string; waitlistPosition?: number; refusalReason?: "NOT_QUALIFIED" | "LIST_CLOSED" }[],
      ) => {
        if (entries.length === 0) return;
        const created = await tx.decision.createManyAndReturn({
          data: entries.map((details) => ({
            applicationId: details.applicationId,
            outcome,
            waitlistPosition: outcome === "WAITLIST" ? details.waitlistPosition! : null,
            answerDeadline: outcome === "OFFER" ? day(answerDeadline) : null,
            grounds: outcome === "OFFER" ? GROUNDS.OFFER : outcome === "WAITLIST" ? GROUNDS.WAITLIST : GROUNDS[details.refusalReason ?? "NOT_QUALIFIED"],
            decidedById: viewer.id,
            decidedAt: now,
          })),
          select: { id: true, applicationId: true },
        });
        const decisionOf = new Map(created.map((decision) => [decision.applicationId, decision.id]));
        const applicationIds = entries.map((details) => details.applicationId);
        await tx.application.updateMany({ where: { id: { in: applicationIds } }, data: { status: "DECIDED" } });
        const letters = await issueFirstLetters(
          tx,
          entries.map((details) => ({
            context: { ...contexts.get(details.applicationId)!, decisionId: decisionOf.get(details.applicationId)! },
            input: {
              kind: outcome,
              waitlistPosition: details.waitlistPosition,
              waitlistClosesOn: outcome === "WAITLIST" ? plan.waitlistClosesOn : undefined,
              refusalReason: details.refusalReason,
              answerDeadline: outcome === "OFFER" ? answerDeadline : undefined,
              now,
            },
          })),
          viewer.id,
        );
        await auditMany(
          tx,
          entries.map((details, index) => ({
            actorId: viewer.id,
            action: `decision.${outcome.toLowerCase() as Lowercase<typeof outcome>}`,
            entityType: "Decision",
            entityId: decisionOf.get(details.applicationId)!,
            after: {
              applicationId: details.applicationId,
              outcome,
              waitlistPosition: details.waitlistPosition ?? null,
              refusalReason: details.refusalReason ?? null,
              answerDeadline: outcome === "OFFER" ? answerDeadline : null,
              letterId: letters[index]!.id,
              batch: plan.fingerprint,
            },
          })),
        );
      };
      await decideAll("OFFER", batch.offers.map((applicationId) => ({ applicationId })));
      for (const id of batch.waitlistOffers) {
        const entry = plan.waitlist.get(id)!;
        await tx.decision.update({
          where: { id: entry.decisionId },
          data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(answerDeadline), grounds: GROUNDS.OFFER, decidedById: viewer.id, decidedAt: now },
        });
        const letter = await issueLetter(tx, { ...contexts.get(id)!, decisionId: entry.decisionId }, { kind: "WAITLIST_OFFER", answerDeadline, now }, viewer.id);
        await audit(tx, {
          actorId: viewer.id,
          action: "waitlist.offer",
          entityType: "Decision",
          entityId: entry.decisionId,
          before: { outcome: "WAITLIST", waitlistPosition: entry.position },
          after: { outcome: "OFFER", answerDeadline, letterId: letter.id, batch: plan.fingerprint },
        });
      }
      await settleOpenAppeals(tx, batch.waitlistOffers.map((id) => plan.waitlist.get(id)!.decisionId), { cause: "OFFERED", actorId: viewer.id, now });
      // Those already on the list whose place changes, each with a new letter; then the newcomers.
      await applyPlaceChanges(
        tx,
        batch.moves.map((move) => ({ decisionId: plan.waitlist.get(move.id)!.decisionId, applicationId: move.id, from: move.from, to: move.to })),
        viewer.id,
        { cause: "DECISIONS", decidedBy: { name: viewer.name }, ranking: plan.ranking, closesOn: plan.waitlistClosesOn, now },
      );
      await decideAll("WAITLIST", batch.waitlist.map((entry) => ({ applicationId: entry.id, waitlistPosition: entry.position })));
      await decideAll("REFUSAL", batch.refusals.map((refusal) => ({ applicationId: refusal.id, refusalReason: refusal.reason })));
      return {
        offers: batch.offers.length + batch.waitlistOffers.length,
        waitlist: batch.waitlist.length,
        refusals: batch.refusals.length,
        moved: batch.moves.length,
      };
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
  return result;
}

// ─── One offer ──────────────────────────────────────────────────────────────────────────────────

/**
 * Offers a place to one qualified applicant without a decision or on the waiting list (the
 * adviser's own choice, e.g. from the review page). Refused with "Kullet er fullt" when every
 * place is taken, and before the application deadline is over. Returns the decision's id.
 */
export async function offerPlace(viewer: Viewer, applicationId: string, now = new Date()): Promise<string> {
  requireAdviser(viewer);
  // Without a lock first: a cohort that is full now is refused at once instead of queueing for
  // the lock (the answer is true when given; the locked check below decides the rest).
  const snapshot = await db().application.findUnique({ where: { id: applicationId }, select: { cohortId: true, cohort: { select: { capacity: true, applicationDeadline: true } } } });
  if (snapshot) assertDecisionsOpen(snapshot.cohort, now);
  if (snapshot && (await placesTaken(db(), snapshot.cohortId)) >= snapshot.cohort.capacity) throw new DomainError(COHORT_FULL_MESSAGE);
  const decisionId = await withRetry(() =>
    db().$transaction(async (tx) => {
      const kull = await tx.application.findUnique({ where: { id: applicationId }, select: { cohortId: true } });
      if (!kull) throw new NotFoundError("Fant ikke søknaden.");
      const cohort = await lockCohort(tx, kull.cohortId);
      // The application read (and locked) once the kull is ours, by a statement of its own: a
      // withdrawal or a judgement committed while this waited for the kull is seen (before, the
      // values read before the lock let an offer undo a withdrawal, or go to one just judged
      // unqualified).
      const [application] = await tx.$queryRaw<{ id: string; cohortId: string; status: string; qualified: boolean | null }[]>`
        SELECT "id", "cohortId", "status"::text AS "status", "qualified" FROM "Application" WHERE "id" = ${applicationId} FOR UPDATE`;
      if (!application) throw new NotFoundError("Fant ikke søknaden.");
      await refuseOwnIntake(tx, viewer, application.cohortId);
      assertDecisionsOpen(cohort, now);
      const closed = closedListOfferProblem(await waitlistClosingDateOf(tx, cohort), now);
      if (closed) throw new DomainError(closed);
      // Read again under the lock: another transaction may have decided it meanwhile.
      const decision = await tx.decision.findUnique({ where: { applicationId }, select: { id: true, outcome: true, waitlistPosition: true } });
      if (application.status === "WITHDRAWN") throw new DomainError("Søknaden er trukket.");
      if (application.qualified !== true) throw new DomainError("Søkeren må være vurdert som kvalifisert før hun eller han kan få tilbud.");
      if (decision && decision.outcome !== "WAITLIST") throw new DomainError("Søknaden har allerede et vedtak om tilbud eller avslag.");
      if ((await placesTaken(tx, application.cohortId)) >= cohort.capacity) throw new DomainError(COHORT_FULL_MESSAGE);
      const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
      const contexts = await loadLetterContexts(tx, [applicationId], { name: viewer.name });
      const context = contexts.get(applicationId)!;
      let decisionId: string;
      if (decision) {
        await tx.decision.update({
          where: { id: decision.id },
          data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(answerDeadline), grounds: GROUNDS.OFFER, decidedById: viewer.id, decidedAt: now },
        });
        decisionId = decision.id;
        // Those behind move up; their order is unchanged, so no letters (the list can only improve).
        await renumberWaitlist(tx, application.cohortId, viewer.id);
        await settleOpenAppeals(tx, [decision.id], { cause: "OFFERED", actorId: viewer.id, now });
      } else {
        decisionId = (
          await tx.decision.create({
            data: { applicationId, outcome: "OFFER", answerDeadline: day(answerDeadline), grounds: GROUNDS.OFFER, decidedById: viewer.id, decidedAt: now },
            select: { id: true },
          })
        ).id;
        await tx.application.update({ where: { id: applicationId }, data: { status: "DECIDED" } });
      }
      const letter = await issueLetter(
        tx,
        { ...context, decisionId },
        { kind: decision ? "WAITLIST_OFFER" : "OFFER", answerDeadline, now },
        viewer.id,
      );
      await audit(tx, {
        actorId: viewer.id,
        action: "decision.offer",
        entityType: "Decision",
        entityId: decisionId,
        before: decision ? { outcome: decision.outcome, waitlistPosition: decision.waitlistPosition } : null,
        after: { applicationId, outcome: "OFFER", answerDeadline, letterId: letter.id, manual: true },
      });
      return decisionId;
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
  return decisionId;
}
