import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvText, neutraliseCell, toCsv } from "@/lib/csv";

/** The cells of a file as a spreadsheet reads them (BOM off, semicolons, quoted line breaks). */
function cells(text: string): string[][] {
  expect(text.startsWith("\uFEFF")).toBe(true);
  return parse(text.slice(1), { delimiter: ";", relax_column_count: true });
}

describe("neutraliseCell", () => {
  it("puts an apostrophe before every character a spreadsheet starts a formula with", () => {
    expect(neutraliseCell('=HYPERLINK("http://x","klikk")')).toBe(`'=HYPERLINK("http://x","klikk")`);
    expect(neutraliseCell("+47 73 00 00 00")).toBe("'+47 73 00 00 00");
    expect(neutraliseCell("-1+1")).toBe("'-1+1");
    expect(neutraliseCell("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(neutraliseCell("\t=1+1")).toBe("'\t=1+1");
    expect(neutraliseCell("\r=1+1")).toBe("'\r=1+1");
  });

  it("leaves other text exactly as typed", () => {
    for (const value of ["Áile Ŋuolláš Čoavji-Đoallu", "Ås = fint", "", " =1", "1-2", "'sitat'", "Ola+Kari"]) {
      expect(neutraliseCell(value)).toBe(value);
    }
  });

  it("never lets a text cell begin with a formula character, and only ever adds one apostrophe", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const safe = neutraliseCell(value);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === value || safe === `'${value}`).toBe(true);
      }),
    );
  });
});

describe("csvText and toCsv", () => {
  it("neutralise every text cell in every column, header included, and keep numbers as numbers", () => {
    const rows = [
      { name: "=cmd|' /C calc'!A0", count: -2, note: "@risiko" },
      { name: "Áile Ŋuolláš Čoavji-Đoallu", count: 3, note: "linje 1\nlinje 2; med semikolon" },
    ];
    const text = toCsv(rows, [
      { header: "Navn", value: (row) => row.name },
      { header: "Antall", value: (row) => row.count },
      { header: "Merknad", value: (row) => row.note },
      { header: "Tom", value: () => null },
    ]);
    expect(cells(text)).toEqual([
      ["Navn", "Antall", "Merknad", "Tom"],
      ["'=cmd|' /C calc'!A0", "-2", "'@risiko", ""],
      ["Áile Ŋuolláš Čoavji-Đoallu", "3", "linje 1\nlinje 2; med semikolon", ""],
    ]);
    expect(text).toContain("\r\n");
  });

  it("no cell of any file starts a formula, whatever the text", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (records) => {
        for (const row of cells(csvText(records))) {
          for (const cell of row) {
            if (/^-?\d+$/.test(cell)) continue; // a number we wrote as a number
            expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
          }
        }
      }),
    );
  });
});
