import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  offerAwaitingAnswer,
  appealOfferProblem,
  applyRankingMoves,
  decisionsBeforeDeadlineProblem,
  documentUploadWindow,
  isOfferExpired,
  isRankingProvisional,
  closedListOfferProblem,
  isWaitlistClosed,
  offerAnswerDeadline,
  orderWaitlist,
  planDecisionBatch,
  planWaitlistAdvance,
  requestDueDateProblem,
  waitlistClosingDate,
  waitlistClosingDateProblem,
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
  const base = {
    rankingOrder: ["a", "b", "c", "d", "e"],
    undecided: ["a", "b", "c", "d", "e"],
    waitlist: [],
    undecidedUnqualified: ["x", "y"],
    freePlaces: 2,
    closeWaitlist: false,
  };

  it("offers the free places to the first, numbers the rest on the waiting list, refuses the unqualified", () => {
    expect(planDecisionBatch(base)).toEqual({
      offers: ["a", "b"],
      waitlistOffers: [],
      waitlist: [{ id: "c", position: 1 }, { id: "d", position: 2 }, { id: "e", position: 3 }],
      moves: [],
      refusals: [{ id: "x", reason: "NOT_QUALIFIED" }, { id: "y", reason: "NOT_QUALIFIED" }],
    });
  });

  it("places the undecided by the ranking whatever order they are given in, and gives no offers when full", () => {
    expect(planDecisionBatch({ ...base, undecided: ["e", "c", "a", "d", "b"] }).offers).toEqual(["a", "b"]);
    expect(planDecisionBatch({ ...base, freePlaces: -3 }).offers).toEqual([]);
    expect(planDecisionBatch({ ...base, freePlaces: 0 }).waitlist.map((w) => w.id)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("in a second round puts a newcomer ranked ahead of those on the list before them, never after the last, and moves them down", () => {
    // Round one put p and q on the list; in round two n1 (category 1, ranked first) and n3 (ranked
    // between p and q) are decided. The list becomes n1, p, n3, q.
    const batch = planDecisionBatch({
      rankingOrder: ["o1", "o2", "n1", "p", "n3", "q", "n5"],
      undecided: ["n1", "n3", "n5"],
      waitlist: [{ id: "p", position: 1 }, { id: "q", position: 2 }],
      undecidedUnqualified: [],
      freePlaces: 0,
      closeWaitlist: false,
    });
    expect(batch.waitlist).toEqual([{ id: "n1", position: 1 }, { id: "n3", position: 3 }, { id: "n5", position: 5 }]);
    expect(batch.moves).toEqual([{ id: "p", from: 1, to: 2 }, { id: "q", from: 2, to: 4 }]);
    expect(batch.offers).toEqual([]);
  });

  it("gives free places to whoever the ranking puts first, on the list or new", () => {
    const batch = planDecisionBatch({
      rankingOrder: ["n1", "p", "n2", "q"],
      undecided: ["n1", "n2"],
      waitlist: [{ id: "p", position: 1 }, { id: "q", position: 2 }],
      undecidedUnqualified: [],
      freePlaces: 2,
      closeWaitlist: false,
    });
    expect(batch).toEqual({ offers: ["n1"], waitlistOffers: ["p"], waitlist: [{ id: "n2", position: 1 }], moves: [], refusals: [] });
  });

  it("refuses the newcomers not offered when the waiting list is closed; those already on it keep their order", () => {
    const batch = planDecisionBatch({ ...base, closeWaitlist: true });
    expect(batch.waitlist).toEqual([]);
    expect(batch.refusals.filter((r) => r.reason === "LIST_CLOSED").map((r) => r.id)).toEqual(["c", "d", "e"]);
    const withList = planDecisionBatch({ ...base, rankingOrder: ["a", "p", "b", "q"], undecided: ["a", "b"], waitlist: [{ id: "p", position: 1 }, { id: "q", position: 3 }], freePlaces: 1, closeWaitlist: true });
    expect(withList).toMatchObject({ offers: ["a"], waitlist: [], moves: [{ id: "q", from: 3, to: 2 }] });
    expect(withList.refusals).toEqual([{ id: "x", reason: "NOT_QUALIFIED" }, { id: "y", reason: "NOT_QUALIFIED" }, { id: "b", reason: "LIST_CLOSED" }]);
  });

  it("refuses bad input: an undecided candidate already on the list, a bad place or number", () => {
    expect(() => planDecisionBatch({ ...base, waitlist: [{ id: "a", position: 1 }] })).toThrow(RangeError);
    expect(() => planDecisionBatch({ ...base, undecided: [], waitlist: [{ id: "a", position: 0 }] })).toThrow(RangeError);
    expect(() => planDecisionBatch({ ...base, freePlaces: 1.5 })).toThrow(RangeError);
  });

  it("always ends with one list in ranking order: everyone once, numbered 1…n, and no newcomer after someone ranked below them", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }),
        fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }),
        fc.integer({ min: -2, max: 8 }),
        (ranked, onListFlags, freePlaces) => {
          const rankingOrder = ranked.map((n) => `c${n}`);
          const listed = rankingOrder.filter((_, index) => onListFlags[index]);
          // The list as it stands may be in any order (an old round, a klage): shuffle its numbers.
          const waitlist = [...listed].reverse().map((id, index) => ({ id, position: index + 1 }));
          const undecided = rankingOrder.filter((id) => !listed.includes(id));
          const batch = planDecisionBatch({ rankingOrder, undecided, waitlist, undecidedUnqualified: [], freePlaces, closeWaitlist: false });
          const after = new Map<string, number>([...batch.waitlist.map((e) => [e.id, e.position] as const)]);
          for (const entry of waitlist) if (!batch.waitlistOffers.includes(entry.id)) after.set(entry.id, batch.moves.find((m) => m.id === entry.id)?.to ?? entry.position);
          const list = [...after.entries()].sort((a, b) => a[1] - b[1]);
          expect(list.map(([, position]) => position)).toEqual(list.map((_, index) => index + 1));
          expect(list.map(([id]) => id)).toEqual(rankingOrder.filter((id) => after.has(id)));
          expect(batch.offers.length + batch.waitlistOffers.length).toBe(Math.min(Math.max(0, freePlaces), rankingOrder.length));
        },
      ),
    );
  });
});

describe("orderWaitlist", () => {
  it("puts the list in ranking order and says whose number changes", () => {
    expect(orderWaitlist(["a", "b", "c", "d"], [{ id: "d", position: 1 }, { id: "b", position: 2 }], ["c"])).toEqual({
      list: [{ id: "b", position: 1 }, { id: "c", position: 2 }, { id: "d", position: 3 }],
      moves: [{ id: "b", from: 2, to: 1 }, { id: "d", from: 1, to: 3 }],
    });
    expect(orderWaitlist(["a", "b"], [{ id: "a", position: 1 }, { id: "b", position: 2 }]).moves).toEqual([]);
  });

  it("keeps entries the ranking does not hold after the ranked ones, in their order, and refuses doubles", () => {
    expect(orderWaitlist(["b"], [{ id: "z", position: 1 }, { id: "b", position: 2 }, { id: "y", position: 3 }]).list.map((e) => e.id)).toEqual(["b", "z", "y"]);
    expect(() => orderWaitlist(["a"], [{ id: "a", position: 1 }], ["a"])).toThrow(RangeError);
    expect(() => orderWaitlist(["a"], [{ id: "a", position: 1 }, { id: "a", position: 2 }])).toThrow(RangeError);
  });
});

describe("no decisions before the application deadline", () => {
  it("refuses, naming the deadline, until the deadline day is over in Oslo; the ranking is provisional until then", () => {
    const lastMinute = new Date("2026-12-01T22:59:59Z"); // 23.59.59 in Oslo
    const after = new Date("2026-12-01T23:00:00Z");
    expect(decisionsBeforeDeadlineProblem("2026-12-01", lastMinute)).toBe("Vedtak kan ikke sendes før søknadsfristen 1. desember 2026 er ute.");
    expect(decisionsBeforeDeadlineProblem("2026-12-01", new Date("2026-11-20T12:00:00Z"))).toBe("Vedtak kan ikke sendes før søknadsfristen 1. desember 2026 er ute.");
    expect(decisionsBeforeDeadlineProblem("2026-12-01", after)).toBeNull();
    expect(isRankingProvisional("2026-12-01", lastMinute)).toBe(true);
    expect(isRankingProvisional("2026-12-01", after)).toBe(false);
    expect(decisionsBeforeDeadlineProblem("2026-06-15", new Date("2026-06-15T21:59:59Z"))).not.toBeNull();
    expect(decisionsBeforeDeadlineProblem("2026-06-15", new Date("2026-06-15T22:00:00Z"))).toBeNull();
  });
});

describe("the waiting list closes", () => {
  it("on the intake's own date, else the kull's first samling day, else the day it starts", () => {
    expect(waitlistClosingDate({ waitlistClosesOn: "2027-01-05", startsOn: "2027-01-12", samlingDays: ["2027-01-12"] })).toBe("2027-01-05");
    expect(waitlistClosingDate({ waitlistClosesOn: null, startsOn: "2027-01-04", samlingDays: ["2027-03-02", "2027-01-12", "2027-01-13"] })).toBe("2027-01-12");
    expect(waitlistClosingDate({ waitlistClosesOn: null, startsOn: "2027-01-04", samlingDays: [] })).toBe("2027-01-04");
    expect(waitlistClosingDate({ waitlistClosesOn: null, startsOn: "2027-01-04" })).toBe("2027-01-04");
  });

  it("from the start of its day in Oslo", () => {
    expect(isWaitlistClosed("2027-01-12", new Date("2027-01-11T22:59:59Z"))).toBe(false);
    expect(isWaitlistClosed("2027-01-12", new Date("2027-01-11T23:00:00Z"))).toBe(true);
    expect(isWaitlistClosed("2027-01-12", new Date("2027-03-01T12:00:00Z"))).toBe(true);
  });

  it("once closed, no ordinary offer is made, with why", () => {
    expect(closedListOfferProblem("2027-01-12", new Date("2027-01-11T22:59:59Z"))).toBeNull();
    expect(closedListOfferProblem("2027-01-12", new Date("2027-01-11T23:00:00Z"))).toBe(
      "Ventelisten ble stengt 12. januar 2027. Etter det gis det ikke flere tilbud om plass i kullet, bare etter en klage.",
    );
  });

  it("may be set after the application deadline and no later than the kull's end, in Norwegian", () => {
    const cohort = { applicationDeadline: "2026-12-01", endsOn: "2028-05-30" };
    expect(waitlistClosingDateProblem("2026-12-02", cohort)).toBeNull();
    expect(waitlistClosingDateProblem("2028-05-30", cohort)).toBeNull();
    expect(waitlistClosingDateProblem("2026-12-01", cohort)).toBe("Ventelisten kan ikke stenge før søknadsfristen 1. desember 2026 er ute. Velg 2. desember 2026 eller senere.");
    expect(waitlistClosingDateProblem("2026-11-01", cohort)).toMatch(/^Ventelisten kan ikke stenge før søknadsfristen/);
    expect(waitlistClosingDateProblem("2028-05-31", cohort)).toBe("Ventelisten må stenge senest når kullet slutter, 30. mai 2028.");
    expect(waitlistClosingDateProblem("2027-02-30", cohort)).toBe("Skriv en gyldig dato (dd.mm.åååå).");
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

describe("a klage's «gi tilbud» when the kull is full", () => {
  it("is possible while a place is free", () => {
    expect(appealOfferProblem({ capacity: 20, taken: 19 })).toBeNull();
    expect(appealOfferProblem({ capacity: 1, taken: 0 })).toBeNull();
  });

  it("is refused, with what to do instead, when every place is taken (or more, after a capacity cut)", () => {
    expect(appealOfferProblem({ capacity: 20, taken: 20 })).toBe(
      "Kullet er fullt: alle 20 studieplassene er tilbudt eller tatt, så klagen kan ikke tas til følge med tilbud om plass nå. Gi en bedre plass på ventelisten, eller ikke ta klagen til følge. Takker noen nei, blir en plass ledig.",
    );
    expect(appealOfferProblem({ capacity: 1, taken: 1 })).toMatch(/^Kullet er fullt: studieplassen er tilbudt eller tatt,/);
    expect(appealOfferProblem({ capacity: 20, taken: 22 })).not.toBeNull();
  });
});

describe("offerAwaitingAnswer", () => {
  const offer = (answer: string | null, answerDeadline: string | null = "2026-12-15") => ({ status: "DECIDED", decision: { outcome: "OFFER", answer, answerDeadline } });
  it("is an unanswered offer until the end of its answer day in Oslo", () => {
    expect(offerAwaitingAnswer(offer(null), new Date("2026-12-15T22:59:59Z"))).toBe(true);
    expect(offerAwaitingAnswer(offer(null), new Date("2026-12-15T23:00:00Z"))).toBe(false);
  });
  it("is not an answered offer, one without a deadline, another outcome or an undecided application", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    for (const answer of ["ACCEPTED", "DECLINED", "EXPIRED"]) expect(offerAwaitingAnswer(offer(answer), now), answer).toBe(false);
    expect(offerAwaitingAnswer(offer(null, null), now)).toBe(false);
    expect(offerAwaitingAnswer({ status: "DECIDED", decision: { outcome: "WAITLIST", answer: null, answerDeadline: "2026-12-15" } }, now)).toBe(false);
    expect(offerAwaitingAnswer({ status: "WITHDRAWN", decision: { outcome: "OFFER", answer: null, answerDeadline: "2026-12-15" } }, now)).toBe(false);
    expect(offerAwaitingAnswer({ status: "SUBMITTED", decision: null }, now)).toBe(false);
  });
});
