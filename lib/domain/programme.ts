/**
 * A study programme (studieprogram) and its template for new kull: the code that names it in the
 * data, its credits, and the requirements and arbeidskrav every new kull copies (a kull that has
 * begun keeps its own, see lib/domain/requirements.ts). An installation adds programmes in the
 * app; the code is chosen once and never changes.
 */
import { validateArbeidskravSet, type ArbeidskravDefinitionInput } from "./arbeidskrav";
import { validateRequirements, type CohortRequirements } from "./requirements";

/** Capital letters A–Z, digits, "_" and "-", starting with a letter, 2–40 characters ("BARNEVERNLEDELSE"). */
export const PROGRAMME_CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,39}$/;

/** The code as typed, tidied: trimmed, in capitals, spaces as "_" ("familievern ledelse" → "FAMILIEVERN_LEDELSE"). */
export function normaliseProgrammeCode(input: string): string {
  return input.trim().toUpperCase().replace(/\s+/g, "_");
}

/** Why a (normalised) code cannot be used, or null. */
export function programmeCodeProblem(code: string): string | null {
  if (code.length < 2 || code.length > 40) return "Koden må ha fra 2 til 40 tegn.";
  if (/[ÆØÅ]/.test(code)) return "Bruk AE, OE og AA i stedet for Æ, Ø og Å i koden (for eksempel FAMILIEVERN).";
  if (!PROGRAMME_CODE_PATTERN.test(code)) {
    return "Koden kan bare ha store bokstaver A–Z, tall, _ og -, og må begynne med en bokstav (for eksempel FAMILIEVERNLEDELSE).";
  }
  return null;
}

/** Studiepoeng: whole numbers, up to a master's degree. */
export const MAX_CREDITS = 120;

export function creditsProblem(credits: number): string | null {
  return Number.isSafeInteger(credits) && credits >= 1 && credits <= MAX_CREDITS
    ? null
    : `Studiepoeng må være et helt tall fra 1 til ${MAX_CREDITS}.`;
}

/**
 * The template a new kull copies: the requirements must make sense (validateRequirements), and the
 * arbeidskrav must be exactly the set the requirements describe (validateArbeidskravSet), so a kull
 * created from it can be published without changes. Norwegian messages, empty when valid.
 */
export function templateProblems(requirements: CohortRequirements, arbeidskrav: readonly ArbeidskravDefinitionInput[]): string[] {
  const requirementProblems = validateRequirements(requirements);
  if (requirementProblems.length > 0) return requirementProblems;
  return validateArbeidskravSet([...arbeidskrav], requirements.arbeidskrav);
}

/**
 * The standard letter texts a programme may vary. Only what is the programme's own: a welcome and
 * practical information in an offer of a place. The legal parts of a decision letter (the
 * decision, the rules, the facts, the grounds, the right to appeal and its deadline) are composed
 * by lib/domain/decision-letter.ts and are the same for every programme.
 */
export const LETTER_TEXT_MAX = 2000;
