import { getISOWeek } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceEntryMode,
  datesFrom,
  dayRemovalRefusal,
  examDays,
  isoWeek,
  samlingDaysProblems,
  shiftByWeeks,
  weekdayShortNb,
  weekLabel,
  weeksBetween,
} from "@/lib/domain/cohort-plan";
import { formatIsoDate } from "@/lib/domain/dates";

describe("isoWeek", () => {
  it("gives the weeks of kull H2023's samlinger and exam", () => {
    expect(["2023-09-12", "2023-10-17", "2023-11-21", "2024-02-06", "2024-03-12", "2024-04-23", "2024-05-28", "2024-09-10", "2024-10-22"].map(isoWeek)).toEqual([
      37, 42, 47, 6, 11, 17, 22, 37, 43,
    ]);
    expect(isoWeek("2024-11-19")).toBe(47);
  });

  it("handles the turn of the year: week 1 holds the first Thursday, some years have 53 weeks", () => {
    expect(isoWeek("2024-12-30")).toBe(1);
    expect(isoWeek("2021-01-03")).toBe(53);
    expect(isoWeek("2027-01-01")).toBe(53);
    expect(isoWeek("2026-01-01")).toBe(1);
    expect(isoWeek("2023-01-01")).toBe(52);
  });

  it("agrees with date-fns for every day over four centuries' worth of samples", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 80_000 }), (dayNumber) => {
        const date = formatIsoDate(dayNumber);
        const [y, m, d] = date.split("-").map(Number) as [number, number, number];
        const local = new Date(y, m - 1, d);
        local.setFullYear(y);
        expect(isoWeek(date)).toBe(getISOWeek(local));
      }),
      { numRuns: 2000 },
    );
  });

  it("labels a samling by its week, or the span of two weeks", () => {
    expect(weekLabel(["2023-09-12", "2023-09-13", "2023-09-14"])).toBe("uke 37");
    expect(weekLabel(["2024-12-31", "2024-12-29"])).toBe("uke 52–1");
    expect(weekLabel([])).toBe("");
  });

  it("names weekdays in Norwegian", () => {
    expect(["2026-11-23", "2026-11-24", "2026-11-29"].map(weekdayShortNb)).toEqual(["man.", "tir.", "søn."]);
  });
});

describe("attendanceEntryMode", () => {
  it("refuses a day that has not come, registers on the day, and treats later saves as corrections", () => {
    expect(attendanceEntryMode("2026-11-23", "2026-11-22")).toBe("FUTURE");
    expect(attendanceEntryMode("2026-11-22", "2026-11-22")).toBe("ON_DAY");
    expect(attendanceEntryMode("2026-11-21", "2026-11-22")).toBe("CORRECTION");
    expect(attendanceEntryMode("2025-12-31", "2026-01-01")).toBe("CORRECTION");
  });

  it("refuses dates that are not calendar dates", () => {
    expect(() => attendanceEntryMode("2026-02-30", "2026-03-01")).toThrow(RangeError);
  });
});

describe("dayRemovalRefusal", () => {
  it("allows removing a day with nothing recorded", () => {
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 0 })).toBeNull();
  });

  it("refuses a day with attendance, and one with absence notices, with a reason", () => {
    expect(dayRemovalRefusal({ attendance: 1, absenceNotices: 0 })).toBe(
      "Dagen kan ikke fjernes fordi det er registrert oppmøte for 1 student. Oppmøtet er dokumentasjon på hva som skjedde.",
    );
    expect(dayRemovalRefusal({ attendance: 20, absenceNotices: 2 }, "samling")).toMatch(/^Samlingen kan ikke fjernes .* 20 studenter/);
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 2 })).toMatch(/2 studenter har sendt fraværsmelding/);
  });
});

describe("samlingDaysProblems", () => {
  it("accepts distinct real dates not in the plan", () => {
    expect(samlingDaysProblems(["2027-01-12", "2027-01-13"], ["2027-02-01"])).toEqual([]);
  });

  it("names each problem", () => {
    expect(samlingDaysProblems([])).toEqual(["En samling må ha minst én dag."]);
    expect(samlingDaysProblems(["2027-02-30"])).toEqual(["«2027-02-30» er ikke en gyldig dato."]);
    expect(samlingDaysProblems(["2027-01-12", "2027-01-12"])).toEqual(["Datoen 2027-01-12 står to ganger."]);
    expect(samlingDaysProblems(["2027-01-12"], ["2027-01-12"])).toEqual(["Datoen 2027-01-12 er allerede en samlingsdag i planen."]);
    expect(samlingDaysProblems(Array.from({ length: 8 }, (_, i) => `2027-01-1${i}`))).toContain("En samling kan ha høyst sju dager.");
  });
});

describe("shifting a plan", () => {
  it("moves dates by whole weeks, keeping the weekday, across leap days and years", () => {
    expect(shiftByWeeks("2023-09-12", 104)).toBe("2025-09-09");
    expect(weekdayShortNb(shiftByWeeks("2023-09-12", 104))).toBe("tir.");
    expect(shiftByWeeks("2024-02-27", 1)).toBe("2024-03-05");
    expect(shiftByWeeks("2024-03-05", -1)).toBe("2024-02-27");
    expect(() => shiftByWeeks("2024-03-05", 1.5)).toThrow(RangeError);
  });

  it("finds the shift that lands a first samling in a given week", () => {
    expect(weeksBetween("2023-09-12", "2025-09-09")).toBe(104);
    expect(weeksBetween("2023-09-12", "2025-09-11")).toBe(104);
    expect(weeksBetween("2025-09-09", "2023-09-12")).toBe(-104);
  });
});

describe("the exam's days", () => {
  it("is three days from the first", () => {
    expect(examDays("2024-11-19")).toEqual({ startsOn: "2024-11-19", endsOn: "2024-11-21" });
    expect(datesFrom("2024-11-30", "2024-12-02")).toEqual(["2024-11-30", "2024-12-01", "2024-12-02"]);
    expect(() => datesFrom("2024-12-02", "2024-11-30")).toThrow(RangeError);
  });
});
