import "server-only";
// The waiting list. Its order is the ranking's: whenever the order changes (a new round of
// decisions, a klage, a correction of the ranking) it is put in ranking order again and everyone
// whose number changes gets a new letter (an enkeltvedtak: their waiting-list decision changed).
// When someone leaves it (an offer, a withdrawal) those behind move up without a letter, as the
// waiting-list letter told them. And it moves by itself: the `admission.waitlist` job expires
// unanswered offers, gives free places to the first on the list, and on the day the list closes
// tells everyone still on it that they will not get a place (their decision becomes a refusal).
import { osloDate } from "@/lib/domain/application-deadline";
import {
  decisionsBeforeDeadlineProblem,
  isOfferExpired,
  isWaitlistClosed,
  offerAnswerDeadline,
  orderWaitlist,
  planWaitlistAdvance,
  waitlistClosingDateProblem,
} from "@/lib/domain/admission-decisions";
import type { WaitlistChangeCause } from "@/lib/domain/decision-letter";
import { formatDateNb } from "@/lib/domain/format";
import { day } from "@/lib/dates";
import type { Transaction } from "@/lib/db/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { inOrder } from "@/lib/server/in-order";
import { queueMail } from "@/lib/server/mail";
import { LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { refuseOwnIntake, requireAdviser } from "./access";
import { settleOpenAppeals } from "./appeal-settlement";
import { issueLetter, loadLetterContexts } from "./letters";
import { GROUNDS, keepClosingDay, lockCohort, onWaitlist, placesTaken, waitlistClosingDateOf } from "./places";
import { computeRanking, type Ranking } from "./ranking";

/**
 * What the job does by itself (an offer from the list, the list closed): decided by the list's
 * rules, signed by the programme's study adviser, who answers for it (lib/server/admission/letters.ts).
 */
const AUTOMATIC = { automatic: true } as const;

export interface WaitlistPlace {
  decisionId: string;
  applicationId: string;
  position: number;
}

/** The cohort's waiting list now (applicants who withdrew have left it), first place first. */
export async function waitlistOf(tx: Transaction, cohortId: string): Promise<WaitlistPlace[]> {
  const rows = await tx.decision.findMany({
    where: onWaitlist(cohortId),
    orderBy: [{ waitlistPosition: "asc" }, { id: "asc" }],
    select: { id: true, applicationId: true, waitlistPosition: true },
  });
  return rows.map((row) => ({ decisionId: row.id, applicationId: row.applicationId, position: row.waitlistPosition! }));
}

export interface PlaceChange {
  decisionId: string;
  applicationId: string;
  from: number;
  to: number;
}

export interface ChangeLetters {
  cause: WaitlistChangeCause;
  decidedBy: { name: string };
  /** The ranking the new order follows (its explanation goes into each letter). */
  ranking: Ranking;
  closesOn: string;
  now: Date;
}

/**
 * Writes new places, each audited; with `letters`, everyone moved is told by a new letter (a
 * changed order), without, nobody (gaps closing after someone left).
 */
export async function applyPlaceChanges(tx: Transaction, changes: readonly PlaceChange[], actorId: string | null, letters: ChangeLetters | null): Promise<void> {
  if (changes.length === 0) return;
  const contexts = letters ? await loadLetterContexts(tx, changes.map((change) => change.applicationId), letters.decidedBy, letters.ranking) : null;
  for (const change of changes) {
    await tx.decision.update({ where: { id: change.decisionId }, data: { waitlistPosition: change.to } });
    const letter =
      letters && contexts
        ? await issueLetter(
            tx,
            { ...contexts.get(change.applicationId)!, decisionId: change.decisionId },
            {
              kind: "WAITLIST_MOVED",
              waitlistPosition: change.to,
              waitlistChange: { from: change.from, to: change.to, cause: letters.cause },
              waitlistClosesOn: letters.closesOn,
              now: letters.now,
            },
            actorId,
          )
        : null;
    await audit(tx, {
      actorId,
      action: "waitlist.move",
      entityType: "Decision",
      entityId: change.decisionId,
      before: { waitlistPosition: change.from },
      after: { waitlistPosition: change.to, ...(letters ? { reason: letters.cause, letterId: letter?.id ?? null } : {}) },
    });
  }
}

/** Renumbers the waiting list 1, 2, … after someone left it, in the order it has; no letters. */
export async function renumberWaitlist(tx: Transaction, cohortId: string, actorId: string | null): Promise<number> {
  const list = await waitlistOf(tx, cohortId);
  const { moves } = planWaitlistAdvance(0, list.map((entry) => ({ id: entry.decisionId, position: entry.position })));
  const byDecision = new Map(list.map((entry) => [entry.decisionId, entry]));
  await applyPlaceChanges(tx, moves.map((move) => ({ ...move, decisionId: move.id, applicationId: byDecision.get(move.id)!.applicationId })), actorId, null);
  return moves.length;
}

/**
 * Puts the waiting list in ranking order after its order changed (a klage, a correction of the
 * ranking): everyone whose number changes is moved and told by a new letter, except `except`
 * (the applicant the change is about, who gets the klage's own letter). Call with the cohort
 * row locked. Returns the changes.
 */
export async function reorderWaitlist(
  tx: Transaction,
  cohortId: string,
  options: { actorId: string | null; decidedBy: { name: string }; cause: WaitlistChangeCause; now: Date; except?: string },
): Promise<PlaceChange[]> {
  const cohort = await lockCohort(tx, cohortId);
  const [ranking, list, closesOn] = await inOrder(
    () => computeRanking(tx, cohortId),
    () => waitlistOf(tx, cohortId),
    () => waitlistClosingDateOf(tx, cohort),
  );
  const byApplication = new Map(list.map((entry) => [entry.applicationId, entry]));
  const { moves } = orderWaitlist(
    ranking.rows.map((row) => row.applicationId),
    list.map((entry) => ({ id: entry.applicationId, position: entry.position })),
  );
  const changes = moves.map((move) => ({ decisionId: byApplication.get(move.id)!.decisionId, applicationId: move.id, from: move.from, to: move.to }));
  const told = changes.filter((change) => change.applicationId !== options.except);
  const silent = changes.filter((change) => change.applicationId === options.except);
  await applyPlaceChanges(tx, told, options.actorId, { cause: options.cause, decidedBy: options.decidedBy, ranking, closesOn, now: options.now });
  await applyPlaceChanges(tx, silent, options.actorId, null);
  return changes;
}

// ─── The waiting list moves by itself ───────────────────────────────────────────────────────────

export interface WaitlistSweep {
  expired: number;
  offered: number;
  moved: number;
  /** Told that the list has closed (their waiting-list decision became a refusal). */
  closed: number;
}

/**
 * The `admission.waitlist` job: in every cohort with open offers or a waiting list, offers whose
 * answer deadline is over expire, and free places go to the first on the waiting list (a new
 * offer letter with its own answer deadline, by e-mail); the rest move up. From the day the list
 * closes no place is given from it: everyone still on it gets a letter that it is closed, once.
 * Each cohort in its own transaction with the cohort row locked, so two runs at the same moment
 * do the work once.
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
  const total: WaitlistSweep = { expired: 0, offered: 0, moved: 0, closed: 0 };
  // Each kull in a transaction of its own, and one that fails (logged) does not hold up the
  // others: their offers still expire and their lists still move. The run fails at the end,
  // naming it, so the job's record shows it and the next run tries it again.
  const failed: string[] = [];
  for (const { id } of cohorts) {
    try {
      const result = await withRetry(() => db().$transaction((tx) => advanceCohortWaitlist(tx, id, now), LOCKING_TRANSACTION));
      total.expired += result.expired;
      total.offered += result.offered;
      total.moved += result.moved;
      total.closed += result.closed;
    } catch (error) {
      console.error(`[admission.waitlist] kull ${id}:`, error);
      failed.push(id);
    }
  }
  if (total.expired + total.offered + total.closed > 0) await requestJob("mail.deliver");
  if (failed.length > 0) throw new Error(`admission.waitlist: ${failed.length} kull could not be advanced and wait for the next run: ${failed.join(", ")}`);
  return total;
}

async function expireOffers(tx: Transaction, cohortId: string, now: Date): Promise<number> {
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
  return expired;
}

/**
 * The list is closed: each still on it gets a WAITLIST_CLOSED letter and their decision becomes a
 * refusal (so it happens once, however often the job runs).
 */
async function closeWaitlist(tx: Transaction, cohortId: string, closedOn: string, now: Date): Promise<number> {
  const list = await waitlistOf(tx, cohortId);
  const contexts = await loadLetterContexts(tx, list.map((entry) => entry.applicationId), AUTOMATIC);
  for (const entry of list) {
    await tx.decision.update({
      where: { id: entry.decisionId },
      data: { outcome: "REFUSAL", waitlistPosition: null, answerDeadline: null, grounds: GROUNDS.LIST_CLOSED, decidedAt: now },
    });
    const letter = await issueLetter(
      tx,
      { ...contexts.get(entry.applicationId)!, decisionId: entry.decisionId },
      { kind: "WAITLIST_CLOSED", refusalReason: "LIST_CLOSED", waitlistClosesOn: closedOn, lastWaitlistPosition: entry.position, now },
      null,
    );
    await audit(tx, {
      actorId: null,
      action: "waitlist.close",
      entityType: "Decision",
      entityId: entry.decisionId,
      before: { outcome: "WAITLIST", waitlistPosition: entry.position },
      after: { outcome: "REFUSAL", refusalReason: "LIST_CLOSED", closedOn, letterId: letter.id },
    });
  }
  return list.length;
}

async function advanceCohortWaitlist(tx: Transaction, cohortId: string, now: Date): Promise<WaitlistSweep> {
  const cohort = await lockCohort(tx, cohortId);
  // Nothing is decided before the application deadline is over, by the job neither.
  if (decisionsBeforeDeadlineProblem(isoDate(cohort.applicationDeadline), now)) return { expired: 0, offered: 0, moved: 0, closed: 0 };
  const expired = await expireOffers(tx, cohortId, now);

  const closesOn = await waitlistClosingDateOf(tx, cohort);
  await keepClosingDay(tx, cohort, closesOn, now);
  if (isWaitlistClosed(closesOn, now)) return { expired, offered: 0, moved: 0, closed: await closeWaitlist(tx, cohortId, closesOn, now) };

  const [taken, list] = await inOrder(
    () => placesTaken(tx, cohortId),
    () => waitlistOf(tx, cohortId),
  );
  const plan = planWaitlistAdvance(cohort.capacity - taken, list.map((entry) => ({ id: entry.decisionId, position: entry.position })));
  const answerDeadline = offerAnswerDeadline(osloDate(now), isoDate(cohort.offerAnswerDeadline));
  const byDecision = new Map(list.map((entry) => [entry.decisionId, entry]));
  const contexts = await loadLetterContexts(tx, plan.offers.map((id) => byDecision.get(id)!.applicationId), AUTOMATIC);
  for (const decisionId of plan.offers) {
    const before = byDecision.get(decisionId)!;
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
      before: { outcome: "WAITLIST", waitlistPosition: before.position },
      after: { outcome: "OFFER", answerDeadline, letterId: letter.id },
    });
  }
  await settleOpenAppeals(tx, plan.offers, { cause: "OFFERED", actorId: null, now });
  await applyPlaceChanges(
    tx,
    plan.moves.map((move) => ({ ...move, decisionId: move.id, applicationId: byDecision.get(move.id)!.applicationId })),
    null,
    null,
  );
  return { expired, offered: plan.offers.length, moved: plan.moves.length, closed: 0 };
}

// ─── The adviser sets the closing day ───────────────────────────────────────────────────────────

/**
 * Sets the day the intake's waiting list closes (null: the default, the first samling day).
 * Refused with a message at the field when the day is not after the application deadline or is
 * after the kull ends, and once the list has closed (those on it have had their letters).
 */
export async function setWaitlistClosingDate(viewer: Viewer, input: { cohortId: string; date: string | null }, now = new Date()): Promise<{ closesOn: string }> {
  requireAdviser(viewer);
  const result = await db().$transaction(async (tx) => {
    const cohort = await lockCohort(tx, input.cohortId);
    await refuseOwnIntake(tx, viewer, input.cohortId);
    const { endsOn } = await tx.cohort.findUniqueOrThrow({ where: { id: input.cohortId }, select: { endsOn: true } });
    const current = await waitlistClosingDateOf(tx, cohort);
    if (isWaitlistClosed(current, now)) {
      const message = `Ventelisten stengte ${formatDateNb(current)}. Datoen kan ikke endres etter at den har stengt.`;
      throw new DomainError(message, { waitlistClosesOn: [message] });
    }
    if (input.date !== null) {
      const problem = waitlistClosingDateProblem(input.date, { applicationDeadline: isoDate(cohort.applicationDeadline), endsOn: isoDate(endsOn) });
      if (problem) throw new DomainError(problem, { waitlistClosesOn: [problem] });
    }
    await tx.cohort.update({ where: { id: input.cohortId }, data: { waitlistClosesOn: input.date === null ? null : day(input.date) } });
    const closesOn = await waitlistClosingDateOf(tx, { ...cohort, waitlistClosesOn: input.date === null ? null : day(input.date) });
    await audit(tx, {
      actorId: viewer.id,
      action: "cohort.waitlist-closing",
      entityType: "Cohort",
      entityId: input.cohortId,
      before: { waitlistClosesOn: cohort.waitlistClosesOn ? isoDate(cohort.waitlistClosesOn) : null, closesOn: current },
      after: { waitlistClosesOn: input.date, closesOn },
    });
    return { closesOn };
  }, LOCKING_TRANSACTION);
  // A day that has already come closes the list at once, not at the next minute.
  if (isWaitlistClosed(result.closesOn, now)) await requestJob("admission.waitlist");
  return result;
}
