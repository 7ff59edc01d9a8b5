/**
 * Exam results as they leave the app for FS (Felles studentsystem), where grades are recorded:
 * one row per student registered for the exam. The format is a CSV the exam office imports
 * (lib/server/exams/ writes it with csv-stringify: UTF-8 with BOM, semicolons).
 */
import { datePartsOf } from "./dates";
import { isGrade, type Grade } from "./exam";

/**
 * The course code under which FS records the programme's exam. NTNU's continuing-education
 * courses have three letters and four digits; this value must be checked against FS before the
 * first real export (a constant, so one edit changes it everywhere).
 */
export const FS_COURSE_CODE = "BVL6000";

/** FS's term of an exam date: "HØST 2026" (July–December) or "VÅR 2027" (January–June). */
export function fsTerm(examDate: string): string {
  const { year, month } = datePartsOf(examDate, "examDate");
  return `${month >= 7 ? "HØST" : "VÅR"} ${year}`;
}

/** "1980-05-17" → "17.05.1980" (how FS and Norwegian forms write dates); null → "". */
export function fsDate(date: string | null): string {
  if (date === null) return "";
  const { year, month, day } = datePartsOf(date);
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

export interface ExamResultInput {
  name: string;
  /** From the student's application when there is one; students enrolled without an application have none. */
  birthDate: string | null;
  email: string;
  grade: Grade | null;
  /** The Oslo calendar date the grade was set (null while ungraded). */
  gradedOn: string | null;
}

export const FS_COLUMNS = ["Navn", "Fødselsdato", "E-post", "Emnekode", "Termin", "Karakter", "Karakterdato"] as const;

/** The export rows in the order of FS_COLUMNS (students in the order given); ungraded students have empty grade cells. */
export function fsResultRows(examStartsOn: string, results: readonly ExamResultInput[]): string[][] {
  const term = fsTerm(examStartsOn);
  return results.map((result) => {
    if (result.grade !== null && !isGrade(result.grade)) throw new RangeError(`Unknown grade: ${String(result.grade)}`);
    return [
      result.name,
      fsDate(result.birthDate),
      result.email,
      FS_COURSE_CODE,
      term,
      result.grade ?? "",
      result.grade ? fsDate(result.gradedOn) : "",
    ];
  });
}

/**
 * A spreadsheet cell that begins with =, +, - or @ (or a tab or carriage return) is run as a
 * formula by Excel; such text is written with a leading apostrophe so it stays text.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
