import { describe, expect, it } from "vitest";
import {
  capitalise,
  countNoun,
  formatDateNb,
  formatDateNumeric,
  formatInstantNb,
  formatInteger,
  NBSP,
  formatPercentTenths,
  formatTenths,
  joinNb,
  percentTenths,
} from "@/lib/domain/format";

describe("Norwegian formatting", () => {
  it("writes tenths with a decimal comma", () => {
    expect(formatTenths(682)).toBe("68,2");
    expect(formatTenths(800)).toBe("80");
    expect(formatTenths(5)).toBe("0,5");
    expect(formatTenths(0)).toBe("0");
    expect(formatTenths(-15)).toBe("-1,5");
    expect(formatPercentTenths(795)).toBe("79,5 %");
    expect(() => formatTenths(1.5)).toThrow(RangeError);
  });

  it("rounds percentages half up in integers", () => {
    expect(percentTenths(30, 44)).toBe(682);
    expect(percentTenths(35, 44)).toBe(795);
    expect(percentTenths(1, 8)).toBe(125); // 12.5 exactly
    expect(percentTenths(1, 16)).toBe(63); // 6.25 → 6.3 (half up)
    expect(percentTenths(2, 3)).toBe(667);
    expect(percentTenths(1, 3)).toBe(333);
    expect(percentTenths(5, 0)).toBe(0);
  });

  it("writes dates out in Norwegian", () => {
    expect(formatDateNb("2024-12-01")).toBe("1. desember 2024");
    expect(formatDateNb("2025-05-17")).toBe("17. mai 2025");
    expect(formatDateNb("2023-01-31")).toBe("31. januar 2023");
    expect(() => formatDateNb("2023-02-30")).toThrow(RangeError);
  });

  it("writes instants as Oslo time, winter and summer", () => {
    expect(formatInstantNb(new Date("2024-11-01T09:15:00Z"))).toBe("1. november 2024 kl. 10.15");
    expect(formatInstantNb(Date.parse("2024-06-30T22:05:00Z"))).toBe("1. juli 2024 kl. 00.05");
    expect(formatInstantNb(new Date("2024-12-31T23:00:00Z"))).toBe("1. januar 2025 kl. 00.00");
    expect(() => formatInstantNb(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("chooses singular or plural", () => {
    expect(countNoun(1, "dag", "dager")).toBe("1 dag");
    expect(countNoun(0, "dag", "dager")).toBe("0 dager");
    expect(countNoun(2, "dag", "dager")).toBe("2 dager");
    expect(countNoun(1, "søknad", "søknader")).toBe("1 søknad");
    expect(countNoun(1, "klage venter", "klager venter")).toBe("1 klage venter");
    expect(countNoun(-1, "dag", "dager")).toBe("-1 dager");
  });

  it("joins lists with 'og'", () => {
    expect(joinNb([])).toBe("");
    expect(joinNb(["a"])).toBe("a");
    expect(joinNb(["a", "b"])).toBe("a og b");
    expect(joinNb(["a", "b", "c"])).toBe("a, b og c");
  });
});

describe("numbers and form dates the Norwegian way", () => {
  it("groups digits in threes with a no-break space from 1 000 up", () => {
    expect(formatInteger(0)).toBe("0");
    expect(formatInteger(999)).toBe("999");
    expect(formatInteger(3027)).toBe(`3${NBSP}027`);
    expect(formatInteger(1234567)).toBe(`1${NBSP}234${NBSP}567`);
    expect(formatInteger(-4500)).toBe(`-4${NBSP}500`);
    expect(() => formatInteger(1.5)).toThrow(RangeError);
    expect(countNoun(3027, "dag", "dager")).toBe(`3${NBSP}027 dager`);
  });

  it("writes a date for a form as dd.mm.åååå", () => {
    expect(formatDateNumeric("1982-03-04")).toBe("04.03.1982");
    expect(formatDateNumeric("2010-12-31")).toBe("31.12.2010");
    expect(() => formatDateNumeric("2010-02-30")).toThrow(RangeError);
  });
});

describe("capitalise", () => {
  it("starts a sentence with a phrase: the first letter upper case (æ, ø, å too), the rest as it was", () => {
    expect(capitalise("fyller kravene til eksamen")).toBe("Fyller kravene til eksamen");
    expect(capitalise("øvrige krav: FS")).toBe("Øvrige krav: FS");
    expect(capitalise("")).toBe("");
    expect(capitalise("Allerede stor")).toBe("Allerede stor");
  });
});
