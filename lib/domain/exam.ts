/**
 * The exam: who may be admitted, and the grades.
 */
import { attendanceProgress } from "./attendance-progress";
import { evaluateEligibility, type ArbeidskravStatus, type Eligibility, type EligibilityInput, type EligibilityOutlook } from "./eligibility";
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
 * A student's place at a sitting as recorded (null: no decision yet): "ikke møtt" and "utsatt"
 * are what became of an admission (lib/domain/exam-sittings.ts).
 */
export type ExamRegistrationStatus = "ADMITTED" | "WITHDRAWN" | "REFUSED" | "NOT_ATTENDED" | "DEFERRED";

/**
 * Whether the recorded admission no longer matches the rules, so staff must decide again ("trenger
 * en beslutning"; the standings' refresh, lib/server/standings/refresh.ts, tells the student):
 * - "REFUSAL_NEEDED": the student is registered (ADMITTED, not graded yet) but is no longer
 *   ELIGIBLE (a correction of attendance or an assessment, or a change of the plan or the
 *   arbeidskrav set, took the right away), so a refusal ("ikke adgang", an enkeltvedtak) is to be
 *   considered; the registration stands until someone decides;
 * - "ADMISSION_NEEDED": the student was refused but is now ELIGIBLE (a klage, a correction), so
 *   the refusal no longer stands and the student should be registered;
 * - null: nothing to decide (a student without a decision yet is the ordinary registration's; a
 *   sitting that ended in "ikke møtt" is over, and one deferred is decided at the deferred sitting).
 *
 * With several sittings, the registration to ask about is decisionRegistration's
 * (lib/domain/exam-sittings.ts): the latest one that is not withdrawn or deferred.
 */
export type ExamDecisionNeeded = "REFUSAL_NEEDED" | "ADMISSION_NEEDED";

export function examDecisionNeeded(
  registrationStatus: ExamRegistrationStatus | null,
  /** The status or the outlook (a stored standing): only whether it is ELIGIBLE matters. */
  eligibilityStatus: EligibilityOutlook,
  /** A graded sitting is over: nothing to decide any more. */
  graded = false,
): ExamDecisionNeeded | null {
  if (registrationStatus === "ADMITTED" && !graded && eligibilityStatus !== "ELIGIBLE") return "REFUSAL_NEEDED";
  if (registrationStatus === "REFUSED" && eligibilityStatus === "ELIGIBLE") return "ADMISSION_NEEDED";
  return null;
}

/**
 * Whether a registration at the ordinary sitting registers the student now, by «Meld opp alle»
 * ("ALL") or by name ("BY_NAME"). Only an admissible student (examAdmissionDecision), not on
 * leave and not the deciding person herself (forvaltningsloven § 6: a colleague registers her).
 * Of the sitting's record (null: none yet):
 * - none, or "ikke adgang" that no longer stands (the student meets the requirements now): yes,
 *   unless a klage on the refusal waits; then the klage is decided instead;
 * - taken off the sitting (at her request, or by a leave): only by name, deliberately;
 * - already registered, "ikke møtt" or "utsatt": no, that is what happened at this sitting.
 * registerForExam registers by this, and the exam page offers exactly these.
 */
export function registersAtSitting(
  student: {
    allowed: boolean;
    onLeave: boolean;
    ownCase: boolean;
    status: ExamRegistrationStatus | null;
    klageWaiting: boolean;
  },
  how: "ALL" | "BY_NAME",
): boolean {
  if (!student.allowed || student.onLeave || student.ownCase) return false;
  switch (student.status) {
    case null:
      return true;
    case "REFUSED":
      return !student.klageWaiting;
    case "WITHDRAWN":
      return how === "BY_NAME";
    case "ADMITTED":
    case "NOT_ATTENDED":
    case "DEFERRED":
      return false;
  }
}

/** A refusal ("ikke adgang til eksamen") may be decided only for a student who is not ELIGIBLE. */
export function canRefuseExamAdmission(eligibility: Eligibility): boolean {
  return !canAdmitToExam(eligibility);
}

/**
 * Whether the exam page offers "ikke adgang" for the student: not ELIGIBLE, and either the
 * requirements can no longer be met or every samling day is held. Mid-way through a cohort nearly
 * everyone is "not eligible yet", and a refusal then would be premature; the server still accepts
 * a refusal of any student who is not ELIGIBLE (staff may know more than the registrations).
 * A required arbeidskrav finally not approved (eligibilityOutlook SHORT_BY_DECISION) does not
 * bring the offer forward: that vedtak has its own klage, often still open mid-way, and a second
 * vedtak on the same facts then would be a parallel case; once the samlinger are over it is offered
 * as for anyone short (the grounds name the item as final: examRefusalReasons).
 */
export function isRefusalCandidate(eligibility: Eligibility): boolean {
  if (!canRefuseExamAdmission(eligibility)) return false;
  if (eligibility.status === "NOT_ELIGIBLE") return true;
  // Work handed in and waiting for its assessment is assessed first: an approval may make her
  // eligible, and a refusal before it would decide on what is not known yet (from a walk).
  if (eligibility.arbeidskrav.missing.some((item) => item.status === "SUBMITTED")) return false;
  return eligibility.attendance.scheduled > 0 && eligibility.attendance.held + (eligibility.attendance.leave ?? 0) >= eligibility.attendance.scheduled;
}

/**
 * The grounds of "ikke adgang til eksamen", to the student: the attendance as it stands beside
 * the rule, and each arbeidskrav that is not approved by name and why (a final "ikke godkjent" is
 * said to be final: it cannot be handed in again). Empty when the student is eligible.
 */
export function examRefusalReasons(
  eligibility: Eligibility,
  /** The set's items; an optional extra (`required` false) is never named as missing. */
  arbeidskrav: readonly { title: string; status: ArbeidskravStatus; finalRejection: boolean; required?: boolean }[],
): string[] {
  if (canAdmitToExam(eligibility)) return [];
  const reasons: string[] = [];
  if (!eligibility.attendance.met) {
    const progress = attendanceProgress(eligibility.attendance);
    reasons.push(`Oppmøte: ${progress.soFar} ${progress.rule} ${progress.outlook}`);
  }
  if (!eligibility.arbeidskrav.met) {
    const missing = arbeidskrav
      .filter((item) => item.required !== false && item.status !== "APPROVED")
      .map((item) =>
        item.status === "NOT_APPROVED"
          ? item.finalRejection
            ? `${item.title} er endelig ikke godkjent etter siste innlevering`
            : `${item.title} er ikke godkjent`
          : item.status === "SUBMITTED"
            ? `${item.title} er levert og venter på vurdering`
            : `${item.title} er ikke levert`,
      );
    reasons.push(
      `Arbeidskrav: du har ${eligibility.arbeidskrav.approved} av ${eligibility.arbeidskrav.required} godkjent.` +
        (missing.length > 0 ? ` ${missing.join(". ")}.` : ""),
    );
  }
  return reasons;
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
