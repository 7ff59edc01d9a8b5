/**
 * The student's identity as FS (Felles studentsystem) needs it on every exported result: the date
 * of birth, the studentnummer, and — where the institution uses it — FS's own person number
 * (FS-personløpenummer). Collected when a student enrols (the student fills it in after accepting
 * the offer, or the adviser does), shown only to the student, the advisers, and in the exam
 * protocol and the FS export (lib/permissions.ts canReadStudentIdentity; the server enforces it).
 *
 * Formats decided for the product:
 * - studentnummer: six digits, as NTNU issues them today ("123456");
 * - FS-personløpenummer: optional, one to ten digits (an internal FS number; NTNU need not use it);
 * - fødselsdato: a real calendar date, the student at least 18 and at most 80 years old on the
 *   day it is entered (a leader in barnevern with a bachelor's degree; anything outside is a typo).
 */
import { datePartsOf, isIsoDate, compareIsoDates } from "./dates";

export const STUDENT_NUMBER_FORMAT = /^[0-9]{6}$/;
export const FS_PERSON_NUMBER_FORMAT = /^[0-9]{1,10}$/;
export const MIN_AGE = 18;
export const MAX_AGE = 80;

export interface StudentIdentityInput {
  birthDate: string | null;
  studentNumber: string | null;
  fsPersonNumber: string | null;
}

export type IdentityField = keyof StudentIdentityInput;

/** Whole years from `birthDate` to `on` (a birthday on 29 February counts from 1 March in other years). */
export function ageOn(birthDate: string, on: string): number {
  const birth = datePartsOf(birthDate, "birthDate");
  const day = datePartsOf(on, "on");
  let age = day.year - birth.year;
  if (day.month < birth.month || (day.month === birth.month && day.day < birth.day)) age -= 1;
  return age;
}

/** Strips spaces a person may type inside a number ("123 456"). */
export function normaliseNumber(value: string): string {
  return value.replace(/\s+/g, "");
}

export function studentNumberProblem(value: string): string | null {
  return STUDENT_NUMBER_FORMAT.test(normaliseNumber(value)) ? null : "Studentnummeret er seks sifre, for eksempel 123456.";
}

export function fsPersonNumberProblem(value: string): string | null {
  return FS_PERSON_NUMBER_FORMAT.test(normaliseNumber(value)) ? null : "FS-personløpenummeret er bare sifre (høyst ti).";
}

export function birthDateProblem(value: string, today: string): string | null {
  if (!isIsoDate(value)) return "Skriv fødselsdatoen som dd.mm.åååå, for eksempel 17.05.1980.";
  if (compareIsoDates(value, today) >= 0) return "Fødselsdatoen må være før i dag.";
  const age = ageOn(value, today);
  if (age < MIN_AGE) return `Studenten må være minst ${MIN_AGE} år. Sjekk årstallet.`;
  if (age > MAX_AGE) return `Fødselsdatoen gir en alder over ${MAX_AGE} år. Sjekk årstallet.`;
  return null;
}

/**
 * Problems by field (Norwegian), empty when the identity can be saved. The date of birth is
 * required; the studentnummer may wait until NTNU has issued it; the FS person number is optional.
 */
export function studentIdentityProblems(input: StudentIdentityInput, today: string): Partial<Record<IdentityField, string>> {
  const problems: Partial<Record<IdentityField, string>> = {};
  if (input.birthDate === null) problems.birthDate = "Skriv fødselsdatoen (dd.mm.åååå).";
  else {
    const problem = birthDateProblem(input.birthDate, today);
    if (problem) problems.birthDate = problem;
  }
  if (input.studentNumber !== null) {
    const problem = studentNumberProblem(input.studentNumber);
    if (problem) problems.studentNumber = problem;
  }
  if (input.fsPersonNumber !== null) {
    const problem = fsPersonNumberProblem(input.fsPersonNumber);
    if (problem) problems.fsPersonNumber = problem;
  }
  return problems;
}

/** What FS still lacks for a student (for the exam page and the protocol); empty when complete. */
export function missingForFs(identity: { birthDate: string | null; studentNumber: string | null } | null): string[] {
  const missing: string[] = [];
  if (!identity?.birthDate) missing.push("fødselsdato");
  if (!identity?.studentNumber) missing.push("studentnummer");
  return missing;
}
