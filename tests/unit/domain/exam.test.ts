import { describe, expect, it } from "vitest";
import { evaluateEligibility, type EligibilityInput } from "@/lib/domain/eligibility";
import { canAdmitToExam, examAdmissionDecision, GRADES, isGrade, isPassingGrade } from "@/lib/domain/exam";

const approved = ["1", "2", "3", "4", "5"].map((id) => ({ id, status: "APPROVED" as const }));
const eligibleInput: EligibilityInput = { scheduledDays: 25, heldDays: 25, attendedDays: 20, arbeidskrav: approved };
const onTrackInput: EligibilityInput = { scheduledDays: 25, heldDays: 10, attendedDays: 9, arbeidskrav: approved };
const notEligibleInput: EligibilityInput = { scheduledDays: 44, heldDays: 44, attendedDays: 35, arbeidskrav: approved };

describe("exam admission", () => {
  it("admits only ELIGIBLE students", () => {
    expect(canAdmitToExam(evaluateEligibility(eligibleInput))).toBe(true);
    expect(canAdmitToExam(evaluateEligibility(onTrackInput))).toBe(false);
    expect(canAdmitToExam(evaluateEligibility(notEligibleInput))).toBe(false);
  });

  it("refuses an inconsistent eligibility object", () => {
    const forged = { ...evaluateEligibility(onTrackInput), eligible: true };
    expect(canAdmitToExam(forged)).toBe(false);
    const forged2 = { ...evaluateEligibility(onTrackInput), status: "ELIGIBLE" as const };
    expect(canAdmitToExam(forged2)).toBe(false);
  });

  it("gives an allowed decision with no reasons", () => {
    expect(examAdmissionDecision(evaluateEligibility(eligibleInput))).toEqual({ allowed: true, reasons: [] });
    expect(examAdmissionDecision(eligibleInput)).toEqual({ allowed: true, reasons: [] });
  });

  it("gives the eligibility reasons when refused, from counts or from an evaluation", () => {
    const expected = {
      allowed: false,
      reasons: [
        "Du har ikke rett til å gå opp til eksamen fordi kravene ikke er oppfylt.",
        "Du har møtt 35 av 44 samlingsdager (79,5 %). Kravet er minst 80 % (36 dager).",
        "Alle samlingsdagene er holdt, og kravet om 80 % oppmøte er ikke nådd.",
      ],
    };
    expect(examAdmissionDecision(notEligibleInput)).toEqual(expected);
    expect(examAdmissionDecision(evaluateEligibility(notEligibleInput))).toEqual(expected);
    expect(examAdmissionDecision(onTrackInput).allowed).toBe(false);
  });

  it("refuses invalid counts with RangeError", () => {
    expect(() => examAdmissionDecision({ ...eligibleInput, attendedDays: 26 })).toThrow(RangeError);
  });
});

describe("grades", () => {
  it("are A–F, and only F fails", () => {
    expect(GRADES).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(GRADES.map(isPassingGrade)).toEqual([true, true, true, true, true, false]);
    expect(["A", "F", "G", "a", "", 1].map(isGrade)).toEqual([true, true, false, false, false, false]);
  });
});
