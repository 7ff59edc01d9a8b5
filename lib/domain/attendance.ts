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
 * Only registered days count. A day counts as held once someone has registered the student's
 * attendance for it (present or absent); a past day nobody has registered yet is "ikke
 * registrert": it is neither attended nor an absence, it is never a reason for a warning, and it
 * is a task for the faculty (`unregisteredDays`, the only count that depends on `asOf`). So the
 * verdict (eligible, on track, out of reach) depends on the stored facts alone, never on the
 * clock: a faculty member who registers a day a week late changes nothing that was said before.
 * Days are counted by id: one samling day shared with another programme is still one day.
 * RangeError for duplicate days or registrations, or a registration for a day outside the plan.
 */
export function attendanceCounts(
  days: SamlingDayInput[],
  registrations: AttendanceRegistration[],
  asOf: string,
): Pick<EligibilityInput, "scheduledDays" | "heldDays" | "attendedDays" | "unregisteredDays"> {
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
  let unregisteredDays = 0;
  for (const [id, date] of dateById) {
    const status = registered.get(id);
    if (status !== undefined) heldDays += 1;
    else if (date < asOfDay) unregisteredDays += 1;
    if (status === "PRESENT") attendedDays += 1;
  }
  return { scheduledDays: dateById.size, heldDays, attendedDays, unregisteredDays };
}
