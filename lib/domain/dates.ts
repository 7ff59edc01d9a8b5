/**
 * Calendar dates ("YYYY-MM-DD") and ISO timestamps, parsed strictly and compared as integers.
 *
 * JavaScript's Date parser accepts "2023-02-30" (rolling it into March) and reads a timestamp
 * without an offset in the machine's own time zone, so the rules never use it directly: a date
 * becomes a day number (days since 1970-01-01, proleptic Gregorian) and a timestamp an instant in
 * milliseconds, both computed here with integer arithmetic.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

// Years below 1000 are refused: no date in this domain is that old, and Date/TZDate constructors
// silently turn years 0–99 into 1900–1999.
const MIN_YEAR = 1000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil), exact for any year. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface DateParts {
  year: number;
  month: number; // 1–12
  day: number;
}

/** Inverse of dayNumberFromParts (Hinnant's civil_from_days). */
export function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function validParts({ year, month, day }: DateParts): boolean {
  return year >= MIN_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parseDateParts(value: unknown): DateParts | null {
  if (typeof value !== "string") return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return validParts(parts) ? parts : null;
}

/** True for a real calendar date written exactly "YYYY-MM-DD" (zero-padded, year ≥ 1000). */
export function isIsoDate(value: unknown): value is string {
  return parseDateParts(value) !== null;
}

// The day numbers of dates already parsed: the eligibility of 400 students parses each plan day
// once per student, 8 000 parses a request (issue 21). Only valid dates are kept, so a bad one
// still throws every time; a full memo starts over (a process sees few distinct dates).
const DAY_NUMBERS = new Map<string, number>();
const MAX_REMEMBERED_DATES = 4096;

/** Day number of a "YYYY-MM-DD" date; RangeError for anything that is not a real calendar date. */
export function parseIsoDate(value: string, label = "date"): number {
  const remembered = typeof value === "string" ? DAY_NUMBERS.get(value) : undefined;
  if (remembered !== undefined) return remembered;
  const parts = parseDateParts(value);
  if (!parts) throw new RangeError(`${label} is not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  const dayNumber = dayNumberFromParts(parts.year, parts.month, parts.day);
  if (DAY_NUMBERS.size >= MAX_REMEMBERED_DATES) DAY_NUMBERS.clear();
  DAY_NUMBERS.set(value, dayNumber);
  return dayNumber;
}

export function datePartsOf(value: string, label = "date"): DateParts {
  const parts = parseDateParts(value);
  if (!parts) throw new RangeError(`${label} is not a valid calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return parts;
}

export function formatIsoDate(dayNumber: number): string {
  const { year, month, day } = partsFromDayNumber(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The calendar date of a date-only database value. PostgreSQL `date` columns arrive as a Date at
 * 00:00 UTC; reading them in any other zone can shift the day, so anything else is refused.
 */
export function isoDateFromUtcMidnight(value: Date): string {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms) || ms % MS_PER_DAY !== 0) {
    throw new RangeError("Expected a date-only value at 00:00 UTC");
  }
  return formatIsoDate(ms / MS_PER_DAY);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer: ${days}`);
  return formatIsoDate(parseIsoDate(date) + days);
}

/** Negative, zero or positive as a is before, equal to or after b. */
/** `date` moved by whole months, the day clamped to the month's length (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  const { year, month, day } = datePartsOf(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatIsoDate(dayNumberFromParts(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth))));
}

export function compareIsoDates(a: string, b: string): number {
  return Math.sign(parseIsoDate(a) - parseIsoDate(b));
}

const ISO_TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * An instant ordered exactly: whole milliseconds since the epoch, then the nanoseconds beyond the
 * millisecond (timestamps from PostgreSQL carry microseconds; a Date would drop them).
 */
export interface Instant {
  ms: number;
  subMsNanos: number;
}

/**
 * Parses an ISO 8601 timestamp such as "2024-11-01T10:15:00+01:00" or "2024-11-01T09:15:00.123456Z".
 * A timestamp without an offset, and a bare date, are read as UTC — the same as JavaScript on a
 * server running in UTC — so the result never depends on the machine's zone. RangeError otherwise.
 */
export function parseTimestamp(value: string, label = "timestamp"): Instant {
  const match = typeof value === "string" ? ISO_TIMESTAMP.exec(value) : null;
  const fail = (): never => {
    throw new RangeError(`${label} is not a valid ISO 8601 timestamp: ${JSON.stringify(value)}`);
  };
  if (!match) return fail();
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const parts = { year: Number(y), month: Number(mo), day: Number(d) };
  if (!validParts(parts)) return fail();
  const hours = h === undefined ? 0 : Number(h);
  const minutes = mi === undefined ? 0 : Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (hours > 23 || minutes > 59 || seconds > 59) return fail();
  const digits = (fraction ?? "").padEnd(9, "0");
  const millis = Number(digits.slice(0, 3));
  const subMsNanos = Number(digits.slice(3));
  let offsetMinutes = 0;
  if (offset !== undefined && offset.toUpperCase() !== "Z") {
    const sign = offset.startsWith("-") ? -1 : 1;
    const body = offset.slice(1).replace(":", "");
    const offHours = Number(body.slice(0, 2));
    const offMinutes = body.length > 2 ? Number(body.slice(2)) : 0;
    if (offHours > 23 || offMinutes > 59) return fail();
    offsetMinutes = sign * (offHours * 60 + offMinutes);
  }
  const ms =
    dayNumberFromParts(parts.year, parts.month, parts.day) * MS_PER_DAY +
    ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000 +
    millis;
  return { ms, subMsNanos };
}

export function compareInstants(a: Instant, b: Instant): number {
  if (a.ms !== b.ms) return a.ms < b.ms ? -1 : 1;
  if (a.subMsNanos !== b.subMsNanos) return a.subMsNanos < b.subMsNanos ? -1 : 1;
  return 0;
}

/** Plain UTF-16 code-unit order, the same on every machine (localeCompare is not). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NORWEGIAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/**
 * A date as a person types it, to "YYYY-MM-DD"; null when it is not a real calendar date.
 * Norwegians write dd.mm.åååå ("14.03.1982", also "14.3.1982"); a browser's date picker sends
 * "1982-03-14". Both are accepted, with spaces around trimmed. A two-digit year is refused
 * rather than guessed (is "14.03.82" 1982 or 2082?).
 */
export function parseDateInput(value: string): string | null {
  const text = value.trim();
  if (isIsoDate(text)) return text;
  const match = NORWEGIAN_DATE.exec(text);
  if (!match) return null;
  const parts = { year: Number(match[3]), month: Number(match[2]), day: Number(match[1]) };
  return validParts(parts) ? formatIsoDate(dayNumberFromParts(parts.year, parts.month, parts.day)) : null;
}
