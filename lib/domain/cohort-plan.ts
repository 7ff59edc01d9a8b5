/**
 * The cohort plan as faculty run it: ISO weeks for samling days, the window in which a day's
 * attendance may be registered, when a day may be removed, shifting a previous kull's plan, and
 * the exam's three days. Pure: "today" is always an argument.
 */
import { addDays, compareIsoDates, formatIsoDate, parseIsoDate, partsFromDayNumber } from "./dates";
import { countNoun } from "./format";

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): number {
  const dayNumber = parseIsoDate(date);
  // 1970-01-01 was a Thursday: Monday = 0 … Sunday = 6.
  const weekday = (((dayNumber + 3) % 7) + 7) % 7;
  const thursday = dayNumber - weekday + 3;
  const { year } = partsFromDayNumber(thursday);
  const firstOfYear = parseIsoDate(`${String(year).padStart(4, "0")}-01-01`);
  return Math.floor((thursday - firstOfYear) / 7) + 1;
}

/** "uke 37", or "uke 52–1" for days that span two weeks (in date order). */
export function weekLabel(dates: readonly string[]): string {
  const weeks: number[] = [];
  for (const date of [...dates].sort(compareIsoDates)) {
    const week = isoWeek(date);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  if (weeks.length === 0) return "";
  return weeks.length === 1 ? `uke ${weeks[0]}` : `uke ${weeks[0]}–${weeks.at(-1)}`;
}

/** Norwegian weekday of a date, short ("tir."). */
export function weekdayShortNb(date: string): string {
  const weekday = (((parseIsoDate(date) + 3) % 7) + 7) % 7;
  return ["man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn."][weekday]!;
}

/**
 * How a day's attendance may be saved on `today`:
 * - FUTURE: not yet (a day that has not come cannot be registered);
 * - ON_DAY: the day itself, the normal case, no reason needed;
 * - CORRECTION: after the day. Registering or changing it then changes what the rule counts for
 *   a day that has already been counted as held, so it needs a written reason and is audited.
 */
export type AttendanceEntryMode = "FUTURE" | "ON_DAY" | "CORRECTION";

export function attendanceEntryMode(day: string, today: string): AttendanceEntryMode {
  const order = compareIsoDates(day, today);
  return order > 0 ? "FUTURE" : order === 0 ? "ON_DAY" : "CORRECTION";
}

/**
 * Why a samling day (or a whole samling) cannot be removed from the plan, or null when it can.
 * Registered attendance is the record of what happened; absence notices are students' messages
 * about that day. Neither is thrown away by editing the plan.
 */
export function dayRemovalRefusal(counts: { attendance: number; absenceNotices: number }, what: "dag" | "samling" = "dag"): string | null {
  const subject = what === "dag" ? "Dagen" : "Samlingen";
  if (counts.attendance > 0) {
    return (
      `${subject} kan ikke fjernes fordi det er registrert oppmøte for ` +
      `${countNoun(counts.attendance, "student", "studenter")}. Oppmøtet er dokumentasjon på hva som skjedde.`
    );
  }
  if (counts.absenceNotices > 0) {
    return (
      `${subject} kan ikke fjernes fordi ${countNoun(counts.absenceNotices, "student", "studenter")} har ` +
      "sendt fraværsmelding for den. Avtal en ny dato med studentene først."
    );
  }
  return null;
}

/** Refusals for the days of one samling: real dates, no repeats, at most seven, not already in the plan. */
export function samlingDaysProblems(days: readonly string[], otherPlanDays: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (days.length === 0) problems.push("En samling må ha minst én dag.");
  if (days.length > 7) problems.push("En samling kan ha høyst sju dager.");
  const seen = new Set<string>();
  const taken = new Set(otherPlanDays);
  for (const date of days) {
    try {
      parseIsoDate(date);
    } catch {
      problems.push(`«${date}» er ikke en gyldig dato.`);
      continue;
    }
    if (seen.has(date)) problems.push(`Datoen ${date} står to ganger.`);
    if (taken.has(date)) problems.push(`Datoen ${date} er allerede en samlingsdag i planen.`);
    seen.add(date);
  }
  return problems;
}

/** A date moved by whole weeks (a previous kull's plan copied to a new one keeps the weekdays). */
export function shiftByWeeks(date: string, weeks: number): string {
  if (!Number.isSafeInteger(weeks)) throw new RangeError(`weeks must be an integer: ${weeks}`);
  return addDays(date, weeks * 7);
}

/**
 * The number of whole weeks from one date to another, rounded to the nearest week: the shift that
 * places a previous kull's first samling in the same week as the new kull's start.
 */
export function weeksBetween(from: string, to: string): number {
  return Math.round((parseIsoDate(to) - parseIsoDate(from)) / 7);
}

/** The exam is an individual written home exam over three days: the first day and the two after. */
export const EXAM_DAY_COUNT = 3;

export function examDays(firstDay: string): { startsOn: string; endsOn: string } {
  return { startsOn: firstDay, endsOn: addDays(firstDay, EXAM_DAY_COUNT - 1) };
}

/** The day numbers of a range of dates, inclusive (for listing the exam's days). */
export function datesFrom(startsOn: string, endsOn: string): string[] {
  const from = parseIsoDate(startsOn);
  const to = parseIsoDate(endsOn);
  if (to < from) throw new RangeError(`endsOn (${endsOn}) is before startsOn (${startsOn})`);
  return Array.from({ length: to - from + 1 }, (_, index) => formatIsoDate(from + index));
}
