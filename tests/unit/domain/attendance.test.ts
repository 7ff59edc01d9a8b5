import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attendanceCounts, attendancePlan, type AttendancePlan } from "@/lib/domain/attendance";

const days = [
  { id: "d1", date: "2023-09-12" },
  { id: "d2", date: "2023-09-13" },
  { id: "d3", date: "2023-09-14" },
  { id: "d4", date: "2023-10-17" },
];

describe("attendanceCounts", () => {
  it("counts scheduled, held and attended days", () => {
    expect(
      attendanceCounts(
        days,
        [
          { samlingDayId: "d1", status: "PRESENT" },
          { samlingDayId: "d2", status: "ABSENT" },
          { samlingDayId: "d3", status: "PRESENT" },
        ],
        "2023-10-01",
      ),
    ).toEqual({ scheduledDays: 4, heldDays: 3, attendedDays: 2, unregisteredDays: 0, leaveDays: 0, creditedDays: 0 });
  });

  it("a past day without a registration is 'ikke registrert': neither held nor attended, and never an absence", () => {
    expect(attendanceCounts(days, [], "2023-09-14")).toEqual({ scheduledDays: 4, heldDays: 0, attendedDays: 0, unregisteredDays: 2, leaveDays: 0, creditedDays: 0 });
    // The same day registered a week late counts from then on, and only as registered.
    expect(attendanceCounts(days, [{ samlingDayId: "d1", status: "ABSENT" }], "2023-09-21")).toEqual({
      scheduledDays: 4,
      heldDays: 1,
      attendedDays: 0,
      unregisteredDays: 2, leaveDays: 0, creditedDays: 0,
    });
  });

  it("today counts as held only once the student's attendance is registered", () => {
    expect(attendanceCounts(days, [], "2023-09-12")).toEqual({ scheduledDays: 4, heldDays: 0, attendedDays: 0, unregisteredDays: 0, leaveDays: 0, creditedDays: 0 });
    expect(attendanceCounts(days, [{ samlingDayId: "d1", status: "PRESENT" }], "2023-09-12")).toEqual({
      scheduledDays: 4,
      heldDays: 1,
      attendedDays: 1,
      unregisteredDays: 0, leaveDays: 0, creditedDays: 0,
    });
  });

  it("after the last day the days nobody registered stay unregistered", () => {
    expect(attendanceCounts(days, [{ samlingDayId: "d4", status: "PRESENT" }], "2024-01-01")).toEqual({
      scheduledDays: 4,
      heldDays: 1,
      attendedDays: 1,
      unregisteredDays: 3, leaveDays: 0, creditedDays: 0,
    });
  });

  it("held, attended and absent days do not depend on the day asked (only unregistered does)", () => {
    const registrations = [
      { samlingDayId: "d1", status: "PRESENT" as const },
      { samlingDayId: "d3", status: "ABSENT" as const },
    ];
    const counts = ["2023-01-01", "2023-09-14", "2023-10-18", "2030-01-01"].map((asOf) => attendanceCounts(days, registrations, asOf));
    for (const count of counts) expect({ ...count, unregisteredDays: 0, leaveDays: 0, creditedDays: 0 }).toEqual({ scheduledDays: 4, heldDays: 2, attendedDays: 1, unregisteredDays: 0, leaveDays: 0, creditedDays: 0 });
    expect(counts.map((count) => count.unregisteredDays)).toEqual([0, 1, 2, 2]);
  });

  it("refuses duplicate days, duplicate registrations and days outside the plan", () => {
    expect(() => attendanceCounts([...days, { id: "d1", date: "2023-09-12" }], [], "2024-01-01")).toThrow(RangeError);
    expect(() =>
      attendanceCounts(
        days,
        [
          { samlingDayId: "d1", status: "PRESENT" },
          { samlingDayId: "d1", status: "ABSENT" },
        ],
        "2024-01-01",
      ),
    ).toThrow(RangeError);
    expect(() => attendanceCounts(days, [{ samlingDayId: "x", status: "PRESENT" }], "2024-01-01")).toThrow(RangeError);
    expect(() => attendanceCounts([{ id: "d", date: "2023-02-30" }], [], "2024-01-01")).toThrow(RangeError);
  });
});

describe("attendanceCounts with leave and credited days", () => {
  it("counts a credited day as attended and a day of leave as neither held nor absent, also when registered absent", () => {
    expect(
      attendanceCounts(days, [{ samlingDayId: "d2", status: "ABSENT" }], "2023-11-01", { leave: ["d2", "d3"], credited: ["d1"] }),
    ).toEqual({ scheduledDays: 4, heldDays: 1, attendedDays: 1, unregisteredDays: 1, leaveDays: 2, creditedDays: 1 });
  });

  it("a day registered present inside a leave is attended, not leave; a credited day is never counted twice", () => {
    expect(
      attendanceCounts(days, [{ samlingDayId: "d1", status: "PRESENT" }], "2023-09-20", { leave: ["d1"], credited: ["d1", "d2"] }),
    ).toEqual({ scheduledDays: 4, heldDays: 2, attendedDays: 2, unregisteredDays: 1, leaveDays: 0, creditedDays: 2 });
  });

  it("refuses a leave day or credit outside the plan", () => {
    expect(() => attendanceCounts(days, [], "2023-09-20", { leave: ["nope"] })).toThrow(RangeError);
    expect(() => attendanceCounts(days, [], "2023-09-20", { credited: ["nope"] })).toThrow(RangeError);
  });
});

describe("attendancePlan (a kull's days checked and parsed once for many students)", () => {
  const dayIds = ["d1", "d2", "d3", "d4"] as const;
  const registration = fc.record({ samlingDayId: fc.constantFrom(...dayIds), status: fc.constantFrom("PRESENT" as const, "ABSENT" as const) });

  it("counts exactly as the days themselves, for any registrations, leave, credits and date", () => {
    const plan = attendancePlan(days);
    fc.assert(
      fc.property(
        fc.uniqueArray(registration, { selector: (r) => r.samlingDayId, maxLength: 4 }),
        fc.subarray([...dayIds]),
        fc.subarray([...dayIds]),
        fc.constantFrom("2023-09-01", "2023-09-13", "2023-09-14", "2023-10-17", "2024-01-01"),
        (registrations, leave, credited, asOf) => {
          expect(attendanceCounts(plan, registrations, asOf, { leave, credited })).toEqual(
            attendanceCounts(days, registrations, asOf, { leave, credited }),
          );
        },
      ),
    );
  });

  it("refuses what the days refuse, when the plan is made or used", () => {
    expect(() => attendancePlan([...days, { id: "d1", date: "2023-12-01" }])).toThrow(/listed twice/);
    expect(() => attendancePlan([{ id: "d", date: "2023-02-30" }])).toThrow(RangeError);
    const plan = attendancePlan(days);
    expect(() => attendanceCounts(plan, [{ samlingDayId: "x", status: "PRESENT" }], "2024-01-01")).toThrow(/outside the plan/);
    expect(() => attendanceCounts(plan, [], "2024-01-01", { leave: ["nope"] })).toThrow(/outside the plan/);
  });

  it("cannot be changed or forged: frozen, and only a plan made by attendancePlan is taken", () => {
    const plan = attendancePlan(days);
    expect(Object.isFrozen(plan)).toBe(true);
    expect(plan.scheduledDays).toBe(4);
    const forged = { scheduledDays: 1 } as AttendancePlan;
    expect(() => attendanceCounts(forged, [], "2024-01-01")).toThrow(TypeError);
  });

  it("keeps the days as they were when made, whatever happens to the list afterwards", () => {
    const list = days.map((day) => ({ ...day }));
    const plan = attendancePlan(list);
    list.push({ id: "d5", date: "2023-11-01" });
    list[0]!.date = "2030-01-01";
    expect(attendanceCounts(plan, [], "2023-09-13")).toEqual(attendanceCounts(days, [], "2023-09-13"));
  });
});
