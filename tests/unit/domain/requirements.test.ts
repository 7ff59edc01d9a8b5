import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { validateArbeidskravSet, type ArbeidskravDefinitionInput } from "@/lib/domain/arbeidskrav";
import {
  attendanceRequirementMet,
  evaluateEligibility,
  formatAttendancePercent,
  requiredAttendanceDays,
} from "@/lib/domain/eligibility";
import { examAdmissionDecision } from "@/lib/domain/exam";
import {
  DEFAULT_REQUIREMENTS,
  describeRequirements,
  validateRequirements,
  type CohortRequirements,
} from "@/lib/domain/requirements";
import { STANDARD_ARBEIDSKRAV } from "@/lib/data/study-plan";

const SIX: CohortRequirements = {
  attendancePercent: 80,
  arbeidskrav: { total: 6, fagnotat: 2, ledertrening: 4, oral: 1, individualFagnotatMin: 1 },
};

const approved = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `a${index}`, status: "APPROVED" as const }));

describe("cohort requirements as data", () => {
  it("today's rule is the default: 80 %, five arbeidskrav, and the standard template satisfies it", () => {
    expect(DEFAULT_REQUIREMENTS).toEqual({
      attendancePercent: 80,
      arbeidskrav: { total: 5, fagnotat: 2, ledertrening: 3, oral: 1, individualFagnotatMin: 1 },
    });
    expect(validateRequirements(DEFAULT_REQUIREMENTS)).toEqual([]);
    expect(validateArbeidskravSet([...STANDARD_ARBEIDSKRAV])).toEqual([]);
    expect(describeRequirements()).toBe(
      "For å gå opp til eksamen må du ha minst 80 % oppmøte på samlingene og 5 godkjente arbeidskrav.",
    );
  });

  it("refuses requirements that make no sense, in Norwegian", () => {
    expect(validateRequirements({ ...DEFAULT_REQUIREMENTS, attendancePercent: 0 })).toEqual([
      "Oppmøtekravet må være et helt antall prosent fra 1 til 100.",
    ]);
    expect(validateRequirements({ ...DEFAULT_REQUIREMENTS, attendancePercent: 80.5 })).toHaveLength(1);
    expect(validateRequirements({ ...DEFAULT_REQUIREMENTS, arbeidskrav: { ...SIX.arbeidskrav, ledertrening: 3 } })).toEqual([
      "Fagnotat (2) og ledertreningsoppgaver (3) må til sammen bli 6.",
    ]);
    expect(validateRequirements({ ...DEFAULT_REQUIREMENTS, arbeidskrav: { ...SIX.arbeidskrav, oral: 7 } })).toHaveLength(1);
    expect(validateRequirements({ ...DEFAULT_REQUIREMENTS, arbeidskrav: { ...SIX.arbeidskrav, individualFagnotatMin: 3 } })).toHaveLength(1);
    expect(() => evaluateEligibility({ scheduledDays: 1, heldDays: 0, attendedDays: 0, arbeidskrav: [] }, { ...SIX, attendancePercent: 101 })).toThrow(
      RangeError,
    );
  });

  it("a cohort whose requirements say six arbeidskrav needs six", () => {
    const base = { scheduledDays: 10, heldDays: 10, attendedDays: 10 };
    expect(evaluateEligibility({ ...base, arbeidskrav: approved(5) }).status).toBe("ELIGIBLE");
    const five = evaluateEligibility({ ...base, arbeidskrav: approved(5) }, SIX);
    expect(five.status).toBe("ON_TRACK");
    expect(five.arbeidskrav).toEqual({ approved: 5, required: 6, met: false, missing: [] });
    expect(five.reasons).toContain("Du har 5 av 6 godkjente arbeidskrav.");
    expect(evaluateEligibility({ ...base, arbeidskrav: approved(6) }, SIX).status).toBe("ELIGIBLE");
    expect(examAdmissionDecision({ ...base, arbeidskrav: approved(5) }, SIX).allowed).toBe(false);
    expect(examAdmissionDecision({ ...base, arbeidskrav: approved(6) }, SIX).allowed).toBe(true);
  });

  it("validates a six-item plan against its own composition, and the five-item default refuses it", () => {
    const six: ArbeidskravDefinitionInput[] = [
      ...STANDARD_ARBEIDSKRAV,
      { number: 6, kind: "LEDERTRENING", individualOnly: true, oralPresentation: false, minGroupSize: 1, maxGroupSize: 1 },
    ];
    expect(validateArbeidskravSet(six, SIX.arbeidskrav)).toEqual([]);
    expect(validateArbeidskravSet(six)).toContain("Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 6).");
    expect(validateArbeidskravSet([...STANDARD_ARBEIDSKRAV], SIX.arbeidskrav)).toContain("Kullet må ha nøyaktig 6 obligatoriske arbeidskrav (har 5).");
  });

  it("a different threshold is decided exactly, and the text follows it", () => {
    const seventyFive: CohortRequirements = { ...DEFAULT_REQUIREMENTS, attendancePercent: 75 };
    // 3 of 4 days is 75 %: enough at 75, not at 80.
    expect(attendanceRequirementMet(3, 4, 75)).toBe(true);
    expect(attendanceRequirementMet(3, 4)).toBe(false);
    expect(requiredAttendanceDays(4, 75)).toBe(3);
    expect(requiredAttendanceDays(4)).toBe(4);
    const result = evaluateEligibility({ scheduledDays: 4, heldDays: 4, attendedDays: 2, arbeidskrav: approved(5) }, seventyFive);
    expect(result.attendance).toMatchObject({ requiredPercent: 75, requiredDays: 3, held: 4, met: false });
    expect(result.reasons[0]).toBe("Du har møtt 2 av 4 samlingsdager (50 %). Kravet er minst 75 % (3 dager).");
    expect(result.reasons[1]).toBe("Alle samlingsdagene er holdt, og kravet om 75 % oppmøte er ikke nådd.");
  });

  it("never shows a share below the threshold as reaching it, for any threshold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 600 }), fc.nat(), (percent, scheduled, seed) => {
        const attended = seed % (scheduled + 1);
        const met = attendanceRequirementMet(attended, scheduled, percent);
        expect(met).toBe(attended * 100 >= scheduled * percent);
        const shown = Number(formatAttendancePercent(attended, scheduled, percent).replace(/\s?%$/, "").replace(",", "."));
        if (!met) expect(shown).toBeLessThan(percent);
        expect(attended >= requiredAttendanceDays(scheduled, percent)).toBe(met);
      }),
      { numRuns: 2000 },
    );
  });
});
