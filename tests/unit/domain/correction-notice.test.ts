import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctionNeedsNotice, correctionNoticeDeadline, correctionNoticeNotReady, CORRECTION_NOTICE_DAYS, mayRespondToNotice } from "@/lib/domain/correction-notice";
import { addDays, compareIsoDates } from "@/lib/domain/dates";
import { isWorkingDay } from "@/lib/domain/holidays";

describe("which corrections need a forhåndsvarsel", () => {
  it("only approved → not approved on the final attempt of a required arbeidskrav (an enkeltvedtak against the student)", () => {
    const plan = (maxAttempts: number, required = true) => ({ maxAttempts, required });
    expect(correctionNeedsNotice({ attempt: 2, status: "APPROVED" }, plan(2), "NOT_APPROVED")).toBe(true);
    expect(correctionNeedsNotice({ attempt: 1, status: "APPROVED" }, plan(1), "NOT_APPROVED")).toBe(true);
    // Not the final attempt: she hands in again; not an enkeltvedtak.
    expect(correctionNeedsNotice({ attempt: 1, status: "APPROVED" }, plan(2), "NOT_APPROVED")).toBe(false);
    // An optional extra never counts toward the exam: its «ikke godkjent» decides nothing.
    expect(correctionNeedsNotice({ attempt: 2, status: "APPROVED" }, plan(2, false), "NOT_APPROVED")).toBe(false);
    // In her favour.
    expect(correctionNeedsNotice({ attempt: 2, status: "NOT_APPROVED" }, plan(2), "APPROVED")).toBe(false);
    expect(correctionNeedsNotice({ attempt: 2, status: "SUBMITTED" }, plan(2), "NOT_APPROVED")).toBe(false);
  });
});

describe("the deadline to speak", () => {
  it("is two weeks from the notice, on a working day, never earlier", () => {
    expect(correctionNoticeDeadline("2026-03-02")).toBe("2026-03-16");
    // Two weeks from Wednesday 18 March 2026 is 1 April, and Easter moves nothing until Maundy Thursday.
    expect(correctionNoticeDeadline("2026-03-18")).toBe("2026-04-01");
    // Two weeks from 19 March is Maundy Thursday 2 April: the next working day is Tuesday 7 April.
    expect(correctionNoticeDeadline("2026-03-19")).toBe("2026-04-07");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const sent = addDays("2025-01-01", offset);
        const deadline = correctionNoticeDeadline(sent);
        expect(isWorkingDay(deadline)).toBe(true);
        expect(compareIsoDates(deadline, addDays(sent, CORRECTION_NOTICE_DAYS))).toBeGreaterThanOrEqual(0);
        expect(compareIsoDates(deadline, addDays(sent, CORRECTION_NOTICE_DAYS + 6))).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe("when the correction can be carried out", () => {
  const notice = { respondBy: "2026-03-16", members: ["a", "b"], responded: [] as string[] };
  it("not before the deadline while someone has not spoken; the day after it, or once everyone has", () => {
    expect(correctionNoticeNotReady(notice, "2026-03-10")).toMatch(/16\. mars 2026/);
    expect(correctionNoticeNotReady(notice, "2026-03-16")).not.toBeNull();
    expect(correctionNoticeNotReady({ ...notice, responded: ["a"] }, "2026-03-16")).not.toBeNull();
    expect(correctionNoticeNotReady(notice, "2026-03-17")).toBeNull();
    expect(correctionNoticeNotReady({ ...notice, responded: ["b", "a"] }, "2026-03-03")).toBeNull();
  });

  it("in any order of uttalelser: ready exactly when the deadline has passed or every member has spoken", () => {
    const members = ["a", "b", "c"];
    fc.assert(
      fc.property(fc.subarray(members), fc.integer({ min: -20, max: 20 }), (responded, offset) => {
        const today = addDays("2026-03-16", offset);
        const ready = correctionNoticeNotReady({ respondBy: "2026-03-16", members, responded }, today) === null;
        expect(ready).toBe(offset > 0 || responded.length === members.length);
      }),
    );
  });

  it("a member may speak until it is decided, also after the deadline", () => {
    expect(mayRespondToNotice("PENDING")).toBe(true);
    expect(mayRespondToNotice("CARRIED_OUT")).toBe(false);
    expect(mayRespondToNotice("WITHDRAWN")).toBe(false);
  });
});
