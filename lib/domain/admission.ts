/**
 * Admission: an applicant's priority category (prioritetskategori) and the ranking of qualified
 * applicants when there are more of them than places.
 */
import { countyName } from "./counties";
import { compareCodeUnits, compareInstants, parseIsoDate, parseTimestamp, type Instant } from "./dates";
import { clipPeriod, experienceDays, formatYearsAndMonths, TWO_YEARS_IN_DAYS, type Period } from "./experience";
import { countNoun, formatDateNb, formatInstantNb } from "./format";
import { MinHeap } from "./min-heap";

export type EmployerType = "MUNICIPAL_CWS" | "INSTITUTION" | "OTHER";

export interface Position extends Period {
  employerType: EmployerType;
  leader: boolean;
  professionalResponsibility: boolean; // fagansvar
  personnelResponsibility: boolean; // personalansvar
}

/** The leadership role a tjenestebevis states (the database's LeaderRole). */
export type LeaderRole = "LEADER" | "DEPUTY" | "PROFESSIONAL_LEAD" | "TEAM_LEAD" | "LEADERSHIP_TASKS" | "NONE";

/**
 * Whether a role makes a position a leader position (`Position.leader`). The admission requirement
 * names leader, fagleder, teamleder, stedfortreder and holding leadership tasks alike, so every role
 * but NONE counts; the categories then ask for fagansvar and personalansvar on top.
 */
export function isLeaderRole(role: LeaderRole): boolean {
  return role !== "NONE";
}

export type PriorityCategory = 1 | 2 | 3 | 4;

export const PRIORITY_CATEGORIES: readonly PriorityCategory[] = [1, 2, 3, 4];

/** Short Norwegian names of the categories, for lists and decision letters. */
export const PRIORITY_CATEGORY_LABELS: Record<PriorityCategory, string> = {
  1: "Leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar",
  2: "Mer enn to års ledererfaring fra kommunalt barnevern",
  3: "Leder ved barneverninstitusjon med fagansvar og personalansvar",
  4: "Andre søkere",
};

export function isPriorityCategory(value: unknown): value is PriorityCategory {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/**
 * Current on `asOf`: started on or before it and not ended before it (a position ending on asOf is
 * still current that day).
 */
export function isCurrentPosition(period: Period, asOf: string): boolean {
  const asOfDay = parseIsoDate(asOf, "asOf");
  const start = parseIsoDate(period.start, "start");
  const end = period.end == null ? null : parseIsoDate(period.end, "end");
  if (end !== null && end < start) throw new RangeError(`Period ends (${period.end}) before it starts (${period.start})`);
  return start <= asOfDay && (end === null || end >= asOfDay);
}

function hasBothResponsibilities(p: Position): boolean {
  return p.professionalResponsibility && p.personnelResponsibility;
}

interface PositionAssessment {
  currentMunicipalLeaders: Position[];
  currentInstitutionLeaders: Position[];
  municipalLeaderDays: number;
}

function assessPositions(positions: Position[], asOf: string): PositionAssessment {
  const asOfDay = parseIsoDate(asOf, "asOf");
  // Every period is checked, so bad data is refused even when an earlier position already decides.
  for (const p of positions) clipPeriod(p, asOfDay);
  const currentLeaders = positions.filter((p) => p.leader && isCurrentPosition(p, asOf));
  return {
    currentMunicipalLeaders: currentLeaders.filter((p) => p.employerType === "MUNICIPAL_CWS"),
    currentInstitutionLeaders: currentLeaders.filter((p) => p.employerType === "INSTITUTION"),
    municipalLeaderDays: experienceDays(
      positions.filter((p) => p.leader && p.employerType === "MUNICIPAL_CWS"),
      asOf,
    ),
  };
}

function categoryOf(a: PositionAssessment): PriorityCategory {
  if (a.currentMunicipalLeaders.some(hasBothResponsibilities)) return 1;
  if (a.municipalLeaderDays > TWO_YEARS_IN_DAYS) return 2;
  if (a.currentInstitutionLeaders.some(hasBothResponsibilities)) return 3;
  return 4;
}

/**
 * The category as of `asOf` (normally the application deadline):
 * 1. a current leader position in municipal barnevern with both fagansvar and personalansvar;
 * 2. more than two years (over 730 days) in municipal barnevern leader positions, current or past;
 * 3. a current leader position at a barnevern institution with both responsibilities;
 * 4. everyone else.
 * Positions with `leader: false` never count. RangeError for invalid dates or an end before a start.
 */
export function priorityCategory(positions: Position[], asOf: string): PriorityCategory {
  return categoryOf(assessPositions(positions, asOf));
}

export interface PriorityCategoryExplanation {
  category: PriorityCategory;
  /** Days of municipal barnevern leadership up to asOf (the basis for category 2). */
  municipalLeaderDays: number;
  /** Norwegian sentences: why this category, then why not a higher one, then the date assessed. */
  reasons: string[];
}

function missingResponsibilities(p: Position): string {
  if (!p.professionalResponsibility && !p.personnelResponsibility) return "både fagansvar og personalansvar";
  return p.professionalResponsibility ? "personalansvar" : "fagansvar";
}

/**
 * Who reads a category's reasons: the applicant («Du har …», her application and letter) or the
 * adviser on the review page («Søkeren har …»).
 */
export type ReasonVoice = "applicant" | "adviser";

function whyNotCurrentLeader(current: Position[], where: "municipal" | "institution", voice: ReasonVoice): string {
  const place = where === "municipal" ? "i kommunalt barnevern" : "ved en barneverninstitusjon";
  const adviser = voice === "adviser";
  const [only] = current;
  if (only === undefined) return `${adviser ? "Søkeren" : "Du"} har ingen nåværende lederstilling ${place}.`;
  if (current.length === 1) return `${adviser ? "Søkerens" : "Din"} nåværende lederstilling ${place} mangler ${missingResponsibilities(only)}.`;
  const places = where === "municipal" ? "i kommunalt barnevern" : "ved barneverninstitusjoner";
  return `Ingen av ${adviser ? "søkerens" : "dine"} nåværende lederstillinger ${places} har både fagansvar og personalansvar.`;
}

function experienceText(days: number): string {
  return `${formatYearsAndMonths(days)} (${countNoun(days, "dag", "dager")})`;
}

/** The category with the reasons the applicant (by default) or the adviser reads. */
export function explainPriorityCategory(positions: Position[], asOf: string, voice: ReasonVoice = "applicant"): PriorityCategoryExplanation {
  const assessment = assessPositions(positions, asOf);
  const category = categoryOf(assessment);
  const days = assessment.municipalLeaderDays;
  const subject = voice === "adviser" ? "Søkeren" : "Du";

  const cat1 = `${subject} har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar.`;
  const notCat1 = whyNotCurrentLeader(assessment.currentMunicipalLeaders, "municipal", voice);
  const cat2 = `${subject} har ${experienceText(days)} som leder i kommunalt barnevern. Det er mer enn to år.`;
  const notCat2 =
    days === 0
      ? `${subject} har ingen erfaring som leder i kommunalt barnevern.`
      : `${subject} har ${experienceText(days)} som leder i kommunalt barnevern. ` +
        `Kategori 2 krever mer enn to år (mer enn ${TWO_YEARS_IN_DAYS} dager).`;
  const cat3 = `${subject} har en nåværende lederstilling ved en barneverninstitusjon med både fagansvar og personalansvar.`;
  const notCat3 = whyNotCurrentLeader(assessment.currentInstitutionLeaders, "institution", voice);
  const assessedOn = `Kategorien er vurdert ut fra ${voice === "adviser" ? "søkerens stillinger" : "stillingene dine"} per ${formatDateNb(asOf)}.`;

  const byCategory: Record<PriorityCategory, string[]> = {
    1: [cat1],
    2: [cat2, notCat1],
    3: [cat3, notCat1, notCat2],
    4: [notCat1, notCat2, notCat3],
  };
  return { category, municipalLeaderDays: days, reasons: [...byCategory[category], assessedOn] };
}

// ─── Ranking ────────────────────────────────────────────────────────────────────────────────────

export interface RankingCandidate {
  id: string;
  qualified: boolean;
  category: PriorityCategory;
  county: string;
  submittedAt: string; // ISO timestamp
}

export interface RankingResult {
  admitted: string[];
  waitlist: string[];
  rejected: string[];
}

interface Ranked {
  id: string;
  county: string;
  submitted: Instant;
}

function compareSubmission(a: Ranked, b: Ranked): number {
  return compareInstants(a.submitted, b.submitted) || compareCodeUnits(a.id, b.id);
}

/** One county's candidates in one category, earliest first, with the next one to place. */
interface CountyQueue {
  queue: Ranked[];
  next: number;
  /** Candidates from this county placed so far, across all categories. Fixed while in the heap. */
  placed: number;
}

function compareQueues(a: CountyQueue, b: CountyQueue): number {
  return a.placed - b.placed || compareSubmission(a.queue[a.next]!, b.queue[b.next]!);
}

function validateCandidates(candidates: RankingCandidate[]): void {
  if (!Array.isArray(candidates)) throw new RangeError("candidates must be an array");
  const seen = new Set<string>();
  for (const c of candidates) {
    if (typeof c.id !== "string") throw new RangeError(`Candidate id must be a string: ${String(c.id)}`);
    if (seen.has(c.id)) throw new RangeError(`Two candidates have the same id: ${c.id}`);
    seen.add(c.id);
    if (typeof c.qualified !== "boolean") throw new RangeError(`Candidate ${c.id}: qualified must be a boolean`);
    if (!isPriorityCategory(c.category)) throw new RangeError(`Candidate ${c.id}: invalid category ${String(c.category)}`);
    if (typeof c.county !== "string") throw new RangeError(`Candidate ${c.id}: county must be a string`);
  }
}

/**
 * The qualified candidates in ranking order. Category by category, the next place goes to the head
 * of the county queue with the fewest placed so far (ties: earliest submittedAt, then smallest id).
 * Only the chosen county's count changes after a pick, so a heap of county heads stays valid and the
 * whole order costs O(n log n) instead of a scan of every remaining candidate per place.
 */
function rankingOrder(candidates: RankingCandidate[]): string[] {
  const byCategory = new Map<PriorityCategory, Map<string, Ranked[]>>();
  for (const c of candidates) {
    if (!c.qualified) continue;
    let counties = byCategory.get(c.category);
    if (!counties) byCategory.set(c.category, (counties = new Map()));
    let queue = counties.get(c.county);
    if (!queue) counties.set(c.county, (queue = []));
    queue.push({ id: c.id, county: c.county, submitted: parseTimestamp(c.submittedAt, `submittedAt of ${c.id}`) });
  }

  const placedByCounty = new Map<string, number>();
  const order: string[] = [];
  for (const category of PRIORITY_CATEGORIES) {
    const counties = byCategory.get(category);
    if (!counties) continue;
    const heap = new MinHeap<CountyQueue>(compareQueues);
    for (const [county, queue] of counties) {
      queue.sort(compareSubmission);
      heap.push({ queue, next: 0, placed: placedByCounty.get(county) ?? 0 });
    }
    for (let head = heap.pop(); head !== undefined; head = heap.pop()) {
      const chosen = head.queue[head.next]!;
      order.push(chosen.id);
      head.placed += 1;
      head.next += 1;
      placedByCounty.set(chosen.county, head.placed);
      if (head.next < head.queue.length) heap.push(head);
    }
  }
  return order;
}

/**
 * Ranks the applicants for `places` places. Unqualified candidates are rejected (sorted by id) and
 * never admitted; the qualified are ordered (see rankingOrder) and the first `places` admitted, the
 * rest waitlisted in order. The result does not depend on the input order.
 * RangeError: places negative or not an integer, two candidates with one id, an invalid category,
 * or a submittedAt that is not an ISO timestamp.
 */
export function rankApplicants(candidates: RankingCandidate[], places: number): RankingResult {
  if (!Number.isSafeInteger(places) || places < 0) throw new RangeError(`places must be a non-negative integer, got ${places}`);
  validateCandidates(candidates);
  // Timestamps of rejected candidates are checked too: bad data is a bug whatever the outcome.
  for (const c of candidates) if (!c.qualified) parseTimestamp(c.submittedAt, `submittedAt of ${c.id}`);
  const order = rankingOrder(candidates);
  const rejected = candidates.filter((c) => !c.qualified).map((c) => c.id);
  rejected.sort(compareCodeUnits);
  return { admitted: order.slice(0, places), waitlist: order.slice(places), rejected };
}

export type RankingOutcome = "ADMITTED" | "WAITLISTED" | "REJECTED";

export interface RankingExplanation {
  id: string;
  outcome: RankingOutcome;
  category: PriorityCategory;
  county: string;
  /** 1-based place among all qualified candidates (admitted, then waitlist); null when rejected. */
  rank: number | null;
  /** 1-based place on the waiting list; null unless waitlisted. */
  waitlistPosition: number | null;
  /** Candidates from higher categories ranked ahead. */
  aheadInHigherCategories: number;
  /** Candidates from the same county ranked ahead, in any category. */
  sameCountyAhead: number;
  reasons: string[];
}

export interface ExplainRankingOptions {
  /** Name of a county for the text; by default the official name of a county number, else the value itself. */
  countyLabel?: (county: string) => string;
  /**
   * End with the sentence that gives the place and outcome ("Du er nummer 12 i rangeringen …").
   * Default true; a decision letter states the outcome itself (the waiting-list number it gives
   * can differ from the place in this ranking when earlier decisions took places).
   */
  includePlacement?: boolean;
  /**
   * Who reads it: the applicant («Du er …», her letter) or the adviser on the ranking page
   * («Søkeren er …»), where the last sentence says the place in this ranking is within the places
   * or on the list, not that an offer is made: the ranking is a proposal until the decisions.
   */
  voice?: "applicant" | "adviser";
  /**
   * The adviser's moves in the ranking (RankingMove), by candidate id: the place to which each was
   * last moved and the written reason. A moved candidate's place is the adviser's, not the rules':
   * her explanation gives her category and the move with its reason (in her letter too: the
   * begrunnelse names the ground her place rests on, forvaltningsloven § 25), not the county and
   * time sentences that did not decide it (a walk read both, side by side).
   */
  moves?: ReadonlyMap<string, { toRank: number; reason: string }>;
}

/**
 * Where one candidate stands in a ranking and why, in Norwegian. Reads the order from `result`
 * (which the adviser may have adjusted), not from a fresh ranking. RangeError when the id is not a
 * candidate or does not appear in the result. To explain every place of a ranking, use
 * explainRankingPlaces: the same explanations in one pass instead of one pass per candidate.
 */
export function explainRankingPlace(
  candidates: RankingCandidate[],
  result: RankingResult,
  id: string,
  options: ExplainRankingOptions = {},
): RankingExplanation {
  validateCandidates(candidates);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const candidate = byId.get(id);
  if (!candidate) throw new RangeError(`No candidate with id ${id}`);
  if (result.rejected.includes(id)) return rejectedExplanation(candidate);

  const order = [...result.admitted, ...result.waitlist];
  const index = order.indexOf(id);
  if (index < 0) throw new RangeError(`Candidate ${id} is not in the ranking result`);
  let aheadInHigherCategories = 0;
  let sameCountyAhead = 0;
  let movedAhead = 0;
  for (const aheadId of order.slice(0, index)) {
    const ahead = byId.get(aheadId);
    if (!ahead) throw new RangeError(`The ranking result names an unknown candidate: ${aheadId}`);
    if (ahead.category < candidate.category) aheadInHigherCategories += 1;
    if (ahead.county === candidate.county) sameCountyAhead += 1;
    if (options.moves?.has(aheadId)) movedAhead += 1;
  }
  const inCategory = order.filter((other) => byId.get(other)?.category === candidate.category).length;
  return placeExplanation(
    candidate,
    { index, admittedCount: result.admitted.length, aheadInHigherCategories, sameCountyAhead, movedAhead, aloneInCategory: inCategory === 1 },
    options,
  );
}

/**
 * Every place of a ranking explained, by candidate id: for each id in `result` the same
 * explanation explainRankingPlace gives it, found in one pass over the order (the ranking page
 * explains every row; one call per row read the whole order once per row). RangeError when
 * `result` names an id that is not a candidate.
 */
export function explainRankingPlaces(
  candidates: RankingCandidate[],
  result: RankingResult,
  options: ExplainRankingOptions = {},
): Map<string, RankingExplanation> {
  validateCandidates(candidates);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const known = (id: string) => {
    const candidate = byId.get(id);
    if (!candidate) throw new RangeError(`The ranking result names an unknown candidate: ${id}`);
    return candidate;
  };
  const explanations = new Map<string, RankingExplanation>();
  for (const id of result.rejected) if (!explanations.has(id)) explanations.set(id, rejectedExplanation(known(id)));

  const order = [...result.admitted, ...result.waitlist];
  const inCategory = [0, 0, 0, 0, 0];
  for (const id of order) inCategory[known(id).category] = inCategory[known(id).category]! + 1;
  // Counts of the candidates ahead so far: per category (1–4) and per county.
  const aheadByCategory = [0, 0, 0, 0, 0];
  const aheadByCounty = new Map<string, number>();
  let movedAhead = 0;
  for (const [index, id] of order.entries()) {
    const candidate = known(id);
    if (!explanations.has(id)) {
      let aheadInHigherCategories = 0;
      for (let category = 1; category < candidate.category; category += 1) aheadInHigherCategories += aheadByCategory[category]!;
      const sameCountyAhead = aheadByCounty.get(candidate.county) ?? 0;
      const aloneInCategory = inCategory[candidate.category] === 1;
      explanations.set(
        id,
        placeExplanation(candidate, { index, admittedCount: result.admitted.length, aheadInHigherCategories, sameCountyAhead, movedAhead, aloneInCategory }, options),
      );
    }
    aheadByCategory[candidate.category] = aheadByCategory[candidate.category]! + 1;
    aheadByCounty.set(candidate.county, (aheadByCounty.get(candidate.county) ?? 0) + 1);
    if (options.moves?.has(id)) movedAhead += 1;
  }
  return explanations;
}

function rejectedExplanation(candidate: RankingCandidate): RankingExplanation {
  return {
    id: candidate.id,
    outcome: "REJECTED",
    category: candidate.category,
    county: candidate.county,
    rank: null,
    waitlistPosition: null,
    aheadInHigherCategories: 0,
    sameCountyAhead: 0,
    reasons: ["Søknaden din oppfyller ikke opptakskravene, og den er derfor ikke med i rangeringen."],
  };
}

/**
 * The explanation of the place at `index` of the order, from what is counted ahead of it.
 * `aloneInCategory`: nobody else in the ranking shares her category, so the county and the time
 * of sending, which order applicants within a category, did not decide her place (a walk read
 * «2 søkere fra Trøndelag er rangert foran deg. For å få geografisk spredning …» for the only
 * applicant in her category, as if the county had put her behind).
 */
function placeExplanation(
  candidate: RankingCandidate,
  place: { index: number; admittedCount: number; aheadInHigherCategories: number; sameCountyAhead: number; movedAhead: number; aloneInCategory: boolean },
  options: ExplainRankingOptions,
): RankingExplanation {
  const { index, aheadInHigherCategories, sameCountyAhead } = place;
  const id = candidate.id;
  const label = options.countyLabel ?? ((county: string) => countyName(county) ?? county);
  const admitted = index < place.admittedCount;
  const rank = index + 1;
  const waitlistPosition = admitted ? null : index - place.admittedCount + 1;
  const county = label(candidate.county);
  const submitted = parseTimestamp(candidate.submittedAt, `submittedAt of ${id}`);

  const adviser = options.voice === "adviser";
  const you = adviser ? "søkeren" : "deg";
  const reasons: string[] = [];
  reasons.push(
    `${adviser ? "Søkeren" : "Du"} er i prioritetskategori ${candidate.category} (${PRIORITY_CATEGORY_LABELS[candidate.category].toLowerCase()}).`,
  );
  const move = options.moves?.get(id);
  if (move) {
    reasons.push(
      adviser
        ? `Studieveilederen har flyttet søkeren til plass ${move.toRank}: ${move.reason}`
        : `Studieveilederen har flyttet søknaden din til plass ${move.toRank} i rangeringen, med denne begrunnelsen: ${move.reason}`,
    );
  } else if (aheadInHigherCategories > 0) {
    reasons.push(
      `${countNoun(aheadInHigherCategories, "søker", "søkere")} i høyere prioritetskategorier er rangert foran ${you}.`,
    );
  }
  // Someone the adviser moved ahead of her is not explained by the rules' sentences: said, so her
  // decision gives its whole reason (a walk: a category 3 applicant put on the waiting list by a
  // category 4 moved up read only of categories, counties and times, which did not put him ahead).
  if (place.movedAhead > 0) {
    reasons.push(
      adviser
        ? `${countNoun(place.movedAhead, "søker", "søkere")} som studieveilederen har flyttet i rangeringen, står foran søkeren.`
        : `${countNoun(place.movedAhead, "søker", "søkere")} er flyttet foran ${you} i rangeringen av studieveilederen, etter en skriftlig begrunnet vurdering.`,
    );
  }
  if (move) {
    // The rules did not decide her place: nothing on the county or the time of sending.
  } else if (place.aloneInCategory) {
    reasons.push(
      adviser
        ? `Søkeren er den eneste i prioritetskategori ${candidate.category} i rangeringen, så fylket (${county}) og når søknaden ble sendt, avgjør ikke plassen.`
        : `Du er den eneste i prioritetskategori ${candidate.category} i rangeringen, så fylket ditt (${county}) og når du sendte søknaden, avgjør ikke plassen din.`,
    );
  } else {
    reasons.push(
      sameCountyAhead === 0
        ? adviser
          ? `Søkeren er den første fra ${county} i rangeringen.`
          : `Du er den første søkeren fra ${county} i rangeringen.`
        : `${countNoun(sameCountyAhead, "søker", "søkere")} fra ${county} er rangert foran ${you}. ` +
            "For å få geografisk spredning går neste plass i hver kategori til søkeren fra det fylket som har færrest rangert så langt.",
    );
    reasons.push(
      `Søknaden${adviser ? "" : " din"} ble sendt inn ${formatInstantNb(submitted.ms)}. ` +
        "Står søkere likt i kategori og fylke, går den som sendte søknaden først, foran.",
    );
  }
  if (options.includePlacement !== false) {
    reasons.push(
      adviser
        ? admitted
          ? `Nummer ${rank} i rangeringen: innenfor plassene.`
          : `Nummer ${rank} i rangeringen: utenfor plassene, nummer ${waitlistPosition} på ventelisten.`
        : admitted
          ? `Du er nummer ${rank} i rangeringen og får tilbud om plass.`
          : `Du er nummer ${rank} i rangeringen. Alle plassene går til søkere foran deg, og du er nummer ${waitlistPosition} på ventelisten. ` +
            "Hvis noen takker nei til plassen sin, går den til den neste på ventelisten.",
    );
  }

  return {
    id,
    outcome: admitted ? "ADMITTED" : "WAITLISTED",
    category: candidate.category,
    county: candidate.county,
    rank,
    waitlistPosition,
    aheadInHigherCategories,
    sameCountyAhead,
    reasons,
  };
}
