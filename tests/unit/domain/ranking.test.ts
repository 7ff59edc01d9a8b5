import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  explainRankingPlace,
  explainRankingPlaces,
  rankApplicants,
  type PriorityCategory,
  type RankingCandidate,
  type RankingResult,
} from "@/lib/domain/admission";
import { mulberry32, randomInt, shuffled } from "@/lib/random";

function cand(
  id: string,
  category: PriorityCategory,
  county: string,
  submittedAt: string,
  qualified = true,
): RankingCandidate {
  return { id, qualified, category, county, submittedAt };
}

/**
 * The rule written the obvious O(n²) way, as the reference: category by category, repeatedly take
 * the remaining candidate with the fewest placed from its county, then earliest submittedAt, then
 * smallest id.
 */
function referenceRanking(candidates: RankingCandidate[], places: number): RankingResult {
  const placed = new Map<string, number>();
  const order: string[] = [];
  for (const category of [1, 2, 3, 4]) {
    const remaining = candidates.filter((c) => c.qualified && c.category === category);
    while (remaining.length > 0) {
      let best = 0;
      for (let i = 1; i < remaining.length; i++) {
        const a = remaining[i]!;
        const b = remaining[best]!;
        const ka = placed.get(a.county) ?? 0;
        const kb = placed.get(b.county) ?? 0;
        const ta = Date.parse(a.submittedAt);
        const tb = Date.parse(b.submittedAt);
        if (ka < kb || (ka === kb && (ta < tb || (ta === tb && a.id < b.id)))) best = i;
      }
      const [chosen] = remaining.splice(best, 1);
      order.push(chosen!.id);
      placed.set(chosen!.county, (placed.get(chosen!.county) ?? 0) + 1);
    }
  }
  const rejected = candidates
    .filter((c) => !c.qualified)
    .map((c) => c.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { admitted: order.slice(0, places), waitlist: order.slice(places), rejected };
}

function randomCandidates(random: () => number, n: number, counties: number, timeSlots: number): RankingCandidate[] {
  const base = Date.UTC(2024, 9, 1);
  return Array.from({ length: n }, (_, i) => {
    // Few counties and few distinct times, so ties in count and time are common.
    const county = `F${Math.min(randomInt(random, 0, counties - 1), randomInt(random, 0, counties - 1))}`;
    const when = new Date(base + randomInt(random, 0, timeSlots - 1) * 3_600_000).toISOString();
    return cand(`s${String(randomInt(random, 0, 9999)).padStart(4, "0")}-${i}`, randomInt(random, 1, 4) as PriorityCategory, county, when, random() > 0.1);
  });
}

describe("rankApplicants: the example", () => {
  it("spreads places across counties within a category", () => {
    const result = rankApplicants(
      [
        cand("a", 1, "Oslo", "2024-11-01T10:00:00Z"),
        cand("b", 1, "Oslo", "2024-11-02T10:00:00Z"),
        cand("c", 1, "Agder", "2024-11-03T10:00:00Z"),
      ],
      2,
    );
    expect(result).toEqual({ admitted: ["a", "c"], waitlist: ["b"], rejected: [] });
  });
});

describe("rankApplicants: order", () => {
  it("puts category 1 before 2, 3 and 4 regardless of county or time", () => {
    const result = rankApplicants(
      [
        cand("d4", 4, "A", "2024-01-01T00:00:00Z"),
        cand("c3", 3, "B", "2024-01-02T00:00:00Z"),
        cand("b2", 2, "C", "2024-01-03T00:00:00Z"),
        cand("a1", 1, "D", "2024-01-04T00:00:00Z"),
      ],
      10,
    );
    expect(result).toEqual({ admitted: ["a1", "b2", "c3", "d4"], waitlist: [], rejected: [] });
  });

  it("with county counts equal, the earliest submittedAt goes first", () => {
    const result = rankApplicants(
      [cand("x", 1, "Oslo", "2024-11-02T10:00:00Z"), cand("y", 1, "Agder", "2024-11-01T10:00:00Z")],
      2,
    );
    expect(result.admitted).toEqual(["y", "x"]);
  });

  it("with county counts and times equal, the smallest id goes first (code-unit order, not locale)", () => {
    const t = "2024-11-01T10:00:00Z";
    const result = rankApplicants([cand("b", 1, "Oslo", t), cand("a", 1, "Agder", t), cand("B", 1, "Viken", t)], 3);
    expect(result.admitted).toEqual(["B", "a", "b"]);
    const inCounty = rankApplicants([cand("å", 2, "Oslo", t), cand("z", 2, "Oslo", t), cand("Z", 2, "Oslo", t)], 0);
    expect(inCounty.waitlist).toEqual(["Z", "z", "å"]);
  });

  it("compares submittedAt as instants across offsets", () => {
    // 10:30+01:00 is 09:30Z, earlier than 10:00Z.
    const result = rankApplicants(
      [cand("utc", 1, "A", "2024-11-01T10:00:00Z"), cand("oslo", 1, "B", "2024-11-01T10:30:00+01:00")],
      2,
    );
    expect(result.admitted).toEqual(["oslo", "utc"]);
    const summer = rankApplicants(
      [cand("z", 1, "A", "2024-06-01T09:59:59.999Z"), cand("cest", 1, "B", "2024-06-01T12:00:00+02:00")],
      2,
    );
    expect(summer.admitted).toEqual(["z", "cest"]);
  });

  it("compares timestamps below the millisecond", () => {
    const result = rankApplicants(
      [cand("a", 1, "A", "2024-11-01T10:00:00.000002Z"), cand("b", 1, "B", "2024-11-01T10:00:00.000001Z")],
      2,
    );
    expect(result.admitted).toEqual(["b", "a"]);
  });

  it("inside a county, candidates go in submission order", () => {
    const result = rankApplicants(
      [
        cand("o3", 1, "Oslo", "2024-11-03T00:00:00Z"),
        cand("o1", 1, "Oslo", "2024-11-01T00:00:00Z"),
        cand("o2", 1, "Oslo", "2024-11-02T00:00:00Z"),
      ],
      3,
    );
    expect(result.admitted).toEqual(["o1", "o2", "o3"]);
  });

  it("round-robins across counties, each round in submission order of the heads", () => {
    const result = rankApplicants(
      [
        cand("o1", 1, "Oslo", "2024-11-01T00:00:00Z"),
        cand("o2", 1, "Oslo", "2024-11-02T00:00:00Z"),
        cand("o3", 1, "Oslo", "2024-11-03T00:00:00Z"),
        cand("t1", 1, "Trøndelag", "2024-11-04T00:00:00Z"),
        cand("t2", 1, "Trøndelag", "2024-11-05T00:00:00Z"),
        cand("n1", 1, "Nordland", "2024-11-06T00:00:00Z"),
      ],
      4,
    );
    expect(result).toEqual({ admitted: ["o1", "t1", "n1", "o2"], waitlist: ["t2", "o3"], rejected: [] });
  });

  it("carries county counts across categories", () => {
    // Oslo already has two placed in category 1, Agder none, so Agder's later applicant goes first in category 2.
    const result = rankApplicants(
      [
        cand("o1", 1, "Oslo", "2024-11-01T00:00:00Z"),
        cand("o2", 1, "Oslo", "2024-11-02T00:00:00Z"),
        cand("o3", 2, "Oslo", "2024-10-01T00:00:00Z"),
        cand("a1", 2, "Agder", "2024-11-30T00:00:00Z"),
        cand("a2", 2, "Agder", "2024-12-01T00:00:00Z"),
        cand("t1", 3, "Troms", "2024-11-30T00:00:00Z"),
        cand("a3", 3, "Agder", "2024-10-01T00:00:00Z"),
      ],
      7,
    );
    // Category 2: counts Oslo 2, Agder 0 → a1 (Agder 1) → a2 (Agder 1 < Oslo 2) → o3.
    // Category 3: counts Agder 2, Troms 0 → t1, then a3.
    expect(result.admitted).toEqual(["o1", "o2", "a1", "a2", "o3", "t1", "a3"]);
  });

  it("lets a large county take turns only when its count ties", () => {
    const oslo = Array.from({ length: 5 }, (_, i) => cand(`o${i}`, 1, "Oslo", `2024-11-0${i + 1}T00:00:00Z`));
    const result = rankApplicants([...oslo, cand("a0", 1, "Agder", "2024-11-09T00:00:00Z")], 6);
    expect(result.admitted).toEqual(["o0", "a0", "o1", "o2", "o3", "o4"]);
  });
});

describe("rankApplicants: places and rejection", () => {
  const list = [
    cand("a", 1, "A", "2024-11-01T00:00:00Z"),
    cand("b", 2, "B", "2024-11-01T00:00:00Z"),
    cand("c", 3, "C", "2024-11-01T00:00:00Z"),
  ];

  it("admits no one with 0 places", () => {
    expect(rankApplicants(list, 0)).toEqual({ admitted: [], waitlist: ["a", "b", "c"], rejected: [] });
  });

  it("admits everyone qualified when places exceed candidates", () => {
    expect(rankApplicants(list, 100)).toEqual({ admitted: ["a", "b", "c"], waitlist: [], rejected: [] });
  });

  it("handles no candidates", () => {
    expect(rankApplicants([], 5)).toEqual({ admitted: [], waitlist: [], rejected: [] });
  });

  it("never admits the unqualified, even with places to spare, and sorts them by id", () => {
    const result = rankApplicants(
      [
        cand("z", 1, "A", "2024-10-01T00:00:00Z", false),
        cand("m", 1, "B", "2024-10-01T00:00:00Z", false),
        cand("q", 4, "A", "2024-12-01T00:00:00Z"),
        cand("B", 1, "C", "2024-10-01T00:00:00Z", false),
      ],
      10,
    );
    expect(result).toEqual({ admitted: ["q"], waitlist: [], rejected: ["B", "m", "z"] });
  });

  it("does not count rejected candidates towards their county", () => {
    const result = rankApplicants(
      [
        cand("x", 1, "Oslo", "2024-10-01T00:00:00Z", false),
        cand("o", 1, "Oslo", "2024-11-01T00:00:00Z"),
        cand("a", 1, "Agder", "2024-11-02T00:00:00Z"),
      ],
      1,
    );
    expect(result).toEqual({ admitted: ["o"], waitlist: ["a"], rejected: ["x"] });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses places = %s", (places) => {
    expect(() => rankApplicants(list, places)).toThrow(RangeError);
  });

  it("refuses two candidates with the same id, qualified or not", () => {
    expect(() => rankApplicants([...list, cand("a", 4, "Z", "2024-11-05T00:00:00Z")], 1)).toThrow(RangeError);
    expect(() => rankApplicants([...list, cand("a", 4, "Z", "2024-11-05T00:00:00Z", false)], 1)).toThrow(RangeError);
  });

  it("refuses an invalid category or timestamp", () => {
    expect(() => rankApplicants([cand("a", 5 as PriorityCategory, "A", "2024-11-01T00:00:00Z")], 1)).toThrow(RangeError);
    expect(() => rankApplicants([cand("a", 1, "A", "2024-02-30T00:00:00Z")], 1)).toThrow(RangeError);
    expect(() => rankApplicants([cand("a", 1, "A", "yesterday", false)], 1)).toThrow(RangeError);
  });

  it("does not change its input", () => {
    const input = [
      cand("b", 1, "A", "2024-11-02T00:00:00Z"),
      cand("a", 1, "A", "2024-11-01T00:00:00Z"),
      cand("c", 1, "A", "2024-11-03T00:00:00Z", false),
    ];
    const copy = structuredClone(input);
    rankApplicants(input, 1);
    expect(input).toEqual(copy);
  });
});

describe("rankApplicants: properties", () => {
  it("does not depend on the input order (many seeded permutations)", () => {
    const random = mulberry32(2024);
    for (let run = 0; run < 20; run++) {
      const candidates = randomCandidates(random, 60, 5, 8);
      const expected = rankApplicants(candidates, 25);
      for (let k = 0; k < 25; k++) {
        expect(rankApplicants(shuffled(candidates, random), 25)).toEqual(expected);
      }
    }
  });

  it("matches the straightforward O(n²) reference on random inputs with many ties", () => {
    const random = mulberry32(99);
    for (let run = 0; run < 300; run++) {
      const n = randomInt(random, 0, 80);
      const candidates = randomCandidates(random, n, randomInt(random, 1, 8), randomInt(random, 1, 10));
      const places = randomInt(random, 0, n + 2);
      expect(rankApplicants(candidates, places)).toEqual(referenceRanking(candidates, places));
    }
  });

  it("matches the reference when one county dominates and counts tie often", () => {
    const random = mulberry32(5);
    const candidates = Array.from({ length: 400 }, (_, i) =>
      cand(
        `id${i}`,
        (1 + (i % 4)) as PriorityCategory,
        random() < 0.6 ? "Oslo" : `F${i % 7}`,
        new Date(Date.UTC(2024, 10, 1) + randomInt(random, 0, 3) * 60_000).toISOString(),
      ),
    );
    expect(rankApplicants(candidates, 150)).toEqual(referenceRanking(candidates, 150));
  });

  it("partitions the candidates: every id appears exactly once", () => {
    const random = mulberry32(11);
    const candidates = randomCandidates(random, 500, 15, 50);
    const { admitted, waitlist, rejected } = rankApplicants(candidates, 120);
    expect(admitted).toHaveLength(120);
    expect(new Set([...admitted, ...waitlist, ...rejected]).size).toBe(500);
    expect([...admitted, ...waitlist, ...rejected].sort()).toEqual(candidates.map((c) => c.id).sort());
    const byId = new Map(candidates.map((c) => [c.id, c]));
    expect([...admitted, ...waitlist].every((id) => byId.get(id)!.qualified)).toBe(true);
    expect(rejected.every((id) => !byId.get(id)!.qualified)).toBe(true);
    const categories = [...admitted, ...waitlist].map((id) => byId.get(id)!.category);
    expect(categories).toEqual([...categories].sort());
  });
});

describe("explainRankingPlace", () => {
  const candidates = [
    cand("o1", 1, "03", "2024-11-01T09:15:00Z"),
    cand("o2", 1, "03", "2024-11-02T09:15:00Z"),
    cand("t1", 1, "50", "2024-11-03T09:15:00Z"),
    cand("t2", 2, "50", "2024-11-04T09:15:00Z"),
    cand("x", 1, "03", "2024-11-01T09:15:00Z", false),
  ];
  const result = rankApplicants(candidates, 2);

  it("ranks as expected for the explanations below", () => {
    expect(result).toEqual({ admitted: ["o1", "t1"], waitlist: ["o2", "t2"], rejected: ["x"] });
  });

  it("explains an admitted candidate", () => {
    expect(explainRankingPlace(candidates, result, "t1")).toEqual({
      id: "t1",
      outcome: "ADMITTED",
      category: 1,
      county: "50",
      rank: 2,
      waitlistPosition: null,
      aheadInHigherCategories: 0,
      sameCountyAhead: 0,
      reasons: [
        "Du er i prioritetskategori 1 (leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar).",
        "Du er den første søkeren fra Trøndelag i rangeringen.",
        "Søknaden din ble sendt inn 3. november 2024 kl. 10.15. Står søkere likt i kategori og fylke, går den som sendte søknaden først, foran.",
        "Du er nummer 2 i rangeringen og får tilbud om plass.",
      ],
    });
  });

  it("explains a waitlisted candidate behind others from the same county", () => {
    const e = explainRankingPlace(candidates, result, "o2");
    expect(e.outcome).toBe("WAITLISTED");
    expect(e.rank).toBe(3);
    expect(e.waitlistPosition).toBe(1);
    expect(e.sameCountyAhead).toBe(1);
    expect(e.reasons).toEqual([
      "Du er i prioritetskategori 1 (leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar).",
      "1 søker fra Oslo er rangert foran deg. For å få geografisk spredning går neste plass i hver kategori til søkeren fra det fylket som har færrest rangert så langt.",
      "Søknaden din ble sendt inn 2. november 2024 kl. 10.15. Står søkere likt i kategori og fylke, går den som sendte søknaden først, foran.",
      "Du er nummer 3 i rangeringen. Alle plassene går til søkere foran deg, og du er nummer 1 på ventelisten. Hvis noen takker nei til plassen sin, går den til den neste på ventelisten.",
    ]);
  });

  it("gives a moved candidate's place as the adviser's, with the reason, not the county and time that did not decide it", () => {
    // t2 (category 2) moved by the adviser to place 1, ahead of three in category 1.
    const moved = { admitted: ["t2", "o1"], waitlist: ["t1", "o2"], rejected: ["x"] };
    const moves = new Map([["t2", { toRank: 1, reason: "Eneste søker fra et barnevern uten leder i fylket." }]]);
    expect(explainRankingPlace(candidates, moved, "t2", { moves }).reasons).toEqual([
      "Du er i prioritetskategori 2 (mer enn to års ledererfaring fra kommunalt barnevern).",
      "Studieveilederen har flyttet søknaden din til plass 1 i rangeringen, med denne begrunnelsen: Eneste søker fra et barnevern uten leder i fylket.",
      "Du er nummer 1 i rangeringen og får tilbud om plass.",
    ]);
    expect(explainRankingPlace(candidates, moved, "t2", { moves, voice: "adviser", includePlacement: false }).reasons).toEqual([
      "Søkeren er i prioritetskategori 2 (mer enn to års ledererfaring fra kommunalt barnevern).",
      "Studieveilederen har flyttet søkeren til plass 1: Eneste søker fra et barnevern uten leder i fylket.",
    ]);
    // The others are explained by the rules, as the order now stands (one more ahead of o1), and
    // told that someone was moved ahead of them (a walk: the letter left out what put him there).
    expect(explainRankingPlace(candidates, moved, "o1", { moves }).reasons.slice(1, 3)).toEqual([
      "1 søker er flyttet foran deg i rangeringen av studieveilederen, etter en skriftlig begrunnet vurdering.",
      "Du er den første søkeren fra Oslo i rangeringen.",
    ]);
    expect(explainRankingPlace(candidates, moved, "o2", { moves, voice: "adviser" }).reasons).toContain(
      "1 søker som studieveilederen har flyttet i rangeringen, står foran søkeren.",
    );
    // Nobody moved ahead of the moved one herself, nor of anyone when there are no moves.
    expect(explainRankingPlace(candidates, moved, "t2", { moves }).reasons.join(" ")).not.toContain("er flyttet foran");
    expect(explainRankingPlace(candidates, moved, "o1").reasons.join(" ")).not.toContain("flyttet");
    // One pass explains every place the same way.
    const all = explainRankingPlaces(candidates, moved, { moves });
    for (const id of ["t2", "o1", "t1", "o2"]) expect(all.get(id)).toEqual(explainRankingPlace(candidates, moved, id, { moves }));
  });

  it("speaks of «søkeren» to the adviser, and gives the place within or outside the places, never as an offer made", () => {
    const admitted = explainRankingPlace(candidates, result, "t1", { voice: "adviser" });
    expect(admitted.reasons).toEqual([
      "Søkeren er i prioritetskategori 1 (leder eller stedfortreder i kommunalt barnevern med fagansvar og personalansvar).",
      "Søkeren er den første fra Trøndelag i rangeringen.",
      "Søknaden ble sendt inn 3. november 2024 kl. 10.15. Står søkere likt i kategori og fylke, går den som sendte søknaden først, foran.",
      "Nummer 2 i rangeringen: innenfor plassene.",
    ]);
    expect(explainRankingPlace(candidates, result, "o2", { voice: "adviser" }).reasons.at(-1)).toBe("Nummer 3 i rangeringen: utenfor plassene, nummer 1 på ventelisten.");
    const lower = explainRankingPlace(candidates, result, "t2", { voice: "adviser", countyLabel: (c) => `fylke ${c}` });
    expect(lower.reasons.slice(1, 3)).toEqual([
      "3 søkere i høyere prioritetskategorier er rangert foran søkeren.",
      "Søkeren er den eneste i prioritetskategori 2 i rangeringen, så fylket (fylke 50) og når søknaden ble sendt, avgjør ikke plassen.",
    ]);
    for (const reasons of [admitted.reasons, lower.reasons]) expect(reasons.join(" ")).not.toMatch(/\b(du|deg|din)\b/i);
  });

  it("explains a lower category and counts across categories; the only one in her category is not told the county placed her", () => {
    const e = explainRankingPlace(candidates, result, "t2", { countyLabel: (c) => `fylke ${c}` });
    expect(e.aheadInHigherCategories).toBe(3);
    expect(e.sameCountyAhead).toBe(1);
    expect(e.waitlistPosition).toBe(2);
    expect(e.reasons).toEqual([
      "Du er i prioritetskategori 2 (mer enn to års ledererfaring fra kommunalt barnevern).",
      "3 søkere i høyere prioritetskategorier er rangert foran deg.",
      "Du er den eneste i prioritetskategori 2 i rangeringen, så fylket ditt (fylke 50) og når du sendte søknaden, avgjør ikke plassen din.",
      "Du er nummer 4 i rangeringen. Alle plassene går til søkere foran deg, og du er nummer 2 på ventelisten. Hvis noen takker nei til plassen sin, går den til den neste på ventelisten.",
    ]);
    // With another in her category, the county and the time are what ordered them.
    const shared = [...candidates, cand("t3", 2, "03", "2024-11-05T09:15:00Z")];
    const again = explainRankingPlace(shared, rankApplicants(shared, 2), "t2", { countyLabel: (c) => `fylke ${c}` });
    expect(again.reasons[2]).toBe(
      "1 søker fra fylke 50 er rangert foran deg. For å få geografisk spredning går neste plass i hver kategori til søkeren fra det fylket som har færrest rangert så langt.",
    );
    expect(again.reasons[3]).toMatch(/^Søknaden din ble sendt inn 4\. november 2024 kl\. 10\.15\. Står søkere likt i kategori og fylke/);
  });

  it("uses the county value itself when it is not a county number", () => {
    const list = [cand("a", 1, "Agder", "2024-06-01T12:00:00+02:00"), cand("b", 1, "Agder", "2024-06-02T12:00:00+02:00")];
    const e = explainRankingPlace(list, rankApplicants(list, 1), "a");
    expect(e.reasons[1]).toBe("Du er den første søkeren fra Agder i rangeringen.");
    expect(e.reasons[2]).toContain("1. juni 2024 kl. 12.00");
    expect(explainRankingPlace(list.slice(0, 1), rankApplicants(list.slice(0, 1), 1), "a").reasons[1]).toContain("fylket ditt (Agder)");
  });

  it("explains a rejected candidate", () => {
    expect(explainRankingPlace(candidates, result, "x")).toEqual({
      id: "x",
      outcome: "REJECTED",
      category: 1,
      county: "03",
      rank: null,
      waitlistPosition: null,
      aheadInHigherCategories: 0,
      sameCountyAhead: 0,
      reasons: ["Søknaden din oppfyller ikke opptakskravene, og den er derfor ikke med i rangeringen."],
    });
  });

  it("refuses an unknown id or a result that does not contain it", () => {
    expect(() => explainRankingPlace(candidates, result, "nobody")).toThrow(RangeError);
    expect(() => explainRankingPlace(candidates, { admitted: [], waitlist: [], rejected: [] }, "o1")).toThrow(RangeError);
  });
});

describe("explainRankingPlaces", () => {
  const candidateArbitrary = fc
    .record({
      category: fc.integer({ min: 1, max: 4 }),
      county: fc.constantFrom("03", "50", "46", "15"),
      hour: fc.integer({ min: 0, max: 5 }),
      qualified: fc.boolean(),
    })
    .map((c) => ({ ...c, category: c.category as PriorityCategory }));

  it("explains every place exactly as explainRankingPlace does, also in an order the adviser moved", () => {
    fc.assert(
      fc.property(
        fc.array(candidateArbitrary, { maxLength: 40 }),
        fc.integer({ min: 0, max: 45 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        fc.boolean(),
        (rows, places, swaps, includePlacement) => {
          const candidates = rows.map((row, index) =>
            cand(`c${index}`, row.category, row.county, new Date(Date.UTC(2024, 10, 1, row.hour)).toISOString(), row.qualified),
          );
          const ranked = rankApplicants(candidates, places);
          // An adjusted order (moves): swap places in the ranked order, then cut at `places` again.
          const order = [...ranked.admitted, ...ranked.waitlist];
          for (const [a, b] of swaps) {
            if (order.length < 2) break;
            const [i, j] = [a % order.length, b % order.length];
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          const result = { admitted: order.slice(0, places), waitlist: order.slice(places), rejected: ranked.rejected };
          const options = { includePlacement };
          const all = explainRankingPlaces(candidates, result, options);
          expect([...all.keys()].sort()).toEqual(candidates.map((c) => c.id).sort());
          for (const candidate of candidates) expect(all.get(candidate.id)).toEqual(explainRankingPlace(candidates, result, candidate.id, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("uses the county label it is given", () => {
    const candidates = [cand("a", 1, "03", "2024-11-01T09:15:00Z"), cand("b", 1, "03", "2024-11-02T09:15:00Z")];
    const result = rankApplicants(candidates, 1);
    const b = explainRankingPlaces(candidates, result, { countyLabel: (c) => `fylke ${c}` }).get("b")!;
    expect(b.reasons).toContain("1 søker fra fylke 03 er rangert foran deg. For å få geografisk spredning går neste plass i hver kategori til søkeren fra det fylket som har færrest rangert så langt.");
    expect(b).toMatchObject({ outcome: "WAITLISTED", rank: 2, waitlistPosition: 1, aheadInHigherCategories: 0, sameCountyAhead: 1 });
  });

  it("refuses a result that names an unknown candidate", () => {
    const candidates = [cand("a", 1, "03", "2024-11-01T09:15:00Z")];
    expect(() => explainRankingPlaces(candidates, { admitted: ["a", "ghost"], waitlist: [], rejected: [] })).toThrow(RangeError);
    expect(() => explainRankingPlaces(candidates, { admitted: [], waitlist: [], rejected: ["ghost"] })).toThrow(RangeError);
  });
});
