import { describe, expect, it } from "vitest";
import {
  experienceDays,
  formatYearsAndMonths,
  moreThanTwoYears,
  TWO_YEARS_IN_DAYS,
  type Period,
} from "@/lib/domain/experience";
import { mulberry32, randomInt, shuffled } from "@/lib/random";
import { formatIsoDate, parseIsoDate } from "@/lib/domain/dates";

const p = (start: string, end: string | null): Period => ({ start, end });

describe("experienceDays", () => {
  it("counts both ends of a period", () => {
    expect(experienceDays([p("2020-01-01", "2020-01-01")], "2030-01-01")).toBe(1);
    expect(experienceDays([p("2020-01-01", "2020-01-31")], "2030-01-01")).toBe(31);
    expect(experienceDays([p("2021-01-01", "2021-12-31")], "2030-01-01")).toBe(365);
  });

  it("counts the example's overlap once: 121 days", () => {
    expect(experienceDays([p("2020-01-01", "2020-03-31"), p("2020-03-01", "2020-04-30")], "2030-01-01")).toBe(121);
  });

  it("counts a leap year's 29 February", () => {
    expect(experienceDays([p("2020-02-01", "2020-02-29")], "2030-01-01")).toBe(29);
    expect(experienceDays([p("2019-02-01", "2019-02-28")], "2030-01-01")).toBe(28);
    expect(experienceDays([p("2020-01-01", "2020-12-31")], "2030-01-01")).toBe(366);
    expect(experienceDays([p("2000-01-01", "2000-12-31")], "2030-01-01")).toBe(366); // divisible by 400
    expect(experienceDays([p("2100-01-01", "2100-12-31")], "2200-01-01")).toBe(365); // divisible by 100
  });

  it("counts nested periods once", () => {
    expect(experienceDays([p("2020-01-01", "2020-12-31"), p("2020-03-01", "2020-03-31")], "2030-01-01")).toBe(366);
    expect(experienceDays([p("2020-03-01", "2020-03-31"), p("2020-01-01", "2020-12-31")], "2030-01-01")).toBe(366);
  });

  it("joins adjacent periods without a double-counted or lost day", () => {
    expect(experienceDays([p("2020-01-01", "2020-01-31"), p("2020-02-01", "2020-02-29")], "2030-01-01")).toBe(60);
  });

  it("counts a gap as nothing", () => {
    expect(experienceDays([p("2020-01-01", "2020-01-10"), p("2020-01-21", "2020-01-30")], "2030-01-01")).toBe(20);
  });

  it("counts identical periods once", () => {
    expect(experienceDays([p("2020-01-01", "2020-01-10"), p("2020-01-01", "2020-01-10")], "2030-01-01")).toBe(10);
  });

  it("counts an ongoing period up to and including asOf", () => {
    expect(experienceDays([p("2024-11-01", null)], "2024-12-01")).toBe(31);
    expect(experienceDays([p("2024-12-01", null)], "2024-12-01")).toBe(1);
  });

  it("clips a period that ends after asOf", () => {
    expect(experienceDays([p("2024-11-01", "2025-06-30")], "2024-12-01")).toBe(31);
  });

  it("counts 0 for a period starting after asOf", () => {
    expect(experienceDays([p("2024-12-02", null)], "2024-12-01")).toBe(0);
    expect(experienceDays([p("2024-12-02", "2025-01-01")], "2024-12-01")).toBe(0);
  });

  it("is 0 for no periods", () => {
    expect(experienceDays([], "2024-12-01")).toBe(0);
  });

  it("does not depend on the order of the periods", () => {
    const periods = [
      p("2015-05-01", "2016-04-30"),
      p("2016-01-01", "2017-12-31"),
      p("2019-06-01", null),
      p("2018-02-01", "2018-02-28"),
      p("2019-01-01", "2019-06-01"),
    ];
    const expected = experienceDays(periods, "2024-12-01");
    const random = mulberry32(7);
    for (let i = 0; i < 50; i++) expect(experienceDays(shuffled(periods, random), "2024-12-01")).toBe(expected);
  });

  it("agrees with counting each covered day in a set, on random periods", () => {
    const random = mulberry32(42);
    const base = parseIsoDate("2020-01-01");
    for (let run = 0; run < 300; run++) {
      const asOfDay = base + randomInt(random, 0, 400);
      const periods: Period[] = [];
      const days = new Set<number>();
      for (let i = randomInt(random, 0, 6); i > 0; i--) {
        const start = base + randomInt(random, 0, 400);
        const ongoing = random() < 0.25;
        const end = start + randomInt(random, 0, 120);
        periods.push(p(formatIsoDate(start), ongoing ? null : formatIsoDate(end)));
        for (let d = start; d <= (ongoing ? asOfDay : Math.min(end, asOfDay)); d++) days.add(d);
      }
      expect(experienceDays(periods, formatIsoDate(asOfDay))).toBe(days.size);
    }
  });

  it.each([
    ["an end before its start", [p("2020-02-01", "2020-01-31")], "2024-01-01"],
    ["an end before its start after asOf", [p("2030-02-01", "2030-01-31")], "2024-01-01"],
    ["30 February", [p("2023-02-30", null)], "2024-01-01"],
    ["29 February in a common year", [p("2023-02-29", null)], "2024-01-01"],
    ["month 13", [p("2023-13-01", null)], "2024-01-01"],
    ["day 0", [p("2023-01-00", null)], "2024-01-01"],
    ["unpadded month", [p("2023-2-1", null)], "2024-01-01"],
    ["text", [p("abc", null)], "2024-01-01"],
    ["a timestamp instead of a date", [p("2023-01-01T00:00:00Z", null)], "2024-01-01"],
    ["an empty string", [p("", null)], "2024-01-01"],
    ["an invalid end", [p("2023-01-01", "2023-04-31")], "2024-01-01"],
    ["an invalid asOf", [p("2023-01-01", null)], "2024-02-30"],
    ["an unpadded asOf", [], "2024-1-01"],
  ])("throws RangeError for %s", (_name, periods, asOf) => {
    expect(() => experienceDays(periods, asOf)).toThrow(RangeError);
  });
});

describe("moreThanTwoYears", () => {
  it("exactly 730 days is not more than two years; 731 is", () => {
    expect(TWO_YEARS_IN_DAYS).toBe(730);
    // 2021-01-01..2022-12-31 is 730 days (no leap day).
    expect(experienceDays([p("2021-01-01", "2022-12-31")], "2030-01-01")).toBe(730);
    expect(moreThanTwoYears([p("2021-01-01", "2022-12-31")], "2030-01-01")).toBe(false);
    expect(moreThanTwoYears([p("2021-01-01", "2023-01-01")], "2030-01-01")).toBe(true);
  });

  it("two calendar years over a leap day is 731 days and counts", () => {
    expect(experienceDays([p("2020-01-01", "2021-12-31")], "2030-01-01")).toBe(731);
    expect(moreThanTwoYears([p("2020-01-01", "2021-12-31")], "2030-01-01")).toBe(true);
  });

  it("an ongoing position crosses the boundary on the 731st day", () => {
    // From 2022-12-01, day 730 is 2024-11-29 (2024 is a leap year).
    expect(experienceDays([p("2022-12-01", null)], "2024-11-29")).toBe(730);
    expect(moreThanTwoYears([p("2022-12-01", null)], "2024-11-29")).toBe(false);
    expect(moreThanTwoYears([p("2022-12-01", null)], "2024-11-30")).toBe(true);
  });

  it("overlapping periods that add up to more than 730 days but cover fewer do not count", () => {
    const periods = [p("2022-01-01", "2022-12-31"), p("2022-06-01", "2023-06-30")];
    expect(experienceDays(periods, "2030-01-01")).toBe(546);
    expect(moreThanTwoYears(periods, "2030-01-01")).toBe(false);
  });
});

describe("formatYearsAndMonths", () => {
  it.each([
    [0, "0 måneder"],
    [1, "under 1 måned"],
    [27, "under 1 måned"],
    [28, "1 måned"],
    [31, "1 måned"],
    [58, "1 måned"],
    [59, "2 måneder"],
    [182, "6 måneder"],
    [364, "11 måneder"],
    [365, "1 år"],
    [393, "1 år og 1 måned"],
    [730, "2 år"],
    [731, "2 år"],
    [1158, "3 år og 2 måneder"],
    [1160, "3 år og 2 måneder"],
    [1461, "4 år"],
    [3652, "10 år"],
  ])("%i days → %s", (days, text) => {
    expect(formatYearsAndMonths(days)).toBe(text);
  });

  it("never shows 12 months", () => {
    for (let d = 0; d < 5000; d++) expect(formatYearsAndMonths(d)).not.toMatch(/\b12 måneder/);
  });

  it("reads any run of k whole calendar months (k = 1..11) as exactly k months", () => {
    for (let year = 2019; year <= 2025; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let k = 1; k <= 11; k++) {
          const start = `${year}-${String(month).padStart(2, "0")}-01`;
          const endMonthIndex = month - 1 + k; // 0-based month after the run
          const endYear = year + Math.floor(endMonthIndex / 12);
          const endMonth = (endMonthIndex % 12) + 1;
          const firstAfter = `${endYear}-${String(endMonth).padStart(2, "0")}-01`;
          const end = formatIsoDate(parseIsoDate(firstAfter) - 1);
          const days = experienceDays([p(start, end)], "2100-01-01");
          expect(formatYearsAndMonths(days)).toBe(`${k} ${k === 1 ? "måned" : "måneder"}`);
        }
      }
    }
  });

  it("refuses negative and fractional day counts", () => {
    expect(() => formatYearsAndMonths(-1)).toThrow(RangeError);
    expect(() => formatYearsAndMonths(1.5)).toThrow(RangeError);
  });
});
