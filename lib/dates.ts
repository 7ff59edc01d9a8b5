// Calendar dates ("YYYY-MM-DD") as PostgreSQL `date` columns hold them: midnight UTC.
import { isIsoDate, isoDateFromUtcMidnight } from "@/lib/domain/dates";

/** "YYYY-MM-DD" → the Date a `@db.Date` column stores. */
export function day(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(`${date}T00:00:00.000Z`);
}

/** A `@db.Date` value → "YYYY-MM-DD"; anything not at midnight UTC is refused. */
export const isoDate = isoDateFromUtcMidnight;
