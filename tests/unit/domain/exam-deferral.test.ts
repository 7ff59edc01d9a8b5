import { describe, expect, it } from "vitest";
import { deferralGrantProblem, deferralRequestDeadline, deferralRequestProblem } from "@/lib/domain/exam-deferral";
import { defaultExamTimes } from "@/lib/domain/exam-time";

const ordinary = defaultExamTimes("2026-12-14"); // hand-in Wednesday 16 December 14:00
const deferred = defaultExamTimes("2027-01-11");
const admitted = { status: "ADMITTED" as const, grade: null };

describe("asking for utsatt eksamen", () => {
  it("is open from the registration until the end of the seventh day after the hand-in (Oslo)", () => {
    expect(deferralRequestDeadline(ordinary.handInAt)).toBe("2026-12-23");
    const ask = (now: string) => deferralRequestProblem({ record: admitted, sitting: ordinary, openRequest: false, now: new Date(now) });
    expect(ask("2026-12-01T10:00:00Z")).toBeNull(); // ill before the exam
    expect(ask("2026-12-15T10:00:00Z")).toBeNull(); // ill during it
    expect(ask("2026-12-23T22:59:59Z")).toBeNull();
    expect(ask("2026-12-23T23:00:00Z")).toBe("Fristen for å søke om utsatt eksamen for denne eksamenen gikk ut 23. desember 2026 (7 dager etter innleveringen).");
  });

  it("is for a registered student without a grade ('ikke møtt' too), one request at a time", () => {
    const now = new Date("2026-12-15T10:00:00Z");
    expect(deferralRequestProblem({ record: { status: "NOT_ATTENDED", grade: null }, sitting: ordinary, openRequest: false, now })).toBeNull();
    expect(deferralRequestProblem({ record: { status: "ADMITTED", grade: "B" }, sitting: ordinary, openRequest: false, now })).toBe(
      "Du har fått karakter på denne eksamenen, og den kan ikke utsettes.",
    );
    expect(deferralRequestProblem({ record: admitted, sitting: ordinary, openRequest: true, now })).toBe("Du har allerede søkt om utsatt eksamen for denne eksamenen.");
    for (const record of [null, { status: "REFUSED" as const, grade: null }, { status: "WITHDRAWN" as const, grade: null }, { status: "DEFERRED" as const, grade: null }]) {
      expect(deferralRequestProblem({ record, sitting: ordinary, openRequest: false, now })).toBe("Du kan bare søke om utsatt eksamen for en eksamen du er meldt opp til.");
    }
  });
});

describe("granting utsatt eksamen", () => {
  const now = new Date("2026-12-18T10:00:00Z");
  const grant = (overrides: Partial<Parameters<typeof deferralGrantProblem>[0]>) =>
    deferralGrantProblem({ record: admitted, missed: ordinary, sitting: { kind: "DEFERRED", startsAt: deferred.startsAt }, eligible: true, now, ...overrides });

  it("places the student on a later deferred sitting that has not started", () => {
    expect(grant({})).toBeNull();
    expect(grant({ record: { status: "NOT_ATTENDED", grade: null } })).toBeNull();
    expect(grant({ sitting: null })!.field).toBe("sittingId");
    expect(grant({ sitting: { kind: "RESIT", startsAt: deferred.startsAt } })).toEqual({ field: "sittingId", message: "Velg en utsatt eksamen." });
    expect(grant({ sitting: { kind: "DEFERRED", startsAt: ordinary.startsAt } })!.message).toBe("Den utsatte eksamenen må være etter eksamenen studenten går glipp av.");
    expect(grant({ now: new Date("2027-01-11T08:00:00Z") })!.message).toBe("Den utsatte eksamenen har allerede startet. Velg en senere.");
  });

  it("never for a graded sitting, one the student is not registered for, or a student no longer eligible", () => {
    expect(grant({ record: { status: "ADMITTED", grade: "F" } })!.field).toBeNull();
    expect(grant({ record: { status: "WITHDRAWN", grade: null } })!.message).toBe("Studenten er ikke meldt opp til eksamenen søknaden gjelder.");
    expect(grant({ eligible: false })!.message).toMatch(/fyller ikke lenger kravene/);
  });
});
