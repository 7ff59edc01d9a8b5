/**
 * A student's standing toward the exam as it is stored (Standing in prisma/schema.prisma): the
 * verdict of evaluateEligibility reduced to what depends on stored facts alone, and the rules for
 * what a change of it means — which attendance notice is due, and when the standing counts as
 * changed. The server recomputes it inside every transaction that changes a fact
 * (lib/server/standings/refresh.ts); these functions decide, it only stores.
 */
import { attendanceWarning } from "./attendance-progress";
import { eligibilityOutlook, type Eligibility, type EligibilityOutlook, type OutlookFacts } from "./eligibility";

/** The attendance warning the registered days call for; NONE when nothing is to be said. */
export type AttendanceNoticeState = "NONE" | "LAST_ABSENCE" | "UNREACHABLE";

export interface StandingFacts {
  /** The outlook (eligibilityOutlook): a final rejection of a required item is SHORT_BY_DECISION. */
  status: EligibilityOutlook;
  attendanceState: AttendanceNoticeState;
  scheduledDays: number;
  attendedDays: number;
  absentDays: number;
  approvedRequired: number;
  requiredTotal: number;
}

/**
 * The stored standing of an evaluated eligibility. Only clock-free facts: the days still to come
 * and the days nobody has registered yet are left out, so a standing computed today equals one
 * computed next week from the same registrations.
 */
export function standingFromEligibility(eligibility: Eligibility): StandingFacts {
  const { attendance, arbeidskrav } = eligibility;
  return {
    status: eligibilityOutlook(eligibility),
    attendanceState: attendanceWarning(attendance) ?? "NONE",
    scheduledDays: attendance.scheduled,
    attendedDays: attendance.attended,
    absentDays: attendance.held - attendance.attended,
    approvedRequired: arbeidskrav.approved,
    requiredTotal: arbeidskrav.required,
  };
}

const FIELDS: readonly (keyof StandingFacts)[] = [
  "status",
  "attendanceState",
  "scheduledDays",
  "attendedDays",
  "absentDays",
  "approvedRequired",
  "requiredTotal",
];

/** Whether two standings hold the same facts (null: never computed). */
export function sameStanding(a: StandingFacts | null, b: StandingFacts | null): boolean {
  if (a === null || b === null) return a === b;
  return FIELDS.every((field) => a[field] === b[field]);
}

const SEVERITY: Record<AttendanceNoticeState, number> = { NONE: 0, LAST_ABSENCE: 1, UNREACHABLE: 2 };

/**
 * - LAST_ABSENCE / UNREACHABLE: the student has entered a worse state than the one last told;
 * - LIFTED: a correction (or a change of the plan) has lifted the student out of the state last
 *   told: "the earlier notice no longer applies", with where they stand now.
 */
export type AttendanceNotice = "LAST_ABSENCE" | "UNREACHABLE" | "LIFTED";

export interface AttendanceNoticeStep {
  /** The notice to send now, or null. */
  send: AttendanceNotice | null;
  /** The state the student has been told about after this step. */
  notified: AttendanceNoticeState;
}

/**
 * Notices follow the state: a notice goes out when the student enters a worse state than the one
 * last told, and a short correction when a change lifts them to a better one (the student may be
 * warned again if the state returns). Each step is one message at most, and the same state is
 * never told twice in a row, so no student gets the same notice twice for one entry into a state.
 */
export function attendanceNoticeStep(notified: AttendanceNoticeState, current: AttendanceNoticeState): AttendanceNoticeStep {
  if (!(notified in SEVERITY) || !(current in SEVERITY)) {
    throw new RangeError(`Unknown attendance notice state: ${String(notified)} → ${String(current)}`);
  }
  if (current === notified) return { send: null, notified };
  if (SEVERITY[current] > SEVERITY[notified]) return { send: current as Exclude<AttendanceNoticeState, "NONE">, notified: current };
  return { send: "LIFTED", notified: current };
}

const STATUS_WORDS: Record<EligibilityOutlook, string> = {
  ELIGIBLE: "fyller kravene til eksamen",
  ON_TRACK: "kan fortsatt nå kravene",
  SHORT_BY_DECISION: "fyller ikke kravene fordi et obligatorisk arbeidskrav er endelig ikke godkjent",
  NOT_ELIGIBLE: "kan ikke lenger nå kravene",
};

/** The same, said of before («Før: du …», a walk read «Før: du fyller …»). */
const STATUS_WORDS_BEFORE: Record<EligibilityOutlook, string> = {
  ELIGIBLE: "fylte kravene til eksamen",
  ON_TRACK: "kunne fortsatt nå kravene",
  SHORT_BY_DECISION: "fylte ikke kravene fordi et obligatorisk arbeidskrav var endelig ikke godkjent",
  NOT_ELIGIBLE: "kunne ikke nå kravene",
};

/** "kan fortsatt nå kravene", for sentences about a status ("fra … til …", "du …"); `before`: in the past tense. */
export function describeStandingStatus(status: EligibilityOutlook, tense: "now" | "before" = "now"): string {
  return (tense === "before" ? STATUS_WORDS_BEFORE : STATUS_WORDS)[status];
}

/**
 * A stored status as the evaluation now tells it. The stored status is the outlook
 * (standingFromEligibility), equal to the recomputation, so it differs from `now` only between two
 * reads; a row stored before the outlook was (ON_TRACK with a required item finally not approved,
 * migration standing_short_by_decision) is read as SHORT_BY_DECISION, not «kan fortsatt nå kravene».
 */
export function storedOutlook(stored: EligibilityOutlook, now: OutlookFacts): EligibilityOutlook {
  const current = eligibilityOutlook(now);
  return stored === "ON_TRACK" && current === "SHORT_BY_DECISION" ? current : stored;
}

/** "Endret 3. desember: fra «kan fortsatt nå kravene» til «fyller kravene til eksamen» (Oppmøte rettet)." */
export function describeStandingChange(change: {
  previousStatus: EligibilityOutlook;
  /** The status it changed to, as storedOutlook tells it now. */
  status: EligibilityOutlook;
  changedOn: string;
  cause: string | null;
  formatDate: (iso: string) => string;
}): string {
  const cause = change.cause?.trim();
  return (
    `Endret ${change.formatDate(change.changedOn)}: fra «${STATUS_WORDS[change.previousStatus]}» ` +
    `til «${STATUS_WORDS[change.status]}»${cause ? ` (${cause})` : ""}.`
  );
}
