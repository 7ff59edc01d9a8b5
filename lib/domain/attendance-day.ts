/**
 * "Alle til stede" on a samling day's attendance list. Everyone is set present except a student
 * who has sent an absence notice (fraværsmelding) for the day: they are set absent, with
 * «Fraværsmelding» as the note, and the result says so, so the faculty member sees the exceptions
 * before saving. Any choice can still be changed before saving (the student may have come anyway).
 * A student who needs no registration for the day (inside a granted leave, or credited from an
 * earlier kull: lib/domain/attendance.ts) is not touched: their choice stays as it stands in the
 * form (none, usually), and the result names them. Setting them present would record a day they
 * were not there as attended (review of issue 21's stops: it did). Nor is the viewer's own row (a
 * teacher who is also a student of the kull): a colleague registers it, and the save refuses a
 * change to it (lib/server/cohorts/attendance.ts).
 *
 * Decisions where the issue is silent:
 * - A note the faculty member has already written is kept; «Fraværsmelding» fills only an empty
 *   note. Not the student's reason: it is often health data and is erased a few months after the
 *   day (lib/domain/retention.ts), while a note stays with the attendance. The reason is on the
 *   list beside the student while it exists; a faculty member may still write what they need.
 * - The reason is cut to the note's length limit (MAX_ATTENDANCE_NOTE) with "…", so the list can
 *   always be saved as it stands.
 */
import { countNoun, joinNb } from "./format";

export const MAX_ATTENDANCE_NOTE = 500;

export type AttendanceChoice = "PRESENT" | "ABSENT";

export interface AllPresentStudent {
  enrolmentId: string;
  name: string;
  /**
   * The student's (not withdrawn) absence notice for this day, if any. Its reason is not used (see
   * above); a notice whose reason the retention job has erased still counts.
   */
  absenceNotice: { reason: string | null } | null;
  /** The note as it stands in the form now. */
  note: string;
  /**
   * Why the viewer does not register this student for the day, if she does not: the day needs none
   * (leave, credit), or the row is her own (SELF: a teacher who is also a student of the kull, whose
   * attendance a colleague registers; forvaltningsloven § 6).
   */
  exempt?: Exemption | null;
  /** The choice as it stands in the form now (kept for an exempt student). */
  status?: AttendanceChoice | null;
}

export interface AllPresentResult {
  statuses: Record<string, AttendanceChoice>;
  notes: Record<string, string>;
  /** The students left absent because of a notice, in list order. */
  absentWithNotice: string[];
  /** The students not touched because the day needs no registration for them, in list order. */
  exempt: string[];
  /** The viewer's own row, not touched (SELF): empty, or her name. */
  own: string[];
  /** What happened, in a sentence for the live region and the page. */
  announcement: string;
}

/** The note «Alle til stede» gives a student with an absence notice (not the notice's reason). */
export const ABSENCE_NOTICE_NOTE = "Fraværsmelding";

export type Exemption = "SELF" | "LEAVE" | "CREDITED";

/**
 * Why the viewer does not register a student for the day, as the day's list says it: her own row
 * first (whatever else holds, a colleague registers it), then on leave, then credited.
 */
export function exemptionOf(student: { self?: boolean; onLeave?: boolean; credited?: boolean }): Exemption | null {
  return student.self ? "SELF" : student.onLeave ? "LEAVE" : student.credited ? "CREDITED" : null;
}

export function markAllPresent(students: readonly AllPresentStudent[]): AllPresentResult {
  const statuses: Record<string, AttendanceChoice> = {};
  const notes: Record<string, string> = {};
  const absentWithNotice: string[] = [];
  const exempt: string[] = [];
  const own: string[] = [];
  for (const student of students) {
    notes[student.enrolmentId] = student.note;
    if (student.exempt) {
      if (student.status) statuses[student.enrolmentId] = student.status;
      (student.exempt === "SELF" ? own : exempt).push(student.name);
    } else if (student.absenceNotice) {
      statuses[student.enrolmentId] = "ABSENT";
      notes[student.enrolmentId] = student.note.trim() ? student.note : ABSENCE_NOTICE_NOTE;
      absentWithNotice.push(student.name);
    } else {
      statuses[student.enrolmentId] = "PRESENT";
    }
  }
  const present = students.length - absentWithNotice.length - exempt.length - own.length;
  if (absentWithNotice.length === 0 && exempt.length === 0 && own.length === 0) {
    const announcement = `Alle ${students.length} er satt til stede. Endre dem som ikke er her, og lagre.`;
    return { statuses, notes, absentWithNotice, exempt, own, announcement };
  }
  const sentences = [`${countNoun(present, "student", "studenter")} er satt til stede.`];
  if (absentWithNotice.length > 0) {
    sentences.push(`${joinNb(absentWithNotice)} har sendt fraværsmelding og er satt til fravær med «${ABSENCE_NOTICE_NOTE}» som merknad.`);
  }
  if (exempt.length > 0) {
    sentences.push(
      `${joinNb(exempt)} trenger ikke registrering denne dagen (permisjon eller godkjent fra tidligere kull) og er ikke endret.`,
    );
  }
  if (own.length > 0) sentences.push("Din egen rad er ikke endret: en kollega registrerer oppmøtet ditt.");
  sentences.push("Endre dem som ikke stemmer, og lagre.");
  return { statuses, notes, absentWithNotice, exempt, own, announcement: sentences.join(" ") };
}
