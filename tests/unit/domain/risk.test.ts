import { describe, expect, it } from "vitest";
import { evaluateEligibility, type ArbeidskravStatus } from "@/lib/domain/eligibility";
import { attendanceSummary, compareByRisk, isAtRisk, onTrackNote, riskOf, staffReasons } from "@/lib/domain/risk";

const approved = (count: number, of = 5) =>
  Array.from({ length: of }, (_, i) => ({ id: `a${i}`, status: (i < count ? "APPROVED" : "SUBMITTED") as ArbeidskravStatus }));

const evaluate = (scheduled: number, held: number, attended: number, approvedCount = 5) =>
  evaluateEligibility({ scheduledDays: scheduled, heldDays: held, attendedDays: attended, arbeidskrav: approved(approvedCount) });

describe("onTrackNote", () => {
  it("says what is still to come for a student on her way with no risk", () => {
    // 26 days: 21 needed; 14 held, 11 attended, two arbeidskrav approved.
    expect(onTrackNote(evaluate(26, 14, 11, 2))).toBe("2 av 5 arbeidskrav godkjent. Oppmøte: 11 av 21 nødvendige dager.");
    // Attendance reached: only the arbeidskrav.
    expect(onTrackNote(evaluate(26, 22, 21, 3))).toBe("3 av 5 arbeidskrav godkjent.");
  });
  it("is empty when she fulfils the requirements, cannot, or a risk says more", () => {
    expect(onTrackNote(evaluate(26, 26, 26, 5))).toBe("");
    expect(onTrackNote(evaluate(26, 14, 6))).toBe("");
    expect(onTrackNote(evaluate(26, 14, 10, 2))).toBe("");
  });
});

describe("riskOf", () => {
  it("LOST when the threshold can no longer be reached (26 days: 21 needed, 8 absences)", () => {
    const risk = riskOf(evaluate(26, 14, 6));
    expect(risk.level).toBe("LOST");
    expect(risk.reason).toBe("Kan ikke lenger nå 80 % oppmøte: høyst 18 av 21 nødvendige dager er mulig.");
    // Every day held: what she has, not what is «possible».
    expect(riskOf(evaluate(27, 27, 21)).reason).toBe("Nådde ikke 80 % oppmøte: 21 av 22 nødvendige dager, og alle samlingsdagene er holdt.");
  });

  it("LAST_ABSENCE with one absence left, and with none left", () => {
    // 26 days allow 5 absences.
    expect(riskOf(evaluate(26, 14, 10))).toEqual({ level: "LAST_ABSENCE", reason: "Kan være borte høyst én dag til." });
    expect(riskOf(evaluate(26, 14, 9))).toEqual({ level: "LAST_ABSENCE", reason: "Må møte alle de 12 gjenstående dagene for å nå kravet." });
    expect(riskOf(evaluate(26, 25, 20)).reason).toBe("Må møte den siste samlingsdagen for å nå kravet.");
  });

  it("NONE with two absences left, or when attendance is met", () => {
    expect(riskOf(evaluate(26, 14, 11)).level).toBe("NONE");
    expect(riskOf(evaluate(27, 27, 22)).level).toBe("NONE");
    expect(isAtRisk(evaluate(27, 27, 27))).toBe(false);
  });

  it("ARBEIDSKRAV when every day is held and attendance met but an arbeidskrav is missing", () => {
    expect(riskOf(evaluate(27, 27, 26, 4))).toEqual({ level: "ARBEIDSKRAV", reason: "Oppmøtekravet er nådd. 4 av 5 arbeidskrav godkjent: 1 til vurdering." });
    // Each not approved by where it stands: waiting for assessment, not handed in, not approved.
    const mixed = evaluateEligibility({
      scheduledDays: 27,
      heldDays: 27,
      attendedDays: 26,
      arbeidskrav: [
        { id: "a", status: "APPROVED" },
        { id: "b", status: "APPROVED" },
        { id: "c", status: "NOT_APPROVED" },
        { id: "d", status: "NOT_SUBMITTED" },
        { id: "e", status: "SUBMITTED" },
      ],
    });
    expect(riskOf(mixed).reason).toBe("Oppmøtekravet er nådd. 2 av 5 arbeidskrav godkjent: 1 til vurdering, 1 ikke levert, 1 ikke godkjent.");
    // Mid-way, missing arbeidskrav are not yet a risk.
    expect(riskOf(evaluate(27, 10, 10, 1)).level).toBe("NONE");
  });

  it("FINAL_REJECTION when a required arbeidskrav is finally not approved, at any point of the year, after a lost attendance and the last absence", () => {
    const finallyRejected = (scheduled: number, held: number, attended: number) =>
      evaluateEligibility({
        scheduledDays: scheduled,
        heldDays: held,
        attendedDays: attended,
        arbeidskrav: [...approved(4, 4), { id: "a4", status: "NOT_APPROVED", final: true }],
      });
    const expected = { level: "FINAL_REJECTION", reason: "1 obligatorisk arbeidskrav endelig ikke godkjent: bare en klage eller en retting av vedtaket kan endre det." };
    expect(riskOf(finallyRejected(27, 10, 10))).toEqual(expected);
    expect(riskOf(finallyRejected(27, 27, 26))).toEqual(expected);
    // Below a lost attendance and the last absence: a klage cannot give a day back.
    expect(riskOf(finallyRejected(26, 14, 10)).level).toBe("LAST_ABSENCE");
    expect(riskOf(finallyRejected(26, 14, 6)).level).toBe("LOST");
    // A rejection with a hand-in left is no risk mid-way.
    const resubmittable = evaluateEligibility({ scheduledDays: 27, heldDays: 10, attendedDays: 10, arbeidskrav: [...approved(4, 4), { id: "a4", status: "NOT_APPROVED" }] });
    expect(riskOf(resubmittable).level).toBe("NONE");
    // Staff reasons say the rejection is final.
    expect(staffReasons(finallyRejected(27, 27, 26), new Map([["a4", "Fagnotat 3"]]))).toEqual(["4 av 5 arbeidskrav godkjent. Mangler: Fagnotat 3 (endelig ikke godkjent)."]);
  });

  it("an empty plan is nobody's risk", () => {
    expect(riskOf(evaluate(0, 0, 0, 0)).level).toBe("NONE");
  });
});

describe("compareByRisk", () => {
  it("puts lost first, then the last absence, then a final rejection, then arbeidskrav, then the rest by absences left", () => {
    const lost = evaluate(26, 14, 6);
    const last = evaluate(26, 14, 10);
    const fine = evaluate(26, 14, 14);
    const fewer = evaluate(26, 14, 12);
    const rejected = evaluateEligibility({ scheduledDays: 26, heldDays: 14, attendedDays: 14, arbeidskrav: [...approved(4, 4), { id: "a4", status: "NOT_APPROVED", final: true }] });
    const sorted = [fine, last, rejected, fewer, lost].sort(compareByRisk);
    expect(sorted).toEqual([lost, last, rejected, fewer, fine]);
  });
});

describe("staffReasons", () => {
  it("is empty for an eligible student", () => {
    expect(staffReasons(evaluate(27, 27, 22))).toEqual([]);
  });

  it("words attendance and arbeidskrav in the third person", () => {
    expect(staffReasons(evaluate(27, 27, 21))).toEqual(["Oppmøte 21 av 27 dager (77,8 %), krav 22: kravet kan ikke lenger nås."]);
    expect(staffReasons(evaluate(27, 27, 27, 4))).toEqual(["4 av 5 arbeidskrav godkjent."]);
    // With the titles, the missing ones are named with where each stands.
    expect(staffReasons(evaluate(27, 27, 27, 4), new Map([["a4", "Ledertreningsoppgave 2"]]))).toEqual(["4 av 5 arbeidskrav godkjent. Mangler: Ledertreningsoppgave 2 (til vurdering)."]);
    expect(staffReasons(evaluate(26, 14, 12, 2))).toEqual([
      "Oppmøte 12 av 26 dager (46,2 %), krav 21: kan være borte 3 dager til.",
      "2 av 5 arbeidskrav godkjent.",
    ]);
    expect(staffReasons(evaluate(0, 0, 0, 5))).toEqual(["Kullet har ingen planlagte samlingsdager ennå."]);
  });

  it("79.5 % (35 of 44) is never summarised as 80 %", () => {
    expect(attendanceSummary(evaluate(44, 44, 35))).toBe("35 av 44 dager (79,5 %), krav 36");
  });
});
