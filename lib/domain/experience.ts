/**
 * Leadership experience: calendar days covered by a set of employment periods.
 */
import { countNoun } from "./format";
import { parseIsoDate } from "./dates";

export interface Period {
  start: string; // "YYYY-MM-DD"
  end: string | null; // inclusive; null = ongoing
}

/** "More than two years" is a day count, so that leap days cannot move the boundary. */
export const TWO_YEARS_IN_DAYS = 730;

/**
 * Parses a period and cuts it off at `asOfDay`; null when nothing of it lies on or before that day.
 * An end before the start is refused even when the period lies wholly after asOf: it is bad data
 * whatever day we look from.
 */
export function clipPeriod(period: Period, asOfDay: number): { start: number; end: number } | null {
  const start = parseIsoDate(period.start, "start");
  const end = period.end == null ? null : parseIsoDate(period.end, "end");
  if (end !== null && end < start) {
    throw new RangeError(`Period ends (${period.end}) before it starts (${period.start})`);
  }
  const clippedEnd = end === null ? asOfDay : Math.min(end, asOfDay);
  return start <= clippedEnd ? { start, end: clippedEnd } : null;
}

/**
 * Calendar days covered by the union of the periods, both ends inclusive, up to and including
 * `asOf`. Overlapping, nested and adjacent periods count each day once.
 */
export function experienceDays(periods: Period[], asOf: string): number {
  const asOfDay = parseIsoDate(asOf, "asOf");
  const intervals: { start: number; end: number }[] = [];
  for (const period of periods) {
    const clipped = clipPeriod(period, asOfDay);
    if (clipped) intervals.push(clipped);
  }
  intervals.sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredUpTo = Number.NEGATIVE_INFINITY; // last day already counted
  for (const { start, end } of intervals) {
    if (end <= coveredUpTo) continue;
    total += end - Math.max(start, coveredUpTo + 1) + 1;
    coveredUpTo = end;
  }
  return total;
}

/** More than 730 days: exactly two years (730 days) is not more than two years. */
export function moreThanTwoYears(periods: Period[], asOf: string): boolean {
  return experienceDays(periods, asOf) > TWO_YEARS_IN_DAYS;
}

// The fewest days k whole calendar months can have (k = 1..11): February first, in a common year.
const MIN_DAYS_OF_MONTHS = [28, 59, 89, 120, 150, 181, 212, 242, 273, 303, 334] as const;

/**
 * A day count as Norwegian years and months for explanations: 1160 → "3 år og 2 måneder". The words
 * in full, not «mnd»: a screen reader spells the abbreviation out (a walk read «1 år og 4 mnd»).
 *
 * Years are whole 365-day years, so a count never reads as more years than it is: 730 and 731 days
 * both read "2 år" (show the exact day count beside it where that boundary matters). The days left
 * over count as k months when they are at least the fewest days k whole calendar months can have
 * (28 for one month, 59 for two, … 334 for eleven), so any run of whole calendar months reads as
 * exactly that many months (1 January–30 June is "6 måneder", February alone "1 måned"). Fewer than
 * 28 days read "under 1 måned"; 0 days reads "0 måneder".
 */
export function formatYearsAndMonths(days: number): string {
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a non-negative integer: ${days}`);
  const years = Math.floor(days / 365);
  const rest = days - years * 365;
  const months = MIN_DAYS_OF_MONTHS.filter((min) => min <= rest).length;
  const monthWords = (count: number) => countNoun(count, "måned", "måneder");
  if (years > 0 && months > 0) return `${years} år og ${monthWords(months)}`;
  if (years > 0) return `${years} år`;
  if (months > 0) return monthWords(months);
  return days > 0 ? "under 1 måned" : "0 måneder";
}
