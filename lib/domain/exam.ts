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

/**
 * When a student's standing has moved away from the exam decision already taken, so that staff
 * must decide again ("trenger en beslutning"):
 * - NO_LONGER_ELIGIBLE: registered (and not graded yet), but no longer eligible — a correction of
 *   attendance, an assessment or a change of the plan or the arbeidskrav set has taken the right
 *   away; the registration stands until someone decides;
 * - NOW_ELIGIBLE: refused admission to the exam, but eligible now.
 * Null when the decision taken still matches (or none has been taken: the ordinary «Meld opp»).
 */
export type ExamDecisionNeeded = "NO_LONGER_ELIGIBLE" | "NOW_ELIGIBLE";

export function examDecisionNeeded(
  registrationStatus: "ADMITTED" | "REFUSED" | "WITHDRAWN" | null,
  eligibilityStatus: Eligibility["status"],
  graded = false,
): ExamDecisionNeeded | null {
  if (registrationStatus === "ADMITTED" && !graded && eligibilityStatus !== "ELIGIBLE") return "NO_LONGER_ELIGIBLE";
  if (registrationStatus === "REFUSED" && eligibilityStatus === "ELIGIBLE") return "NOW_ELIGIBLE";
  return null;
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
