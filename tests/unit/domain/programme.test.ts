import { describe, expect, it } from "vitest";
import { STANDARD_ARBEIDSKRAV } from "@/lib/data/study-plan";
import { creditsProblem, normaliseProgrammeCode, programmeCodeProblem, PROGRAMME_CODE_PATTERN, templateProblems } from "@/lib/domain/programme";
import { DEFAULT_REQUIREMENTS } from "@/lib/domain/requirements";

describe("programme codes", () => {
  it("tidies what was typed", () => {
    expect(normaliseProgrammeCode("  familievern ledelse ")).toBe("FAMILIEVERN_LEDELSE");
    expect(normaliseProgrammeCode("bvl-2")).toBe("BVL-2");
  });

  it.each(["BARNEVERNLEDELSE", "INSTITUSJONSLEDELSE", "FAMILIEVERN_LEDELSE", "BVL-2", "AB", "A".repeat(40)])("accepts %j", (code) => {
    expect(programmeCodeProblem(code)).toBeNull();
    expect(PROGRAMME_CODE_PATTERN.test(code)).toBe(true);
  });

  it("refuses codes the database would refuse, with the reason", () => {
    expect(programmeCodeProblem("A")).toBe("Koden må ha fra 2 til 40 tegn.");
    expect(programmeCodeProblem("A".repeat(41))).toBe("Koden må ha fra 2 til 40 tegn.");
    expect(programmeCodeProblem("BARNEVERN_SØR")).toBe("Bruk AE, OE og AA i stedet for Æ, Ø og Å i koden (for eksempel FAMILIEVERN).");
    for (const code of ["2BVL", "_BVL", "BVL.2", "BVL 2", "bvl"]) {
      expect(programmeCodeProblem(code)).toMatch(/^Koden kan bare ha store bokstaver A–Z/);
      expect(PROGRAMME_CODE_PATTERN.test(code)).toBe(false);
    }
  });
});

describe("credits", () => {
  it("are whole studiepoeng up to a master's degree", () => {
    expect(creditsProblem(30)).toBeNull();
    expect(creditsProblem(1)).toBeNull();
    expect(creditsProblem(120)).toBeNull();
    for (const credits of [0, 121, 7.5, Number.NaN]) expect(creditsProblem(credits)).toBe("Studiepoeng må være et helt tall fra 1 til 120.");
  });
});

describe("templateProblems", () => {
  it("accepts today's study plan", () => {
    expect(templateProblems(DEFAULT_REQUIREMENTS, STANDARD_ARBEIDSKRAV)).toEqual([]);
  });

  it("reports requirements that make no sense before looking at the arbeidskrav", () => {
    const requirements = { ...DEFAULT_REQUIREMENTS, attendancePercent: 0 };
    expect(templateProblems(requirements, [])).toEqual(["Oppmøtekravet må være et helt antall prosent fra 1 til 100."]);
  });

  it("reports arbeidskrav that do not match the requirements", () => {
    expect(templateProblems(DEFAULT_REQUIREMENTS, STANDARD_ARBEIDSKRAV.slice(0, 4))).toContain("Kullet må ha nøyaktig 5 obligatoriske arbeidskrav (har 4).");
  });
});
