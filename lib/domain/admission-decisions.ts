/**
 * From a ranking to decisions: the adviser's manual moves, nothing decided before the application
 * deadline, the waiting list in ranking order in every round, the batch of decisions to send, the
 * waiting list moving up when places free and the day it closes (waitlistClosingDate), answer
 * deadlines, and when an applicant may still add documents.
 */
import { addDays, compareCodeUnits, compareIsoDates, isIsoDate, parseIsoDate } from "./dates";
import { isBeforeEndOfDay, osloDate } from "./application-deadline";
import { formatDateNb, formatInteger } from "./format";

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

// ─── Not before the application deadline ────────────────────────────────────────────────────────

/**
 * Until the application deadline is over (the end of its day in Oslo) applications may still come
 * in, so every ranking is provisional and no decision or offer may be sent. Null once it is over;
 * otherwise the Norwegian refusal that names the deadline.
 */
export function decisionsBeforeDeadlineProblem(applicationDeadline: string, now: Date): string | null {
  return isBeforeEndOfDay(applicationDeadline, now) ? `Vedtak kan ikke sendes før søknadsfristen ${formatDateNb(applicationDeadline)} er ute.` : null;
}

/** The ranking is provisional ("Foreløpig rangering") while applications may still come in. */
export function isRankingProvisional(applicationDeadline: string, now: Date): boolean {
  return isBeforeEndOfDay(applicationDeadline, now);
}

// ─── The waiting list in ranking order ──────────────────────────────────────────────────────────

export interface WaitlistEntry {
  id: string;
  position: number;
}

export interface WaitlistMove {
  id: string;
  from: number;
  to: number;
}

function byPosition(a: WaitlistEntry, b: WaitlistEntry): number {
  return a.position - b.position || compareCodeUnits(a.id, b.id);
}

/**
 * `ids` in ranking order: by their place in `rankingOrder`; ids the ranking does not hold (it
 * always should) come after the ranked ones, in the order given. The input is not changed.
 */
function inRankingOrder(rankingOrder: readonly string[], ids: readonly string[]): string[] {
  const rank = new Map(rankingOrder.map((id, index) => [id, index]));
  return ids
    .map((id, index) => ({ id, key: rank.get(id) ?? rankingOrder.length + index }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.id);
}

function validateWaitlist(entries: readonly WaitlistEntry[]): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.position) || entry.position < 1) throw new RangeError(`waitlist position must be a positive integer, got ${entry.position}`);
    if (seen.has(entry.id)) throw new RangeError(`${entry.id} is on the waiting list twice`);
    seen.add(entry.id);
  }
}

/**
 * The waiting list as the ranking has it: everyone on it now and everyone `joining`, ordered by
 * the ranking (category, then the ranking's order, with the adviser's moves), numbered 1, 2, …
 * Nobody is appended after the others because they were decided later. `moves` are those already
 * on the list whose number changes (each is told by a new letter). Entries the ranking does not
 * hold keep their order after the ranked ones.
 */
export function orderWaitlist(
  rankingOrder: readonly string[],
  current: readonly WaitlistEntry[],
  joining: readonly string[] = [],
): { list: WaitlistEntry[]; moves: WaitlistMove[] } {
  validateWaitlist(current);
  const before = new Map(current.map((entry) => [entry.id, entry.position]));
  for (const id of joining) if (before.has(id)) throw new RangeError(`${id} is on the waiting list already`);
  const ids = inRankingOrder(rankingOrder, [...[...current].sort(byPosition).map((entry) => entry.id), ...joining]);
  const list = ids.map((id, index) => ({ id, position: index + 1 }));
  const moves = list
    .filter((entry) => before.has(entry.id) && before.get(entry.id) !== entry.position)
    .map((entry) => ({ id: entry.id, from: before.get(entry.id)!, to: entry.position }));
  return { list, moves };
}

// ─── The batch of decisions ─────────────────────────────────────────────────────────────────────

export type RefusalReason = "NOT_QUALIFIED" | "LIST_CLOSED";

export interface DecisionBatchInput {
  /** Every qualified candidate in ranking order (after the adviser's moves), decided or not. */
  rankingOrder: readonly string[];
  /** The qualified candidates without a decision (any order: the ranking places them). */
  undecided: readonly string[];
  /** The waiting list as it stands (those already decided onto it, with their places). */
  waitlist: readonly WaitlistEntry[];
  /** Candidates judged not qualified, without a decision. */
  undecidedUnqualified: readonly string[];
  /** Capacity minus open and accepted offers. */
  freePlaces: number;
  /** Close the waiting list: everyone new not offered a place is refused. */
  closeWaitlist: boolean;
}

export interface DecisionBatch {
  /** Candidates without a decision who get a place. */
  offers: string[];
  /** Already on the waiting list and ranked ahead of the newcomers: a place from the list. */
  waitlistOffers: string[];
  /** Newcomers to the waiting list, with the place the ranking gives them in the whole list. */
  waitlist: WaitlistEntry[];
  /** Those already on the list whose place changes (a new letter each). */
  moves: WaitlistMove[];
  refusals: { id: string; reason: RefusalReason }[];
}

/**
 * One round of decisions, in ranking order over the undecided and those already on the waiting
 * list together: the free places go to the first of them (an offer, or an offer from the list),
 * and the rest form the waiting list in ranking order, so a newcomer ranked ahead of someone
 * already on the list comes before them (who is told their new place). With `closeWaitlist` the
 * newcomers who get no place are refused and the list keeps only those already on it. The
 * unqualified are refused.
 */
export function planDecisionBatch(input: DecisionBatchInput): DecisionBatch {
  if (!Number.isSafeInteger(input.freePlaces)) throw new RangeError("freePlaces must be an integer");
  validateWaitlist(input.waitlist);
  const free = Math.max(0, input.freePlaces);
  const onList = new Map(input.waitlist.map((entry) => [entry.id, entry.position]));
  for (const id of input.undecided) if (onList.has(id)) throw new RangeError(`${id} is undecided and on the waiting list`);
  const queue = inRankingOrder(input.rankingOrder, [...[...input.waitlist].sort(byPosition).map((entry) => entry.id), ...input.undecided]);
  const placed = queue.slice(0, free);
  const rest = queue.slice(free);
  const staying = input.closeWaitlist ? rest.filter((id) => onList.has(id)) : rest;
  const list = staying.map((id, index) => ({ id, position: index + 1 }));
  return {
    offers: placed.filter((id) => !onList.has(id)),
    waitlistOffers: placed.filter((id) => onList.has(id)),
    waitlist: list.filter((entry) => !onList.has(entry.id)),
    moves: list.filter((entry) => onList.has(entry.id) && onList.get(entry.id) !== entry.position).map((entry) => ({ id: entry.id, from: onList.get(entry.id)!, to: entry.position })),
    refusals: [
      ...input.undecidedUnqualified.map((id) => ({ id, reason: "NOT_QUALIFIED" as const })),
      ...(input.closeWaitlist ? rest.filter((id) => !onList.has(id)).map((id) => ({ id, reason: "LIST_CLOSED" as const })) : []),
    ],
  };
}

// ─── The waiting list moves by itself ───────────────────────────────────────────────────────────

export interface WaitlistAdvance {
  /** The first on the list, in order, one per free place. */
  offers: string[];
  /** The others' new places (1, 2, …), only where the place changes. */
  moves: WaitlistMove[];
}

/** Free places go to the first on the waiting list; the rest move up to places 1, 2, … */
export function planWaitlistAdvance(freePlaces: number, waitlist: readonly WaitlistEntry[]): WaitlistAdvance {
  const sorted = [...waitlist].sort(byPosition);
  const count = Math.max(0, Math.min(freePlaces, sorted.length));
  const offers = sorted.slice(0, count).map((entry) => entry.id);
  const moves = sorted
    .slice(count)
    .map((entry, index) => ({ id: entry.id, from: entry.position, to: index + 1 }))
    .filter((move) => move.from !== move.to);
  return { offers, moves };
}

/**
 * The waiting list closes on a date set per intake (Cohort.waitlistClosesOn); unset, on the kull's
 * first samling day, else the day it starts. From the start of that day (Oslo) no place is given
 * from the list, and those still on it are told it is closed.
 */
export function waitlistClosingDate(cohort: { waitlistClosesOn: string | null; startsOn: string; samlingDays?: readonly string[] }): string {
  if (cohort.waitlistClosesOn !== null) return cohort.waitlistClosesOn;
  const days = [...(cohort.samlingDays ?? [])].sort(compareIsoDates);
  return days[0] ?? cohort.startsOn;
}

/** Closed from the start of the closing day in Oslo. */
export function isWaitlistClosed(closingDate: string, now: Date): boolean {
  return compareIsoDates(osloDate(now), closingDate) >= 0;
}

/**
 * Why no ordinary offer may be made once the list has closed (a round, the adviser's own offer),
 * or null while it is open. Those still on the list that day were refused because "every place is
 * given and the waiting list is closed": a place given afterwards to anyone ranked behind them would
 * make those grounds untrue and treat like cases unlike. A place freed later stays free; a klage
 * taken may still give one (lib/server/admission/appeals.ts).
 */
export function closedListOfferProblem(closingDate: string, now: Date): string | null {
  return isWaitlistClosed(closingDate, now)
    ? `Ventelisten ble stengt ${formatDateNb(closingDate)}. Etter det gis det ikke flere tilbud om plass i kullet, bare etter en klage.`
    : null;
}

/**
 * A closing date the adviser sets: after the application deadline (a list that closed by the
 * deadline would be closed before any decision could be sent) and no later than the kull's end.
 * Norwegian, for the field; null when it is fine.
 */
export function waitlistClosingDateProblem(date: string, cohort: { applicationDeadline: string; endsOn: string }): string | null {
  if (!isIsoDate(date)) return "Skriv en gyldig dato (dd.mm.åååå).";
  if (compareIsoDates(date, cohort.applicationDeadline) <= 0) {
    return `Ventelisten kan ikke stenge før søknadsfristen ${formatDateNb(cohort.applicationDeadline)} er ute. Velg ${formatDateNb(addDays(cohort.applicationDeadline, 1))} eller senere.`;
  }
  if (compareIsoDates(date, cohort.endsOn) > 0) return `Ventelisten må stenge senest når kullet slutter, ${formatDateNb(cohort.endsOn)}.`;
  return null;
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

/**
 * Why a klage cannot be decided as an offer now, said before the adviser fills in the form: every
 * place is taken (open offers and accepted ones). Null when a place is free. The server checks
 * again when the decision is saved (someone may take the last place in between).
 */
export function appealOfferProblem(places: { capacity: number; taken: number }): string | null {
  if (places.taken < places.capacity) return null;
  return (
    // «tilbudt eller tatt»: an offer not yet answered holds its place too (a walk read «er tatt»
    // with most of them unanswered); one declined frees a place.
    `Kullet er fullt: ${places.capacity === 1 ? "studieplassen" : `alle ${formatInteger(places.capacity)} studieplassene`} er tilbudt eller tatt, så klagen kan ikke tas til følge med tilbud om plass nå. ` +
    "Gi en bedre plass på ventelisten, eller ikke ta klagen til følge. Takker noen nei, blir en plass ledig."
  );
}

/**
 * An offer the applicant can still answer: decided as an offer, not answered, and its answer
 * deadline (`answerDeadline`, ISO date) not over (end of the day, Oslo). The application's page
 * puts the answer first, and her list of applications puts it first with its deadline.
 */
export function offerAwaitingAnswer(
  application: { status: string; decision: { outcome: string; answer: string | null; answerDeadline: string | null } | null },
  now: Date,
): boolean {
  const decision = application.decision;
  return (
    application.status === "DECIDED" &&
    decision?.outcome === "OFFER" &&
    decision.answer === null &&
    decision.answerDeadline !== null &&
    isBeforeEndOfDay(decision.answerDeadline, now)
  );
}
