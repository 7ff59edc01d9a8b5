// The end-to-end tests' clock: installed, every new Date() and Date.now() follow the offset, dates
// built from a value stay as given, and Date keeps working as the constructor libraries expect.
import { describe, expect, it } from "vitest";
import { installTestClock, resetTestClock, setTestClock, testClockEnabled, testClockRequested } from "@/lib/clock/test-clock";

describe("the test clock", () => {
  it("is requested only by E2E_TEST_CLOCK=true, and refused with an https APP_URL", () => {
    expect(testClockRequested({ E2E_TEST_CLOCK: "true" })).toBe(true);
    expect(testClockRequested({ E2E_TEST_CLOCK: "1" })).toBe(false);
    expect(testClockRequested({})).toBe(false);
    expect(() => installTestClock("https://bvl.ntnu.no")).toThrow(/never with an https APP_URL/);
    expect(testClockEnabled()).toBe(false);
  });

  it("moves new Date() and Date.now(), leaves given dates alone, and keeps instanceof and Date()", () => {
    const RealDate = Date;
    installTestClock("http://localhost:3102");
    try {
      setTestClock(new Date("2027-09-14T09:00:00+02:00"));
      expect(new Date().toISOString().slice(0, 16)).toBe("2027-09-14T07:00");
      expect(Math.abs(Date.now() - new RealDate("2027-09-14T07:00:00Z").getTime())).toBeLessThan(60_000);
      expect(new Date("2024-01-01T00:00:00Z").toISOString()).toBe("2024-01-01T00:00:00.000Z");
      expect(new Date(2020, 0, 1).getFullYear()).toBe(2020);
      expect(new Date() instanceof RealDate).toBe(true);
      expect(new RealDate() instanceof Date).toBe(true);
      expect(typeof (Date as unknown as () => string)()).toBe("string");
      expect(Date.UTC(2020, 0, 1)).toBe(RealDate.UTC(2020, 0, 1));
      resetTestClock();
      expect(Math.abs(Date.now() - RealDate.now())).toBeLessThan(1000);
    } finally {
      // Uninstalled whole, so that no other test (in any order, in this worker) finds it installed.
      globalThis.Date = RealDate;
      const holder = globalThis as { __testClockOffset?: number; __testClockInstalled?: boolean; __realDate?: DateConstructor };
      delete holder.__testClockInstalled;
      delete holder.__testClockOffset;
      delete holder.__realDate;
    }
  });
});
