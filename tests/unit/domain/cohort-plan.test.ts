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
  addMonths,
  copyPlanDates,
  weeksBetweenTerms,
  planClosedReason,
  planShape,
} from "@/lib/domain/cohort-plan";
import { addDays, formatIsoDate, parseIsoDate } from "@/lib/domain/dates";
import { isNorwegianPublicHoliday, isWorkingDay, publicHolidayName } from "@/lib/domain/holidays";

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
    // A samling's counts add up its days: rows, not students, so no number is said.
    expect(dayRemovalRefusal({ attendance: 51, absenceNotices: 2 }, "samling")).toBe(
      "Samlingen kan ikke fjernes fordi det er registrert oppmøte på dagene i den. Oppmøtet er dokumentasjon på hva som skjedde.",
    );
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 3 }, "samling")).toMatch(/^Samlingen kan ikke fjernes fordi studenter har sendt fraværsmelding for dager i den\./);
    expect(dayRemovalRefusal({ attendance: 3, absenceNotices: 0, credits: 2 }, "samling")).toMatch(/^Samlingen kan ikke fjernes fordi oppmøte fra et tidligere kull er godkjent på dager i den/);
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 0, credits: 0 }, "samling")).toBeNull();
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 2 })).toMatch(/2 studenter har sendt fraværsmelding/);
  });

  it("refuses a day that attendance from an earlier kull is credited to (a transfer), before anything else", () => {
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 0, credits: 1 })).toBe(
      "Dagen kan ikke fjernes fordi oppmøte fra et tidligere kull er godkjent på den for 1 student som er overført hit.",
    );
    expect(dayRemovalRefusal({ attendance: 3, absenceNotices: 1, credits: 2 }, "samling")).toMatch(/^Samlingen kan ikke fjernes fordi oppmøte fra et tidligere kull/);
    expect(dayRemovalRefusal({ attendance: 0, absenceNotices: 0, credits: 0 })).toBeNull();
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

describe("copying a previous kull's plan (copyPlanDates)", () => {
  const plan = {
    samlinger: [
      { title: "Samling 1", days: ["2031-01-07", "2031-01-08", "2031-01-09"] },
      { title: "Samling 4", days: ["2031-05-08", "2031-05-06", "2031-05-07"] },
      { title: "Samling 5", days: ["2031-06-10", "2031-06-11"] },
    ],
    arbeidskrav: [
      { number: 1, title: "Fagnotat 1", dueDate: "2031-05-19" },
      { number: 2, title: "Ledertreningsoppgave 1", dueDate: "2031-05-11" },
    ],
    exam: { startsOn: "2031-03-26", endsOn: "2031-03-28" },
  };

  it("moves every date by whole weeks, and a date on a public holiday on to the next working day, with a warning", () => {
    const copy = copyPlanDates(plan, 52);
    expect(copy.samlinger.map((samling) => samling.days.map((day) => day.date))).toEqual([
      ["2032-01-06", "2032-01-07", "2032-01-08"],
      // Thursday 6 May 2032 is Ascension Day: the samling keeps three days, Tuesday, Wednesday and Friday.
      ["2032-05-04", "2032-05-05", "2032-05-07"],
      ["2032-06-08", "2032-06-09"],
    ]);
    expect(copy.samlinger[1]!.days[2]).toEqual({ shifted: "2032-05-06", date: "2032-05-07", holiday: "Kristi himmelfartsdag" });
    // 17 May 2032 (a Monday) moves to the Tuesday; a Sunday deadline that is no holiday stays a Sunday.
    expect(copy.arbeidskrav.map((definition) => definition.dueDate.date)).toEqual(["2032-05-18", "2032-05-09"]);
    // The exam block over Maundy Thursday and Good Friday moves to the first three days with no holiday.
    expect(copy.exam).toEqual({ startsOn: { shifted: "2032-03-24", date: "2032-03-30", holiday: "Skjærtorsdag" }, endsOn: "2032-04-01" });
    expect(copy.warnings).toEqual([
      "Samling 4: torsdag 6. mai 2032 er Kristi himmelfartsdag. Dagen er flyttet til fredag 7. mai 2032.",
      "Fagnotat 1: fristen mandag 17. mai 2032 er Grunnlovsdag (17. mai). Fristen er flyttet til tirsdag 18. mai 2032.",
      "Eksamen: onsdag 24. mars 2032 – fredag 26. mars 2032 omfatter Skjærtorsdag. Eksamen er flyttet til tirsdag 30. mars 2032 – torsdag 1. april 2032.",
    ]);
  });

  it("never moves a day onto another day of the plan", () => {
    // Tuesday–Thursday a year on: Wednesday is 1 May 2030, and Thursday is taken, so it goes to Friday.
    const copy = copyPlanDates({ samlinger: [{ title: "Samling 2", days: ["2029-05-01", "2029-05-02", "2029-05-03"] }], arbeidskrav: [], exam: null }, 52);
    expect(copy.samlinger[0]!.days).toEqual([
      { shifted: "2030-04-30", date: "2030-04-30", holiday: null },
      { shifted: "2030-05-02", date: "2030-05-02", holiday: null },
      { shifted: "2030-05-01", date: "2030-05-03", holiday: "Offentlig høytidsdag (1. mai)" },
    ]);
    expect(copy.exam).toBeNull();
  });

  it("suggests the weeks between two terms", () => {
    expect(weeksBetweenTerms("H2027", "H2028", "2027-08-24")).toBe(52);
    expect(weeksBetweenTerms("H2027", "V2028", "2027-08-24")).toBe(26);
    expect(weeksBetweenTerms("H2023", "H2025", "2023-09-12")).toBe(104);
    expect(weeksBetweenTerms("H2023", "H2026", "2023-09-12")).toBe(157);
    expect(weeksBetweenTerms("H2028", "H2027", "2028-08-22")).toBe(-52);
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2027-08-24", -18)).toBe("2026-02-24");
  });

  it("for any plan and shift: same number of days, no day on a public holiday or twice, unmoved days exactly the weeks later", () => {
    const samlingArb = fc.record({
      first: fc.integer({ min: 0, max: 2000 }),
      length: fc.integer({ min: 1, max: 4 }),
    });
    fc.assert(
      fc.property(fc.array(samlingArb, { minLength: 1, maxLength: 9 }), fc.integer({ min: -200, max: 200 }), fc.integer({ min: 0, max: 3000 }), (specs, weeks, due) => {
        // Samlinger of consecutive days, at least a week apart (as the plan requires distinct days).
        let cursor = formatIsoDate(parseIsoDate("2024-01-01"));
        const samlinger = specs.map((spec, index) => {
          cursor = addDays(cursor, 7 + (spec.first % 60));
          const days = Array.from({ length: spec.length }, (_, offset) => addDays(cursor, offset));
          cursor = days.at(-1)!;
          return { title: `Samling ${index + 1}`, days };
        });
        const exam = { startsOn: addDays(cursor, 30), endsOn: addDays(cursor, 32) };
        const copy = copyPlanDates({ samlinger, arbeidskrav: [{ number: 1, title: "A", dueDate: addDays("2024-01-01", due) }], exam }, weeks);
        const all = copy.samlinger.flatMap((samling) => samling.days);
        expect(all).toHaveLength(samlinger.flatMap((samling) => samling.days).length);
        expect(new Set(all.map((day) => day.date)).size).toBe(all.length);
        for (const day of all) {
          expect(isNorwegianPublicHoliday(day.date)).toBe(false);
          if (day.holiday === null) expect(day.date).toBe(day.shifted);
          else {
            expect(publicHolidayName(day.shifted)).toBe(day.holiday);
            expect(day.date > day.shifted).toBe(true);
            expect(isWorkingDay(day.date)).toBe(true);
          }
        }
        const dueDate = copy.arbeidskrav[0]!.dueDate;
        expect(isNorwegianPublicHoliday(dueDate.date)).toBe(false);
        expect(dueDate.shifted).toBe(shiftByWeeks(addDays("2024-01-01", due), weeks));
        const examDaysCopied = datesFrom(copy.exam!.startsOn.date, copy.exam!.endsOn);
        expect(examDaysCopied).toHaveLength(3);
        expect(examDaysCopied.some(isNorwegianPublicHoliday)).toBe(false);
        expect(copy.warnings).toHaveLength(all.filter((day) => day.holiday).length + (dueDate.holiday ? 1 : 0) + (copy.exam!.startsOn.holiday ? 1 : 0));
      }),
    );
  });
});

describe("planClosedReason", () => {
  it("keeps a completed kull's plan as it was decided on, and says since when", () => {
    expect(planClosedReason({ completedOn: null })).toBeNull();
    expect(planClosedReason({ completedOn: "2028-09-14" })).toBe("Kullet ble fullført 14. september 2028, så planen står fast: oppmøtet og eksamen ble avgjort på den. Må noe rettes, åpner en studieveileder kullet igjen under «Opptak og status».");
  });
});

describe("the shape of a plan a copy is reviewed against", () => {
  const plan = {
    samlinger: [
      { title: "Samling 1", days: ["2027-01-12", "2027-01-13"] },
      { title: "Samling 2", days: ["2027-03-09"] },
    ],
    arbeidskrav: [{ number: 1, title: "Fagnotat 1", dueDate: "2027-02-01" }],
    exam: { startsOn: "2027-11-16", endsOn: "2027-11-18" },
  };

  it("is the same for the same plan, whatever order its days were read in, and a due date does not count", () => {
    expect(planShape({ ...plan, samlinger: [{ title: "Samling 1", days: ["2027-01-13", "2027-01-12"] }, plan.samlinger[1]!] })).toBe(planShape(plan));
    expect(planShape({ ...plan, arbeidskrav: [{ ...plan.arbeidskrav[0]!, dueDate: "2027-02-05" }] })).toBe(planShape(plan));
  });

  it("changes when a samling is added, removed, reordered, renamed or its days move, or the arbeidskrav or the exam change", () => {
    const changed = [
      { ...plan, samlinger: [...plan.samlinger, { title: "Samling 3", days: ["2027-05-04"] }] },
      { ...plan, samlinger: [plan.samlinger[0]!] },
      { ...plan, samlinger: [plan.samlinger[1]!, plan.samlinger[0]!] },
      { ...plan, samlinger: [{ ...plan.samlinger[0]!, title: "Oppstart" }, plan.samlinger[1]!] },
      { ...plan, samlinger: [plan.samlinger[0]!, { title: "Samling 2", days: ["2027-03-10"] }] },
      { ...plan, arbeidskrav: [...plan.arbeidskrav, { number: 2, title: "Fagnotat 2", dueDate: "2027-03-01" }] },
      { ...plan, exam: null },
    ];
    for (const other of changed) expect(planShape(other)).not.toBe(planShape(plan));
  });
});
