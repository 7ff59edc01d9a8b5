import "server-only";
import { inOrder } from "@/lib/server/in-order";
// Admission decisions (enkeltvedtak): the batch after the ranking (offers to the free places,
// numbered waiting-list places, refusals), a single offer, and the waiting list that moves by
// itself when an offer is declined or expires.
//
// Capacity is an invariant: every use case that can give a place locks the cohort row first
// (SELECT … FOR UPDATE), counts open and accepted offers inside the same transaction, and the
// database's trigger refuses anything beyond capacity as a last guard. Two advisers and the job
// acting at the same moment run one after the other; a retryable conflict is retried
// (lib/server/transactions.ts); the loser of the last place gets "Kullet er fullt".
import { createHash } from "node:crypto";
import { osloDate } from "@/lib/domain/application-deadline";
import {
  isOfferExpired,
  offerAnswerDeadline,
  planDecisionBatch,
  planWaitlistAdvance,
  type DecisionBatch,
} from "@/lib/domain/admission-decisions";
import { composeDecisionLetter } from "@/lib/domain/decision-letter";
import { formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Database, Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { COHORT_FULL_MESSAGE, LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import { requestJob } from "@/lib/jobs/queue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { requireAdviser } from "./access";
import { loadReviewSummaries, rankingCandidates } from "./facts";
import { issueLetter, letterInput, type LetterContext } from "./letters";
import { computeRanking, type Ranking } from "./ranking";

/** Locks the cohort row for the rest of the transaction: places are given one at a time. */
export async function lockCohort(tx: Transaction, cohortId: string) {
  const rows = await tx.$queryRaw<{ id: string; capacity: number; offerAnswerDeadline: Date; applicationDeadline: Date }[]>`
    SELECT "id", "capacity", "offerAnswerDeadline", "applicationDeadline" FROM "Cohort" WHERE "id" = ${cohortId} FOR UPDATE`;
  const cohort = rows[0];
  if (!cohort) throw new NotFoundError("Fant ikke kullet.");
  return cohort;
}

/** Open and accepted offers in the cohort (the places taken). */
export async function placesTaken(client: Transaction | Database, cohortId: string): Promise<number> {
  return (client as Transaction).decision.count({
    where: { application: { cohortId }, outcome: "OFFER", OR: [{ answer: null }, { answer: "ACCEPTED" }] },
  });
}

const GROUNDS = {
  OFFER: "Oppfyller opptakskravene og er rangert innenfor antall studieplasser.",
  WAITLIST: "Oppfyller opptakskravene, men er rangert utenfor antall studieplasser.",
  NOT_QUALIFIED: "Oppfyller ikke opptakskravene.",
  LIST_CLOSED: "Oppfyller opptakskravene, men alle plassene er fordelt og ventelisten er stengt.",
} as const;

const CONTEXT_SELECT = {
  id: true,
  fullName: true,
  qualificationGrounds: true,
  applicant: { select: { id: true, name: true, email: true } },
  decision: { select: { id: true } },
  cohort: {
    select: {
      name: true,
      capacity: true,
      programme: { select: { name: true, adviserName: true, adviserEmail: true, adviserPhone: true, offerWelcomeText: true, offerPracticalText: true } },
    },
  },
} as const;

/** What letters need about each application, in two queries. */
async function loadLetterContexts(
  tx: Transaction,
  applicationIds: readonly string[],
  decidedBy: { name: string },
  ranking?: Ranking,
): Promise<Map<string, Omit<LetterContext, "decisionId"> & { decisionId: string | null }>> {
  const [rows, reviews] = await inOrder(
    () => tx.application.findMany({ where: { id: { in: [...applicationIds] } }, select: CONTEXT_SELECT }),
    () => loadReviewSummaries(tx, applicationIds),
  );
  const candidates = ranking ? rankingCandidates(ranking.candidates) : [];
  const order = ranking ? ranking.rows.map((row) => row.applicationId) : [];
  const result = ranking ? { admitted: order.slice(0, ranking.places), waitlist: order.slice(ranking.places), rejected: [] } : null;
  return new Map(
    rows.map((row) => {
      const rank = order.indexOf(row.id);
      return [
        row.id,
        {
          applicationId: row.id,
          decisionId: row.decision?.id ?? null,
          applicant: { userId: row.applicant.id, name: row.fullName ?? row.applicant.name, email: row.applicant.email },
          cohort: row.cohort,
          review: reviews.get(row.id)!,
          qualificationGrounds: row.qualificationGrounds,
          decidedBy,
          ranking:
            result && rank >= 0 ? { candidates, result, rank: rank + 1, qualifiedCount: candidates.length } : undefined,
        },
      ];
    }),
  );
}

// ─── The batch ──────────────────────────────────────────────────────────────────────────────────

export interface BatchPlan {
  cohortId: string;
  batch: DecisionBatch;
  freePlaces: number;
  lastWaitlistPosition: number;
  closeWaitlist: boolean;
  /** Names and numbers for the preview. */
  names: Map<string, string>;
  unreviewed: number;
  /** Identifies exactly this plan: sending checks nothing changed since the preview. */
  fingerprint: string;
  ranking: Ranking;
}

async function planBatch(tx: Transaction, cohortId: string, closeWaitlist: boolean): Promise<BatchPlan> {
  const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { capacity: true } });
  const [ranking, taken] = await inOrder(() => computeRanking(tx, cohortId), () => placesTaken(tx, cohortId));
  const lastWaitlistPosition = Math.max(
    0,
    ...ranking.candidates.map((candidate) => (candidate.decision?.outcome === "WAITLIST" ? (candidate.decision.waitlistPosition ?? 0) : 0)),
  );
  const batch = planDecisionBatch({
    undecidedInOrder: ranking.rows.filter((row) => row.decision === null).map((row) => row.applicationId),
    undecidedUnqualified: ranking.unqualified.filter((candidate) => candidate.decision === null).map((candidate) => candidate.applicationId),
    freePlaces: cohort.capacity - taken,
    lastWaitlistPosition,
    closeWaitlist,
  });
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([batch.offers, batch.waitlist, batch.refusals, closeWaitlist]))
    .digest("hex")
    .slice(0, 32);
  return {
    cohortId,
    batch,
    freePlaces: Math.max(0, cohort.capacity - taken),
    lastWaitlistPosition,
    closeWaitlist,
    names: new Map(ranking.candidates.map((candidate) => [candidate.applicationId, candidate.name])),
    unreviewed: ranking.unreviewed.length,
    fingerprint,
    ranking,
  };
}

export interface BatchPreview {
  plan: BatchPlan;
  /** One composed letter per kind, as an example the adviser reads before sending. */
  examples: { kind: string; applicantName: string; subject: string; text: string }[];
}

/** What sending would do now, with an example letter of each kind. Writes nothing. */
export async function previewDecisionBatch(viewer: Viewer, cohortId: string, options: { closeWaitlist: boolean }, now = new Date()): Promise<BatchPreview> {
  requireAdviser(viewer);
  return db().$transaction(async (tx) => {
    const plan = await planBatch(tx, cohortId, options.closeWaitlist);
    const { batch } = plan;
    const samples: { id: string; kind: "OFFER" | "WAITLIST" | "REFUSAL"; position?: number; reason?: "NOT_QUALIFIED" | "LIST_CLOSED" }[] = [];
    if (batch.offers[0]) samples.push({ id: batch.offers[0], kind: "OFFER" });
    if (batch.waitlist[0]) samples.push({ id: batch.waitlist[0].id, kind: "WAITLIST", position: batch.waitlist[0].position });
    for (const reason of ["NOT_QUALIFIED", "LIST_CLOSED"] as const) {
      const refusal = batch.refusals.find((r) => r.reason === reason);
      if (refusal) samples.push({ id: refusal.id, kind: "REFUSAL", reason });
    }
    const cohort = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { offerAnswerDeadline: true } });
    const contexts = await loadLetterContexts(tx, samples.map((s) => s.id), { name: viewer.name }, plan.ranking);
    const examples = samples.map((sample) => {
      const context = contexts.get(sample.id)!;
      const letter = composeDecisionLetter(
        letterInput({ ...context, decisionId: context.decisionId ?? "preview" }, {
          kind: sample.kind,
          waitlistPosition: sample.position,
          refusalReason: sample.reason,
          answerDeadline: sample.kind === "OFFER" ? offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline)) : undefined,
          now,
        }),
      );
      return {
        kind: sample.kind === "REFUSAL" ? (sample.reason === "LIST_CLOSED" ? "Avslag (ventelisten stengt)" : "Avslag (ikke kvalifisert)") : sample.kind === "OFFER" ? "Tilbud" : "Venteliste",
        applicantName: context.applicant.name,
        subject: letter.subject,
        text: letter.sections.map((section) => [section.heading, ...section.paragraphs].filter(Boolean).join("\n")).join("\n\n"),
      };
    });
    return { plan, examples };
  }, LOCKING_TRANSACTION);
}

export interface BatchResult {
  offers: number;
  waitlist: number;
  refusals: number;
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
      const plan = await planBatch(tx, cohortId, options.closeWaitlist);
      const { batch } = plan;
      const total = batch.offers.length + batch.waitlist.length + batch.refusals.length;
      if (total === 0) throw new DomainError("Det er ingen vurderte søknader uten vedtak. Ingenting ble sendt.");
      if (plan.fingerprint !== options.fingerprint) {
        throw new DomainError("Noe er endret siden forhåndsvisningen (nye vurderinger eller vedtak). Se over forhåndsvisningen på nytt før du sender.");
      }
      const today = osloDate(now);
      const answerDeadline = offerAnswerDeadline(today, isoDate(cohort.offerAnswerDeadline));
      const ids = [...batch.offers, ...batch.waitlist.map((w) => w.id), ...batch.refusals.map((r) => r.id)];
      const contexts = await loadLetterContexts(tx, ids, { name: viewer.name }, plan.ranking);

      const decide = async (
        applicationId: string,
        outcome: "OFFER" | "WAITLIST" | "REFUSAL",
        details: { waitlistPosition?: number; refusalReason?: "NOT_QUALIFIED" | "LIST_CLOSED" },
      ) => {
        const context = contexts.get(applicationId)!;
        const grounds =
          outcome === "OFFER" ? GROUNDS.OFFER : outcome === "WAITLIST" ? GROUNDS.WAITLIST : GROUNDS[details.refusalReason ?? "NOT_QUALIFIED"];
        const decision = await tx.decision.create({
          data: {
            applicationId,
            outcome,
            waitlistPosition: outcome === "WAITLIST" ? details.waitlistPosition! : null,
            answerDeadline: outcome === "OFFER" ? day(answerDeadline) : null,
            grounds,
            decidedById: viewer.id,
            decidedAt: now,
          },
          select: { id: true },
        });
        await tx.application.update({ where: { id: applicationId }, data: { status: "DECIDED" } });
        const letter = await issueLetter(
          tx,
          { ...context, decisionId: decision.id },
          { kind: outcome, waitlistPosition: details.waitlistPosition, refusalReason: details.refusalReason, answerDeadline: outcome === "OFFER" ? answerDeadline : undefined, now },
          viewer.id,
        );
        await audit(tx, {
          actorId: viewer.id,
          action: `decision.${outcome.toLowerCase()}`,
          entityType: "Decision",
          entityId: decision.id,
          after: { applicationId, outcome, waitlistPosition: details.waitlistPosition ?? null, refusalReason: details.refusalReason ?? null, answerDeadline: outcome === "OFFER" ? answerDeadline : null, letterId: letter.id, batch: plan.fingerprint },
        });
      };
      for (const id of batch.offers) await decide(id, "OFFER", {});
      for (const entry of batch.waitlist) await decide(entry.id, "WAITLIST", { waitlistPosition: entry.position });
      for (const refusal of batch.refusals) await decide(refusal.id, "REFUSAL", { refusalReason: refusal.reason });
      return { offers: batch.offers.length, waitlist: batch.waitlist.length, refusals: batch.refusals.length };
    }, LOCKING_TRANSACTION),
  );
  await requestJob("mail.deliver");
  return result;
}

// ─── One offer ──────────────────────────────────────────────────────────────────────────────────

/**
 * Offers a place to one qualified applicant without a decision or on the waiting list (the
 * adviser's own choice, e.g. from the review page). Refused with "Kullet er fullt" when every
 * place is taken. Returns the decision's id.
 */
export async function offerPlace(viewer: Viewer, applicationId: string, now = new Date()): Promise<string> {
  requireAdviser(viewer);
  // Without a lock first: a cohort that is full now is refused at once instead of queueing for
  // the lock (the answer is true when given; the locked check below decides the rest).
  const snapshot = await db().application.findUnique({ where: { id: applicationId }, select: { cohortId: true, cohort: { select: { capacity: true } } } });
  if (snapshot && (await placesTaken(db(), snapshot.cohortId)) >= snapshot.cohort.capacity) throw new DomainError(COHORT_FULL_MESSAGE);
  const decisionId = await withRetry(() =>
    db().$transaction(async (tx) => {
      const application = await tx.application.findUnique({
        where: { id: applicationId },
        select: { id: true, cohortId: true, status: true, qualified: true, decision: { select: { id: true, outcome: true, waitlistPosition: true } } },
      });
      if (!application) throw new NotFoundError("Fant ikke søknaden.");
      const cohort = await lockCohort(tx, application.cohortId);
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
        await closeWaitlistGap(tx, application.cohortId, viewer.id);
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

/** Renumbers the waiting list 1, 2, … (after someone left it), each move audited. */
async function closeWaitlistGap(tx: Transaction, cohortId: string, actorId: string | null) {
  const waitlist = await tx.decision.findMany({
    where: { application: { cohortId, status: { not: "WITHDRAWN" } }, outcome: "WAITLIST" },
    select: { id: true, waitlistPosition: true },
  });
  const { moves } = planWaitlistAdvance(0, waitlist.map((entry) => ({ id: entry.id, position: entry.waitlistPosition! })));
  await applyWaitlistMoves(tx, moves, actorId);
}

async function applyWaitlistMoves(tx: Transaction, moves: { id: string; from: number; to: number }[], actorId: string | null) {
  for (const move of moves) {
    await tx.decision.update({ where: { id: move.id }, data: { waitlistPosition: move.to } });
    await audit(tx, {
      actorId,
      action: "waitlist.move",
      entityType: "Decision",
      entityId: move.id,
      before: { waitlistPosition: move.from },
      after: { waitlistPosition: move.to },
    });
  }
}

// ─── The waiting list moves by itself ───────────────────────────────────────────────────────────

export interface WaitlistSweep {
  expired: number;
  offered: number;
  moved: number;
}

/**
 * The `admission.waitlist` job: in every cohort with open offers or a waiting list, offers whose
 * answer deadline is over expire, and free places go to the first on the waiting list (a new
 * offer letter with its own answer deadline, by e-mail); the rest move up. Each cohort in its own
 * transaction with the cohort row locked, so two runs at the same moment do the work once.
 */
export async function advanceWaitingLists(options: { now?: Date; cohortId?: string } = {}): Promise<WaitlistSweep> {
  const now = options.now ?? new Date();
  const cohorts = await db().cohort.findMany({
    where: {
      ...(options.cohortId ? { id: options.cohortId } : {}),
      applications: { some: { status: { not: "WITHDRAWN" }, decision: { OR: [{ outcome: "WAITLIST" }, { outcome: "OFFER", answer: null }] } } },
    },
    select: { id: true },
  });
  const total: WaitlistSweep = { expired: 0, offered: 0, moved: 0 };
  for (const { id } of cohorts) {
    const result = await withRetry(() => db().$transaction((tx) => advanceCohortWaitlist(tx, id, now), LOCKING_TRANSACTION));
    total.expired += result.expired;
    total.offered += result.offered;
    total.moved += result.moved;
  }
  if (total.expired + total.offered > 0) await requestJob("mail.deliver");
  return total;
}

async function advanceCohortWaitlist(tx: Transaction, cohortId: string, now: Date): Promise<WaitlistSweep> {
  const cohort = await lockCohort(tx, cohortId);
  const open = await tx.decision.findMany({
    where: { application: { cohortId }, outcome: "OFFER", answer: null },
    select: { id: true, answerDeadline: true, application: { select: { id: true, fullName: true, applicant: { select: { id: true, name: true, email: true } } } } },
  });
  let expired = 0;
  for (const offer of open) {
    if (!offer.answerDeadline || !isOfferExpired(isoDate(offer.answerDeadline), now)) continue;
    await tx.decision.update({ where: { id: offer.id }, data: { answer: "EXPIRED", answeredAt: now } });
    await audit(tx, {
      actorId: null,
      action: "offer.expire",
      entityType: "Decision",
      entityId: offer.id,
      before: { answer: null },
      after: { answer: "EXPIRED", answerDeadline: isoDate(offer.answerDeadline) },
    });
    const person = offer.application.applicant;
    await queueMail(tx, {
      dedupeKey: `offer-expired:${offer.id}`,
      userId: person.id,
      to: person.email,
      subject: "Tilbudet om studieplass har gått ut",
      text: [
        `Hei ${offer.application.fullName ?? person.name},`,
        "",
        `Du svarte ikke på tilbudet om studieplass innen svarfristen ${formatDateNb(isoDate(offer.answerDeadline))}, og plassen går derfor til neste på ventelisten.`,
        "Mener du at dette er feil, kontakt studieveilederen så snart som mulig.",
      ].join("\n"),
    });
    expired += 1;
  }

  const [taken, waitlist] = await inOrder(
    () => placesTaken(tx, cohortId),
    // Applicants who withdrew have left the list; the others move up past them.
    () => tx.decision.findMany({
      where: { application: { cohortId, status: { not: "WITHDRAWN" } }, outcome: "WAITLIST" },
      select: { id: true, applicationId: true, waitlistPosition: true },
    }),
  );
  const plan = planWaitlistAdvance(cohort.capacity - taken, waitlist.map((entry) => ({ id: entry.id, position: entry.waitlistPosition! })));
  const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
  const applicationOf = new Map(waitlist.map((entry) => [entry.id, entry.applicationId]));
  const contexts = await loadLetterContexts(tx, plan.offers.map((id) => applicationOf.get(id)!), { name: "Studieadministrasjonen" });
  for (const decisionId of plan.offers) {
    const before = waitlist.find((entry) => entry.id === decisionId)!;
    await tx.decision.update({
      where: { id: decisionId },
      data: { outcome: "OFFER", waitlistPosition: null, answerDeadline: day(answerDeadline), grounds: GROUNDS.OFFER, decidedAt: now },
    });
    const letter = await issueLetter(tx, { ...contexts.get(before.applicationId)!, decisionId }, { kind: "WAITLIST_OFFER", answerDeadline, now }, null);
    await audit(tx, {
      actorId: null,
      action: "waitlist.offer",
      entityType: "Decision",
      entityId: decisionId,
      before: { outcome: "WAITLIST", waitlistPosition: before.waitlistPosition },
      after: { outcome: "OFFER", answerDeadline, letterId: letter.id },
    });
  }
  await applyWaitlistMoves(tx, plan.moves, null);
  return { expired, offered: plan.offers.length, moved: plan.moves.length };
}
