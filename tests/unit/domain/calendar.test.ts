import { describe, expect, it } from "vitest";
import { CALENDAR_UID_DOMAIN, sittingsInCalendar, studentCalendarEvents, type CalendarCohort, type CalendarRegistrationStatus } from "@/lib/domain/calendar";
import { defaultExamTimes, examTimesFrom } from "@/lib/domain/exam-time";

type Sitting = CalendarCohort["exams"][number];

const june = { id: "exam1", title: "Hjemmeeksamen", kind: "ORDINARY" as const, ...defaultExamTimes("2027-06-08") };

const cohort = (days: [string, string][], exams: Sitting[] = [june]): CalendarCohort => ({
  name: "Kull V2026",
  programmeName: "Barnevernledelse",
  samlinger: [
    { number: 1, title: "Samling 1", location: "NTNU, Trondheim", notes: null, days: days.map(([id, date]) => ({ id, date })) },
  ],
  exams,
});

describe("calendar events", () => {
  it("has one all-day event per samling day and one timed event per sitting, from the start to the hand-in, in date order", () => {
    const events = studentCalendarEvents([cohort([["d2", "2026-12-16"], ["d1", "2026-12-15"]])]);
    expect(events.map((event) => [event.date, event.uid, event.summary])).toEqual([
      ["2026-12-15", `samlingsdag-d1@${CALENDAR_UID_DOMAIN}`, "Samling 1, dag 1 av 2 – Barnevernledelse"],
      ["2026-12-16", `samlingsdag-d2@${CALENDAR_UID_DOMAIN}`, "Samling 1, dag 2 av 2 – Barnevernledelse"],
      ["2027-06-08", `eksamen-exam1@${CALENDAR_UID_DOMAIN}`, "Ordinær eksamen (innlevering kl. 14.00) – Barnevernledelse"],
    ]);
    expect(events[0]!.location).toBe("NTNU, Trondheim");
    expect(events[0]!.description).toBe("Barnevernledelse, Kull V2026.");
    expect(events[0]!.timed).toBeUndefined();
    const exam = events[2]!;
    expect(exam.timed).toEqual({ start: new Date("2027-06-08T07:00:00Z"), end: new Date("2027-06-10T12:00:00Z") });
    expect(exam.description).toBe(
      "Hjemmeeksamen.\nStart: tirsdag 8. juni 2027 kl. 09.00. Innlevering senest torsdag 10. juni 2027 kl. 14.00 (norsk tid).\nBarnevernledelse, Kull V2026.",
    );
  });

  it("has a sitting across the October change start at 09:00 summer time and end at 14:00 winter time", () => {
    const result = examTimesFrom({ firstDay: "2026-10-23", startTime: "09:00", handInDay: "2026-10-25", handInTime: "14:00" });
    if (!result.ok) throw new Error("expected times");
    const [event] = studentCalendarEvents([cohort([], [{ id: "ny", title: "Ny eksamen", kind: "RESIT", ...result.times }])]);
    expect(event!.timed).toEqual({ start: new Date("2026-10-23T07:00:00Z"), end: new Date("2026-10-25T13:00:00Z") });
    expect(event!.summary).toBe("Ny eksamen (innlevering kl. 14.00) – Barnevernledelse");
    expect(event!.description).toContain("Start: fredag 23. oktober 2026 kl. 09.00. Innlevering senest søndag 25. oktober 2026 kl. 14.00 (norsk tid).");
  });

  it("keeps every UID when a date moves, so calendars move the event instead of adding one", () => {
    const before = studentCalendarEvents([cohort([["d1", "2026-12-15"], ["d2", "2026-12-16"]])]);
    const after = studentCalendarEvents([cohort([["d1", "2026-12-08"], ["d2", "2026-12-09"]], [{ ...june, ...defaultExamTimes("2027-06-15") }])]);
    expect(new Set(after.map((event) => event.uid))).toEqual(new Set(before.map((event) => event.uid)));
    expect(after.find((event) => event.uid.startsWith("samlingsdag-d1"))!.date).toBe("2026-12-08");
    expect(after.find((event) => event.uid.startsWith("eksamen-exam1"))!.date).toBe("2027-06-15");
  });

  it("lists a day shared by two cohorts once, and refuses impossible dates", () => {
    const shared = studentCalendarEvents([cohort([["d1", "2026-12-15"]]), cohort([["d1", "2026-12-15"]])]);
    expect(shared.filter((event) => event.uid.startsWith("samlingsdag-d1"))).toHaveLength(1);
    expect(() => studentCalendarEvents([cohort([["d1", "2026-02-30"]])])).toThrow(RangeError);
    expect(() => studentCalendarEvents([cohort([], [{ ...june, handInAt: june.startsAt }])])).toThrow(RangeError);
  });
});

describe("which sittings are in a student's calendar", () => {
  const ordinary = { id: "ord", kind: "ORDINARY" as const };
  const deferred = { id: "uts", kind: "DEFERRED" as const };
  const resit = { id: "ny", kind: "RESIT" as const };
  const sittings = [ordinary, deferred, resit];
  const ids = (registrations: { examId: string; status: CalendarRegistrationStatus }[]) => sittingsInCalendar(sittings, registrations).map((sitting) => sitting.id);

  it("has the ordinary sitting before anyone is registered, and no later sitting", () => {
    expect(ids([])).toEqual(["ord"]);
  });

  it("keeps the ordinary sitting while admitted, and after «ikke møtt» (it was theirs)", () => {
    expect(ids([{ examId: "ord", status: "ADMITTED" }])).toEqual(["ord"]);
    expect(ids([{ examId: "ord", status: "NOT_ATTENDED" }])).toEqual(["ord"]);
  });

  it("drops the ordinary sitting when the student is refused, withdrawn or deferred", () => {
    for (const status of ["REFUSED", "WITHDRAWN", "DEFERRED"] as const) expect(ids([{ examId: "ord", status }])).toEqual([]);
  });

  it("has the utsatt sitting in place of the ordinary after a deferral, and a ny eksamen once registered", () => {
    expect(ids([{ examId: "ord", status: "DEFERRED" }, { examId: "uts", status: "ADMITTED" }])).toEqual(["uts"]);
    expect(ids([{ examId: "ord", status: "ADMITTED" }, { examId: "ny", status: "ADMITTED" }])).toEqual(["ord", "ny"]);
  });
});
