import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseYearOf, formatCaseReference, parseCaseReference } from "@/lib/domain/case-reference";

describe("case references (saksnummer)", () => {
  it("are the year and the number padded to five digits; a longer number is shown whole", () => {
    expect(formatCaseReference({ year: 2026, number: 42 })).toBe("2026/00042");
    expect(formatCaseReference({ year: 2027, number: 1 })).toBe("2027/00001");
    expect(formatCaseReference({ year: 2027, number: 123456 })).toBe("2027/123456");
  });

  it("refuse what is not a case", () => {
    for (const bad of [{ year: 2026, number: 0 }, { year: 2026, number: -1 }, { year: 2026, number: 1.5 }, { year: 1999, number: 1 }, { year: 3000, number: 1 }]) {
      expect(() => formatCaseReference(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });

  it("read back what they wrote, and what people type", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 999_999_999 }), (year, number) => {
        expect(parseCaseReference(formatCaseReference({ year, number }))).toEqual({ year, number });
      }),
    );
    expect(parseCaseReference(" 2026 / 42 ")).toEqual({ year: 2026, number: 42 });
    for (const bad of ["", "2026", "2026/", "26/42", "2026/0", "2026/4a", "2026-00042"]) expect(parseCaseReference(bad), bad).toBeNull();
  });

  it("belong to the year of the Oslo day the case opened", () => {
    expect(caseYearOf("2026-12-31")).toBe(2026);
    expect(caseYearOf("2027-01-01")).toBe(2027);
    expect(() => caseYearOf("31.12.2026")).toThrow(RangeError);
  });
});
