import { describe, expect, it } from "vitest";
import { CALENDAR_UID_DOMAIN, studentCalendarEvents, type CalendarCohort } from "@/lib/domain/calendar";

const cohort = (days: [string, string][], exam = { startsOn: "2027-06-08", endsOn: "2027-06-10" }): CalendarCohort => ({
  name: "Kull V2026",
  programmeName: "Barnevernledelse",
  samlinger: [
    { number: 1, title: "Samling 1", location: "NTNU, Trondheim", notes: null, days: days.map(([id, date]) => ({ id, date })) },
  ],
  exams: [{ id: "exam1", title: "Hjemmeeksamen", ...exam }],
});

describe("calendar events", () => {
  it("has one all-day event per samling day and per exam day, in date order", () => {
    const events = studentCalendarEvents([cohort([["d2", "2026-12-16"], ["d1", "2026-12-15"]])]);
    expect(events.map((event) => [event.date, event.uid, event.summary])).toEqual([
      ["2026-12-15", `samlingsdag-d1@${CALENDAR_UID_DOMAIN}`, "Samling 1, dag 1 av 2 – Barnevernledelse"],
      ["2026-12-16", `samlingsdag-d2@${CALENDAR_UID_DOMAIN}`, "Samling 1, dag 2 av 2 – Barnevernledelse"],
      ["2027-06-08", `eksamen-exam1-dag-1@${CALENDAR_UID_DOMAIN}`, "Eksamen, dag 1 av 3 – Barnevernledelse"],
      ["2027-06-09", `eksamen-exam1-dag-2@${CALENDAR_UID_DOMAIN}`, "Eksamen, dag 2 av 3 – Barnevernledelse"],
      ["2027-06-10", `eksamen-exam1-dag-3@${CALENDAR_UID_DOMAIN}`, "Eksamen, dag 3 av 3 – Barnevernledelse"],
    ]);
    expect(events[0]!.location).toBe("NTNU, Trondheim");
    expect(events[0]!.description).toBe("Barnevernledelse, Kull V2026.");
  });

  it("keeps every UID when a date moves, so calendars move the event instead of adding one", () => {
    const before = studentCalendarEvents([cohort([["d1", "2026-12-15"], ["d2", "2026-12-16"]])]);
    const after = studentCalendarEvents([cohort([["d1", "2026-12-08"], ["d2", "2026-12-09"]], { startsOn: "2027-06-15", endsOn: "2027-06-17" })]);
    expect(new Set(after.map((event) => event.uid))).toEqual(new Set(before.map((event) => event.uid)));
    expect(after.find((event) => event.uid.startsWith("samlingsdag-d1"))!.date).toBe("2026-12-08");
    expect(after.find((event) => event.uid.startsWith("eksamen-exam1-dag-1"))!.date).toBe("2027-06-15");
  });

  it("lists a day shared by two cohorts once, and refuses impossible dates", () => {
    const shared = studentCalendarEvents([cohort([["d1", "2026-12-15"]]), cohort([["d1", "2026-12-15"]])]);
    expect(shared.filter((event) => event.uid.startsWith("samlingsdag-d1"))).toHaveLength(1);
    expect(() => studentCalendarEvents([cohort([["d1", "2026-02-30"]])])).toThrow(RangeError);
    expect(() => studentCalendarEvents([cohort([], { startsOn: "2027-06-10", endsOn: "2027-06-08" })])).toThrow(RangeError);
  });
});
