/**
 * The cohort plan as faculty run it: ISO weeks for samling days, the window in which a day's
 * attendance may be registered, when a day may be removed, shifting a previous kull's plan, and
 * the exam's three days. Pure: "today" is always an argument.
 */
import { monthsBetweenTerms } from "./cohort";
import { addDays, addMonths, compareIsoDates, formatIsoDate, parseIsoDate, partsFromDayNumber } from "./dates";
import { countNoun, formatDateNb } from "./format";
import { isWorkingDay, publicHolidayName } from "./holidays";
import { weekdayNb } from "./schedule";

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
 * about that day; attendance credited to it from an earlier kull (a transfer) is a decision that
 * names it. None is thrown away by editing the plan.
 */
export function dayRemovalRefusal(counts: { attendance: number; absenceNotices: number; credits?: number }, what: "dag" | "samling" = "dag"): string | null {
  // A day has one row per student; a samling's counts add up its days, so they are not students
  // (a walk read «oppmøte for 51 studenter» in a kull of 17): said without a number.
  if (what === "samling") {
    if ((counts.credits ?? 0) > 0) return "Samlingen kan ikke fjernes fordi oppmøte fra et tidligere kull er godkjent på dager i den for studenter som er overført hit.";
    if (counts.attendance > 0) return "Samlingen kan ikke fjernes fordi det er registrert oppmøte på dagene i den. Oppmøtet er dokumentasjon på hva som skjedde.";
    if (counts.absenceNotices > 0) return "Samlingen kan ikke fjernes fordi studenter har sendt fraværsmelding for dager i den. Avtal nye datoer med studentene først.";
    return null;
  }
  if ((counts.credits ?? 0) > 0) {
    return `Dagen kan ikke fjernes fordi oppmøte fra et tidligere kull er godkjent på den for ${countNoun(counts.credits!, "student", "studenter")} som er overført hit.`;
  }
  if (counts.attendance > 0) {
    return `Dagen kan ikke fjernes fordi det er registrert oppmøte for ${countNoun(counts.attendance, "student", "studenter")}. Oppmøtet er dokumentasjon på hva som skjedde.`;
  }
  if (counts.absenceNotices > 0) {
    return `Dagen kan ikke fjernes fordi ${countNoun(counts.absenceNotices, "student", "studenter")} har sendt fraværsmelding for den. Avtal en ny dato med studentene først.`;
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

export { addMonths } from "./dates";

/**
 * How many whole weeks a kull's plan moves when it is copied from one term to another: the weeks
 * closest to the same calendar distance (H2027 → H2028: 52 weeks, H2027 → V2028: 26), so every
 * samling keeps its weekday and lands in about the same week of the year.
 */
export function weeksBetweenTerms(fromCode: string, toCode: string, fromStartsOn: string): number {
  return weeksBetween(fromStartsOn, addMonths(fromStartsOn, monthsBetweenTerms(fromCode, toCode)));
}

// ─── Copying a previous kull's plan ─────────────────────────────────────────────────────────────

/** A date of a copied plan: moved by whole weeks, then off a public holiday if it landed on one. */
export interface MovedDate {
  /** The source date moved by whole weeks. */
  shifted: string;
  /** Where it ends up (equal to `shifted` unless that was a public holiday). */
  date: string;
  /** The public holiday `shifted` fell on, when the date had to move. */
  holiday: string | null;
}

export interface PlanToCopy {
  samlinger: readonly { title: string; days: readonly string[] }[];
  arbeidskrav: readonly { number: number; title: string; dueDate: string }[];
  exam: { startsOn: string; endsOn: string } | null;
}

/**
 * What a copy's reviewed dates are matched against: the source's samlinger (title and days, in
 * order), its arbeidskrav (number and title) and whether it has an exam. The copy form carries the
 * shape it showed; a source changed since (a samling added, moved or removed) would put the
 * reviewed days on other samlinger, so the copy is refused and the adviser looks again.
 */
export function planShape(plan: PlanToCopy): string {
  return JSON.stringify([
    plan.samlinger.map((samling) => [samling.title, [...samling.days].sort(compareIsoDates)]),
    plan.arbeidskrav.map((item) => [item.number, item.title]),
    plan.exam ? [plan.exam.startsOn, plan.exam.endsOn] : null,
  ]);
}

export interface CopiedPlan {
  weeks: number;
  samlinger: { title: string; days: MovedDate[] }[];
  arbeidskrav: { number: number; title: string; dueDate: MovedDate }[];
  exam: { startsOn: MovedDate; endsOn: string } | null;
  /** One Norwegian sentence per date that moved off a public holiday, for the adviser to check. */
  warnings: string[];
}

function dayName(date: string): string {
  return `${weekdayNb(date)} ${formatDateNb(date)}`;
}

/** The first working day after `date` (not a weekend, not a public holiday) not in `taken`. */
function nextFreeWorkingDay(date: string, taken: ReadonlySet<string>): string {
  let candidate = addDays(date, 1);
  while (!isWorkingDay(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

/**
 * THE rule for copying a previous kull's plan into a new one: every date moves by `weeks` whole
 * weeks, so samlinger keep their weekdays. A date that then falls on a Norwegian public holiday
 * (lib/domain/holidays.ts) moves on, with a warning the adviser reviews before saving:
 * - a samling day to the first working day after it that is not already a day of the plan (so a
 *   samling keeps its number of days: Tuesday–Thursday with Ascension Day on the Thursday becomes
 *   Tuesday, Wednesday and Friday);
 * - an arbeidskrav deadline to the next working day (as a legal deadline moves, domstolloven § 149);
 * - the exam, as a block of consecutive days, to the first working day from which none of its days
 *   is a public holiday.
 * Dates that do not fall on a public holiday stay exactly `weeks` weeks later, weekends included
 * (a Sunday deadline stays a Sunday deadline).
 */
export function copyPlanDates(plan: PlanToCopy, weeks: number): CopiedPlan {
  const warnings: string[] = [];
  const shiftedSamlinger = plan.samlinger.map((samling) => ({
    title: samling.title,
    shifted: [...samling.days].sort(compareIsoDates).map((date) => shiftByWeeks(date, weeks)),
  }));
  const taken = new Set(shiftedSamlinger.flatMap((samling) => samling.shifted.filter((date) => publicHolidayName(date) === null)));
  const samlinger = shiftedSamlinger.map((samling) => ({
    title: samling.title,
    days: samling.shifted.map((shifted): MovedDate => {
      const holiday = publicHolidayName(shifted);
      if (holiday === null) return { shifted, date: shifted, holiday: null };
      const date = nextFreeWorkingDay(shifted, taken);
      taken.add(date);
      warnings.push(`${samling.title}: ${dayName(shifted)} er ${holiday}. Dagen er flyttet til ${dayName(date)}.`);
      return { shifted, date, holiday };
    }).sort((a, b) => compareIsoDates(a.date, b.date)),
  }));
  const arbeidskrav = plan.arbeidskrav.map((definition) => {
    const shifted = shiftByWeeks(definition.dueDate, weeks);
    const holiday = publicHolidayName(shifted);
    if (holiday === null) return { number: definition.number, title: definition.title, dueDate: { shifted, date: shifted, holiday: null } };
    const date = nextFreeWorkingDay(shifted, new Set());
    warnings.push(`${definition.title}: fristen ${dayName(shifted)} er ${holiday}. Fristen er flyttet til ${dayName(date)}.`);
    return { number: definition.number, title: definition.title, dueDate: { shifted, date, holiday } };
  });
  let exam: CopiedPlan["exam"] = null;
  if (plan.exam) {
    const length = datesFrom(plan.exam.startsOn, plan.exam.endsOn).length;
    const shifted = shiftByWeeks(plan.exam.startsOn, weeks);
    const block = (first: string) => Array.from({ length }, (_, index) => addDays(first, index));
    const holidayIn = (first: string) => block(first).map(publicHolidayName).find((name) => name !== null) ?? null;
    const holiday = holidayIn(shifted);
    let date = shifted;
    if (holiday !== null) {
      do date = nextFreeWorkingDay(date, new Set());
      while (holidayIn(date) !== null);
      warnings.push(`Eksamen: ${formatDateSpan(block(shifted))} omfatter ${holiday}. Eksamen er flyttet til ${formatDateSpan(block(date))}.`);
    }
    exam = { startsOn: { shifted, date, holiday }, endsOn: addDays(date, length - 1) };
  }
  return { weeks, samlinger, arbeidskrav, exam, warnings };
}

function formatDateSpan(days: readonly string[]): string {
  return days.length === 1 ? dayName(days[0]!) : `${dayName(days[0]!)} – ${dayName(days.at(-1)!)}`;
}

/** The exam is an individual written home exam over three days: the first day and the two after. */
/**
 * Why a kull's plan (its samlinger and days, the ordinary exam's days, its arbeidskrav and
 * requirements) can no longer change, or null. A completed kull's plan is what its attendance and
 * exam were decided on: it stands. (An archived kull is closed by the database as well.)
 */
export function planClosedReason(kull: { completedOn: string | null }): string | null {
  return kull.completedOn === null ? null : `Kullet ble fullført ${formatDateNb(kull.completedOn)}, så planen står fast: oppmøtet og eksamen ble avgjort på den. Må noe rettes, åpner en studieveileder kullet igjen under «Opptak og status».`;
}

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
