import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatIsoDate } from "@/lib/domain/dates";
import { describeSamlingDates, formatDateSpanNb, formatDayNb, formatWeeksNb, isoWeek, nextSamling, samlingPhase, weekdayNb } from "@/lib/domain/schedule";
import { getISOWeek, getISOWeekYear } from "date-fns";

describe("ISO weeks", () => {
  it("numbers weeks from the week with the year's first Thursday", () => {
    expect(isoWeek("2026-12-15")).toEqual({ year: 2026, week: 51 });
    expect(isoWeek("2023-09-12")).toEqual({ year: 2023, week: 37 });
    expect(isoWeek("2024-11-19")).toEqual({ year: 2024, week: 47 });
    // Around new year: 2026 has 53 weeks; 2027-01-01 (Friday) is still in 2026's week 53.
    expect(isoWeek("2026-12-31")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2027-01-04")).toEqual({ year: 2027, week: 1 });
    // 2024-12-30 (Monday) is week 1 of 2025.
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
    expect(() => isoWeek("2026-02-30")).toThrow(RangeError);
  });

  it("agrees with date-fns on every day of four centuries", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 120_000 }), (dayNumber) => {
        const date = formatIsoDate(dayNumber);
        const js = new Date(`${date}T12:00:00Z`);
        expect(isoWeek(date)).toEqual({ year: getISOWeekYear(js), week: getISOWeek(js) });
      }),
      { numRuns: 2000 },
    );
  });

  it("writes the week of a samling, or the two weeks it spans", () => {
    expect(formatWeeksNb(["2026-12-15", "2026-12-16"])).toBe("uke 51");
    expect(formatWeeksNb(["2026-12-27", "2026-12-28"])).toBe("uke 52–53");
    expect(formatWeeksNb([])).toBe("");
  });
});

describe("date spans", () => {
  it("writes a span as compactly as Norwegians do", () => {
    expect(formatDateSpanNb(["2026-12-15"])).toBe("15. desember 2026");
    expect(formatDateSpanNb(["2026-12-16", "2026-12-15"])).toBe("15.–16. desember 2026");
    expect(formatDateSpanNb(["2026-11-30", "2026-12-01", "2026-12-02"])).toBe("30. november – 2. desember 2026");
    expect(formatDateSpanNb(["2026-12-30", "2027-01-02"])).toBe("30. desember 2026 – 2. januar 2027");
    expect(formatDateSpanNb([])).toBe("");
  });

  it("leaves out the year of a sentence about this year", () => {
    expect(formatDateSpanNb(["2026-12-15", "2026-12-16"], { omitYear: 2026 })).toBe("15.–16. desember");
    expect(formatDateSpanNb(["2026-12-30", "2027-01-02"], { omitYear: 2026 })).toBe("30. desember – 2. januar 2027");
    expect(formatDateSpanNb(["2027-03-15"], { omitYear: 2026 })).toBe("15. mars 2027");
  });
});

describe("the next samling", () => {
  const samlinger = [
    { number: 1, title: "Samling 1", location: "NTNU, Trondheim", days: ["2026-09-08", "2026-09-09"] },
    { number: 2, title: "Samling 2", location: "NTNU, Trondheim", days: ["2026-12-15", "2026-12-16"] },
    { number: 3, title: "Samling 3", location: "Scandic Lerkendal", days: ["2027-02-02", "2027-02-03"] },
  ];

  it("is the one going on today, else the first to come, else none", () => {
    expect(nextSamling(samlinger, "2026-10-01")).toEqual({ samling: samlinger[1], ongoing: false });
    expect(nextSamling(samlinger, "2026-12-16")).toEqual({ samling: samlinger[1], ongoing: true });
    expect(nextSamling(samlinger, "2026-12-17")).toEqual({ samling: samlinger[2], ongoing: false });
    expect(nextSamling(samlinger, "2027-02-04")).toBeNull();
    expect(nextSamling([], "2027-02-04")).toBeNull();
    // The order of the list does not matter.
    expect(nextSamling([...samlinger].reverse(), "2026-10-01")?.samling.number).toBe(2);
  });

  it("knows held, ongoing and upcoming samlinger", () => {
    expect(samlingPhase(["2026-12-15", "2026-12-16"], "2026-12-14")).toBe("UPCOMING");
    expect(samlingPhase(["2026-12-15", "2026-12-16"], "2026-12-15")).toBe("ONGOING");
    expect(samlingPhase(["2026-12-15", "2026-12-16"], "2026-12-16")).toBe("ONGOING");
    expect(samlingPhase(["2026-12-15", "2026-12-16"], "2026-12-17")).toBe("HELD");
  });

  it("is described with dates, week and place", () => {
    expect(describeSamlingDates(samlinger[1]!, "2026-11-22")).toBe("15.–16. desember (uke 51), NTNU, Trondheim");
    expect(describeSamlingDates(samlinger[2]!, "2026-11-22")).toBe("2.–3. februar 2027 (uke 5), Scandic Lerkendal");
    expect(addDays("2026-12-15", 1)).toBe("2026-12-16");
  });
});

describe("weekdays", () => {
  it("names the day of the week in Norwegian", () => {
    expect(["2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18", "2026-12-19", "2026-12-20"].map(weekdayNb)).toEqual([
      "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
    ]);
    expect(weekdayNb("1970-01-01")).toBe("torsdag");
    expect(formatDayNb("2026-12-15", { omitYear: 2026 })).toBe("tirsdag 15. desember");
    expect(formatDayNb("2027-01-05", { omitYear: 2026 })).toBe("tirsdag 5. januar 2027");
  });
});
