/**
 * Exam results as they leave the app for FS (Felles studentsystem), where grades are recorded:
 * one row per student registered for a sitting, carrying the grade that counts. The format is a
 * CSV the exam office imports (lib/server/exams/ writes it through lib/csv.ts: UTF-8 with BOM,
 * semicolons, every text cell neutralised so a spreadsheet never runs it as a formula).
 */
import { datePartsOf } from "./dates";
import { isGrade, type Grade } from "./exam";
import { EXAM_KIND_LABELS, SITTING_OUTCOME_LABELS, type ExamKind } from "./exam-sittings";

/**
 * The programme's course in FS (Programme.fsCourseCode, fsCourseVersion, credits): data, not a
 * constant, since barnevernledelse and institusjonsledelse are different courses.
 */
export interface FsCourse {
  /** Emnekode, e.g. "BVL6001". */
  code: string;
  /** Versjonskode, e.g. "1". */
  version: string;
  /** Studiepoeng. */
  credits: number;
}

/** NTNU's course codes: two to five capital letters and three or four digits ("BVL6001"). */
const FS_COURSE_CODE_FORMAT = /^[A-ZÆØÅ]{2,5}[0-9]{3,4}$/;
const FS_COURSE_VERSION_FORMAT = /^[0-9A-Z]{1,3}$/;

/** What is wrong with a course code, in Norwegian for a form; null when FS can take it. */
export function fsCourseCodeProblem(code: string): string | null {
  if (code.trim() === "") return "Skriv emnekoden i FS.";
  return FS_COURSE_CODE_FORMAT.test(code) ? null : "Emnekoden skrives med 2–5 store bokstaver og 3–4 sifre, for eksempel BVL6001.";
}

/** What is wrong with a course version, in Norwegian for a form; null when FS can take it. */
export function fsCourseVersionProblem(version: string): string | null {
  if (version.trim() === "") return "Skriv versjonskoden i FS (vanligvis 1).";
  return FS_COURSE_VERSION_FORMAT.test(version) ? null : "Versjonskoden er 1–3 sifre eller store bokstaver, for eksempel 1.";
}

/**
 * FS's term of an exam date: "HØST 2026" (July–December) or "VÅR 2027" (January–June). Computed,
 * not stored per programme: the term is when the exam is held, which the exam's date says.
 */
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
  /**
   * The student's registered identity (StudentIdentity, lib/domain/student-identity.ts), else the
   * birth date from their application; null when neither is known.
   */
  birthDate: string | null;
  /** Studentnummer (six digits) when registered. */
  studentNumber?: string | null;
  /** FS-personløpenummer, where the institution uses it. */
  fsPersonNumber?: string | null;
  email: string;
  /**
   * The grade that counts, over every sitting the student has sat (the best one:
   * lib/domain/exam-sittings.ts countingGrade); null while there is none.
   */
  grade: Grade | null;
  /** The Oslo calendar date the counting grade was set (null while there is none). */
  gradedOn: string | null;
  /** The first day of the sitting the counting grade is from: its term goes to FS (null: this sitting's). */
  gradeSittingStartsOn: string | null;
  /** The student's own result at the exported sitting: a grade, "ikke møtt", or null while none. */
  result: Grade | "NOT_ATTENDED" | null;
}

/**
 * "Karakter", "Karakterdato" and "Termin" are the grade that counts (the best of every sitting)
 * and the term of the sitting it is from; "Eksamen" says which sitting the file is for, and
 * "Resultat på denne eksamen" the student's result there. "Studentnummer" and
 * "FS-personløpenummer" are the registered identity (empty when none is registered).
 */
export const FS_COLUMNS = [
  "Navn",
  "Fødselsdato",
  "Studentnummer",
  "FS-personløpenummer",
  "E-post",
  "Emnekode",
  "Versjonskode",
  "Termin",
  "Studiepoeng",
  "Karakter",
  "Karakterdato",
  "Eksamen",
  "Resultat på denne eksamen",
] as const;

/**
 * The export rows of one sitting in the order of FS_COLUMNS (students in the order given);
 * students without a counting grade have empty grade cells. RangeError for a course FS would not
 * take: nothing leaves as a placeholder.
 */
export function fsResultRows(course: FsCourse, sitting: { kind: ExamKind; startsOn: string }, results: readonly ExamResultInput[]): string[][] {
  const problem = fsCourseCodeProblem(course.code) ?? fsCourseVersionProblem(course.version);
  if (problem) throw new RangeError(`FS course ${course.code}/${course.version}: ${problem}`);
  if (!Number.isSafeInteger(course.credits) || course.credits <= 0) throw new RangeError(`credits must be a positive integer, got ${course.credits}`);
  return results.map((result) => {
    if (result.grade !== null && !isGrade(result.grade)) throw new RangeError(`Unknown grade: ${String(result.grade)}`);
    if (result.result !== null && result.result !== "NOT_ATTENDED" && !isGrade(result.result)) throw new RangeError(`Unknown result: ${String(result.result)}`);
    return [
      result.name,
      fsDate(result.birthDate),
      result.studentNumber ?? "",
      result.fsPersonNumber ?? "",
      result.email,
      course.code,
      course.version,
      fsTerm(result.grade ? (result.gradeSittingStartsOn ?? sitting.startsOn) : sitting.startsOn),
      String(course.credits),
      result.grade ?? "",
      result.grade ? fsDate(result.gradedOn) : "",
      EXAM_KIND_LABELS[sitting.kind],
      result.result === "NOT_ATTENDED" ? SITTING_OUTCOME_LABELS.NOT_ATTENDED : (result.result ?? ""),
    ];
  });
}
