import { describe, expect, it } from "vitest";
import { COUNTIES, countyName, isCountyCode, municipalityBelongsToCounty } from "@/lib/domain/counties";

describe("counties", () => {
  it("lists the 15 counties from 2024 with unique two-digit numbers", () => {
    expect(COUNTIES).toHaveLength(15);
    expect(new Set(COUNTIES.map((c) => c.code)).size).toBe(15);
    expect(COUNTIES.every((c) => /^\d{2}$/.test(c.code))).toBe(true);
  });

  it("names counties by number", () => {
    expect(countyName("50")).toBe("Trøndelag");
    expect(countyName("03")).toBe("Oslo");
    expect(countyName("3")).toBeNull();
    expect(countyName("30")).toBeNull(); // Viken, dissolved in 2024
    expect(isCountyCode("46")).toBe(true);
    expect(isCountyCode(46)).toBe(false);
  });

  it("checks that a municipality lies in a county", () => {
    expect(municipalityBelongsToCounty("5001", "50")).toBe(true);
    expect(municipalityBelongsToCounty("0301", "03")).toBe(true);
    expect(municipalityBelongsToCounty("5001", "46")).toBe(false);
    expect(municipalityBelongsToCounty("501", "50")).toBe(false);
    expect(municipalityBelongsToCounty("5001", "99")).toBe(false);
    // Right shape, right county prefix, but no such municipality (5401 was Tromsø before 2024).
    expect(municipalityBelongsToCounty("5099", "50")).toBe(false);
    expect(municipalityBelongsToCounty("5401", "54")).toBe(false);
  });

  it("agrees with the place list: 357 municipalities, each in its own county", async () => {
    const { MUNICIPALITIES } = await import("@/lib/data/norway-places");
    expect(MUNICIPALITIES).toHaveLength(357);
    expect(MUNICIPALITIES.every((m) => municipalityBelongsToCounty(m.code, m.code.slice(0, 2)))).toBe(true);
  });
});

describe("municipalities as a form lists them", () => {
  it("sorts by the Norwegian name: Hattfjelldal among the H's, Tana among the T's", async () => {
    const { municipalityChoices } = await import("@/lib/data/norway-places");
    const nordland = municipalityChoices("18").map((choice) => choice.label);
    expect(nordland.at(-1)).toBe("Øksnes");
    expect(nordland.slice(nordland.indexOf("Hadsel"), nordland.indexOf("Hemnes") + 1)).toEqual([
      "Hadsel",
      "Hamarøy - Hábmer",
      "Hattfjelldal - Aarborte",
      "Hemnes",
    ]);
    const finnmark = municipalityChoices("56").map((choice) => choice.label);
    expect(finnmark.filter((label) => label.startsWith("D"))).toEqual([]);
    expect(finnmark).toContain("Tana - Deatnu");
    expect(finnmark).toContain("Kautokeino - Guovdageaidnu");
    expect(finnmark).toEqual([...finnmark].sort((a, b) => a.localeCompare(b, "nb")));
    // Names that already begin with the Norwegian form keep SSB's order.
    expect(municipalityChoices("50").map((choice) => choice.label)).toContain("Trondheim - Tråante");
    expect(municipalityChoices("55").map((choice) => choice.label)).toContain("Kåfjord - Gáivuotna - Kaivuono");
  });

  it("lists every municipality of the county once", async () => {
    const { COUNTIES, MUNICIPALITIES, municipalityChoices } = await import("@/lib/data/norway-places");
    const all = COUNTIES.flatMap((county) => municipalityChoices(county.code).map((choice) => choice.code));
    expect(all.sort()).toEqual(MUNICIPALITIES.map((m) => m.code).sort());
  });
});

describe("a place as pages show it", () => {
  it("names the municipality (Norwegian form first) and the county, never the number", async () => {
    const { placeName } = await import("@/lib/data/norway-places");
    expect(placeName("50", "5001")).toBe("Trondheim - Tråante, Trøndelag");
    expect(placeName("56", "5628")).toBe("Tana - Deatnu, Finnmark");
    expect(placeName("50", null)).toBe("Trøndelag");
    expect(placeName(null, "5001")).toBe("Trondheim - Tråante");
    expect(placeName(null, null)).toBeNull();
    expect(placeName("99", "9998")).toBe("9998, 99"); // unknown codes stay visible
  });
});
