// Calendar arithmetic for the demo's dates (ISO "YYYY-MM-DD" strings, UTC midnight).
import { startOfDayInOslo } from "@/lib/domain/application-deadline";
import { day } from "@/lib/dates";
import { isoDate } from "@/lib/to-domain";

export function addDays(date: string, days: number): string {
  return isoDate(new Date(day(date).getTime() + days * 86_400_000));
}

export function dayDifference(from: string, to: string): number {
  return Math.round((day(to).getTime() - day(from).getTime()) / 86_400_000);
}

export function mondayOf(date: string): string {
  const weekday = (day(date).getUTCDay() + 6) % 7; // Monday 0
  return addDays(date, -weekday);
}

/** H for a cohort starting July–December, V for January–June. */
export function termCode(firstDay: string): string {
  const month = Number(firstDay.slice(5, 7));
  return `${month >= 7 ? "H" : "V"}${firstDay.slice(0, 4)}`;
}

/** An instant on an Oslo calendar day, `hours` after its midnight. */
export function at(date: string, hours: number): Date {
  return new Date(startOfDayInOslo(date).getTime() + hours * 3_600_000);
}
