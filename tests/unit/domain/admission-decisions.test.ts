import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  applyRankingMoves,
  documentUploadWindow,
  isOfferExpired,
  offerAnswerDeadline,
  planDecisionBatch,
  planWaitlistAdvance,
  requestDueDateProblem,
} from "@/lib/domain/admission-decisions";

describe("applyRankingMoves", () => {
  it("moves a candidate to the chosen place and keeps the others' order", () => {
    expect(applyRankingMoves(["a", "b", "c", "d"], [{ id: "d", toRank: 2 }])).toEqual(["a", "d", "b", "c"]);
    expect(applyRankingMoves(["a", "b", "c", "d"], [{ id: "a", toRank: 3 }])).toEqual(["b", "c", "a", "d"]);
  });

  it("applies moves in the order they were made, puts a too-large place last, skips gone candidates", () => {
    const order = ["a", "b", "c", "d"];
    expect(applyRankingMoves(order, [{ id: "c", toRank: 1 }, { id: "a", toRank: 99 }, { id: "x", toRank: 1 }])).toEqual(["c", "b", "d", "a"]);
    expect(order).toEqual(["a", "b", "c", "d"]);
    expect(() => applyRankingMoves(order, [{ id: "a", toRank: 0 }])).toThrow(RangeError);
  });

  it("never loses or duplicates a candidate", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 40 }))), (order, raw) => {
        const moves = raw.map(([index, toRank]) => ({ id: order[index % Math.max(1, order.length)] ?? "none", toRank }));
        const result = applyRankingMoves(order, moves);
        expect([...result].sort()).toEqual([...order].sort());
      }),
    );
  });
});

describe("planDecisionBatch", () => {
  const base = { undecidedInOrder: ["a", "b", "c", "d", "e"], undecidedUnqualified: ["x", "y"], freePlaces: 2, lastWaitlistPosition: 0, closeWaitlist: false };

  it("offers the free places to the first, numbers the rest on the waiting list, refuses the unqualified", () => {
    expect(planDecisionBatch(base)).toEqual({
      offers: ["a", "b"],
      waitlist: [{ id: "c", position: 1 }, { id: "d", position: 2 }, { id: "e", position: 3 }],
      refusals: [{ id: "x", reason: "NOT_QUALIFIED" }, { id: "y", reason: "NOT_QUALIFIED" }],
    });
  });

  it("continues the waiting-list numbers after those already given, and gives no offers when full", () => {
    expect(planDecisionBatch({ ...base, freePlaces: 0, lastWaitlistPosition: 4 }).waitlist.map((w) => w.position)).toEqual([5, 6, 7, 8, 9]);
    expect(planDecisionBatch({ ...base, freePlaces: -3 }).offers).toEqual([]);
  });

  it("refuses everyone not offered when the waiting list is closed", () => {
    const batch = planDecisionBatch({ ...base, closeWaitlist: true });
    expect(batch.waitlist).toEqual([]);
    expect(batch.refusals.filter((r) => r.reason === "LIST_CLOSED").map((r) => r.id)).toEqual(["c", "d", "e"]);
  });
});

describe("planWaitlistAdvance", () => {
  const list = [{ id: "c", position: 3 }, { id: "a", position: 1 }, { id: "b", position: 2 }, { id: "d", position: 5 }];

  it("offers free places to the first on the list and moves the rest up to 1, 2, …", () => {
    expect(planWaitlistAdvance(1, list)).toEqual({
      offers: ["a"],
      moves: [{ id: "b", from: 2, to: 1 }, { id: "c", from: 3, to: 2 }, { id: "d", from: 5, to: 3 }],
    });
  });

  it("does nothing without free places except close gaps, and never offers more than the list holds", () => {
    expect(planWaitlistAdvance(0, list)).toEqual({ offers: [], moves: [{ id: "d", from: 5, to: 4 }] });
    expect(planWaitlistAdvance(10, list).offers).toEqual(["a", "b", "c", "d"]);
    expect(planWaitlistAdvance(2, []).offers).toEqual([]);
  });
});

describe("deadlines", () => {
  it("gives an offer the cohort's answer deadline, but at least seven days", () => {
    expect(offerAnswerDeadline("2026-12-01", "2026-12-20")).toBe("2026-12-20");
    expect(offerAnswerDeadline("2026-12-18", "2026-12-20")).toBe("2026-12-25");
    expect(offerAnswerDeadline("2026-12-13", "2026-12-20")).toBe("2026-12-20");
  });

  it("lets an offer expire when its last day is over in Oslo, in winter and in summer", () => {
    expect(isOfferExpired("2026-12-20", new Date("2026-12-20T22:59:59Z"))).toBe(false);
    expect(isOfferExpired("2026-12-20", new Date("2026-12-20T23:00:00Z"))).toBe(true);
    expect(isOfferExpired("2026-06-20", new Date("2026-06-20T21:59:59Z"))).toBe(false);
    expect(isOfferExpired("2026-06-20", new Date("2026-06-20T22:00:00Z"))).toBe(true);
  });

  it("accepts a request's due date from tomorrow to 90 days ahead", () => {
    const now = new Date("2026-12-01T12:00:00+01:00");
    expect(requestDueDateProblem("2026-12-01", now)).toBe("Fristen må være etter i dag.");
    expect(requestDueDateProblem("2026-12-02", now)).toBeNull();
    expect(requestDueDateProblem("2027-03-01", now)).toBeNull();
    expect(requestDueDateProblem("2027-03-02", now)).toBe("Fristen kan være høyst 90 dager fram i tid.");
  });
});

describe("documentUploadWindow", () => {
  const sent = { status: "UNDER_REVIEW" as const, applicationDeadline: "2026-12-01", openRequestDueDates: [] as string[] };

  it("is open for a draft, and for a sent application until the end of the deadline day", () => {
    expect(documentUploadWindow({ ...sent, status: "DRAFT" }, new Date("2027-05-01T12:00:00Z"))).toEqual({ open: true, until: null });
    expect(documentUploadWindow(sent, new Date("2026-12-01T22:59:00Z"))).toEqual({ open: true, until: "2026-12-01" });
    expect(documentUploadWindow(sent, new Date("2026-12-01T23:00:00Z"))).toEqual({ open: false, until: null });
  });

  it("opens again after the deadline until the due date of a request for documentation", () => {
    const requested = { ...sent, openRequestDueDates: ["2026-12-15", "2026-12-10"] };
    expect(documentUploadWindow(requested, new Date("2026-12-12T12:00:00Z"))).toEqual({ open: true, until: "2026-12-15" });
    expect(documentUploadWindow(requested, new Date("2026-12-15T23:00:00Z"))).toEqual({ open: false, until: null });
  });

  it("is closed for decided and withdrawn applications", () => {
    for (const status of ["DECIDED", "WITHDRAWN"] as const) {
      expect(documentUploadWindow({ ...sent, status, openRequestDueDates: ["2030-01-01"] }, new Date("2026-11-01T12:00:00Z")).open).toBe(false);
    }
  });
});
