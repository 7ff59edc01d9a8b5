import { describe, expect, it } from "vitest";
import { attendanceCounts } from "@/lib/domain/attendance";

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
    ).toEqual({ scheduledDays: 4, heldDays: 3, attendedDays: 2 });
  });

  it("a past day without a registration counts as held and not attended", () => {
    expect(attendanceCounts(days, [], "2023-09-14")).toEqual({ scheduledDays: 4, heldDays: 2, attendedDays: 0 });
  });

  it("today counts as held only once the student's attendance is registered", () => {
    expect(attendanceCounts(days, [], "2023-09-12")).toEqual({ scheduledDays: 4, heldDays: 0, attendedDays: 0 });
    expect(attendanceCounts(days, [{ samlingDayId: "d1", status: "PRESENT" }], "2023-09-12")).toEqual({
      scheduledDays: 4,
      heldDays: 1,
      attendedDays: 1,
    });
  });

  it("after the last day every day is held", () => {
    expect(attendanceCounts(days, [{ samlingDayId: "d4", status: "PRESENT" }], "2024-01-01")).toEqual({
      scheduledDays: 4,
      heldDays: 4,
      attendedDays: 1,
    });
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
