/**
 * Handing in arbeidskrav: when a student may hand in, what a hand-in must contain, the deadline
 * each attempt is measured against, when it counts as late, and when a reminder is due.
 *
 * Decisions where the study plan is silent:
 * - A hand-in after the deadline is accepted and marked "levert for sent" (the faculty decide what
 *   that means); the student is never locked out of handing in.
 * - After "ikke godkjent" the work may be handed in again. The new deadline is three weeks after
 *   the assessment, but never before the arbeidskrav's own due date (an early rejection does not
 *   shorten the time the others had).
 * - Once handed in, the work waits for assessment: neither the student nor a group member can
 *   hand in again until it is assessed (the faculty never assess a moving target). An approved
 *   arbeidskrav is done.
 * - Attempts are limited: the study plan allows the first hand-in and one resubmission
 *   (ArbeidskravDefinition.maxAttempts, default DEFAULT_MAX_ATTEMPTS = 2, data per arbeidskrav so
 *   a plan can say otherwise). "Ikke godkjent" on the final attempt ends it: no further hand-in,
 *   and the decision is an enkeltvedtak with a letter the student can appeal
 *   (lib/domain/student-letter.ts). A group's attempts are the group's: a resubmission by any
 *   member counts for all.
 */
import { deadlineEnd, osloDate } from "./application-deadline";
import { addDays, parseIsoDate } from "./dates";
import type { ArbeidskravStatus } from "./eligibility";
import { formatDateNb } from "./format";

/** Days before the due date the reminder goes out (to students who have not handed in). */
export const REMINDER_DAYS_BEFORE = 3;
/** Days after a "not approved" assessment to hand in again. */
export const RESUBMISSION_DAYS = 21;
/** A hand-in's text: a short note or the whole of a short task; longer work goes in the PDF. */
export const MAX_HAND_IN_TEXT_LENGTH = 5000;
/** Hand-ins of one arbeidskrav the study plan allows: the first and one resubmission. */
export const DEFAULT_MAX_ATTEMPTS = 2;

function assertMaxAttempts(maxAttempts: number): void {
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 9) {
    throw new RangeError(`maxAttempts must be an integer from 1 to 9, got ${maxAttempts}`);
  }
}

/** Attempt `attempt` (1, 2, …) is the last the study plan allows. */
export function isFinalAttempt(attempt: number, maxAttempts = DEFAULT_MAX_ATTEMPTS): boolean {
  assertMaxAttempts(maxAttempts);
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a positive integer, got ${attempt}`);
  return attempt >= maxAttempts;
}

/** "Ikke godkjent" on the final attempt: no hand-in is left (an enkeltvedtak on a required item: isRejectionDecision). */
export function isFinalRejection(attempt: { attempt: number; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED" }, maxAttempts = DEFAULT_MAX_ATTEMPTS): boolean {
  return attempt.status === "NOT_APPROVED" && isFinalAttempt(attempt.attempt, maxAttempts);
}

/**
 * "Ikke godkjent" on this attempt is an enkeltvedtak: the final attempt of a *required*
 * arbeidskrav, which takes away the right to sit the exam with the kull. On an optional extra
 * (never counted toward the exam: lib/domain/eligibility.ts) the final "ikke godkjent" decides
 * nothing about her rights: an assessment like any other, told by e-mail, with no letter and no
 * klage, and corrected without a forhåndsvarsel.
 */
export function isRejectionDecision(
  attempt: { attempt: number; status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED" },
  arbeidskrav: { maxAttempts: number; required: boolean },
): boolean {
  return arbeidskrav.required && isFinalRejection(attempt, arbeidskrav.maxAttempts);
}

/** To the student, when an optional extra's last hand-in is not approved: nothing follows from it. */
export const OPTIONAL_LAST_ATTEMPT =
  "Det var siste innlevering, så arbeidskravet kan ikke leveres på nytt. Det er et valgfritt arbeidskrav som ikke teller med i kravene for eksamen, så vurderingen endrer ikke retten din til å gå opp til eksamen.";

export type HandInPermission =
  | { allowed: true; kind: "FIRST" | "RESUBMISSION" }
  | { allowed: false; reason: string };

/**
 * Whether the student (or any member of their group) may hand in now, given their standing and,
 * after "ikke godkjent", how many attempts are used of how many the arbeidskrav allows.
 */
export function handInPermission(status: ArbeidskravStatus, attempts: { used: number; max: number } = { used: 0, max: DEFAULT_MAX_ATTEMPTS }): HandInPermission {
  switch (status) {
    case "NOT_SUBMITTED":
      return { allowed: true, kind: "FIRST" };
    case "NOT_APPROVED":
      assertMaxAttempts(attempts.max);
      if (attempts.used >= attempts.max) {
        return {
          allowed: false,
          reason: `Arbeidskravet er ikke godkjent etter den siste av ${attempts.max} innleveringer, så du kan ikke levere på nytt. Du har fått et vedtak om dette under Brev, og kan klage på det.`,
        };
      }
      return { allowed: true, kind: "RESUBMISSION" };
    case "SUBMITTED":
      // The hand-in waiting is the last the arbeidskrav allows: «ikke godkjent» would end it (a
      // walk read «Du kan levere på nytt» beside «Brukt: 2» of 2).
      assertMaxAttempts(attempts.max);
      return {
        allowed: false,
        reason:
          attempts.used >= attempts.max
            ? `Innleveringen venter på vurdering. Den er den siste av ${attempts.max} innleveringer, så blir den ikke godkjent, kan du ikke levere på nytt.`
            : "Innleveringen venter på vurdering. Du kan levere på nytt hvis den ikke blir godkjent.",
      };
    case "APPROVED":
      return { allowed: false, reason: "Arbeidskravet er godkjent. Du trenger ikke levere det på nytt." };
    default:
      throw new RangeError(`Unknown arbeidskrav status: ${String(status)}`);
  }
}

/**
 * Said before the hand-in that is the last the arbeidskrav allows (a walk: it was said only after
 * it, while it waited for assessment): what «ikke godkjent» would then mean. Null for any other.
 */
export function lastHandInWarning(attempts: { used: number; max: number }, required: boolean): string | null {
  assertMaxAttempts(attempts.max);
  if (attempts.used + 1 !== attempts.max) return null;
  const which = attempts.max === 1 ? "Du har én innlevering" : `Dette er den siste av ${attempts.max} innleveringer`;
  return required
    ? `${which}: blir den ikke godkjent, kan du ikke levere på nytt, og du fyller ikke kravene til eksamen. Du får i så fall et vedtak du kan klage på.`
    : `${which}: blir den ikke godkjent, kan du ikke levere på nytt. Arbeidskravet er valgfritt og teller ikke med i kravene til eksamen.`;
}

/** The deadline to hand in again after an assessment on `assessedOn`: the later of due + 0 and assessed + 21 days. */
export function resubmissionDeadline(dueDate: string, assessedOn: string): string {
  parseIsoDate(dueDate, "dueDate");
  const fromAssessment = addDays(assessedOn, RESUBMISSION_DAYS);
  return fromAssessment > dueDate ? fromAssessment : dueDate;
}

export interface AttemptFacts {
  submittedAt: Date;
  status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED";
  assessedAt: Date | null;
}

/**
 * The deadline the next hand-in is measured against: the due date for the first, and after a
 * "not approved" assessment the resubmission deadline. `attempts` in order, oldest first.
 */
export function nextHandInDeadline(dueDate: string, attempts: readonly AttemptFacts[]): string {
  parseIsoDate(dueDate, "dueDate");
  const last = attempts.at(-1);
  if (!last) return dueDate;
  if (last.status === "NOT_APPROVED" && last.assessedAt) return resubmissionDeadline(dueDate, osloDate(last.assessedAt));
  return dueDate;
}

/** Late: handed in after the deadline day has ended in Oslo (a hand-in at 23.59 on the day is on time). */
export function isLateHandIn(deadline: string, submittedAt: Date): boolean {
  return submittedAt.getTime() >= deadlineEnd(deadline).getTime();
}

/** Each attempt with the deadline it was measured against and whether it came late. */
export function attemptDeadlines<A extends AttemptFacts>(dueDate: string, attempts: readonly A[]): (A & { deadline: string; late: boolean })[] {
  return attempts.map((attempt, index) => {
    const deadline = nextHandInDeadline(dueDate, attempts.slice(0, index));
    return { ...attempt, deadline, late: isLateHandIn(deadline, attempt.submittedAt) };
  });
}

/** Norwegian messages by field for a hand-in's content: a PDF, a text, or both; the text not too long. */
export function handInContentProblems(content: { text: string | null; hasFile: boolean }): Record<string, string[]> {
  const text = content.text?.trim() ?? "";
  if (text.length > MAX_HAND_IN_TEXT_LENGTH) {
    return { text: [`Teksten kan ha høyst ${MAX_HAND_IN_TEXT_LENGTH} tegn (har ${text.length}). Legg lengre tekst i en PDF.`] };
  }
  if (text === "" && !content.hasFile) {
    return { file: ["Last opp en PDF eller skriv en tekst (eller begge)."] };
  }
  return {};
}

/** The reminder goes out from three days before the due date until the day itself (never after). */
export function reminderDue(dueDate: string, today: string, daysBefore = REMINDER_DAYS_BEFORE): boolean {
  const days = parseIsoDate(dueDate, "dueDate") - parseIsoDate(today, "today");
  return days >= 0 && days <= daysBefore;
}

/** "innen 15. mars 2027" / "fristen var 15. mars 2027": the deadline as a student should read it today. */
export function deadlinePhrase(deadline: string, today: string): string {
  return deadline >= today ? `innen ${formatDateNb(deadline)}` : `fristen var ${formatDateNb(deadline)}`;
}

/** How an arbeidskrav is written: "Individuelt", "Alene eller i gruppe på 2–3", "I gruppe på 2–3". */
export function groupRuleNb(definition: { individualOnly: boolean; minGroupSize: number; maxGroupSize: number }): string {
  const { individualOnly, minGroupSize: min, maxGroupSize: max } = definition;
  if (individualOnly || max <= 1) return "Individuelt";
  if (min <= 1) return max === 2 ? "Alene eller i gruppe på 2" : `Alene eller i gruppe på 2–${max}`;
  return min === max ? `I gruppe på ${max}` : `I gruppe på ${min}–${max}`;
}
