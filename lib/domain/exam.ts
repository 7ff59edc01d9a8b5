/**
 * The exam: who may be admitted, and the grades.
 */
import { evaluateEligibility, type Eligibility, type EligibilityInput } from "./eligibility";
import { DEFAULT_REQUIREMENTS, type CohortRequirements } from "./requirements";

export interface ExamAdmissionDecision {
  allowed: boolean;
  /** Norwegian sentences; empty exactly when allowed. */
  reasons: string[];
}

/** Only an ELIGIBLE student may be admitted; being on track is not enough. */
export function canAdmitToExam(eligibility: Eligibility): boolean {
  return eligibility.status === "ELIGIBLE" && eligibility.eligible;
}

function isEligibility(value: Eligibility | EligibilityInput): value is Eligibility {
  return "status" in value;
}

/**
 * The exam admission decision from an evaluated eligibility, or from the raw counts (evaluated
 * here, so the gate and the student's page can never disagree).
 */
export function examAdmissionDecision(
  input: Eligibility | EligibilityInput,
  requirements: CohortRequirements = DEFAULT_REQUIREMENTS,
): ExamAdmissionDecision {
  const eligibility = isEligibility(input) ? input : evaluateEligibility(input, requirements);
  if (canAdmitToExam(eligibility)) return { allowed: true, reasons: [] };
  return {
    allowed: false,
    reasons: ["Du har ikke rett til å gå opp til eksamen fordi kravene ikke er oppfylt.", ...eligibility.reasons],
  };
}

export const GRADES = ["A", "B", "C", "D", "E", "F"] as const;
export type Grade = (typeof GRADES)[number];

export function isGrade(value: unknown): value is Grade {
  return typeof value === "string" && (GRADES as readonly string[]).includes(value);
}

/** A–E pass, F fails. */
export function isPassingGrade(grade: Grade): boolean {
  return grade !== "F";
}

export const GRADE_DESCRIPTIONS: Record<Grade, string> = {
  A: "Fremragende",
  B: "Meget god",
  C: "God",
  D: "Nokså god",
  E: "Tilstrekkelig",
  F: "Ikke bestått",
};
