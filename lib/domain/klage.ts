/**
 * The deadline for a klage (appeal) on an individual decision (enkeltvedtak).
 *
 * Forvaltningsloven § 29: the klage deadline is three weeks from the time notice of the decision
 * reached the party. A deadline in weeks ends on the same weekday as the day it started
 * (domstolloven § 148), so three weeks from a Monday end on the Monday three weeks later: 21 days.
 * Here the notice reaches the applicant on the day the letter was made available in the portal.
 * A last day on a Saturday, Sunday or public holiday moves to the next working day
 * (domstolloven § 149).
 */
import { addDays, compareIsoDates, parseIsoDate } from "./dates";
import { nextWorkingDay } from "./holidays";

export const KLAGE_PERIOD_DAYS = 21;

/** Where a klage the decision-makers do not take goes: NTNU's appeals committee. */
export const APPEALS_BODY = "Den sentrale klagenemnda ved NTNU";

/** The last day on which a klage is in time ("YYYY-MM-DD"). RangeError for a bad date. */
export function klageDeadline(madeAvailableOn: string): string {
  parseIsoDate(madeAvailableOn, "madeAvailableOn");
  return nextWorkingDay(addDays(madeAvailableOn, KLAGE_PERIOD_DAYS));
}

/** A klage filed on `filedOn` (the Oslo calendar date) is in time when it is on or before the deadline. */
export function isKlageInTime(madeAvailableOn: string, filedOn: string): boolean {
  return compareIsoDates(filedOn, klageDeadline(madeAvailableOn)) <= 0;
}
