import { describe, expect, it } from "vitest";
import {
  explainPriorityCategory,
  isCurrentPosition,
  isLeaderRole,
  isPriorityCategory,
  priorityCategory,
  PRIORITY_CATEGORY_LABELS,
  type Position,
} from "@/lib/domain/admission";

const DEADLINE = "2024-12-01";

function pos(overrides: Partial<Position> = {}): Position {
  return {
    start: "2023-01-01",
    end: null,
    employerType: "MUNICIPAL_CWS",
    leader: true,
    professionalResponsibility: true,
    personnelResponsibility: true,
    ...overrides,
  };
}

const municipalBoth = pos();
const institutionBoth = pos({ employerType: "INSTITUTION" });
// 2021-01-01..2023-12-31 = 1095 days: more than two years, ended before the deadline.
const longPastMunicipal = pos({ start: "2021-01-01", end: "2023-12-31", professionalResponsibility: false, personnelResponsibility: false });

describe("isCurrentPosition", () => {
  it("is current from its start day through its end day", () => {
    expect(isCurrentPosition({ start: "2024-12-01", end: null }, DEADLINE)).toBe(true);
    expect(isCurrentPosition({ start: "2024-12-02", end: null }, DEADLINE)).toBe(false);
    expect(isCurrentPosition({ start: "2020-01-01", end: "2024-12-01" }, DEADLINE)).toBe(true);
    expect(isCurrentPosition({ start: "2020-01-01", end: "2024-11-30" }, DEADLINE)).toBe(false);
  });

  it("refuses invalid periods", () => {
    expect(() => isCurrentPosition({ start: "2024-12-01", end: "2024-11-30" }, DEADLINE)).toThrow(RangeError);
    expect(() => isCurrentPosition({ start: "2024-13-01", end: null }, DEADLINE)).toThrow(RangeError);
    expect(() => isCurrentPosition({ start: "2024-01-01", end: null }, "2024-02-30")).toThrow(RangeError);
  });
});

describe("priorityCategory", () => {
  it("1: a current municipal leader position with both responsibilities", () => {
    expect(priorityCategory([municipalBoth], DEADLINE)).toBe(1);
  });

  it("1 beats 2 beats 3", () => {
    expect(priorityCategory([institutionBoth, longPastMunicipal, municipalBoth], DEADLINE)).toBe(1);
    expect(priorityCategory([institutionBoth, longPastMunicipal], DEADLINE)).toBe(2);
    expect(priorityCategory([institutionBoth], DEADLINE)).toBe(3);
    expect(priorityCategory([], DEADLINE)).toBe(4);
  });

  it("a position ending on the deadline day is still current", () => {
    expect(priorityCategory([pos({ start: "2024-01-01", end: DEADLINE })], DEADLINE)).toBe(1);
  });

  it("an ended category-1 position gives no category 1", () => {
    expect(priorityCategory([pos({ start: "2024-01-01", end: "2024-11-30" })], DEADLINE)).toBe(4);
  });

  it("an ended long category-1 position gives category 2", () => {
    expect(priorityCategory([pos({ start: "2020-01-01", end: "2024-06-30" })], DEADLINE)).toBe(2);
  });

  it("a future position is not current", () => {
    expect(priorityCategory([pos({ start: "2024-12-02" })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ start: "2024-12-02", employerType: "INSTITUTION" })], DEADLINE)).toBe(4);
  });

  it("leader false is ignored for every category", () => {
    expect(priorityCategory([pos({ leader: false })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ leader: false, start: "2010-01-01" })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ leader: false, employerType: "INSTITUTION" })], DEADLINE)).toBe(4);
  });

  it("a municipal leader with only one responsibility is not 1 (but 2 with long enough experience)", () => {
    expect(priorityCategory([pos({ personnelResponsibility: false })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ professionalResponsibility: false })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ personnelResponsibility: false, start: "2020-01-01" })], DEADLINE)).toBe(2);
  });

  it("an institution leader with only one responsibility is 4", () => {
    expect(priorityCategory([pos({ employerType: "INSTITUTION", personnelResponsibility: false })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ employerType: "INSTITUTION", professionalResponsibility: false })], DEADLINE)).toBe(4);
  });

  it("an ended institution position gives no category 3", () => {
    expect(priorityCategory([pos({ employerType: "INSTITUTION", end: "2024-11-30" })], DEADLINE)).toBe(4);
  });

  it("long institution or other experience never gives category 2", () => {
    expect(priorityCategory([pos({ employerType: "INSTITUTION", start: "2010-01-01", end: "2020-01-01" })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ employerType: "OTHER", start: "2010-01-01" })], DEADLINE)).toBe(4);
  });

  it("category 2 needs more than 730 days up to the deadline: 730 is not enough, 731 is", () => {
    // 2022-12-01..2024-11-29 is 730 days; 2022-12-01..2024-11-30 is 731.
    const partial = { professionalResponsibility: false };
    expect(priorityCategory([pos({ ...partial, start: "2022-12-01", end: "2024-11-29" })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ ...partial, start: "2022-12-01", end: "2024-11-30" })], DEADLINE)).toBe(2);
    // Ongoing: counts up to and including the deadline. 2022-12-03..2024-12-01 is 730 days.
    expect(priorityCategory([pos({ ...partial, start: "2022-12-03" })], DEADLINE)).toBe(4);
    expect(priorityCategory([pos({ ...partial, start: "2022-12-02" })], DEADLINE)).toBe(2);
  });

  it("days after the deadline do not count towards category 2", () => {
    const partial = { personnelResponsibility: false };
    expect(priorityCategory([pos({ ...partial, start: "2023-06-01", end: "2026-01-01" })], DEADLINE)).toBe(4);
  });

  it("overlapping municipal leader positions are counted once for category 2", () => {
    const partial = { personnelResponsibility: false };
    const overlapping = [
      pos({ ...partial, start: "2022-01-01", end: "2022-12-31" }),
      pos({ ...partial, start: "2022-06-01", end: "2023-06-30" }),
    ];
    expect(priorityCategory(overlapping, DEADLINE)).toBe(4); // 546 days covered
    expect(
      priorityCategory([...overlapping, pos({ ...partial, start: "2023-07-01", end: "2024-01-31" })], DEADLINE),
    ).toBe(2); // 546 + 215 = 761
  });

  it("refuses invalid positions even when another position already decides", () => {
    expect(() => priorityCategory([municipalBoth, pos({ start: "2024-02-30" })], DEADLINE)).toThrow(RangeError);
    expect(() => priorityCategory([municipalBoth, pos({ start: "2024-02-01", end: "2024-01-01" })], DEADLINE)).toThrow(
      RangeError,
    );
    expect(() => priorityCategory([], "01.12.2024")).toThrow(RangeError);
  });
});

describe("explainPriorityCategory", () => {
  const assessed = "Kategorien er vurdert ut fra stillingene dine per 1. desember 2024.";

  it("category 1", () => {
    expect(explainPriorityCategory([municipalBoth], DEADLINE)).toEqual({
      category: 1,
      municipalLeaderDays: 701,
      reasons: [
        "Du har en nåværende lederstilling i kommunalt barnevern med både fagansvar og personalansvar.",
        assessed,
      ],
    });
  });

  it("category 2, naming what the current position lacks", () => {
    const e = explainPriorityCategory(
      [pos({ start: "2021-10-01", personnelResponsibility: false })], // 1158 days to 2024-12-01
      DEADLINE,
    );
    expect(e.category).toBe(2);
    expect(e.municipalLeaderDays).toBe(1158);
    expect(e.reasons).toEqual([
      "Du har 3 år og 2 måneder (1\u00a0158 dager) som leder i kommunalt barnevern. Det er mer enn to år.",
      "Din nåværende lederstilling i kommunalt barnevern mangler personalansvar.",
      assessed,
    ]);
  });

  it("category 2 from past positions only", () => {
    const e = explainPriorityCategory([longPastMunicipal], DEADLINE);
    expect(e.category).toBe(2);
    expect(e.reasons).toEqual([
      "Du har 3 år (1\u00a0095 dager) som leder i kommunalt barnevern. Det er mer enn to år.",
      "Du har ingen nåværende lederstilling i kommunalt barnevern.",
      assessed,
    ]);
  });

  it("category 3", () => {
    const e = explainPriorityCategory([institutionBoth, pos({ start: "2024-01-01", end: "2024-06-30", professionalResponsibility: false })], DEADLINE);
    expect(e.category).toBe(3);
    expect(e.reasons).toEqual([
      "Du har en nåværende lederstilling ved en barneverninstitusjon med både fagansvar og personalansvar.",
      "Du har ingen nåværende lederstilling i kommunalt barnevern.",
      "Du har 6 måneder (182 dager) som leder i kommunalt barnevern. Kategori 2 krever mer enn to år (mer enn 730 dager).",
      assessed,
    ]);
  });

  it("category 4 with reasons for each higher category", () => {
    const e = explainPriorityCategory(
      [
        pos({ start: "2024-11-01", professionalResponsibility: false, personnelResponsibility: false }),
        pos({ start: "2024-01-01", employerType: "INSTITUTION", professionalResponsibility: false }),
      ],
      DEADLINE,
    );
    expect(e).toEqual({
      category: 4,
      municipalLeaderDays: 31,
      reasons: [
        "Din nåværende lederstilling i kommunalt barnevern mangler både fagansvar og personalansvar.",
        "Du har 1 måned (31 dager) som leder i kommunalt barnevern. Kategori 2 krever mer enn to år (mer enn 730 dager).",
        "Din nåværende lederstilling ved en barneverninstitusjon mangler fagansvar.",
        assessed,
      ],
    });
  });

  it("category 4 with no positions, and with several partial positions", () => {
    expect(explainPriorityCategory([], DEADLINE).reasons).toEqual([
      "Du har ingen nåværende lederstilling i kommunalt barnevern.",
      "Du har ingen erfaring som leder i kommunalt barnevern.",
      "Du har ingen nåværende lederstilling ved en barneverninstitusjon.",
      assessed,
    ]);
    const several = explainPriorityCategory(
      [
        pos({ start: "2024-10-01", personnelResponsibility: false }),
        pos({ start: "2024-10-01", professionalResponsibility: false }),
        pos({ employerType: "INSTITUTION", personnelResponsibility: false }),
        pos({ employerType: "INSTITUTION", professionalResponsibility: false }),
      ],
      DEADLINE,
    );
    expect(several.reasons).toEqual([
      "Ingen av dine nåværende lederstillinger i kommunalt barnevern har både fagansvar og personalansvar.",
      "Du har 2 måneder (62 dager) som leder i kommunalt barnevern. Kategori 2 krever mer enn to år (mer enn 730 dager).",
      "Ingen av dine nåværende lederstillinger ved barneverninstitusjoner har både fagansvar og personalansvar.",
      assessed,
    ]);
  });

  it("speaks of «søkeren» to the adviser, with the same category and the same facts", () => {
    const cases: Position[][] = [
      [municipalBoth],
      [longPastMunicipal],
      [],
      [pos({ start: "2024-10-01", personnelResponsibility: false }), pos({ start: "2024-10-01", professionalResponsibility: false })],
      [pos({ start: "2024-11-01", personnelResponsibility: false }), pos({ start: "2024-01-01", employerType: "INSTITUTION", professionalResponsibility: false })],
    ];
    expect(explainPriorityCategory([], DEADLINE, "adviser").reasons).toEqual([
      "Søkeren har ingen nåværende lederstilling i kommunalt barnevern.",
      "Søkeren har ingen erfaring som leder i kommunalt barnevern.",
      "Søkeren har ingen nåværende lederstilling ved en barneverninstitusjon.",
      "Kategorien er vurdert ut fra søkerens stillinger per 1. desember 2024.",
    ]);
    expect(explainPriorityCategory([pos({ start: "2024-11-01", personnelResponsibility: false })], DEADLINE, "adviser").reasons[0]).toBe(
      "Søkerens nåværende lederstilling i kommunalt barnevern mangler personalansvar.",
    );
    for (const positions of cases) {
      const applicant = explainPriorityCategory(positions, DEADLINE);
      const adviser = explainPriorityCategory(positions, DEADLINE, "adviser");
      expect(adviser.category).toBe(applicant.category);
      expect(adviser.reasons).toHaveLength(applicant.reasons.length);
      // Not a word to the applicant in the adviser's reasons.
      expect(adviser.reasons.join(" ")).not.toMatch(/\b(Du|du|Din|din|dine|deg)\b/);
    }
  });

  it("always agrees with priorityCategory", () => {
    const variants: Position[] = [];
    for (const employerType of ["MUNICIPAL_CWS", "INSTITUTION", "OTHER"] as const) {
      for (const leader of [true, false]) {
        for (const [start, end] of [["2020-01-01", null], ["2024-06-01", null], ["2019-01-01", "2022-01-01"], ["2025-01-01", null]] as const) {
          variants.push(pos({ employerType, leader, start, end, personnelResponsibility: start !== "2024-06-01" }));
        }
      }
    }
    for (const a of variants) {
      for (const b of variants) {
        expect(explainPriorityCategory([a, b], DEADLINE).category).toBe(priorityCategory([a, b], DEADLINE));
      }
    }
  });
});

describe("isLeaderRole", () => {
  it("counts every leadership role but NONE", () => {
    expect((["LEADER", "DEPUTY", "PROFESSIONAL_LEAD", "TEAM_LEAD", "LEADERSHIP_TASKS", "NONE"] as const).map(isLeaderRole)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe("category labels", () => {
  it("names each category and recognises valid values", () => {
    expect(Object.keys(PRIORITY_CATEGORY_LABELS)).toEqual(["1", "2", "3", "4"]);
    expect(PRIORITY_CATEGORY_LABELS[4]).toBe("Andre søkere");
    expect([0, 1, 2, 3, 4, 5, "1", 1.5].map(isPriorityCategory)).toEqual([false, true, true, true, true, false, false, false]);
  });
});
