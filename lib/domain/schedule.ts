/**
 * The schedule as a student reads it: ISO week numbers (Norwegians plan by "uke 51"), compact
 * date spans ("15.–16. desember"), and which samling comes next.
 */
import { compareCodeUnits, datePartsOf, dayNumberFromParts, parseIsoDate, partsFromDayNumber } from "./dates";

const MONTHS_NB = [
  "januar", "februar", "mars", "april", "mai", "juni",
  "juli", "august", "september", "oktober", "november", "desember",
] as const;

export interface IsoWeek {
  /** The ISO week-numbering year (2026-12-31 is in week 53 of 2026, 2027-01-01 too). */
  year: number;
  week: number;
}

/** ISO 8601 week: weeks start on Monday, week 1 is the week with the year's first Thursday. */
export function isoWeek(date: string): IsoWeek {
  const dayNumber = parseIsoDate(date);
  // 1970-01-01 was a Thursday: Monday is 0.
  const weekday = (((dayNumber + 3) % 7) + 7) % 7;
  const thursday = dayNumber - weekday + 3;
  const year = partsFromDayNumber(thursday).year;
  const week = Math.floor((thursday - dayNumberFromParts(year, 1, 1)) / 7) + 1;
  return { year, week };
}

function sortedUnique(days: readonly string[]): string[] {
  for (const date of days) parseIsoDate(date);
  return [...new Set(days)].sort(compareCodeUnits);
}

/** "uke 51", or "uke 52–1" for days over two weeks; "" for no days. */
export function formatWeeksNb(days: readonly string[]): string {
  const sorted = sortedUnique(days);
  if (sorted.length === 0) return "";
  const first = isoWeek(sorted[0]!);
  const last = isoWeek(sorted.at(-1)!);
  return first.week === last.week && first.year === last.year ? `uke ${first.week}` : `uke ${first.week}–${last.week}`;
}

/**
 * The first and last of `days` written compactly: "15. desember 2026", "15.–16. desember 2026",
 * "30. november – 2. desember 2026", "30. desember 2026 – 2. januar 2027". With `omitYear`, a span
 * entirely in that year drops the year ("15.–16. desember"), as in a sentence about this year.
 */
export function formatDateSpanNb(days: readonly string[], options: { omitYear?: number } = {}): string {
  const sorted = sortedUnique(days);
  if (sorted.length === 0) return "";
  const first = datePartsOf(sorted[0]!);
  const last = datePartsOf(sorted.at(-1)!);
  const yearSuffix = (year: number) => (options.omitYear === year ? "" : ` ${year}`);
  if (first.year !== last.year) {
    return `${first.day}. ${MONTHS_NB[first.month - 1]}${yearSuffix(first.year)} – ${last.day}. ${MONTHS_NB[last.month - 1]}${yearSuffix(last.year)}`;
  }
  const year = yearSuffix(first.year);
  if (first.month !== last.month) {
    return `${first.day}. ${MONTHS_NB[first.month - 1]} – ${last.day}. ${MONTHS_NB[last.month - 1]}${year}`;
  }
  if (first.day !== last.day) return `${first.day}.–${last.day}. ${MONTHS_NB[first.month - 1]}${year}`;
  return `${first.day}. ${MONTHS_NB[first.month - 1]}${year}`;
}

export interface ScheduledSamling {
  number: number;
  title: string;
  location: string;
  days: string[]; // "YYYY-MM-DD"
}

export type SamlingPhase = "HELD" | "ONGOING" | "UPCOMING";

/** A samling is held once its last day is before today, ongoing from its first day to its last. */
export function samlingPhase(days: readonly string[], today: string): SamlingPhase {
  const sorted = sortedUnique(days);
  parseIsoDate(today, "today");
  if (sorted.length === 0 || sorted.at(-1)! < today) return "HELD";
  return sorted[0]! <= today ? "ONGOING" : "UPCOMING";
}

/** The samling going on today, or else the next one to come; null when every samling is held. */
export function nextSamling<S extends ScheduledSamling>(samlinger: readonly S[], today: string): { samling: S; ongoing: boolean } | null {
  let best: { samling: S; ongoing: boolean; first: string } | null = null;
  for (const samling of samlinger) {
    const phase = samlingPhase(samling.days, today);
    if (phase === "HELD" || samling.days.length === 0) continue;
    const first = sortedUnique(samling.days)[0]!;
    if (!best || first < best.first) best = { samling, ongoing: phase === "ONGOING", first };
  }
  return best ? { samling: best.samling, ongoing: best.ongoing } : null;
}

/** "15.–16. desember (uke 51), NTNU, Trondheim": when and where, in one phrase. */
export function describeSamlingDates(samling: Pick<ScheduledSamling, "days" | "location">, today: string): string {
  const { year } = datePartsOf(today, "today");
  return `${formatDateSpanNb(samling.days, { omitYear: year })} (${formatWeeksNb(samling.days)}), ${samling.location}`;
}

const WEEKDAYS_NB = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"] as const;

/** "tirsdag" for "2026-12-15". */
export function weekdayNb(date: string): string {
  const dayNumber = parseIsoDate(date);
  return WEEKDAYS_NB[(((dayNumber + 3) % 7) + 7) % 7]!;
}

/** "tirsdag 15. desember" (the year left out when it is `omitYear`), as a day is named in a list. */
export function formatDayNb(date: string, options: { omitYear?: number } = {}): string {
  return `${weekdayNb(date)} ${formatDateSpanNb([date], options)}`;
}
