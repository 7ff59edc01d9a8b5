/**
 * Norway's public holidays (helligdager and høytidsdager) and working days, for deadlines.
 *
 * A deadline whose last day falls on a Saturday, a Sunday or a public holiday moves to the next
 * working day (domstolloven § 149, which the deadlines of the Public Administration Act follow).
 * The public holidays are those fixed by law: nyttårsdag, skjærtorsdag, langfredag, 1. og 2.
 * påskedag, 1. mai, 17. mai, Kristi himmelfartsdag, 1. og 2. pinsedag, 1. og 2. juledag.
 * Julaften and nyttårsaften are not public holidays, however many offices close.
 *
 * Dates are ISO "YYYY-MM-DD" strings in and out; a bad date is a RangeError.
 */
import { datePartsOf, dayNumberFromParts, formatIsoDate, parseIsoDate } from "./dates";

export interface PublicHoliday {
  date: string;
  name: string;
}

/** Easter Sunday (Gregorian calendar), by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`No Gregorian Easter for year ${year}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return formatIsoDate(dayNumberFromParts(year, month, day));
}

const cache = new Map<number, PublicHoliday[]>();

/** The public holidays of a year, in date order. */
export function norwegianPublicHolidays(year: number): PublicHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = parseIsoDate(easterSunday(year));
  const fixed = (month: number, day: number) => formatIsoDate(dayNumberFromParts(year, month, day));
  const fromEaster = (days: number) => formatIsoDate(easter + days);
  const holidays: PublicHoliday[] = [
    { date: fixed(1, 1), name: "Nyttårsdag" },
    { date: fromEaster(-3), name: "Skjærtorsdag" },
    { date: fromEaster(-2), name: "Langfredag" },
    { date: fromEaster(0), name: "1. påskedag" },
    { date: fromEaster(1), name: "2. påskedag" },
    { date: fixed(5, 1), name: "Offentlig høytidsdag (1. mai)" },
    { date: fixed(5, 17), name: "Grunnlovsdag (17. mai)" },
    { date: fromEaster(39), name: "Kristi himmelfartsdag" },
    { date: fromEaster(49), name: "1. pinsedag" },
    { date: fromEaster(50), name: "2. pinsedag" },
    { date: fixed(12, 25), name: "1. juledag" },
    { date: fixed(12, 26), name: "2. juledag" },
  ];
  holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  cache.set(year, holidays);
  return holidays;
}

/** The holiday's name when `date` is a public holiday, else null. */
export function publicHolidayName(date: string): string | null {
  const { year } = datePartsOf(date);
  return norwegianPublicHolidays(year).find((holiday) => holiday.date === date)?.name ?? null;
}

export function isNorwegianPublicHoliday(date: string): boolean {
  return publicHolidayName(date) !== null;
}

/** Monday 0 … Sunday 6. */
function weekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (3).
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Not a Saturday, a Sunday or a public holiday. */
export function isWorkingDay(date: string): boolean {
  const day = weekday(parseIsoDate(date));
  return day < 5 && !isNorwegianPublicHoliday(date);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: string): string {
  let day = parseIsoDate(date);
  for (;;) {
    const candidate = formatIsoDate(day);
    if (isWorkingDay(candidate)) return candidate;
    day += 1;
  }
}
