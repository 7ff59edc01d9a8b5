import { describe, expect, it } from "vitest";
import { cohortCode, cohortStartLabel, compareCohortCodes, isCohortCode, parseCohortCode, type Term } from "@/lib/domain/cohort";

describe("cohort codes", () => {
  it("formats and parses", () => {
    expect(cohortCode("H", 2023)).toBe("H2023");
    expect(cohortCode("V", 2025)).toBe("V2025");
    expect(parseCohortCode("H2023")).toEqual({ term: "H", year: 2023 });
    expect(parseCohortCode("V2025")).toEqual({ term: "V", year: 2025 });
  });

  it.each(["h2023", "H23", "H 2023", "X2023", "H20233", "2023H", "", "H0999", " V2025"])("refuses %j", (code) => {
    expect(() => parseCohortCode(code)).toThrow(RangeError);
    expect(isCohortCode(code)).toBe(false);
  });

  it("refuses an invalid term or year", () => {
    expect(() => cohortCode("S" as Term, 2023)).toThrow(RangeError);
    expect(() => cohortCode("H", 23)).toThrow(RangeError);
    expect(() => cohortCode("H", 2023.5)).toThrow(RangeError);
    expect(() => cohortCode("H", 10000)).toThrow(RangeError);
    expect(isCohortCode(2023)).toBe(false);
    expect(isCohortCode("V2025")).toBe(true);
  });

  it("sorts chronologically: spring before autumn", () => {
    expect(["H2024", "V2025", "V2024", "H2023"].sort(compareCohortCodes)).toEqual(["H2023", "V2024", "H2024", "V2025"]);
    expect(compareCohortCodes("H2023", "H2023")).toBe(0);
  });

  it("labels the starting term", () => {
    expect(cohortStartLabel("H2023")).toBe("høsten 2023");
    expect(cohortStartLabel("V2025")).toBe("våren 2025");
  });
});
