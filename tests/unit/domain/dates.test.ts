import { describe, expect, it } from "vitest";
import {
  addDays,
  compareCodeUnits,
  compareInstants,
  compareIsoDates,
  dayNumberFromParts,
  formatIsoDate,
  isIsoDate,
  isoDateFromUtcMidnight,
  parseDateInput,
  parseIsoDate,
  parseTimestamp,
  partsFromDayNumber,
} from "@/lib/domain/dates";

describe("calendar dates", () => {
  it("numbers days from 1970-01-01", () => {
    expect(parseIsoDate("1970-01-01")).toBe(0);
    expect(parseIsoDate("1970-01-02")).toBe(1);
    expect(parseIsoDate("1969-12-31")).toBe(-1);
    expect(parseIsoDate("2000-03-01")).toBe(11017);
    expect(parseIsoDate("2024-12-01")).toBe(Date.UTC(2024, 11, 1) / 86_400_000);
  });

  it("round-trips every day for 1000+ years against Date.UTC", () => {
    const mismatches: number[] = [];
    let checked = 0;
    for (let d = parseIsoDate("1600-01-01"); d <= parseIsoDate("2700-12-31"); d += 1) {
      const { year, month, day } = partsFromDayNumber(d);
      if (dayNumberFromParts(year, month, day) !== d) mismatches.push(d);
      if (formatIsoDate(d) !== new Date(d * 86_400_000).toISOString().slice(0, 10)) mismatches.push(d);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(402_132);
  });

  it("accepts only real, zero-padded dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2023-04-31")).toBe(false);
    expect(isIsoDate("2023-2-1")).toBe(false);
    expect(isIsoDate(" 2023-02-01")).toBe(false);
    expect(isIsoDate("0999-01-01")).toBe(false);
    expect(isIsoDate(20230201)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(() => parseIsoDate("abc")).toThrow(RangeError);
  });

  it("gives the same day number the second time and after more dates than it remembers; a bad date throws every time", () => {
    const first = parseIsoDate("2026-12-03");
    expect(parseIsoDate("2026-12-03")).toBe(first);
    // Past the memo's limit (4 096 dates): it starts over, and every answer is still computed right.
    const start = parseIsoDate("2000-01-01");
    for (let d = start; d < start + 5000; d += 1) expect(parseIsoDate(formatIsoDate(d))).toBe(d);
    expect(parseIsoDate("2026-12-03")).toBe(first);
    for (let i = 0; i < 2; i += 1) {
      expect(() => parseIsoDate("2023-02-29")).toThrow(RangeError);
      expect(() => parseIsoDate(undefined as unknown as string)).toThrow(RangeError);
    }
  });

  it("adds and compares days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(() => addDays("2024-03-01", 0.5)).toThrow(RangeError);
    expect(compareIsoDates("2024-01-01", "2024-01-02")).toBe(-1);
    expect(compareIsoDates("2024-01-02", "2024-01-02")).toBe(0);
    expect(compareIsoDates("2025-01-01", "2024-12-31")).toBe(1);
  });
});

describe("isoDateFromUtcMidnight", () => {
  it("reads a database date-only value", () => {
    expect(isoDateFromUtcMidnight(new Date("2024-12-01T00:00:00Z"))).toBe("2024-12-01");
    expect(isoDateFromUtcMidnight(new Date(Date.UTC(1969, 11, 31)))).toBe("1969-12-31");
  });

  it("refuses a Date that is not at 00:00 UTC", () => {
    expect(() => isoDateFromUtcMidnight(new Date("2024-11-30T23:00:00Z"))).toThrow(RangeError);
    expect(() => isoDateFromUtcMidnight(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("parseTimestamp", () => {
  it("reads offsets as the same instant", () => {
    const z = parseTimestamp("2024-11-01T09:15:00Z");
    expect(z).toEqual({ ms: Date.UTC(2024, 10, 1, 9, 15), subMsNanos: 0 });
    expect(parseTimestamp("2024-11-01T10:15:00+01:00")).toEqual(z);
    expect(parseTimestamp("2024-11-01T10:15:00+0100")).toEqual(z);
    expect(parseTimestamp("2024-11-01T10:15+01")).toEqual(z);
    expect(parseTimestamp("2024-11-01T04:45:00-04:30")).toEqual(z);
    expect(parseTimestamp("2024-11-01 09:15:00z")).toEqual(z);
  });

  it("agrees with Date.parse for offset timestamps", () => {
    for (const s of ["2024-03-31T01:59:59.999+01:00", "1999-12-31T23:59:59Z", "2024-02-29T12:00:00.5-11:00"]) {
      expect(parseTimestamp(s).ms).toBe(Date.parse(s));
    }
  });

  it("keeps precision beyond milliseconds", () => {
    const a = parseTimestamp("2024-11-01T09:15:00.123456Z");
    const b = parseTimestamp("2024-11-01T09:15:00.123457Z");
    expect(a).toEqual({ ms: Date.UTC(2024, 10, 1, 9, 15, 0, 123), subMsNanos: 456000 });
    expect(compareInstants(a, b)).toBe(-1);
    expect(compareInstants(b, a)).toBe(1);
    expect(compareInstants(a, a)).toBe(0);
  });

  it("reads a timestamp without an offset, or a bare date, as UTC", () => {
    expect(parseTimestamp("2024-11-01T09:15:00").ms).toBe(Date.UTC(2024, 10, 1, 9, 15));
    expect(parseTimestamp("2024-11-01").ms).toBe(Date.UTC(2024, 10, 1));
  });

  it.each(["2024-02-30T10:00:00Z", "2024-11-01T24:00:00Z", "2024-11-01T10:60:00Z", "2024-11-01T10:00:00+25:00", "1. nov 2024", "", "2024-11-01T10:00:00ZZ"])(
    "refuses %j",
    (s) => {
      expect(() => parseTimestamp(s)).toThrow(RangeError);
    },
  );
});

describe("compareCodeUnits", () => {
  it("orders by UTF-16 code units, not locale", () => {
    expect(compareCodeUnits("B", "a")).toBe(-1); // uppercase first
    expect(compareCodeUnits("z", "æ")).toBe(-1);
    expect(compareCodeUnits("a10", "a9")).toBe(-1);
    expect(compareCodeUnits("x", "x")).toBe(0);
    expect(["b", "A", "a", "Å", "B"].sort(compareCodeUnits)).toEqual(["A", "B", "a", "b", "Å"]);
  });
});

describe("dates as people type them", () => {
  it("reads dd.mm.åååå, with or without leading zeros, and the date picker's YYYY-MM-DD", () => {
    expect(parseDateInput("14.03.1982")).toBe("1982-03-14");
    expect(parseDateInput("4.3.1982")).toBe("1982-03-04");
    expect(parseDateInput(" 31.12.2010 ")).toBe("2010-12-31");
    expect(parseDateInput("29.02.2024")).toBe("2024-02-29");
    expect(parseDateInput("1982-03-14")).toBe("1982-03-14");
  });

  it("refuses what is not a calendar date, and does not guess a two-digit year", () => {
    for (const text of ["29.02.2023", "31.04.2024", "00.01.2024", "14.13.1982", "14.03.82", "14/03/1982", "1982-3-14", "14.03.1982x", "", "i går"]) {
      expect(parseDateInput(text), text).toBeNull();
    }
  });
});
