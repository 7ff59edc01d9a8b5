/**
 * The attendance picture as a student should read it: what they have done so far beside what the
 * rule needs ("Du har vært til stede 14 av 15 dager så langt. Du må ha minst 21 av 26 dager
 * totalt."), each day's state, and when the e-mail warnings are due. "14 av 26 samlingsdager
 * (53,8 %)" alone reads as failing to a student who has missed one day, so it is never the lead.
 */
import { parseIsoDate } from "./dates";
import { formatAttendancePercent, type Eligibility } from "./eligibility";
import { countNoun } from "./format";

export type AttendanceFacts = Eligibility["attendance"];

/**
 * A samling day as the student sees it. A registered day shows its registration. A past day with
 * none is UNREGISTERED: neither attended nor an absence until the faculty register it (only
 * registered days count; lib/domain/attendance.ts).
 */
export type SamlingDayState = "PRESENT" | "ABSENT" | "UNREGISTERED" | "TODAY" | "UPCOMING" | "CREDITED" | "LEAVE";

/**
 * `credited`: attended in an earlier kull and credited here (a transfer), shown as such unless
 * the student was also registered present; `onLeave`: inside a granted leave, never an absence
 * (lib/domain/attendance.ts decides the counts in the same order).
 */
export function samlingDayState(
  date: string,
  registration: "PRESENT" | "ABSENT" | null,
  today: string,
  own: { credited?: boolean; onLeave?: boolean } = {},
): SamlingDayState {
  const day = parseIsoDate(date, "date");
  const now = parseIsoDate(today, "today");
  if (registration === "PRESENT") return registration;
  if (own.credited) return "CREDITED";
  if (own.onLeave) return "LEAVE";
  if (registration === "ABSENT") return registration;
  if (registration !== null) throw new RangeError(`Unknown attendance status: ${String(registration)}`);
  if (day < now) return "UNREGISTERED";
  return day === now ? "TODAY" : "UPCOMING";
}

/** The days still to come: scheduled, not held, and not inside a granted leave. */
export function remainingDays(attendance: AttendanceFacts): number {
  return attendance.scheduled - attendance.held - (attendance.leave ?? 0);
}

export interface AttendanceProgress {
  /** "Du har vært til stede 14 av 15 dager så langt." */
  soFar: string;
  /** "Du må ha minst 21 av 26 dager totalt (80 %)." */
  rule: string;
  /** What that means from here ("Du kan være borte høyst 2 dager til."). */
  outlook: string;
}

export function attendanceProgress(attendance: AttendanceFacts): AttendanceProgress {
  const { attended, held, scheduled, requiredDays, requiredPercent, absencesLeft, met } = attendance;
  if (scheduled === 0) {
    return {
      soFar: "Kullet har ingen samlingsdager i planen ennå.",
      rule: `Kravet er minst ${requiredPercent} % oppmøte på samlingsdagene.`,
      outlook: "Oppmøtekravet kan vurderes når samlingene er lagt inn.",
    };
  }
  const unregistered = attendance.unregistered ?? 0;
  // "så langt" only while days remain: once every day is held (or in her leave), the figure is final.
  const soFar =
    held === 0
      ? unregistered > 0
        ? "Ingen samlingsdager er registrert ennå."
        : "Ingen samlingsdager er holdt ennå."
      : `Du har vært til stede ${attended} av ${countNoun(held, "dag", "dager")}${unregistered > 0 ? " som er registrert" : remainingDays(attendance) > 0 ? " så langt" : ""}.`;
  const leave = attendance.leave ?? 0;
  const creditedDays = attendance.credited ?? 0;
  const soFarWithCredits = creditedDays > 0 ? `${soFar} ${creditedDays} av dem er godkjent som oppmøte fra et tidligere kull.` : soFar;
  const soFarWithLeave =
    leave > 0 ? `${soFarWithCredits} ${countNoun(leave, "dag", "dager")} er i permisjonstiden din: ikke fravær, men heller ikke oppmøte.` : soFarWithCredits;
  const rule = `Du må ha minst ${requiredDays} av ${countNoun(scheduled, "dag", "dager")} totalt (${requiredPercent} %).`;
  const remaining = remainingDays(attendance);
  let outlook: string;
  if (met) {
    outlook = "Du har nådd oppmøtekravet.";
  } else if (attendanceWarning(attendance) === "UNREACHABLE") {
    outlook =
      remaining > 1
        ? `Du kan ikke lenger nå kravet, selv om du møter alle de ${remaining} gjenstående dagene.`
        : remaining === 1
          ? "Du kan ikke lenger nå kravet, selv om du møter den siste dagen."
          : "Alle samlingsdagene er holdt, og kravet er ikke nådd.";
  } else if (absencesLeft === 0) {
    outlook = remaining === 1 ? "Du må møte den siste samlingsdagen." : `Du må møte alle de ${remaining} gjenstående samlingsdagene.`;
  } else {
    outlook = `Du kan være borte høyst ${countNoun(absencesLeft, "dag", "dager")} til.`;
  }
  return { soFar: soFarWithLeave, rule, outlook };
}

export type AttendanceWarning = "LAST_ABSENCE" | "UNREACHABLE";

/**
 * Which attendance warning applies (each is e-mailed once):
 * - UNREACHABLE: the threshold can no longer be reached, even attending every remaining day;
 * - LAST_ABSENCE: at most one more absence is allowed, days remain, and the student has been
 *   absent at least once (a tiny plan that allows one absence from the start is no warning).
 * Nothing once the requirement is met, or while the plan is empty.
 */
export function attendanceWarning(attendance: AttendanceFacts): AttendanceWarning | null {
  const { scheduled, held, attended, maxAbsences, absencesLeft, met } = attendance;
  if (scheduled === 0 || met) return null;
  // A day of leave is not an absence, but it uses the allowance like one.
  const missed = held - attended + (attendance.leave ?? 0);
  if (missed > maxAbsences) return "UNREACHABLE";
  if (remainingDays(attendance) > 0 && missed >= 1 && absencesLeft <= 1) return "LAST_ABSENCE";
  return null;
}

/**
 * The attendance numbers in the short form of a table cell or a chart's legend, read the way the
 * rule reads: days attended of the days held so far, the days still planned, the absences still
 * allowed. A share of all planned days is given only once every day is held (then it is the
 * final figure the 80 % is measured against), and always says what it is a share of: mid-course,
 * "53,8 %" next to "80 %" reads as failing to a student who has missed one day.
 */
export interface AttendanceFigures {
  /** "14 av 15 dager så langt" (attended of the days registered); "26 av 27 dager" once none remain. */
  soFar: string;
  /** "11 dager igjen" or "ingen dager igjen". */
  remaining: string;
  /** "kan være borte 2 dager til", "kan ikke være borte flere dager", "kravet er nådd". */
  absencesLeft: string;
  /** "79,5 % av alle 44 samlingsdagene", only when every planned day is held; else null. */
  finalShare: string | null;
  /**
   * "3 dager" in a granted leave, or null without one: neither absences nor attended, so a legend
   * of present, absent and planned days adds up to the plan only with them.
   */
  onLeave: string | null;
  /**
   * "12 av dem godkjent fra et tidligere kull": of the days attended, those credited from an
   * earlier kull (a transfer), or null without any; they count as attended, and are said to be.
   */
  credited: string | null;
  /** The whole picture in one sentence (a chart's text alternative). */
  summary: string;
}

export function attendanceFigures(attendance: AttendanceFacts): AttendanceFigures {
  const { attended, held, scheduled, requiredDays, requiredPercent, absencesLeft: left, met } = attendance;
  const daysLeft = remainingDays(attendance);
  const soFar = `${attended} av ${countNoun(held, "dag", "dager")}${daysLeft > 0 ? " så langt" : ""}`;
  const remaining = daysLeft === 0 ? "ingen dager igjen" : `${countNoun(daysLeft, "dag", "dager")} igjen`;
  const reachable = attendanceWarning(attendance) !== "UNREACHABLE";
  const absencesLeft = met
    ? "kravet er nådd"
    : !reachable
      ? "kravet kan ikke nås"
      : left === 0
        ? "kan ikke være borte flere dager"
        : `kan være borte ${countNoun(left, "dag", "dager")} til`;
  const finalShare =
    scheduled > 0 && daysLeft === 0
      ? `${formatAttendancePercent(attended, scheduled, requiredPercent)} av alle ${countNoun(scheduled, "samlingsdag", "samlingsdagene")}`.replace(
          "alle 1 samlingsdag",
          "den ene samlingsdagen",
        )
      : null;
  const leave = attendance.leave ?? 0;
  const onLeave = leave > 0 ? countNoun(leave, "dag", "dager") : null;
  const creditedDays = attendance.credited ?? 0;
  const credited = creditedDays > 0 ? `${creditedDays} av dem godkjent fra et tidligere kull` : null;
  const summary =
    scheduled === 0
      ? "Ingen samlingsdager i planen ennå."
      : `Til stede ${soFar}${credited ? ` (${credited})` : ""}, borte ${countNoun(held - attended, "dag", "dager")}, ${onLeave ? `${onLeave} i permisjon, ` : ""}${remaining} av ${countNoun(scheduled, "planlagt dag", "planlagte dager")}. ` +
        `Kravet er minst ${countNoun(requiredDays, "dag", "dager")} (${requiredPercent} %) av alle samlingsdagene` +
        (finalShare ? `; oppmøtet ble ${finalShare}.` : ".");
  return { soFar, remaining, absencesLeft, finalShare, onLeave, credited, summary };
}
