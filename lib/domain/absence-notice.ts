/**
 * Fraværsmelding: a student tells the faculty they will be, or were, away on a samling day. It is
 * information for whoever registers attendance; it never changes the attendance rule (an absence
 * with a notice is still an absence).
 *
 * Decisions where the study plan is silent:
 * - A notice may be sent for any coming day of the student's plan, and for a day that has been up
 *   to 14 days ago (ill on the day, reported afterwards). Older than that, attendance is settled:
 *   the student talks to the faculty instead.
 * - A notice can be withdrawn until the day begins (plans change); on the day and after, it stays,
 *   because the faculty may already have acted on it.
 * - Not for a day she is registered present on: the notice would tell of an absence the register
 *   says did not happen (a walk saw «Meld fravær» under «✓ Til stede»). If the registration is
 *   wrong, the faculty correct it.
 * - Not for a day inside her granted leave: she is not expected then. A student on leave may send
 *   one for a day after the leave (a walk: Petra could not until she was back).
 */
import { addDays, parseIsoDate } from "./dates";
import { formatDateNb } from "./format";

export const ABSENCE_NOTICE_DAYS_AFTER = 14;
export const MAX_ABSENCE_REASON_LENGTH = 1000;

/** What is known of the day for this student. */
export interface NoticeDay {
  /** Credited from an earlier kull (a transfer). */
  credited?: boolean;
  registeredPresent?: boolean;
  /** Inside a granted leave of absence (lib/domain/enrolment.ts daysOnLeave). */
  onLeave?: boolean;
}

/**
 * Why a notice cannot be sent for the day `dayDate` today, or null when it can. A day credited
 * from an earlier kull (a transfer) is not one she is expected at: it already counts as attended;
 * nor is a day of her leave.
 */
export function absenceNoticeProblem(dayDate: string, today: string, day: NoticeDay = {}): string | null {
  const oldest = addDays(today, -ABSENCE_NOTICE_DAYS_AFTER);
  parseIsoDate(dayDate, "dayDate");
  if (day.credited) return `${formatDateNb(dayDate)} er godkjent som oppmøte fra et tidligere kull, så du skal ikke møte den dagen.`;
  if (day.onLeave) return `${formatDateNb(dayDate)} er i permisjonen din, så du skal ikke møte den dagen og trenger ikke melde fravær.`;
  if (day.registeredPresent) {
    return `Du er registrert som til stede ${formatDateNb(dayDate)}. Er det feil, ta kontakt med faglærer, som kan rette det.`;
  }
  if (dayDate < oldest) {
    return (
      `${formatDateNb(dayDate)} er mer enn ${ABSENCE_NOTICE_DAYS_AFTER} dager siden. ` +
      "Ta kontakt med faglærer hvis du vil si noe om fraværet den dagen."
    );
  }
  return null;
}

export function canSendAbsenceNotice(dayDate: string, today: string, day: NoticeDay = {}): boolean {
  return absenceNoticeProblem(dayDate, today, day) === null;
}

/** A notice can be withdrawn before its day begins. */
export function canWithdrawAbsenceNotice(dayDate: string, today: string): boolean {
  return parseIsoDate(today, "today") < parseIsoDate(dayDate, "dayDate");
}

/** Why a notice cannot be withdrawn today, or null when it can. */
export function absenceNoticeWithdrawProblem(dayDate: string, today: string): string | null {
  return canWithdrawAbsenceNotice(dayDate, today)
    ? null
    : `Fraværsmeldingen for ${formatDateNb(dayDate)} kan ikke trekkes tilbake på dagen eller etterpå.`;
}
