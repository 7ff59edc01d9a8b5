import { describe, expect, it } from "vitest";
import { evaluateEligibility, type EligibilityInput } from "@/lib/domain/eligibility";
import { canAdmitToExam, canRefuseExamAdmission, examAdmissionDecision, examDecisionNeeded, examRefusalReasons, GRADES, isGrade, isPassingGrade, isRefusalCandidate, registersAtSitting, type ExamRegistrationStatus } from "@/lib/domain/exam";
import type { EligibilityStatus } from "@/lib/domain/eligibility";

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

describe("the decision on admission, as it stands against the rules", () => {
  const statuses: EligibilityStatus[] = ["ELIGIBLE", "ON_TRACK", "NOT_ELIGIBLE"];

  it("needs a refusal to be considered when a registered student is no longer eligible, and an admission when a refused one now is", () => {
    expect(statuses.map((status) => examDecisionNeeded("ADMITTED", status))).toEqual([null, "REFUSAL_NEEDED", "REFUSAL_NEEDED"]);
    expect(statuses.map((status) => examDecisionNeeded("REFUSED", status))).toEqual(["ADMISSION_NEEDED", null, null]);
  });

  it("leaves students without a decision, and withdrawn ones, to the ordinary registration", () => {
    for (const status of statuses) {
      expect(examDecisionNeeded(null, status)).toBeNull();
      expect(examDecisionNeeded("WITHDRAWN", status)).toBeNull();
    }
  });

  it("offers a refusal once the requirements can no longer be met or the samlinger are over, never mid-way", () => {
    expect(isRefusalCandidate(evaluateEligibility(eligibleInput))).toBe(false);
    expect(isRefusalCandidate(evaluateEligibility(onTrackInput))).toBe(false); // 10 of 25 days held
    expect(isRefusalCandidate(evaluateEligibility(notEligibleInput))).toBe(true);
    const fourApprovedAllHeld = evaluateEligibility({ ...eligibleInput, arbeidskrav: [...approved.slice(0, 4), { id: "5", status: "NOT_APPROVED" }] });
    expect(isRefusalCandidate(fourApprovedAllHeld)).toBe(true);
    // Work waiting for its assessment is assessed first, unless the attendance is lost anyway.
    const fifthWaiting = [...approved.slice(0, 4), { id: "5", status: "SUBMITTED" as const }];
    expect(isRefusalCandidate(evaluateEligibility({ ...eligibleInput, arbeidskrav: fifthWaiting }))).toBe(false);
    expect(isRefusalCandidate(evaluateEligibility({ ...notEligibleInput, arbeidskrav: fifthWaiting }))).toBe(true);
  });

  it("allows a refusal exactly for a student who may not be admitted", () => {
    expect(canRefuseExamAdmission(evaluateEligibility(eligibleInput))).toBe(false);
    expect(canRefuseExamAdmission(evaluateEligibility(onTrackInput))).toBe(true);
    expect(canRefuseExamAdmission(evaluateEligibility(notEligibleInput))).toBe(true);
  });
});

describe("who a registration at the ordinary sitting registers", () => {
  const admissible = { allowed: true, onLeave: false, ownCase: false, status: null, klageWaiting: false } as const;
  const statuses: (ExamRegistrationStatus | null)[] = [null, "ADMITTED", "WITHDRAWN", "REFUSED", "NOT_ATTENDED", "DEFERRED"];

  it("registers an admissible student without a record, by «Meld opp alle» and by name", () => {
    expect(registersAtSitting(admissible, "ALL")).toBe(true);
    expect(registersAtSitting(admissible, "BY_NAME")).toBe(true);
  });

  it("never registers one who may not be admitted, is on leave, or is the deciding person herself, whatever the record", () => {
    for (const status of statuses) {
      for (const how of ["ALL", "BY_NAME"] as const) {
        expect(registersAtSitting({ ...admissible, status, allowed: false }, how)).toBe(false);
        expect(registersAtSitting({ ...admissible, status, onLeave: true }, how)).toBe(false);
        expect(registersAtSitting({ ...admissible, status, ownCase: true }, how)).toBe(false);
      }
    }
  });

  it("registers one taken off the sitting again only by name", () => {
    expect(registersAtSitting({ ...admissible, status: "WITHDRAWN" }, "ALL")).toBe(false);
    expect(registersAtSitting({ ...admissible, status: "WITHDRAWN" }, "BY_NAME")).toBe(true);
  });

  it("lifts a refusal that no longer stands, unless a klage on it waits (the klage is decided instead)", () => {
    expect(registersAtSitting({ ...admissible, status: "REFUSED" }, "ALL")).toBe(true);
    expect(registersAtSitting({ ...admissible, status: "REFUSED", klageWaiting: true }, "ALL")).toBe(false);
    expect(registersAtSitting({ ...admissible, status: "REFUSED", klageWaiting: true }, "BY_NAME")).toBe(false);
  });

  it("keeps what happened at the sitting: registered, «ikke møtt» or «utsatt»", () => {
    for (const status of ["ADMITTED", "NOT_ATTENDED", "DEFERRED"] as const) {
      expect(registersAtSitting({ ...admissible, status }, "ALL")).toBe(false);
      expect(registersAtSitting({ ...admissible, status }, "BY_NAME")).toBe(false);
    }
  });

  it("registers by name everyone «Meld opp alle» registers, and more only for one taken off the sitting", () => {
    for (const status of statuses) {
      for (const klageWaiting of [false, true]) {
        const student = { ...admissible, status, klageWaiting };
        const all = registersAtSitting(student, "ALL");
        const byName = registersAtSitting(student, "BY_NAME");
        if (all) expect(byName).toBe(true);
        expect(byName && !all).toBe(status === "WITHDRAWN");
      }
    }
  });
});

describe("the grounds of 'ikke adgang til eksamen'", () => {
  const titles = ["Fagnotat 1", "Ledertreningsoppgave 1", "Fagnotat 2", "Ledertreningsoppgave 2", "Ledertreningsoppgave 3"];

  it("names each arbeidskrav not approved and says when a rejection is final", () => {
    const arbeidskrav = [
      { id: "1", status: "APPROVED" as const },
      { id: "2", status: "APPROVED" as const },
      { id: "3", status: "APPROVED" as const },
      { id: "4", status: "NOT_APPROVED" as const },
      { id: "5", status: "SUBMITTED" as const },
    ];
    const eligibility = evaluateEligibility({ scheduledDays: 27, heldDays: 27, attendedDays: 26, arbeidskrav });
    const reasons = examRefusalReasons(
      eligibility,
      arbeidskrav.map((item, index) => ({ title: titles[index]!, status: item.status, finalRejection: index === 3 })),
    );
    expect(reasons).toEqual([
      "Arbeidskrav: du har 3 av 5 godkjent. Ledertreningsoppgave 2 er endelig ikke godkjent etter siste innlevering. Ledertreningsoppgave 3 er levert og venter på vurdering.",
    ]);
  });

  it("gives the attendance beside the rule when it is not met", () => {
    const eligibility = evaluateEligibility(notEligibleInput);
    const reasons = examRefusalReasons(eligibility, titles.map((title) => ({ title, status: "APPROVED", finalRejection: false })));
    expect(reasons).toEqual(["Oppmøte: Du har vært til stede 35 av 44 dager. Du må ha minst 36 av 44 dager totalt (80 %). Alle samlingsdagene er holdt, og kravet er ikke nådd."]);
  });

  it("has no grounds for an eligible student", () => {
    expect(examRefusalReasons(evaluateEligibility(eligibleInput), [])).toEqual([]);
  });
});
