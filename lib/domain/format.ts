/**
 * Norwegian (bokmål) wording shared by the explanations: numbers with a decimal comma, dates
 * written out, nouns in the right number. Kept by hand rather than through Intl so the text is the
 * same on every server, whatever ICU data Node was built with.
 */
import { TZDate } from "@date-fns/tz";
import { datePartsOf } from "./dates";

export const OSLO_TIME_ZONE = "Europe/Oslo";

const MONTHS_NB = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
] as const;

/** A no-break space: between a number and its unit, and between digit groups. */
export const NBSP = "\u00a0";

/**
 * A whole number the Norwegian way, digits grouped in threes with a no-break space from 1 000 up
 * (Språkrådet allows "1000" too, but one rule everywhere reads better in tables): 3027 → "3 027".
 */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number: ${value}`);
  const digits = String(Math.abs(value));
  if (digits.length < 4) return String(value);
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return value < 0 ? `-${grouped}` : grouped;
}

/** A phrase as the start of a sentence: "fyller kravene" → "Fyller kravene". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 dag", "2 dager", "3 027 dager". */
export function countNoun(count: number, singular: string, plural: string): string {
  return `${formatInteger(count)} ${count === 1 ? singular : plural}`;
}

/** A value given in tenths, written with a decimal comma and without a trailing ",0": 682 → "68,2", 800 → "80". */
export function formatTenths(tenths: number): string {
  if (!Number.isInteger(tenths)) throw new RangeError(`tenths must be an integer: ${tenths}`);
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const fraction = abs % 10;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole},${fraction}`;
}

/**
 * numerator/denominator as a percentage in tenths, rounded half up, exactly in integers.
 * Non-negative integers only; 0 when the denominator is 0.
 */
export function percentTenths(numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  // round(1000·n/d) = floor((2000·n + d) / (2d)), done on integers so 79.95 % never becomes 80 %.
  const twice = 2000 * numerator + denominator;
  const divisor = 2 * denominator;
  return (twice - (twice % divisor)) / divisor;
}

/** "68,2 %": Norwegian style, a space before the percent sign. */
export function formatPercentTenths(tenths: number): string {
  return `${formatTenths(tenths)} %`;
}

/** "2024-12-01" → "1. desember 2024". */
export function formatDateNb(date: string): string {
  const { year, month, day } = datePartsOf(date);
  return `${day}. ${MONTHS_NB[month - 1]} ${year}`;
}

/** "1982-03-14" → "14.03.1982", the way Norwegians write a date in a form (dd.mm.åååå). */
export function formatDateNumeric(date: string): string {
  const { year, month, day } = datePartsOf(date);
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

/** An instant as Oslo wall-clock time: "1. november 2024 kl. 10.15" (Norwegian uses a dot in times). */
export function formatInstantNb(instant: Date | number): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("instant is not a valid time");
  const oslo = new TZDate(ms, OSLO_TIME_ZONE);
  const hh = String(oslo.getHours()).padStart(2, "0");
  const mm = String(oslo.getMinutes()).padStart(2, "0");
  return `${oslo.getDate()}. ${MONTHS_NB[oslo.getMonth()]} ${oslo.getFullYear()} kl. ${hh}.${mm}`;
}

/** "a", "a og b", "a, b og c". */
export function joinNb(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
}

/**
 * When to try again, as a rate-limit message says it: "kl. 14.35" later the same day in Oslo,
 * otherwise the date too ("2. desember 2026 kl. 09.15"). Rounded up to the whole minute, so the
 * time said is never before the moment it works again.
 */
export function retryAtText(retryAt: Date, now: Date): string {
  const rounded = Math.ceil(retryAt.getTime() / 60_000) * 60_000;
  const then = new TZDate(rounded, OSLO_TIME_ZONE);
  const today = new TZDate(now.getTime(), OSLO_TIME_ZONE);
  const sameDay =
    then.getFullYear() === today.getFullYear() && then.getMonth() === today.getMonth() && then.getDate() === today.getDate();
  if (!sameDay) return formatInstantNb(rounded);
  return `kl. ${String(then.getHours()).padStart(2, "0")}.${String(then.getMinutes()).padStart(2, "0")}`;
}
