/**
 * Turns a cohort's samling days and one student's registrations into the counts that
 * evaluateEligibility takes.
 */
import { parseIsoDate } from "./dates";
import type { EligibilityInput } from "./eligibility";

export interface SamlingDayInput {
  id: string;
  date: string; // "YYYY-MM-DD"
}

export interface AttendanceRegistration {
  samlingDayId: string;
  status: "PRESENT" | "ABSENT";
}

/**
 * A day counts as held once its date has passed (date before `asOf`), or earlier if the student's
 * attendance for it is already registered. Counting a day as held from its morning would show every
 * student as absent until the teacher registers them. Days are counted by id: one samling day shared
 * with another programme is still one day. RangeError for duplicate days or registrations, or a
 * registration for a day outside the plan.
 */
export function attendanceCounts(
  days: SamlingDayInput[],
  registrations: AttendanceRegistration[],
  asOf: string,
): Pick<EligibilityInput, "scheduledDays" | "heldDays" | "attendedDays"> {
  const asOfDay = parseIsoDate(asOf, "asOf");
  const dateById = new Map<string, number>();
  for (const day of days) {
    if (dateById.has(day.id)) throw new RangeError(`Samling day listed twice: ${day.id}`);
    dateById.set(day.id, parseIsoDate(day.date, `date of samling day ${day.id}`));
  }
  const registered = new Map<string, AttendanceRegistration["status"]>();
  for (const r of registrations) {
    if (!dateById.has(r.samlingDayId)) throw new RangeError(`Registration for a day outside the plan: ${r.samlingDayId}`);
    if (registered.has(r.samlingDayId)) throw new RangeError(`Two registrations for one day: ${r.samlingDayId}`);
    if (r.status !== "PRESENT" && r.status !== "ABSENT") throw new RangeError(`Unknown attendance status: ${String(r.status)}`);
    registered.set(r.samlingDayId, r.status);
  }
  let heldDays = 0;
  let attendedDays = 0;
  for (const [id, date] of dateById) {
    const status = registered.get(id);
    if (date < asOfDay || status !== undefined) heldDays += 1;
    if (status === "PRESENT") attendedDays += 1;
  }
  return { scheduledDays: dateById.size, heldDays, attendedDays };
}
