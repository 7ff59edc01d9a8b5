/**
 * How long admission data and the health data of utsatt eksamen are kept, and when the
 * `privacy.retention` job deletes them. One rule,
 * read by the job (lib/server/retention/), by the privacy statement (/personvern) and by the
 * README: the periods below are the only place the numbers live.
 *
 * Three deletions:
 * - **Documents of an applicant who was not admitted** (vitnemål, tjenestebevis, a klage's
 *   attachment: the files and their rows) go a period after the *final decision*: the newest of
 *   the latest letter's day, the answer to an offer (declined or expired), a withdrawal and the
 *   decision on a klage. Never before the latest letter's klage deadline has passed, and never
 *   while a klage on the application waits for a decision. The application itself, its decision
 *   and letters stay (the case, archived under arkivloven).
 * - **An application that never got a decision** (a draft never sent, one withdrawn before the
 *   decision) is deleted whole, with its documents, a period after the intake's application
 *   deadline. One that was sent and not withdrawn is kept however long it waits: the applicant
 *   is owed a decision (forvaltningsloven § 11 a), and deleting the case would leave her with
 *   neither an answer nor her papers. The intake's next step keeps asking the adviser to decide
 *   it (`undecidedApplications` in cohort-life).
 * - **The health data of a student's requests for utsatt eksamen** (their accounts of what
 *   happened and the documentation, a legeerklæring: GDPR art. 9) is erased a period after the
 *   *final decision*, for all of the student's requests in the kull at once: a request may be
 *   followed by another (better documentation after a refusal, or illness again at the utsatt
 *   eksamen a grant placed them on), and the adviser decides the later one with the earlier at
 *   hand. The final decision is the newest, over those requests, of a decision (a grant, a
 *   refusal, a grant after a klage), its letters, the decision on a klage, the day an upheld klage
 *   was sent to the appeals body (the documentation goes with the case), and the hand-in day of an
 *   utsatt eksamen a grant placed the student on (the grant is carried out then). Never while one
 *   of them waits for a decision, before a refusal's klage deadline has passed, while a klage
 *   waits, or while an upheld klage has not yet been sent on. The requests, their reasons,
 *   decisions, grounds, letters and klager stay: the case.
 * - **The reason a student gave in an absence notice** ("syk", "sykt barn", a hospital
 *   appointment: often health data) is erased a period after the samling day it was for. A notice
 *   is information for the faculty on that day and is never the basis of a decision (absence is
 *   absence, with or without a notice), so nothing waits for it. The notice itself stays (that
 *   the student told, and when), with the attendance.
 *
 * Not admitted means: no enrolment came of the application, and its decision is final — a
 * refusal (also after the waiting list closed), an offer declined or left to expire, or an
 * application withdrawn. A waiting-list place is not final (a place may still come), nor is an
 * offer not yet answered. A klage the adviser has upheld is open until it is sent on to the
 * appeals body (outside the app; the adviser marks it sent), as the kull's open cases count it,
 * and is still being handled while it waits there: an applicant's documents stay until the
 * adviser registers the appeals body's decision, and the period runs from that decision (a
 * quashed klage comes back to be decided again, on the same documents). The health data of a
 * request for utsatt eksamen is kept shorter: the documentation goes with the case to the appeals
 * body, so its period runs from the sending (or from the appeals body's decision, if registered
 * by then).
 *
 * Dates are Oslo calendar dates ("YYYY-MM-DD"); the caller passes today. No clock here.
 */
import { addDays, addMonths as addCalendarMonths, compareIsoDates } from "./dates";
import { klageDeadline } from "./klage";

export interface RetentionPeriods {
  /** Months after the final decision before a not-admitted applicant's documents are deleted. */
  notAdmittedDocumentsMonths: number;
  /** Months after the application deadline before an application without a decision is deleted. */
  undecidedApplicationMonths: number;
  /** Months after the final decision before a request for utsatt eksamen loses its health data. */
  deferralHealthDataMonths: number;
  /** Months after the samling day before an absence notice loses the reason the student gave. */
  absenceReasonMonths: number;
}

/** The defaults (README "Environment variables": RETENTION_* change them). */
export const DEFAULT_RETENTION_PERIODS: RetentionPeriods = {
  notAdmittedDocumentsMonths: 6,
  undecidedApplicationMonths: 6,
  // Health data, kept no longer than the case needs it: three months after the final decision
  // covers the klage deadline (three weeks), the klage's handling and, for an upheld klage, the
  // time after it is sent on (the period runs from the sending).
  deferralHealthDataMonths: 3,
  // Often health data, and never the basis of a decision: enough for the faculty to register and,
  // if need be, correct the day (corrections come within weeks), then gone.
  absenceReasonMonths: 3,
};

/** Kept, not deleted by the job: stated in the privacy statement with these numbers. */
export const AUDIT_LOG_RETENTION_YEARS = 5;

/** The largest period an installation may set (ten years): a typo of 600 should not pass. */
export const MAX_RETENTION_MONTHS = 120;

export type KlageState = "OPEN" | "DECIDED";

export interface RetentionFacts {
  /** The intake's application deadline. */
  applicationDeadline: string;
  /** An enrolment came of this application (accepted offer): the student's file, kept. */
  admitted: boolean;
  /** The applicant sent it (a draft never sent is not a case). */
  sent: boolean;
  /** The day the application was withdrawn, if it was. */
  withdrawnOn: string | null;
  decision: null | {
    outcome: "OFFER" | "WAITLIST" | "REFUSAL";
    answer: "ACCEPTED" | "DECLINED" | "EXPIRED" | null;
    answeredOn: string | null;
    /** The day the newest letter was made available (the klage period runs from it). */
    latestLetterOn: string;
  };
  klager: readonly {
    state: KlageState;
    filedOn: string;
    decidedOn: string | null;
    /** Not taken by the adviser: it goes to the appeals body (open until `forwardedOn`). */
    upheld?: boolean;
    forwardedOn?: string | null;
    /** The day of the appeals body's decision, once registered: the period runs from it. */
    appealsBodyDecidedOn?: string | null;
    /** Sent, and the appeals body's decision on this sending not registered yet: still being handled. */
    atAppealsBody?: boolean;
  }[];
}

export type RetentionVerdict =
  | { action: "KEEP"; reason: "ADMITTED" | "NOT_FINAL" | "KLAGE_OPEN" | "AWAITS_DECISION" }
  | { action: "DELETE_DOCUMENTS" | "DELETE_APPLICATION"; dueOn: string; due: boolean };

/** `date` moved `months` calendar months on (a period: whole and never negative); the 31st becomes the month's last day when shorter. */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be a whole number ≥ 0, got ${months}`);
  return addCalendarMonths(date, months);
}

function latest(dates: readonly (string | null)[]): string | null {
  let result: string | null = null;
  for (const date of dates) if (date && (result === null || compareIsoDates(date, result) > 0)) result = date;
  return result;
}

/**
 * What retention does with one application today: keep it (and why), or the deletion it is up
 * for, the first day it is due, and whether that day has come.
 */
export function retentionVerdict(facts: RetentionFacts, today: string, periods: RetentionPeriods = DEFAULT_RETENTION_PERIODS): RetentionVerdict {
  if (facts.admitted) return { action: "KEEP", reason: "ADMITTED" };
  if (facts.klager.some((klage) => klage.state === "OPEN" || (klage.upheld === true && !klage.forwardedOn) || klage.atAppealsBody === true)) {
    return { action: "KEEP", reason: "KLAGE_OPEN" };
  }

  const decision = facts.decision;
  if (!decision) {
    if (facts.sent && facts.withdrawnOn === null) return { action: "KEEP", reason: "AWAITS_DECISION" };
    const dueOn = addDays(addMonths(facts.applicationDeadline, periods.undecidedApplicationMonths), 1);
    return { action: "DELETE_APPLICATION", dueOn, due: compareIsoDates(today, dueOn) >= 0 };
  }

  const final =
    facts.withdrawnOn !== null ||
    decision.outcome === "REFUSAL" ||
    (decision.outcome === "OFFER" && (decision.answer === "DECLINED" || decision.answer === "EXPIRED"));
  if (!final) return { action: "KEEP", reason: "NOT_FINAL" };

  const finalDecisionOn = latest([
    decision.latestLetterOn,
    decision.answeredOn,
    facts.withdrawnOn,
    ...facts.klager.flatMap((klage) => [klage.decidedOn, klage.forwardedOn ?? null, klage.appealsBodyDecidedOn ?? null]),
  ])!;
  // The period runs from the final decision, and never ends before the newest letter's klage
  // deadline has passed (a period of 0 months still waits for it).
  const afterPeriod = addMonths(finalDecisionOn, periods.notAdmittedDocumentsMonths);
  const afterKlagePeriod = addDays(klageDeadline(decision.latestLetterOn), 1);
  const dueOn = latest([afterPeriod, afterKlagePeriod])!;
  return { action: "DELETE_DOCUMENTS", dueOn, due: compareIsoDates(today, dueOn) >= 0 };
}

export interface DeferralRetentionFacts {
  status: "REQUESTED" | "GRANTED" | "REFUSED";
  /** The day of the decision in force (a grant after a klage moves it). */
  decidedOn: string | null;
  /** A grant: the hand-in day (Oslo) of the utsatt eksamen it placed the student on. */
  deferredSittingEndsOn: string | null;
  /** The letters about the request: the grant, or the refusal (an enkeltvedtak with its klage deadline). */
  letters: readonly {
    madeAvailableOn: string;
    klageDeadline: string | null;
    klage: null | { state: KlageState; decidedOn: string | null; upheld: boolean; forwardedOn: string | null; appealsBodyDecidedOn?: string | null };
  }[];
}

export type DeferralRetentionVerdict =
  | { action: "KEEP"; reason: "NOT_DECIDED" | "KLAGE_OPEN" | "KLAGE_NOT_SENT_ON" }
  | { action: "ERASE_HEALTH_DATA"; dueOn: string; due: boolean };

/**
 * What retention does today with the health data of one student's requests for utsatt eksamen in
 * one kull (all of them, erased together): keep it (and why), or erase it: the first day that is
 * due, and whether that day has come.
 */
export function deferralRetentionVerdict(
  requests: readonly DeferralRetentionFacts[],
  today: string,
  periods: RetentionPeriods = DEFAULT_RETENTION_PERIODS,
): DeferralRetentionVerdict {
  if (requests.length === 0 || requests.some((facts) => facts.status === "REQUESTED" || facts.decidedOn === null)) {
    return { action: "KEEP", reason: "NOT_DECIDED" };
  }
  const letters = requests.flatMap((facts) => facts.letters);
  const klager = letters.flatMap((letter) => (letter.klage ? [letter.klage] : []));
  if (klager.some((klage) => klage.state === "OPEN")) return { action: "KEEP", reason: "KLAGE_OPEN" };
  if (klager.some((klage) => klage.upheld && klage.forwardedOn === null)) return { action: "KEEP", reason: "KLAGE_NOT_SENT_ON" };
  const finalDecisionOn = latest([
    ...requests.flatMap((facts) => [facts.decidedOn, facts.deferredSittingEndsOn]),
    ...letters.map((letter) => letter.madeAvailableOn),
    ...klager.flatMap((klage) => [klage.decidedOn, klage.forwardedOn, klage.appealsBodyDecidedOn ?? null]),
  ])!;
  const afterPeriod = addMonths(finalDecisionOn, periods.deferralHealthDataMonths);
  // A refusal's klage period runs out first, whatever the period (0 months too).
  const afterKlagePeriods = letters.flatMap((letter) => (letter.klageDeadline ? [addDays(letter.klageDeadline, 1)] : []));
  const dueOn = latest([afterPeriod, ...afterKlagePeriods])!;
  return { action: "ERASE_HEALTH_DATA", dueOn, due: compareIsoDates(today, dueOn) >= 0 };
}

/**
 * The first day the reason of an absence notice for the samling day `day` is due to be erased:
 * the day after the period has run from the samling day. So a period of 0 erases it the night
 * after the day, never before the faculty have registered it (the job runs at night).
 */
export function absenceReasonDueOn(day: string, periods: RetentionPeriods = DEFAULT_RETENTION_PERIODS): string {
  return addDays(addMonths(day, periods.absenceReasonMonths), 1);
}

/**
 * The last samling day whose absence notices' reasons are due today: a notice is due exactly when
 * its day is on or before this (absenceReasonDueOn(day) ≤ today), so the job can ask the database
 * for them in one condition. addMonths never decreases as the day moves on, so the days that are
 * due are those up to one day; it lies within a few days of `today` moved back the months.
 */
export function absenceReasonCutoff(today: string, periods: RetentionPeriods = DEFAULT_RETENTION_PERIODS): string {
  const due = (day: string) => compareIsoDates(absenceReasonDueOn(day, periods), today) <= 0;
  // 31 days a month back is never after the answer (a month is at most 31 days); step forward.
  let day = addDays(today, -31 * periods.absenceReasonMonths - 1);
  while (due(addDays(day, 1))) day = addDays(day, 1);
  return day;
}

/** Reads the periods from settings as given (RETENTION_* variables); a missing value takes the default. */
export function retentionPeriodsFrom(settings: Partial<RetentionPeriods>): RetentionPeriods {
  return {
    notAdmittedDocumentsMonths: settings.notAdmittedDocumentsMonths ?? DEFAULT_RETENTION_PERIODS.notAdmittedDocumentsMonths,
    undecidedApplicationMonths: settings.undecidedApplicationMonths ?? DEFAULT_RETENTION_PERIODS.undecidedApplicationMonths,
    deferralHealthDataMonths: settings.deferralHealthDataMonths ?? DEFAULT_RETENTION_PERIODS.deferralHealthDataMonths,
    absenceReasonMonths: settings.absenceReasonMonths ?? DEFAULT_RETENTION_PERIODS.absenceReasonMonths,
  };
}

/** "seks måneder", "ett år", "18 måneder": how the privacy statement says a period. */
export function formatMonthsNb(months: number): string {
  const words = ["null", "én", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti", "elleve", "tolv"];
  if (months === 0) return "0 måneder";
  if (months === 12) return "ett år";
  if (months % 12 === 0) return `${months / 12} år`;
  if (months === 1) return "én måned";
  return `${months <= 12 ? words[months] : String(months)} måneder`;
}
