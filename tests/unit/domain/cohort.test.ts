import { describe, expect, it } from "vitest";
import { cohortCode, cohortLabels, cohortCodeForStart, cohortStartLabel, compareCohortCodes, isCohortCode, monthsBetweenTerms, parseCohortCode, termOfDate, type Term } from "@/lib/domain/cohort";

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

  it("names a kull by the term of its start: spring is January–June, autumn July–December", () => {
    expect(termOfDate("2027-06-30")).toBe("V");
    expect(termOfDate("2027-07-01")).toBe("H");
    expect(cohortCodeForStart("2027-08-24")).toBe("H2027");
    expect(cohortCodeForStart("2028-01-11")).toBe("V2028");
    expect(cohortCodeForStart("2027-12-31")).toBe("H2027");
    expect(() => termOfDate("27-08-24")).toThrow(RangeError);
  });

  it("counts the months from one term to another", () => {
    expect(monthsBetweenTerms("H2027", "H2028")).toBe(12);
    expect(monthsBetweenTerms("H2027", "V2028")).toBe(6);
    expect(monthsBetweenTerms("V2028", "H2028")).toBe(6);
    expect(monthsBetweenTerms("H2028", "V2028")).toBe(-6);
    expect(monthsBetweenTerms("V2025", "H2027")).toBe(30);
  });
});

describe("cohortLabels", () => {
  it("names a kull by its name, and adds the course code only where two in the list share the name", () => {
    const labels = cohortLabels([
      { id: "a", name: "Kull V2026", courseCode: "BVL6001" },
      { id: "b", name: "Kull H2025", courseCode: "BVL6001" },
      { id: "c", name: "Kull V2026", courseCode: "BIL6001" },
    ]);
    expect([...labels]).toEqual([
      ["a", "Kull V2026 (BVL6001)"],
      ["b", "Kull H2025"],
      ["c", "Kull V2026 (BIL6001)"],
    ]);
    expect(cohortLabels([{ id: "a", name: "Kull V2026", courseCode: "BVL6001" }]).get("a")).toBe("Kull V2026");
    expect(cohortLabels([]).size).toBe(0);
  });
});
