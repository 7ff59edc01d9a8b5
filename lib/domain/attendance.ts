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
 * What the student's own record adds to the kull's plan (lib/domain/enrolment.ts,
 * lib/domain/transfer.ts): days inside a granted leave of absence, and days credited from an
 * earlier kull's attendance when the student transferred (an explicit AttendanceCredit record).
 */
export interface AttendanceAdjustments {
  /** Days inside a granted leave (permisjon): not an absence, not attended either. */
  leave?: readonly string[];
  /** Days credited as attended from an earlier kull. */
  credited?: readonly string[];
}

/**
 * A kull's plan days checked and parsed once (RangeError for a day listed twice or a date that is
 * not a real calendar date), for counting many students against the same plan: the eligibility
 * of a whole kull prepares it once instead of once per student (issue 21). Opaque and frozen: the
 * parsed days are kept in this module only, so a plan cannot change under the counts made from it.
 */
export interface AttendancePlan {
  readonly scheduledDays: number;
}

const PLAN_DAYS = new WeakMap<AttendancePlan, ReadonlyMap<string, number>>();

export function attendancePlan(days: readonly SamlingDayInput[]): AttendancePlan {
  const dateById = parsePlan(days);
  const plan: AttendancePlan = Object.freeze({ scheduledDays: dateById.size });
  PLAN_DAYS.set(plan, dateById);
  return plan;
}

function parsePlan(days: readonly SamlingDayInput[]): Map<string, number> {
  const dateById = new Map<string, number>();
  for (const day of days) {
    if (dateById.has(day.id)) throw new RangeError(`Samling day listed twice: ${day.id}`);
    dateById.set(day.id, parseIsoDate(day.date, `date of samling day ${day.id}`));
  }
  return dateById;
}

function planDays(days: readonly SamlingDayInput[] | AttendancePlan): ReadonlyMap<string, number> {
  if (Array.isArray(days)) return parsePlan(days);
  const parsed = PLAN_DAYS.get(days as AttendancePlan);
  if (!parsed) throw new TypeError("Not an attendance plan: make one with attendancePlan(days)");
  return parsed;
}

/**
 * Only registered days count. A day counts as held once someone has registered the student's
 * attendance for it (present or absent); a past day nobody has registered yet is "ikke
 * registrert": it is neither attended nor an absence, it is never a reason for a warning, and it
 * is a task for the faculty (`unregisteredDays`, the only count that depends on `asOf`). So the
 * verdict (eligible, on track, out of reach) depends on the stored facts alone, never on the
 * clock: a faculty member who registers a day a week late changes nothing that was said before.
 * Days are counted by id: one samling day shared with another programme is still one day.
 *
 * A day is, in this order: attended when it is credited from an earlier kull or registered
 * present; on leave (`leaveDays`) when it lies inside a granted leave — also when it was
 * registered absent, since a day of leave is never an absence; absent when registered absent;
 * otherwise unregistered (past) or to come. A day on leave still belongs to the kull's plan: the
 * requirement is a share of all its days (see evaluateEligibility).
 * RangeError for duplicate days or registrations, or a registration, leave day or credit for a day
 * outside the plan.
 */
export function attendanceCounts(
  days: readonly SamlingDayInput[] | AttendancePlan,
  registrations: AttendanceRegistration[],
  asOf: string,
  adjustments: AttendanceAdjustments = {},
): Pick<EligibilityInput, "scheduledDays" | "heldDays" | "attendedDays" | "unregisteredDays" | "leaveDays" | "creditedDays"> {
  const asOfDay = parseIsoDate(asOf, "asOf");
  const dateById = planDays(days);
  const registered = new Map<string, AttendanceRegistration["status"]>();
  for (const r of registrations) {
    if (!dateById.has(r.samlingDayId)) throw new RangeError(`Registration for a day outside the plan: ${r.samlingDayId}`);
    if (registered.has(r.samlingDayId)) throw new RangeError(`Two registrations for one day: ${r.samlingDayId}`);
    if (r.status !== "PRESENT" && r.status !== "ABSENT") throw new RangeError(`Unknown attendance status: ${String(r.status)}`);
    registered.set(r.samlingDayId, r.status);
  }
  const leave = new Set(adjustments.leave ?? []);
  const credited = new Set(adjustments.credited ?? []);
  for (const id of [...leave, ...credited]) {
    if (!dateById.has(id)) throw new RangeError(`Leave or credit for a day outside the plan: ${id}`);
  }
  let heldDays = 0;
  let attendedDays = 0;
  let unregisteredDays = 0;
  let leaveDays = 0;
  let creditedDays = 0;
  for (const [id, date] of dateById) {
    const status = registered.get(id);
    if (credited.has(id) || status === "PRESENT") {
      heldDays += 1;
      attendedDays += 1;
      if (credited.has(id)) creditedDays += 1;
    } else if (leave.has(id)) {
      leaveDays += 1;
    } else if (status === "ABSENT") {
      heldDays += 1;
    } else if (date < asOfDay) {
      unregisteredDays += 1;
    }
  }
  return { scheduledDays: dateById.size, heldDays, attendedDays, unregisteredDays, leaveDays, creditedDays };
}
