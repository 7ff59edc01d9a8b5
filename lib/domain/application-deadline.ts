/**
 * Deadlines are calendar dates in Europe/Oslo: a window opens at the start of its first day and
 * closes at the end of its last day, Oslo time, in winter (CET, UTC+1) and summer (CEST, UTC+2).
 */
import { TZDate } from "@date-fns/tz";
import { addDays, datePartsOf, formatIsoDate, dayNumberFromParts, parseIsoDate } from "./dates";
import { formatDateNb, OSLO_TIME_ZONE } from "./format";

export { OSLO_TIME_ZONE };

function assertInstant(now: Date, label = "now"): number {
  const ms = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${label} must be a valid Date`);
  return ms;
}

/** The instant Oslo's calendar day `date` begins (00:00 Oslo time). */
export function startOfDayInOslo(date: string): Date {
  const { year, month, day } = datePartsOf(date);
  return new Date(new TZDate(year, month - 1, day, OSLO_TIME_ZONE).getTime());
}

/** The instant it is 12:00 in Oslo on the calendar day `date` (also on the days the clocks change). */
export function noonInOslo(date: string): Date {
  const { year, month, day } = datePartsOf(date);
  return new Date(new TZDate(year, month - 1, day, 12, 0, 0, OSLO_TIME_ZONE).getTime());
}

/**
 * The instant a deadline day is over: the next midnight in Oslo. It is exclusive — the last open
 * instant is one millisecond before (23:59:59.999 Oslo time) — so 2024-12-01 gives
 * 2024-12-01T23:00:00.000Z in winter and 2024-06-15 gives 2024-06-15T22:00:00.000Z in summer.
 */
export function deadlineEnd(deadline: string): Date {
  return startOfDayInOslo(addDays(deadline, 1));
}

/** True while Oslo's calendar day `date` has not ended (an offer answered on its last day counts). */
export function isBeforeEndOfDay(date: string, now: Date): boolean {
  return assertInstant(now) < deadlineEnd(date).getTime();
}

export interface ApplicationWindow {
  opensOn: string; // "YYYY-MM-DD", first day applications are accepted
  deadline: string; // "YYYY-MM-DD", last day applications are accepted
}

export type ApplicationWindowState = "NOT_OPEN_YET" | "OPEN" | "CLOSED";

export function applicationWindowState(window: ApplicationWindow, now: Date): ApplicationWindowState {
  const ms = assertInstant(now);
  if (parseIsoDate(window.deadline, "deadline") < parseIsoDate(window.opensOn, "opensOn")) {
    throw new RangeError(`The deadline (${window.deadline}) is before the opening day (${window.opensOn})`);
  }
  if (ms < startOfDayInOslo(window.opensOn).getTime()) return "NOT_OPEN_YET";
  return ms < deadlineEnd(window.deadline).getTime() ? "OPEN" : "CLOSED";
}

/** Open from 00:00 Oslo time on opensOn until the end of the deadline day, Oslo time. */
export function isApplicationOpen(window: ApplicationWindow, now: Date): boolean {
  return applicationWindowState(window, now) === "OPEN";
}

/** Oslo's calendar date at an instant, e.g. as `asOf` for today's view. */
export function osloDate(instant: Date): string {
  const oslo = new TZDate(assertInstant(instant, "instant"), OSLO_TIME_ZONE);
  return formatIsoDate(dayNumberFromParts(oslo.getFullYear(), oslo.getMonth() + 1, oslo.getDate()));
}

/** "1. desember 2024 kl. 23.59", how a deadline is written to users. */
export function formatDeadline(deadline: string): string {
  return `${formatDateNb(deadline)} kl. 23.59`;
}

/** An unsent application's reminders: three days before the deadline, and on the day itself. */
export type DraftReminder = "THREE_DAYS_BEFORE" | "DEADLINE_DAY";

/** Reminders go out from 09:00 Oslo time, not in the night when the hourly sweep first sees the day. */
const REMINDER_HOUR = 9;

function reminderStart(date: string): number {
  const { year, month, day } = datePartsOf(date);
  return new TZDate(year, month - 1, day, REMINDER_HOUR, 0, 0, OSLO_TIME_ZONE).getTime();
}

/**
 * The reminder due now to an applicant whose application is not sent (a draft, or one she opened
 * for change), or null. From 09:00 Oslo time three days before the deadline it is
 * THREE_DAYS_BEFORE, from 09:00 on the deadline day DEADLINE_DAY, until the deadline ends; each is
 * sent once (the caller's dedupe key). A sweep that missed the first window sends only the second:
 * two reminders at once say nothing more than one.
 */
export function dueDraftReminder(deadline: string, now: Date): DraftReminder | null {
  const ms = assertInstant(now);
  if (ms >= deadlineEnd(deadline).getTime()) return null;
  if (ms >= reminderStart(deadline)) return "DEADLINE_DAY";
  if (ms >= reminderStart(addDays(deadline, -3))) return "THREE_DAYS_BEFORE";
  return null;
}
