import { describe, expect, it } from "vitest";
import {
  applicationWindowState,
  deadlineEnd,
  dueDraftReminder,
  formatDeadline,
  isApplicationOpen,
  isBeforeEndOfDay,
  osloDate,
  startOfDayInOslo,
} from "@/lib/domain/application-deadline";

const at = (iso: string) => new Date(iso);

describe("deadlineEnd", () => {
  it("winter (CET, UTC+1): 2024-12-01 closes at 2024-12-01T23:00:00Z", () => {
    expect(deadlineEnd("2024-12-01").toISOString()).toBe("2024-12-01T23:00:00.000Z");
  });

  it("summer (CEST, UTC+2): 2024-06-15 closes at 2024-06-15T22:00:00Z", () => {
    expect(deadlineEnd("2024-06-15").toISOString()).toBe("2024-06-15T22:00:00.000Z");
  });

  it("on the days clocks change", () => {
    // 31 March 2024: CET until 01:00Z, then CEST. The day ends at midnight CEST.
    expect(deadlineEnd("2024-03-31").toISOString()).toBe("2024-03-31T22:00:00.000Z");
    // The day before the change still ends at midnight CET.
    expect(deadlineEnd("2024-03-30").toISOString()).toBe("2024-03-30T23:00:00.000Z");
    // 27 October 2024: CEST until 01:00Z, then CET. The day is 25 hours long.
    expect(deadlineEnd("2024-10-27").toISOString()).toBe("2024-10-27T23:00:00.000Z");
    expect(deadlineEnd("2024-10-26").toISOString()).toBe("2024-10-26T22:00:00.000Z");
  });

  it("at the end of a year and a leap day", () => {
    expect(deadlineEnd("2024-12-31").toISOString()).toBe("2024-12-31T23:00:00.000Z");
    expect(deadlineEnd("2024-02-29").toISOString()).toBe("2024-02-29T23:00:00.000Z");
  });

  it("refuses invalid dates", () => {
    expect(() => deadlineEnd("2024-02-30")).toThrow(RangeError);
    expect(() => deadlineEnd("2024-12-1")).toThrow(RangeError);
    expect(() => deadlineEnd("2024-12-01T23:59:59")).toThrow(RangeError);
  });
});

describe("startOfDayInOslo", () => {
  it("is midnight Oslo time in both seasons", () => {
    expect(startOfDayInOslo("2024-12-01").toISOString()).toBe("2024-11-30T23:00:00.000Z");
    expect(startOfDayInOslo("2024-07-01").toISOString()).toBe("2024-06-30T22:00:00.000Z");
  });
});

describe("isBeforeEndOfDay (offer answer deadlines)", () => {
  it("is open through 23:59:59.999 Oslo time and closed at the next midnight", () => {
    expect(isBeforeEndOfDay("2024-12-01", at("2024-12-01T22:59:59.999Z"))).toBe(true);
    expect(isBeforeEndOfDay("2024-12-01", at("2024-12-01T23:00:00.000Z"))).toBe(false);
    expect(isBeforeEndOfDay("2024-06-15", at("2024-06-15T21:59:59.999Z"))).toBe(true);
    expect(isBeforeEndOfDay("2024-06-15", at("2024-06-15T22:00:00.000Z"))).toBe(false);
  });

  it("is open earlier in the day and days before", () => {
    expect(isBeforeEndOfDay("2024-12-01", at("2024-12-01T00:00:00Z"))).toBe(true);
    expect(isBeforeEndOfDay("2024-12-01", at("2024-01-01T00:00:00Z"))).toBe(true);
  });

  it("refuses an invalid now", () => {
    expect(() => isBeforeEndOfDay("2024-12-01", new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("isApplicationOpen", () => {
  const v2025 = { opensOn: "2024-09-01", deadline: "2024-12-01" };

  it("opens at the start of opensOn, Oslo time (CEST in September)", () => {
    expect(isApplicationOpen(v2025, at("2024-08-31T21:59:59.999Z"))).toBe(false);
    expect(isApplicationOpen(v2025, at("2024-08-31T22:00:00.000Z"))).toBe(true);
    expect(applicationWindowState(v2025, at("2024-08-31T21:59:59.999Z"))).toBe("NOT_OPEN_YET");
  });

  it("closes at the end of the deadline day, Oslo time (CET in December)", () => {
    expect(isApplicationOpen(v2025, at("2024-12-01T22:59:59.999Z"))).toBe(true);
    expect(isApplicationOpen(v2025, at("2024-12-01T23:00:00.000Z"))).toBe(false);
    expect(applicationWindowState(v2025, at("2024-12-01T23:00:00.000Z"))).toBe("CLOSED");
    expect(applicationWindowState(v2025, at("2024-10-15T12:00:00Z"))).toBe("OPEN");
  });

  it("uses the summer offset for a summer deadline", () => {
    const summer = { opensOn: "2024-01-15", deadline: "2024-06-15" };
    expect(isApplicationOpen(summer, at("2024-06-15T21:59:59.999Z"))).toBe(true);
    expect(isApplicationOpen(summer, at("2024-06-15T22:00:00.000Z"))).toBe(false);
    // Opens at midnight CET on 15 January.
    expect(isApplicationOpen(summer, at("2024-01-14T22:59:59.999Z"))).toBe(false);
    expect(isApplicationOpen(summer, at("2024-01-14T23:00:00.000Z"))).toBe(true);
  });

  it("a one-day window is open for that whole Oslo day", () => {
    const oneDay = { opensOn: "2024-12-01", deadline: "2024-12-01" };
    expect(isApplicationOpen(oneDay, at("2024-11-30T22:59:59.999Z"))).toBe(false);
    expect(isApplicationOpen(oneDay, at("2024-11-30T23:00:00.000Z"))).toBe(true);
    expect(isApplicationOpen(oneDay, at("2024-12-01T22:59:59.999Z"))).toBe(true);
    expect(isApplicationOpen(oneDay, at("2024-12-01T23:00:00.000Z"))).toBe(false);
  });

  it("refuses a deadline before the opening day and invalid dates", () => {
    expect(() => isApplicationOpen({ opensOn: "2024-12-02", deadline: "2024-12-01" }, at("2024-12-01T12:00:00Z"))).toThrow(
      RangeError,
    );
    expect(() => isApplicationOpen({ opensOn: "2024-09-31", deadline: "2024-12-01" }, at("2024-12-01T12:00:00Z"))).toThrow(
      RangeError,
    );
    expect(() => isApplicationOpen(v2025, new Date("not a date"))).toThrow(RangeError);
  });
});

describe("osloDate and formatDeadline", () => {
  it("gives Oslo's calendar date of an instant", () => {
    expect(osloDate(at("2024-12-01T22:59:59.999Z"))).toBe("2024-12-01");
    expect(osloDate(at("2024-12-01T23:00:00.000Z"))).toBe("2024-12-02");
    expect(osloDate(at("2024-06-15T21:59:59Z"))).toBe("2024-06-15");
    expect(osloDate(at("2024-06-15T22:00:00Z"))).toBe("2024-06-16");
  });

  it("writes the deadline for users", () => {
    expect(formatDeadline("2024-12-01")).toBe("1. desember 2024 kl. 23.59");
  });
});

describe("dueDraftReminder", () => {
  it("three days before from 09:00 Oslo time, on the day itself from 09:00, and nothing after the deadline", () => {
    // Deadline 1 March 2027 (CET, UTC+1).
    expect(dueDraftReminder("2027-03-01", new Date("2027-02-26T07:59:59Z"))).toBeNull();
    expect(dueDraftReminder("2027-02-01", new Date("2027-01-29T08:00:00Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-03-01", new Date("2027-02-26T08:00:00Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-03-01", new Date("2027-03-01T07:59:59Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-03-01", new Date("2027-03-01T08:00:00Z"))).toBe("DEADLINE_DAY");
    expect(dueDraftReminder("2027-03-01", new Date("2027-03-01T22:59:59Z"))).toBe("DEADLINE_DAY");
    expect(dueDraftReminder("2027-03-01", new Date("2027-03-01T23:00:00Z"))).toBeNull();
    expect(dueDraftReminder("2027-03-01", new Date("2026-12-01T12:00:00Z"))).toBeNull();
  });

  it("keeps 09:00 in summer time (CEST, UTC+2) and across the change to it", () => {
    expect(dueDraftReminder("2027-06-15", new Date("2027-06-12T06:59:59Z"))).toBeNull();
    expect(dueDraftReminder("2027-06-15", new Date("2027-06-12T07:00:00Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-06-15", new Date("2027-06-15T07:00:00Z"))).toBe("DEADLINE_DAY");
    // Clocks go forward on 28 March 2027: three days before is still winter time, the day summer time.
    expect(dueDraftReminder("2027-03-29", new Date("2027-03-26T08:00:00Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-03-29", new Date("2027-03-29T06:59:00Z"))).toBe("THREE_DAYS_BEFORE");
    expect(dueDraftReminder("2027-03-29", new Date("2027-03-29T07:00:00Z"))).toBe("DEADLINE_DAY");
  });

  it("refuses an invalid instant", () => {
    expect(() => dueDraftReminder("2027-03-01", new Date(Number.NaN))).toThrow(RangeError);
  });
});
