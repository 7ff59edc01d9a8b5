/**
 * An exam sitting's start and hand-in times. The three-day home exam gives out its task at a set
 * time on day one and takes hand-ins until a set time on day three (09:00 and 14:00 by default).
 * Staff enter both as Oslo wall-clock time; they are stored as instants, so a sitting across the
 * change to or from summer time lasts the hours it really lasts (09:00 Friday to 14:00 Sunday over
 * the last weekend of October is 54 hours, not 53).
 *
 * Wall-clock times that do not exist or exist twice are decided here, once:
 * - in the spring gap (02:00–02:59 on the last Sunday of March the clock jumps to 03:00) there is
 *   no such instant: refused with a message;
 * - in the autumn overlap (02:00–02:59 on the last Sunday of October comes twice) the first one,
 *   summer time, is meant.
 */
import { TZDate } from "@date-fns/tz";
import { addDays, dayNumberFromParts, formatIsoDate, isIsoDate, parseIsoDate } from "./dates";
import { formatInstantNb, OSLO_TIME_ZONE } from "./format";
import { weekdayNb } from "./schedule";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** Task given at 09:00 on the first day, hand-in at 14:00 on the third (the study plan's home exam). */
export const DEFAULT_EXAM_START_TIME = "09:00";
export const DEFAULT_EXAM_HAND_IN_TIME = "14:00";
/** The hand-in day by default: the third day of a three-day home exam. */
export const DEFAULT_HAND_IN_AFTER_DAYS = 2;
/** The longest a sitting may run, start to hand-in (a home exam of a few days, never weeks). */
export const MAX_EXAM_LENGTH_DAYS = 7;

const CLOCK = /^(\d{1,2})[:.](\d{2})$/;

/**
 * A time of day as a person types it ("09:00", "9:00", "09.00": Norwegian writes a dot), in
 * minutes after midnight; null when it is not one.
 */
export function parseClockTime(value: string): number | null {
  const match = CLOCK.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 540 → "09:00" (the value of a time input). */
export function formatClockTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) throw new RangeError(`not a time of day: ${minutes}`);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Oslo's calendar day and time of day (minutes after midnight) at an instant. */
export function osloWallClock(instant: Date): { date: string; minutes: number } {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError("instant is not a valid time");
  const oslo = new TZDate(ms, OSLO_TIME_ZONE);
  return {
    date: formatIsoDate(dayNumberFromParts(oslo.getFullYear(), oslo.getMonth() + 1, oslo.getDate())),
    minutes: oslo.getHours() * 60 + oslo.getMinutes(),
  };
}

/**
 * The instant Oslo's clocks show `minutes` after midnight on `date`: null in the spring gap (no
 * such instant); in the autumn overlap the first of the two (summer time).
 */
export function osloInstant(date: string, minutes: number): Date | null {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) throw new RangeError(`not a time of day: ${minutes}`);
  const asIfUtc = parseIsoDate(date, "date") * MS_PER_DAY + minutes * MS_PER_MINUTE;
  // Oslo is UTC+2 in summer and UTC+1 in winter: the instant is one of these two, if any.
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(asIfUtc - offsetHours * 3_600_000);
    const clock = osloWallClock(candidate);
    if (clock.date === date && clock.minutes === minutes) return candidate;
  }
  return null;
}

export interface ExamTimesInput {
  /** The first exam day, "YYYY-MM-DD". */
  firstDay: string;
  /** When the task is given, Oslo time ("09:00"). */
  startTime: string;
  /** The hand-in day, "YYYY-MM-DD". */
  handInDay: string;
  /** The hand-in deadline, Oslo time ("14:00"). */
  handInTime: string;
}

export interface ExamTimes {
  startsAt: Date;
  handInAt: Date;
  /** The Oslo days of the two instants (the exam's days in the plan). */
  startsOn: string;
  endsOn: string;
}

export type ExamTimesField = keyof ExamTimesInput;

export type ExamTimesResult = { ok: true; times: ExamTimes } | { ok: false; errors: Partial<Record<ExamTimesField, string>> };

function gapMessage(time: string): string {
  return `Denne natten stilles klokka fram fra 02:00 til 03:00 (sommertid), så kl. ${time} finnes ikke. Velg et annet klokkeslett.`;
}

/** The sitting's instants from what staff typed, or a Norwegian message per field. */
export function examTimesFrom(input: ExamTimesInput): ExamTimesResult {
  const errors: Partial<Record<ExamTimesField, string>> = {};
  if (!isIsoDate(input.firstDay)) errors.firstDay = "Skriv første eksamensdag som dd.mm.åååå.";
  if (!isIsoDate(input.handInDay)) errors.handInDay = "Skriv innleveringsdagen som dd.mm.åååå.";
  const start = parseClockTime(input.startTime);
  const handIn = parseClockTime(input.handInTime);
  if (start === null) errors.startTime = "Skriv klokkeslettet som tt:mm, for eksempel 09:00.";
  if (handIn === null) errors.handInTime = "Skriv klokkeslettet som tt:mm, for eksempel 14:00.";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const startsAt = osloInstant(input.firstDay, start!);
  const handInAt = osloInstant(input.handInDay, handIn!);
  if (!startsAt) errors.startTime = gapMessage(input.startTime.trim());
  if (!handInAt) errors.handInTime = gapMessage(input.handInTime.trim());
  if (!startsAt || !handInAt) return { ok: false, errors };
  if (handInAt <= startsAt) return { ok: false, errors: { handInDay: "Innleveringen må være etter at eksamen starter." } };
  if (handInAt.getTime() - startsAt.getTime() > MAX_EXAM_LENGTH_DAYS * MS_PER_DAY) {
    return { ok: false, errors: { handInDay: `Innleveringen kan være høyst ${MAX_EXAM_LENGTH_DAYS} dager etter at eksamen starter.` } };
  }
  return { ok: true, times: { startsAt, handInAt, startsOn: input.firstDay, endsOn: input.handInDay } };
}

/** The default times of a three-day home exam from its first day: 09:00 then, 14:00 two days later. */
export function defaultExamTimes(firstDay: string): ExamTimes {
  const result = examTimesFrom({
    firstDay,
    startTime: DEFAULT_EXAM_START_TIME,
    handInDay: addDays(firstDay, DEFAULT_HAND_IN_AFTER_DAYS),
    handInTime: DEFAULT_EXAM_HAND_IN_TIME,
  });
  if (!result.ok) throw new RangeError(`no default exam times from ${firstDay}`);
  return result.times;
}

/** The form's values for stored instants (Oslo wall clock). */
export function examTimesInput(times: { startsAt: Date; handInAt: Date }): ExamTimesInput {
  const start = osloWallClock(times.startsAt);
  const handIn = osloWallClock(times.handInAt);
  return { firstDay: start.date, startTime: formatClockTime(start.minutes), handInDay: handIn.date, handInTime: formatClockTime(handIn.minutes) };
}

/** "fredag 23. oktober 2026 kl. 09.00" (Oslo time), how a start or hand-in is written to people. */
export function formatExamMomentNb(instant: Date): string {
  return `${weekdayNb(osloWallClock(instant).date)} ${formatInstantNb(instant)}`;
}

/** "14.00": an instant's Oslo time of day, the Norwegian way (a dot). */
export function formatOsloClockNb(instant: Date): string {
  return formatClockTime(osloWallClock(instant).minutes).replace(":", ".");
}

export type ExamPhase = "BEFORE" | "RUNNING" | "OVER";

/** Before the start, between start and hand-in (the task is out), or after the hand-in. */
export function examPhase(times: { startsAt: Date; handInAt: Date }, now: Date): ExamPhase {
  if (now.getTime() < times.startsAt.getTime()) return "BEFORE";
  return now.getTime() < times.handInAt.getTime() ? "RUNNING" : "OVER";
}

/**
 * Why no result (a grade, «ikke møtt») can be set or published at a sitting yet, or null: not
 * before its hand-in time has passed. Before that there is nothing handed in to grade, nobody has
 * failed to turn up, and a published grade would start a klage period that ends before the exam.
 */
export function resultsNotYetProblem(times: { startsAt: Date; handInAt: Date }, now: Date): string | null {
  return examPhase(times, now) === "OVER" ? null : `Eksamenen er ikke over. Resultater settes etter innleveringsfristen ${formatExamMomentNb(times.handInAt)}.`;
}

/**
 * Why a sitting's task (its text, its uploaded description) can no longer be changed, or null:
 * once the hand-in has passed it stands as it was given. Until then it may be set, and added to
 * while the students write (a forgotten attachment); what they have seen is never taken away
 * (removing an uploaded one is refused from the start).
 */
export function taskChangeProblem(times: { startsAt: Date; handInAt: Date }, now: Date): string | null {
  return examPhase(times, now) === "OVER" ? "Innleveringsfristen er ute, så oppgaven står slik den ble gitt, og den kan ikke endres." : null;
}

/**
 * Moves a stored sitting to a new first day keeping its Oslo wall-clock times and its length in
 * days (a copied plan, whose first day the copy rule in lib/domain/cohort-plan.ts chose): 09:00
 * stays 09:00 also when the copy lands on the other side of a change to or from summer time. When
 * a time would fall in the spring gap on the new day, the default times of that first day.
 */
export function examTimesMovedTo(times: { startsAt: Date; handInAt: Date }, firstDay: string): ExamTimes {
  const input = examTimesInput(times);
  const days = parseIsoDate(input.handInDay) - parseIsoDate(input.firstDay);
  const moved = examTimesFrom({ ...input, firstDay, handInDay: addDays(firstDay, days) });
  return moved.ok ? moved.times : defaultExamTimes(firstDay);
}
