import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/dates";
import {
  defaultExamTimes,
  examPhase,
  resultsNotYetProblem,
  taskChangeProblem,
  examTimesFrom,
  examTimesInput,
  formatClockTime,
  formatExamMomentNb,
  formatOsloClockNb,
  osloInstant,
  osloWallClock,
  parseClockTime,
  examTimesMovedTo,
} from "@/lib/domain/exam-time";

const HOUR = 3_600_000;

describe("times of day as people type them", () => {
  it("reads 09:00, 9:00 and 09.00 alike, and refuses what is not a time", () => {
    expect(parseClockTime("09:00")).toBe(540);
    expect(parseClockTime("9:00")).toBe(540);
    expect(parseClockTime(" 09.00 ")).toBe(540);
    expect(parseClockTime("23:59")).toBe(23 * 60 + 59);
    for (const bad of ["", "9", "24:00", "12:60", "12:5", "kl. 9", "09:00:00", "-1:00"]) expect(parseClockTime(bad), bad).toBeNull();
  });

  it("writes minutes back as a time input's value", () => {
    expect(formatClockTime(540)).toBe("09:00");
    expect(formatClockTime(0)).toBe("00:00");
    expect(() => formatClockTime(1440)).toThrow(RangeError);
  });

  it("round-trips every time of day", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1439 }), (minutes) => parseClockTime(formatClockTime(minutes)) === minutes));
  });
});

describe("Oslo wall-clock time and instants", () => {
  it("is UTC+1 in winter and UTC+2 in summer", () => {
    expect(osloInstant("2026-12-14", 9 * 60)!.toISOString()).toBe("2026-12-14T08:00:00.000Z");
    expect(osloInstant("2026-06-15", 9 * 60)!.toISOString()).toBe("2026-06-15T07:00:00.000Z");
  });

  it("has no 02:30 on the night summer time begins, and the first 02:30 (summer time) on the night it ends", () => {
    // 2027: summer time begins on 28 March and ends on 31 October.
    expect(osloInstant("2027-03-28", 2 * 60 + 30)).toBeNull();
    expect(osloInstant("2027-03-28", 3 * 60)!.toISOString()).toBe("2027-03-28T01:00:00.000Z");
    expect(osloInstant("2027-03-28", 1 * 60 + 59)!.toISOString()).toBe("2027-03-28T00:59:00.000Z");
    expect(osloInstant("2027-10-31", 2 * 60 + 30)!.toISOString()).toBe("2027-10-31T00:30:00.000Z");
    expect(osloInstant("2027-10-31", 3 * 60)!.toISOString()).toBe("2027-10-31T02:00:00.000Z");
  });

  it("gives back the wall clock it was made from, every minute of every day of a year", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 }), fc.integer({ min: 0, max: 1439 }), (offset, minutes) => {
        const date = addDays("2026-01-01", offset);
        const instant = osloInstant(date, minutes);
        if (instant === null) return date === "2026-03-29" && minutes >= 120 && minutes < 180;
        const clock = osloWallClock(instant);
        return clock.date === date && clock.minutes === minutes;
      }),
    );
  });
});

describe("a sitting's start and hand-in, entered as Oslo time", () => {
  it("stores 09:00 on day one and 14:00 on day three as instants, with the Oslo days", () => {
    const result = examTimesFrom({ firstDay: "2026-12-14", startTime: "09:00", handInDay: "2026-12-16", handInTime: "14:00" });
    expect(result).toEqual({
      ok: true,
      times: { startsAt: new Date("2026-12-14T08:00:00Z"), handInAt: new Date("2026-12-16T13:00:00Z"), startsOn: "2026-12-14", endsOn: "2026-12-16" },
    });
    expect(defaultExamTimes("2026-12-14")).toEqual((result as { times: unknown }).times);
  });

  it("is right across the October change: 09:00 summer time to 14:00 winter time is 54 hours", () => {
    // 23–25 October 2026: clocks go back at 03:00 on Sunday 25 October.
    const result = examTimesFrom({ firstDay: "2026-10-23", startTime: "09:00", handInDay: "2026-10-25", handInTime: "14:00" });
    if (!result.ok) throw new Error("expected times");
    expect(result.times.startsAt.toISOString()).toBe("2026-10-23T07:00:00.000Z");
    expect(result.times.handInAt.toISOString()).toBe("2026-10-25T13:00:00.000Z");
    expect(result.times.handInAt.getTime() - result.times.startsAt.getTime()).toBe(54 * HOUR);
    expect(formatExamMomentNb(result.times.startsAt)).toBe("fredag 23. oktober 2026 kl. 09.00");
    expect(formatExamMomentNb(result.times.handInAt)).toBe("søndag 25. oktober 2026 kl. 14.00");
    expect(examTimesInput(result.times)).toEqual({ firstDay: "2026-10-23", startTime: "09:00", handInDay: "2026-10-25", handInTime: "14:00" });
  });

  it("is right across the March change: 09:00 winter time to 14:00 summer time is 52 hours", () => {
    const times = defaultExamTimes("2027-03-26");
    expect(times.handInAt.getTime() - times.startsAt.getTime()).toBe(52 * HOUR);
    expect(formatOsloClockNb(times.startsAt)).toBe("09.00");
    expect(formatOsloClockNb(times.handInAt)).toBe("14.00");
  });

  it("says at the field what is wrong", () => {
    expect(examTimesFrom({ firstDay: "", startTime: "9", handInDay: "2026-12-16", handInTime: "25:00" })).toEqual({
      ok: false,
      errors: {
        firstDay: "Skriv første eksamensdag som dd.mm.åååå.",
        startTime: "Skriv klokkeslettet som tt:mm, for eksempel 09:00.",
        handInTime: "Skriv klokkeslettet som tt:mm, for eksempel 14:00.",
      },
    });
    expect(examTimesFrom({ firstDay: "2027-03-26", startTime: "09:00", handInDay: "2027-03-28", handInTime: "02:30" })).toEqual({
      ok: false,
      errors: { handInTime: "Denne natten stilles klokka fram fra 02:00 til 03:00 (sommertid), så kl. 02:30 finnes ikke. Velg et annet klokkeslett." },
    });
    expect(examTimesFrom({ firstDay: "2026-12-14", startTime: "14:00", handInDay: "2026-12-14", handInTime: "14:00" })).toEqual({
      ok: false,
      errors: { handInDay: "Innleveringen må være etter at eksamen starter." },
    });
    expect(examTimesFrom({ firstDay: "2026-12-14", startTime: "09:00", handInDay: "2026-12-22", handInTime: "09:00" })).toEqual({
      ok: false,
      errors: { handInDay: "Innleveringen kan være høyst 7 dager etter at eksamen starter." },
    });
  });

  it("moves a copied sitting to a new first day, keeping 09:00 and 14:00 on the other side of a change", () => {
    const october = defaultExamTimes("2026-10-16"); // summer time
    const moved = examTimesMovedTo(october, "2026-10-30"); // 30 Oct – 1 Nov: across the change
    expect(examTimesInput(moved)).toEqual({ firstDay: "2026-10-30", startTime: "09:00", handInDay: "2026-11-01", handInTime: "14:00" });
    expect(moved.startsAt.toISOString()).toBe("2026-10-30T08:00:00.000Z");
    expect(moved.handInAt.toISOString()).toBe("2026-11-01T13:00:00.000Z");
  });

  it("moves a sitting whose time would fall in the spring gap to the default times of the new day", () => {
    const night = examTimesFrom({ firstDay: "2026-03-20", startTime: "02:30", handInDay: "2026-03-22", handInTime: "14:00" });
    if (!night.ok) throw new Error("expected times");
    const moved = examTimesMovedTo(night.times, "2026-03-29"); // 02:30 does not exist that Sunday
    expect(examTimesInput(moved)).toEqual({ firstDay: "2026-03-29", startTime: "09:00", handInDay: "2026-03-31", handInTime: "14:00" });
  });

  it("is before, running or over by the instants", () => {
    const times = defaultExamTimes("2026-12-14");
    expect(examPhase(times, new Date("2026-12-14T07:59:59Z"))).toBe("BEFORE");
    expect(examPhase(times, new Date("2026-12-14T08:00:00Z"))).toBe("RUNNING");
    expect(examPhase(times, new Date("2026-12-16T12:59:59Z"))).toBe("RUNNING");
    expect(examPhase(times, new Date("2026-12-16T13:00:00Z"))).toBe("OVER");
  });

  it("takes results only once the hand-in has passed, and says when", () => {
    const times = defaultExamTimes("2026-12-14");
    const message = "Eksamenen er ikke over. Resultater settes etter innleveringsfristen onsdag 16. desember 2026 kl. 14.00.";
    expect(resultsNotYetProblem(times, new Date("2026-12-01T10:00:00Z"))).toBe(message);
    expect(resultsNotYetProblem(times, new Date("2026-12-16T12:59:59Z"))).toBe(message);
    expect(resultsNotYetProblem(times, new Date("2026-12-16T13:00:00Z"))).toBeNull();
    // The task may be set until the hand-in (and added to while they write), never after it.
    expect(taskChangeProblem(times, new Date("2026-12-16T12:59:59Z"))).toBeNull();
    expect(taskChangeProblem(times, new Date("2026-12-16T13:00:00Z"))).toBe("Innleveringsfristen er ute, så oppgaven står slik den ble gitt, og den kan ikke endres.");
  });
});
