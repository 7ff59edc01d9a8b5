import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_ATTEMPTS,
  isFinalAttempt,
  isFinalRejection,
  isRejectionDecision,
  attemptDeadlines,
  deadlinePhrase,
  groupRuleNb,
  handInContentProblems,
  handInPermission,
  isLateHandIn,
  lastHandInWarning,
  MAX_HAND_IN_TEXT_LENGTH,
  nextHandInDeadline,
  reminderDue,
  resubmissionDeadline,
} from "@/lib/domain/coursework";

describe("the warning before the last hand-in", () => {
  it("is given before the hand-in that is the last the arbeidskrav allows, and only then", () => {
    expect(lastHandInWarning({ used: 1, max: 2 }, true)).toBe(
      "Dette er den siste av 2 innleveringer: blir den ikke godkjent, kan du ikke levere på nytt, og du fyller ikke kravene til eksamen. Du får i så fall et vedtak du kan klage på.",
    );
    expect(lastHandInWarning({ used: 0, max: 1 }, true)).toMatch(/^Du har én innlevering: blir den ikke godkjent/);
    expect(lastHandInWarning({ used: 2, max: 3 }, false)).toBe(
      "Dette er den siste av 3 innleveringer: blir den ikke godkjent, kan du ikke levere på nytt. Arbeidskravet er valgfritt og teller ikke med i kravene til eksamen.",
    );
    expect(lastHandInWarning({ used: 0, max: 2 }, true)).toBeNull();
    expect(lastHandInWarning({ used: 2, max: 2 }, true)).toBeNull();
  });
});

describe("who may hand in", () => {
  it("allows a first hand-in and a resubmission after 'ikke godkjent', nothing else", () => {
    expect(handInPermission("NOT_SUBMITTED")).toEqual({ allowed: true, kind: "FIRST" });
    expect(handInPermission("NOT_APPROVED")).toEqual({ allowed: true, kind: "RESUBMISSION" });
    expect(handInPermission("SUBMITTED")).toMatchObject({ allowed: false, reason: expect.stringContaining("venter på vurdering") });
    expect(handInPermission("APPROVED")).toMatchObject({ allowed: false, reason: expect.stringContaining("godkjent") });
    expect(() => handInPermission("LOST" as never)).toThrow(RangeError);
  });
});

describe("deadlines and late hand-ins", () => {
  it("gives three weeks after the assessment to hand in again, never less than the due date", () => {
    expect(resubmissionDeadline("2027-03-01", "2027-03-10")).toBe("2027-03-31");
    expect(resubmissionDeadline("2027-03-01", "2027-01-15")).toBe("2027-03-01");
    expect(resubmissionDeadline("2027-03-01", "2027-02-08")).toBe("2027-03-01");
    expect(resubmissionDeadline("2027-03-01", "2027-02-09")).toBe("2027-03-02");
  });

  it("measures the first hand-in against the due date, a resubmission against its own deadline", () => {
    const rejected = { submittedAt: new Date("2027-02-27T10:00:00Z"), status: "NOT_APPROVED" as const, assessedAt: new Date("2027-03-10T09:00:00Z") };
    expect(nextHandInDeadline("2027-03-01", [])).toBe("2027-03-01");
    expect(nextHandInDeadline("2027-03-01", [rejected])).toBe("2027-03-31");
    // The assessment day is Oslo's: 23.30 UTC on 9 March is 10 March in Oslo.
    expect(nextHandInDeadline("2027-03-01", [{ ...rejected, assessedAt: new Date("2027-03-09T23:30:00Z") }])).toBe("2027-03-31");
    expect(nextHandInDeadline("2027-03-01", [{ ...rejected, status: "SUBMITTED", assessedAt: null }])).toBe("2027-03-01");
  });

  it("counts a hand-in as late once the deadline day has ended in Oslo", () => {
    // Winter: the day ends 23:00 UTC.
    expect(isLateHandIn("2027-03-01", new Date("2027-03-01T22:59:59.999Z"))).toBe(false);
    expect(isLateHandIn("2027-03-01", new Date("2027-03-01T23:00:00.000Z"))).toBe(true);
    // Summer: 22:00 UTC.
    expect(isLateHandIn("2027-06-01", new Date("2027-06-01T21:59:59.999Z"))).toBe(false);
    expect(isLateHandIn("2027-06-01", new Date("2027-06-01T22:00:00.000Z"))).toBe(true);
    expect(isLateHandIn("2027-06-01", new Date("2027-05-20T10:00:00Z"))).toBe(false);
  });

  it("marks each attempt against the deadline it had", () => {
    const attempts = [
      { submittedAt: new Date("2027-03-02T08:00:00Z"), status: "NOT_APPROVED" as const, assessedAt: new Date("2027-03-10T09:00:00Z") },
      { submittedAt: new Date("2027-03-30T08:00:00Z"), status: "NOT_APPROVED" as const, assessedAt: new Date("2027-04-02T09:00:00Z") },
      { submittedAt: new Date("2027-04-24T08:00:00Z"), status: "SUBMITTED" as const, assessedAt: null },
    ];
    expect(attemptDeadlines("2027-03-01", attempts).map(({ deadline, late }) => ({ deadline, late }))).toEqual([
      { deadline: "2027-03-01", late: true },
      { deadline: "2027-03-31", late: false },
      { deadline: "2027-04-23", late: true },
    ]);
  });

  it("writes a deadline as still open or passed", () => {
    expect(deadlinePhrase("2027-03-01", "2027-03-01")).toBe("innen 1. mars 2027");
    expect(deadlinePhrase("2027-03-01", "2027-03-02")).toBe("fristen var 1. mars 2027");
  });
});

describe("what a hand-in holds", () => {
  it("needs a PDF or a text, and a text of at most 5 000 characters", () => {
    expect(handInContentProblems({ text: null, hasFile: true })).toEqual({});
    expect(handInContentProblems({ text: "Notatet mitt", hasFile: false })).toEqual({});
    expect(handInContentProblems({ text: "Notat", hasFile: true })).toEqual({});
    expect(handInContentProblems({ text: "   ", hasFile: false }).file?.[0]).toMatch(/PDF eller skriv en tekst/);
    expect(handInContentProblems({ text: null, hasFile: false }).file).toHaveLength(1);
    expect(handInContentProblems({ text: "x".repeat(MAX_HAND_IN_TEXT_LENGTH), hasFile: false })).toEqual({});
    expect(handInContentProblems({ text: "x".repeat(MAX_HAND_IN_TEXT_LENGTH + 1), hasFile: true }).text?.[0]).toMatch(/høyst 5000 tegn \(har 5001\)/);
  });
});

describe("the reminder", () => {
  it("is due from three days before the due date until the day, never after", () => {
    expect(reminderDue("2027-03-10", "2027-03-06")).toBe(false);
    expect(reminderDue("2027-03-10", "2027-03-07")).toBe(true);
    expect(reminderDue("2027-03-10", "2027-03-09")).toBe(true);
    expect(reminderDue("2027-03-10", "2027-03-10")).toBe(true);
    expect(reminderDue("2027-03-10", "2027-03-11")).toBe(false);
    expect(reminderDue("2027-03-01", "2027-02-26")).toBe(true); // over a month's end
    expect(() => reminderDue("2027-02-30", "2027-02-26")).toThrow(RangeError);
  });
});

describe("the group rule in words", () => {
  it("says whether it is written alone, in a group, or either", () => {
    expect(groupRuleNb({ individualOnly: true, minGroupSize: 1, maxGroupSize: 1 })).toBe("Individuelt");
    expect(groupRuleNb({ individualOnly: false, minGroupSize: 1, maxGroupSize: 3 })).toBe("Alene eller i gruppe på 2–3");
    expect(groupRuleNb({ individualOnly: false, minGroupSize: 2, maxGroupSize: 3 })).toBe("I gruppe på 2–3");
    expect(groupRuleNb({ individualOnly: false, minGroupSize: 3, maxGroupSize: 3 })).toBe("I gruppe på 3");
    expect(groupRuleNb({ individualOnly: false, minGroupSize: 1, maxGroupSize: 2 })).toBe("Alene eller i gruppe på 2");
  });
});

describe("the final attempt", () => {
  it("is the second hand-in by default (the first and one resubmission), or whatever the arbeidskrav allows", () => {
    expect(DEFAULT_MAX_ATTEMPTS).toBe(2);
    expect(isFinalAttempt(1)).toBe(false);
    expect(isFinalAttempt(2)).toBe(true);
    expect(isFinalAttempt(1, 1)).toBe(true);
    expect(isFinalAttempt(2, 3)).toBe(false);
    expect(isFinalAttempt(3, 3)).toBe(true);
    expect(() => isFinalAttempt(0)).toThrow(RangeError);
    expect(() => isFinalAttempt(1, 0)).toThrow(RangeError);
    expect(() => isFinalAttempt(1, 10)).toThrow(RangeError);
  });

  it("makes 'ikke godkjent' an enkeltvedtak, and only 'ikke godkjent'", () => {
    expect(isFinalRejection({ attempt: 2, status: "NOT_APPROVED" })).toBe(true);
    expect(isFinalRejection({ attempt: 1, status: "NOT_APPROVED" })).toBe(false);
    expect(isFinalRejection({ attempt: 2, status: "APPROVED" })).toBe(false);
    expect(isFinalRejection({ attempt: 2, status: "SUBMITTED" })).toBe(false);
    // An enkeltvedtak only on a required item: an optional extra never counts toward the exam.
    const required = { maxAttempts: 2, required: true };
    const optional = { maxAttempts: 2, required: false };
    expect(isRejectionDecision({ attempt: 2, status: "NOT_APPROVED" }, required)).toBe(true);
    expect(isRejectionDecision({ attempt: 2, status: "NOT_APPROVED" }, optional)).toBe(false);
    expect(isRejectionDecision({ attempt: 1, status: "NOT_APPROVED" }, required)).toBe(false);
    expect(isRejectionDecision({ attempt: 1, status: "NOT_APPROVED" }, { maxAttempts: 1, required: true })).toBe(true);
    expect(isRejectionDecision({ attempt: 2, status: "APPROVED" }, required)).toBe(false);
  });

  it("ends the hand-ins: no resubmission once every attempt is used", () => {
    expect(handInPermission("NOT_APPROVED", { used: 1, max: 2 })).toEqual({ allowed: true, kind: "RESUBMISSION" });
    const refused = handInPermission("NOT_APPROVED", { used: 2, max: 2 });
    expect(refused).toMatchObject({ allowed: false });
    expect(refused.allowed ? "" : refused.reason).toMatch(/siste av 2 innleveringer.*vedtak om dette under Brev/);
    expect(handInPermission("NOT_APPROVED", { used: 2, max: 3 })).toEqual({ allowed: true, kind: "RESUBMISSION" });
  });

  it("says of a hand-in waiting that it is the last, when it is: «ikke godkjent» then ends it", () => {
    expect(handInPermission("SUBMITTED", { used: 1, max: 2 })).toEqual({ allowed: false, reason: "Innleveringen venter på vurdering. Du kan levere på nytt hvis den ikke blir godkjent." });
    for (const [used, max] of [[2, 2], [3, 3], [1, 1]] as const) {
      expect(handInPermission("SUBMITTED", { used, max })).toEqual({
        allowed: false,
        reason: `Innleveringen venter på vurdering. Den er den siste av ${max} innleveringer, så blir den ikke godkjent, kan du ikke levere på nytt.`,
      });
    }
  });
});
