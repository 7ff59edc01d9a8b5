/**
 * From a ranking to decisions: the adviser's manual moves, the batch of decisions to send, the
 * waiting list moving up when places free, answer deadlines, and when an applicant may still add
 * documents.
 */
import { addDays, compareIsoDates, parseIsoDate } from "./dates";
import { isBeforeEndOfDay, osloDate } from "./application-deadline";

// ─── Manual moves ───────────────────────────────────────────────────────────────────────────────

export interface RankingMove {
  id: string;
  /** 1-based place the adviser moved the candidate to. */
  toRank: number;
}

/**
 * Applies the adviser's moves to the proposed order, oldest first: each takes its candidate out
 * and puts it at `toRank` (or last, when the list is shorter). Moves of candidates no longer in
 * the order (withdrawn, not qualified) are skipped. The input is not changed.
 */
export function applyRankingMoves(order: readonly string[], moves: readonly RankingMove[]): string[] {
  const result = [...order];
  for (const move of moves) {
    if (!Number.isSafeInteger(move.toRank) || move.toRank < 1) throw new RangeError(`toRank must be a positive integer, got ${move.toRank}`);
    const from = result.indexOf(move.id);
    if (from < 0) continue;
    result.splice(from, 1);
    result.splice(Math.min(move.toRank - 1, result.length), 0, move.id);
  }
  return result;
}

// ─── The batch of decisions ─────────────────────────────────────────────────────────────────────

export type RefusalReason = "NOT_QUALIFIED" | "LIST_CLOSED";

export interface DecisionBatchInput {
  /** Qualified candidates without a decision, in ranking order (after manual moves). */
  undecidedInOrder: readonly string[];
  /** Candidates judged not qualified, without a decision. */
  undecidedUnqualified: readonly string[];
  /** Capacity minus open and accepted offers. */
  freePlaces: number;
  /** The highest waiting-list place already given (0 when none). */
  lastWaitlistPosition: number;
  /** Close the waiting list: everyone not offered a place is refused. */
  closeWaitlist: boolean;
}

export interface DecisionBatch {
  offers: string[];
  waitlist: { id: string; position: number }[];
  refusals: { id: string; reason: RefusalReason }[];
}

/** Offers to the first free places, numbered waiting-list places after the last one given, refusals. */
export function planDecisionBatch(input: DecisionBatchInput): DecisionBatch {
  const free = Math.max(0, input.freePlaces);
  if (!Number.isSafeInteger(input.freePlaces)) throw new RangeError("freePlaces must be an integer");
  if (!Number.isSafeInteger(input.lastWaitlistPosition) || input.lastWaitlistPosition < 0) {
    throw new RangeError("lastWaitlistPosition must be a non-negative integer");
  }
  const offers = input.undecidedInOrder.slice(0, free);
  const rest = input.undecidedInOrder.slice(free);
  const waitlist = input.closeWaitlist
    ? []
    : rest.map((id, index) => ({ id, position: input.lastWaitlistPosition + index + 1 }));
  const refusals: DecisionBatch["refusals"] = [
    ...input.undecidedUnqualified.map((id) => ({ id, reason: "NOT_QUALIFIED" as const })),
    ...(input.closeWaitlist ? rest.map((id) => ({ id, reason: "LIST_CLOSED" as const })) : []),
  ];
  return { offers, waitlist, refusals };
}

// ─── The waiting list ───────────────────────────────────────────────────────────────────────────

export interface WaitlistEntry {
  id: string;
  position: number;
}

export interface WaitlistAdvance {
  /** The first on the list, in order, one per free place. */
  offers: string[];
  /** The others' new places (1, 2, …), only where the place changes. */
  moves: { id: string; from: number; to: number }[];
}

/** Free places go to the first on the waiting list; the rest move up to places 1, 2, … */
export function planWaitlistAdvance(freePlaces: number, waitlist: readonly WaitlistEntry[]): WaitlistAdvance {
  const sorted = [...waitlist].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = Math.max(0, Math.min(freePlaces, sorted.length));
  const offers = sorted.slice(0, count).map((entry) => entry.id);
  const moves = sorted
    .slice(count)
    .map((entry, index) => ({ id: entry.id, from: entry.position, to: index + 1 }))
    .filter((move) => move.from !== move.to);
  return { offers, moves };
}

// ─── Deadlines ──────────────────────────────────────────────────────────────────────────────────

/** Days an applicant has at least to answer an offer. */
export const MIN_ANSWER_DAYS = 7;

/**
 * The answer deadline of an offer made on `today`: the cohort's own answer deadline, but never
 * fewer than seven days away (an offer from the waiting list late in the process).
 */
export function offerAnswerDeadline(today: string, cohortAnswerDeadline: string): string {
  const earliest = addDays(today, MIN_ANSWER_DAYS);
  return compareIsoDates(cohortAnswerDeadline, earliest) >= 0 ? cohortAnswerDeadline : earliest;
}

/** An unanswered offer has expired once its answer deadline's day is over in Oslo. */
export function isOfferExpired(answerDeadline: string, now: Date): boolean {
  return !isBeforeEndOfDay(answerDeadline, now);
}

// ─── Adding documents after sending ─────────────────────────────────────────────────────────────

export interface UploadWindowInput {
  status: "DRAFT" | "SUBMITTED" | "UNDER_REVIEW" | "DECIDED" | "WITHDRAWN";
  applicationDeadline: string;
  /** Due dates of the adviser's open requests for documentation (mangelbrev). */
  openRequestDueDates: readonly string[];
}

export interface UploadWindow {
  open: boolean;
  /** The last day documents can be added, when open (null for a draft: until it is sent). */
  until: string | null;
}

/**
 * An applicant may add documents to a draft, to a sent application until the application
 * deadline, and after that only until the due date of an open request for documentation
 * (mangelbrev). A decided or withdrawn application takes no more documents.
 */
export function documentUploadWindow(input: UploadWindowInput, now: Date): UploadWindow {
  if (input.status === "DRAFT") return { open: true, until: null };
  if (input.status === "DECIDED" || input.status === "WITHDRAWN") return { open: false, until: null };
  const candidates = [input.applicationDeadline, ...input.openRequestDueDates].filter((date) => isBeforeEndOfDay(date, now));
  if (candidates.length === 0) return { open: false, until: null };
  const until = candidates.reduce((latest, date) => (parseIsoDate(date) > parseIsoDate(latest) ? date : latest));
  return { open: true, until };
}

/** A request's due date must be a day after today (Oslo) and within a reasonable time. */
export function requestDueDateProblem(dueDate: string, now: Date): string | null {
  const today = osloDate(now);
  if (compareIsoDates(dueDate, today) <= 0) return "Fristen må være etter i dag.";
  if (compareIsoDates(dueDate, addDays(today, 90)) > 0) return "Fristen kan være høyst 90 dager fram i tid.";
  return null;
}
