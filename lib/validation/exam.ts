// zod pieces for the exam's forms: a sitting's days and Oslo times (the rules that decide whether
// they make an exam are lib/domain/exam-time.ts, checked by the use case with messages per field).
import { z } from "zod";
import { addDays } from "@/lib/domain/dates";
import { DEFERRAL_REASONS } from "@/lib/domain/exam-deferral";
import { DEFAULT_EXAM_HAND_IN_TIME, DEFAULT_EXAM_START_TIME, DEFAULT_HAND_IN_AFTER_DAYS, parseClockTime } from "@/lib/domain/exam-time";
import { calendarDate } from "@/lib/validation/cohort";

/** A time of day from a time field ("09:00"); empty: the default. */
export const clockTime = (label: string, fallback: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : fallback))
    .refine((value) => parseClockTime(value) !== null, `${label}: skriv klokkeslettet som tt:mm, for eksempel ${fallback}.`);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .pipe(calendarDate(label).optional());

/** The first day and start time, the hand-in day (default: two days later) and time. */
export const sittingTimesFields = {
  firstDay: calendarDate("Første eksamensdag"),
  startTime: clockTime("Start", DEFAULT_EXAM_START_TIME),
  handInDay: optionalDate("Innleveringsdagen"),
  handInTime: clockTime("Innlevering", DEFAULT_EXAM_HAND_IN_TIME),
};

/** The times as the rule takes them (the hand-in day filled in). */
export function sittingTimes(input: { firstDay: string; startTime: string; handInDay?: string | undefined; handInTime: string }) {
  return { firstDay: input.firstDay, startTime: input.startTime, handInDay: input.handInDay ?? addDays(input.firstDay, DEFAULT_HAND_IN_AFTER_DAYS), handInTime: input.handInTime };
}

/** A request for utsatt eksamen (the file comes beside it). */
export const deferralRequestFields = z.object({
  reason: z.enum(DEFERRAL_REASONS, { error: "Velg hvorfor du søker." }),
  explanation: z
    .string({ error: "Skriv kort hva som skjedde, og når." })
    .trim()
    .min(1, "Skriv kort hva som skjedde, og når.")
    .max(4000, "Skriv høyst 4000 tegn."),
});

/** Where a no-JavaScript post of the deferral and task forms carries its result back. */
export const DEFERRAL_FLASH_COOKIE = "bvl-utsatt-eksamen";
export const TASK_FLASH_COOKIE = "bvl-eksamensoppgave";
