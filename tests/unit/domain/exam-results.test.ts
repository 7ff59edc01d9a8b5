import { describe, expect, it } from "vitest";
import { FS_COLUMNS, FS_COURSE_CODE, fsDate, fsResultRows, fsTerm, spreadsheetSafe } from "@/lib/domain/exam-results";

describe("FS export", () => {
  it("names the term by the exam's date", () => {
    expect(fsTerm("2024-11-19")).toBe("HØST 2024");
    expect(fsTerm("2025-06-30")).toBe("VÅR 2025");
    expect(fsTerm("2025-07-01")).toBe("HØST 2025");
  });

  it("writes dates the Norwegian way, and nothing for a missing date", () => {
    expect(fsDate("1980-05-17")).toBe("17.05.1980");
    expect(fsDate(null)).toBe("");
  });

  it("gives one row per student in the column order, empty grade cells while ungraded", () => {
    expect(FS_COLUMNS).toEqual(["Navn", "Fødselsdato", "E-post", "Emnekode", "Termin", "Karakter", "Karakterdato"]);
    expect(
      fsResultRows("2026-12-14", [
        { name: "Eva Eksamen", birthDate: "1985-03-02", email: "eva@demo.no", grade: "B", gradedOn: "2027-01-10" },
        { name: "Ola Uten", birthDate: null, email: "ola@demo.no", grade: null, gradedOn: null },
      ]),
    ).toEqual([
      ["Eva Eksamen", "02.03.1985", "eva@demo.no", FS_COURSE_CODE, "HØST 2026", "B", "10.01.2027"],
      ["Ola Uten", "", "ola@demo.no", FS_COURSE_CODE, "HØST 2026", "", ""],
    ]);
    expect(FS_COURSE_CODE).toMatch(/^[A-Z]{3}\d{4}$/);
  });

  it("refuses a grade outside A–F", () => {
    expect(() =>
      fsResultRows("2026-12-14", [{ name: "X", birthDate: null, email: "x@demo.no", grade: "G" as never, gradedOn: "2027-01-01" }]),
    ).toThrow(RangeError);
  });

  it("keeps cells that look like formulas as text", () => {
    expect(spreadsheetSafe("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(spreadsheetSafe("-1")).toBe("'-1");
    expect(spreadsheetSafe("Anne")).toBe("Anne");
  });
});
