/**
 * "Alle til stede" on a samling day's attendance list. Everyone is set present except a student
 * who has sent an absence notice (fraværsmelding) for the day: they are set absent, with the
 * notice's reason as the note, and the result says so, so the faculty member sees the exceptions
 * before saving. Any choice can still be changed before saving (the student may have come anyway).
 *
 * Decisions where the issue is silent:
 * - A note the faculty member has already written is kept; the reason fills only an empty note.
 * - The reason is cut to the note's length limit (MAX_ATTENDANCE_NOTE) with "…", so the list can
 *   always be saved as it stands.
 */
import { countNoun, joinNb } from "./format";

export const MAX_ATTENDANCE_NOTE = 500;

export type AttendanceChoice = "PRESENT" | "ABSENT";

export interface AllPresentStudent {
  enrolmentId: string;
  name: string;
  /** The reason of the student's (not withdrawn) absence notice for this day, if any. */
  absenceNoticeReason: string | null;
  /** The note as it stands in the form now. */
  note: string;
}

export interface AllPresentResult {
  statuses: Record<string, AttendanceChoice>;
  notes: Record<string, string>;
  /** The students left absent because of a notice, in list order. */
  absentWithNotice: string[];
  /** What happened, in a sentence for the live region and the page. */
  announcement: string;
}

/** The note a notice's reason becomes: "Fraværsmelding: …", within the length limit. */
export function noteFromAbsenceNotice(reason: string): string {
  const note = `Fraværsmelding: ${reason.trim().replace(/\s+/g, " ")}`;
  return note.length <= MAX_ATTENDANCE_NOTE ? note : `${note.slice(0, MAX_ATTENDANCE_NOTE - 1).trimEnd()}…`;
}

export function markAllPresent(students: readonly AllPresentStudent[]): AllPresentResult {
  const statuses: Record<string, AttendanceChoice> = {};
  const notes: Record<string, string> = {};
  const absentWithNotice: string[] = [];
  for (const student of students) {
    const reason = student.absenceNoticeReason?.trim() ?? "";
    if (reason) {
      statuses[student.enrolmentId] = "ABSENT";
      notes[student.enrolmentId] = student.note.trim() ? student.note : noteFromAbsenceNotice(reason);
      absentWithNotice.push(student.name);
    } else {
      statuses[student.enrolmentId] = "PRESENT";
      notes[student.enrolmentId] = student.note;
    }
  }
  const present = students.length - absentWithNotice.length;
  let announcement: string;
  if (absentWithNotice.length === 0) {
    announcement = `Alle ${students.length} er satt til stede. Endre dem som ikke er her, og lagre.`;
  } else {
    const who = joinNb(absentWithNotice);
    announcement =
      `${countNoun(present, "student", "studenter")} er satt til stede. ` +
      `${who} har sendt fraværsmelding og er satt til fravær med grunnen som merknad. ` +
      "Endre dem som ikke stemmer, og lagre.";
  }
  return { statuses, notes, absentWithNotice, announcement };
}
