import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES, type Grade } from "@/lib/domain/exam";
import {
  attemptSummary,
  compareGrades,
  countingGrade,
  countsAsAttempt,
  decisionRegistration,
  isImprovementAttempt,
  laterSittingProblem,
  NTNU_ATTEMPT_RULES,
  resitRegistrationProblem,
  sittingInFocus,
  sittingOutcome,
  type ResitSitting,
  type SittingRecord,
  type SittingStatus,
} from "@/lib/domain/exam-sittings";

const ORDINARY = new Date("2026-12-14T08:00:00Z");
const SPRING = new Date("2027-03-08T08:00:00Z");
const AUTUMN = new Date("2027-09-06T08:00:00Z");

function graded(examId: string, startsAt: Date, grade: Grade, gradedOn = "2027-01-10"): SittingRecord {
  return { examId, startsAt, status: "ADMITTED", grade, gradedOn };
}
function other(examId: string, startsAt: Date, status: SittingStatus): SittingRecord {
  return { examId, startsAt, status, grade: null, gradedOn: null };
}

describe("what one sitting gave", () => {
  it("tells a grade, 'ikke møtt', nothing yet and the non-results apart", () => {
    expect(sittingOutcome({ status: "ADMITTED", grade: "C" })).toBe("GRADED");
    expect(sittingOutcome({ status: "ADMITTED", grade: "F" })).toBe("GRADED");
    expect(sittingOutcome({ status: "ADMITTED", grade: null })).toBe("PENDING");
    expect(sittingOutcome({ status: "NOT_ATTENDED", grade: null })).toBe("NOT_ATTENDED");
    expect(sittingOutcome({ status: "WITHDRAWN", grade: null })).toBe("WITHDRAWN");
    expect(sittingOutcome({ status: "REFUSED", grade: null })).toBe("REFUSED");
    expect(sittingOutcome({ status: "DEFERRED", grade: null })).toBe("DEFERRED");
  });

  it("counts a grade (F too) and 'ikke møtt' as attempts, and nothing else", () => {
    for (const grade of GRADES) expect(countsAsAttempt({ status: "ADMITTED", grade })).toBe(true);
    expect(countsAsAttempt({ status: "NOT_ATTENDED", grade: null })).toBe(true);
    for (const status of ["WITHDRAWN", "REFUSED", "DEFERRED"] as const) expect(countsAsAttempt({ status, grade: null })).toBe(false);
    expect(countsAsAttempt({ status: "ADMITTED", grade: null })).toBe(false);
  });

  it("orders grades A best to F worst", () => {
    expect(compareGrades("A", "B")).toBeLessThan(0);
    expect(compareGrades("F", "E")).toBeGreaterThan(0);
    expect(compareGrades("C", "C")).toBe(0);
  });
});

describe("the grade that counts", () => {
  it("is none before any grade, and 'ikke møtt', withdrawn, deferred and refused never count", () => {
    expect(countingGrade([])).toBeNull();
    expect(
      countingGrade([other("o", ORDINARY, "NOT_ATTENDED"), other("s", SPRING, "WITHDRAWN"), other("d", AUTUMN, "DEFERRED"), other("r", AUTUMN, "REFUSED"), other("p", AUTUMN, "ADMITTED")]),
    ).toBeNull();
  });

  it("is an F when F is all there is, and the pass after it once there is one", () => {
    expect(countingGrade([graded("o", ORDINARY, "F", "2027-01-10")])).toEqual({ grade: "F", examId: "o", gradedOn: "2027-01-10" });
    expect(countingGrade([graded("o", ORDINARY, "F"), other("s", SPRING, "NOT_ATTENDED"), graded("a", AUTUMN, "D", "2027-10-01")])).toEqual({
      grade: "D",
      examId: "a",
      gradedOn: "2027-10-01",
    });
  });

  it("is the best grade, also when a later attempt to improve went worse", () => {
    expect(countingGrade([graded("o", ORDINARY, "C"), graded("s", SPRING, "D")])!.grade).toBe("C");
    expect(countingGrade([graded("o", ORDINARY, "C"), graded("s", SPRING, "B")])!.grade).toBe("B");
    expect(countingGrade([graded("o", ORDINARY, "C"), graded("s", SPRING, "F")])!.grade).toBe("C");
  });

  it("is the earlier sitting's on a tie (its term and date go to FS)", () => {
    expect(countingGrade([graded("s", SPRING, "B", "2027-04-01"), graded("o", ORDINARY, "B", "2027-01-10")])).toEqual({ grade: "B", examId: "o", gradedOn: "2027-01-10" });
  });

  it("refuses a grade on a registration that is not admitted", () => {
    expect(() => countingGrade([{ ...graded("o", ORDINARY, "B"), status: "NOT_ATTENDED" }])).toThrow(RangeError);
  });

  const sittings = [ORDINARY, SPRING, AUTUMN, new Date("2028-03-06T08:00:00Z")];
  const recordArb = fc.record({
    sitting: fc.integer({ min: 0, max: sittings.length - 1 }),
    outcome: fc.constantFrom<Grade | Exclude<SittingStatus, "ADMITTED"> | "PENDING">(...GRADES, "NOT_ATTENDED", "WITHDRAWN", "REFUSED", "DEFERRED", "PENDING"),
  });
  const historyArb = fc.uniqueArray(recordArb, { selector: (record) => record.sitting, maxLength: sittings.length }).map((rows) =>
    rows.map(({ sitting, outcome }): SittingRecord =>
      (GRADES as readonly string[]).includes(outcome)
        ? graded(`x${sitting}`, sittings[sitting]!, outcome as Grade, `2028-0${sitting + 1}-01`)
        : outcome === "PENDING"
          ? other(`x${sitting}`, sittings[sitting]!, "ADMITTED")
          : other(`x${sitting}`, sittings[sitting]!, outcome as SittingStatus),
    ),
  );

  it("is the same whatever order the sittings' grades are set or read in", () => {
    fc.assert(
      fc.property(historyArb, fc.func(fc.integer()), (history, key) => {
        const shuffled = [...history].sort((a, b) => key(a.examId) - key(b.examId) || (a.examId < b.examId ? -1 : 1));
        expect(countingGrade(shuffled)).toEqual(countingGrade(history));
        expect(attemptSummary(shuffled, NTNU_ATTEMPT_RULES)).toEqual(attemptSummary(history, NTNU_ATTEMPT_RULES));
      }),
    );
  });

  it("is never worse than any grade of the history, and is one of them", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const counting = countingGrade(history);
        const grades = history.filter((record) => record.grade).map((record) => record.grade!);
        if (grades.length === 0) return counting === null;
        return grades.includes(counting!.grade) && grades.every((grade) => compareGrades(counting!.grade, grade) <= 0);
      }),
    );
  });

  it("grades set one sitting at a time, in any order, end in the same grade as all at once", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...GRADES), { minLength: 1, maxLength: 4 }), fc.func(fc.integer()), (grades, key) => {
        const records = grades.map((grade, index) => graded(`x${index}`, sittings[index]!, grade));
        const order = [...records].sort((a, b) => key(a.examId) - key(b.examId) || (a.examId < b.examId ? -1 : 1));
        const entered: SittingRecord[] = records.map((record) => ({ ...record, grade: null }));
        for (const record of order) entered[records.indexOf(record)] = record;
        expect(countingGrade(entered)).toEqual(countingGrade(records));
      }),
    );
  });
});

describe("attempts", () => {
  it("counts grades and 'ikke møtt', and the improvements after the first pass", () => {
    expect(attemptSummary([], NTNU_ATTEMPT_RULES)).toEqual({ used: 0, allowed: 3, left: 3, passed: false, improvementsUsed: 0, improvementsLeft: 0 });
    expect(attemptSummary([graded("o", ORDINARY, "F"), other("s", SPRING, "NOT_ATTENDED")], NTNU_ATTEMPT_RULES)).toMatchObject({ used: 2, left: 1, passed: false });
    expect(attemptSummary([other("o", ORDINARY, "DEFERRED"), other("s", SPRING, "WITHDRAWN"), other("r", AUTUMN, "REFUSED")], NTNU_ATTEMPT_RULES)).toMatchObject({ used: 0, left: 3 });
    expect(attemptSummary([graded("o", ORDINARY, "C")], NTNU_ATTEMPT_RULES)).toMatchObject({ used: 1, passed: true, improvementsUsed: 0, improvementsLeft: 1 });
    expect(attemptSummary([graded("o", ORDINARY, "C"), graded("s", SPRING, "D")], NTNU_ATTEMPT_RULES)).toMatchObject({ used: 2, passed: true, improvementsUsed: 1, improvementsLeft: 0 });
    expect(attemptSummary([graded("o", ORDINARY, "F"), graded("s", SPRING, "E")], NTNU_ATTEMPT_RULES)).toMatchObject({ used: 2, left: 1, passed: true, improvementsUsed: 0, improvementsLeft: 1 });
  });

  it("refuses rules that make no sense", () => {
    expect(() => attemptSummary([], { attempts: 0, improvements: 0 })).toThrow(RangeError);
    expect(() => attemptSummary([], { attempts: 3, improvements: 3 })).toThrow(RangeError);
    expect(() => attemptSummary([], { attempts: 2, improvements: -1 })).toThrow(RangeError);
  });
});

describe("registering for ny eksamen", () => {
  const resit: ResitSitting = { examId: "ny", kind: "RESIT", startsAt: new Date("2027-03-08T08:00:00Z"), registrationClosesOn: "2027-02-15" };
  const before = new Date("2027-02-15T22:59:59Z"); // 23:59:59 on the last day, Oslo (winter)
  const after = new Date("2027-02-15T23:00:00Z");
  const base = { sitting: resit, eligible: true, onLeave: false, rules: NTNU_ATTEMPT_RULES, now: before };
  const problem = (records: SittingRecord[], overrides: Partial<typeof base> = {}) => resitRegistrationProblem({ ...base, ...overrides, records })?.code ?? null;

  it("is open after an F, after 'ikke møtt', after withdrawing, and to someone who never sat", () => {
    expect(problem([graded("o", ORDINARY, "F")])).toBeNull();
    expect(problem([other("o", ORDINARY, "NOT_ATTENDED")])).toBeNull();
    expect(problem([other("o", ORDINARY, "WITHDRAWN")])).toBeNull();
    expect(problem([])).toBeNull();
  });

  it("says a student granted utsatt eksamen of this ny eksamen takes the utsatt one (not that she is registered here)", () => {
    expect(problem([graded("o", ORDINARY, "F"), other("ny", resit.startsAt, "DEFERRED")])).toBe("DEFERRED_HERE");
    expect(resitRegistrationProblem({ ...base, records: [other("ny", resit.startsAt, "DEFERRED")] })!.message).toBe(
      "Du har fått utsatt eksamen for denne eksamenen, og tar den utsatte eksamenen i stedet.",
    );
  });

  it("is closed to a student on leave, who is told to say when she is back", () => {
    expect(problem([graded("o", ORDINARY, "F")], { onLeave: true })).toBe("ON_LEAVE");
    expect(resitRegistrationProblem({ ...base, onLeave: true, records: [] })!.staffMessage).toBe("Studenten har permisjon. Registrer at studenten er tilbake, før studenten meldes opp.");
  });

  it("closes at the end of the registration day, Oslo time", () => {
    expect(problem([graded("o", ORDINARY, "F")], { now: after })).toBe("DEADLINE_PASSED");
    expect(resitRegistrationProblem({ ...base, now: after, records: [] })!.message).toBe("Fristen for å melde seg opp gikk ut 15. februar 2027.");
  });

  it("needs the right to sit: a student refused the ordinary exam must become eligible first", () => {
    expect(problem([other("o", ORDINARY, "REFUSED")], { eligible: false })).toBe("NOT_ELIGIBLE");
    expect(problem([other("o", ORDINARY, "REFUSED")], { eligible: true })).toBeNull();
  });

  it("is not for a student with a result outstanding elsewhere, or already registered here", () => {
    expect(problem([other("o", ORDINARY, "ADMITTED")])).toBe("RESULT_OUTSTANDING");
    expect(problem([graded("o", ORDINARY, "F"), other("ny", SPRING, "ADMITTED")])).toBe("ALREADY_REGISTERED");
    expect(problem([graded("o", ORDINARY, "F"), other("ny", SPRING, "REFUSED")])).toBe("REFUSED_HERE");
    // Withdrawn from this resit before it started: may register again.
    expect(problem([graded("o", ORDINARY, "F"), other("ny", SPRING, "WITHDRAWN")])).toBeNull();
  });

  it("stops after the attempts the study plan gives (three at NTNU)", () => {
    const three = [graded("o", ORDINARY, "F"), other("s", new Date("2027-01-04T08:00:00Z"), "NOT_ATTENDED"), graded("a", new Date("2027-02-01T08:00:00Z"), "F")];
    expect(problem(three)).toBe("NO_ATTEMPTS_LEFT");
    expect(problem(three.slice(0, 2))).toBeNull();
    expect(problem([graded("o", ORDINARY, "F")], { rules: { attempts: 1, improvements: 0 } })).toBe("NO_ATTEMPTS_LEFT");
    expect(resitRegistrationProblem({ ...base, records: three })!.message).toBe("Du har brukt alle de 3 forsøkene studieplanen gir.");
  });

  it("lets a student who passed improve once, and only once", () => {
    expect(problem([graded("o", ORDINARY, "C")])).toBeNull();
    expect(isImprovementAttempt([graded("o", ORDINARY, "C")])).toBe(true);
    expect(isImprovementAttempt([graded("o", ORDINARY, "F")])).toBe(false);
    expect(problem([graded("o", ORDINARY, "C"), graded("s", new Date("2027-01-04T08:00:00Z"), "D")])).toBe("PASSED");
    expect(problem([graded("o", ORDINARY, "C")], { rules: { attempts: 3, improvements: 0 } })).toBe("PASSED");
    expect(resitRegistrationProblem({ ...base, records: [graded("o", ORDINARY, "C"), graded("s", new Date("2027-01-04T08:00:00Z"), "D")] })!.message).toBe(
      "Du har bestått eksamen og brukt forsøket til å forbedre karakteren.",
    );
    // F, then a pass at the resit: the improvement is still there.
    expect(problem([graded("o", ORDINARY, "F"), graded("s", new Date("2027-01-04T08:00:00Z"), "E")])).toBeNull();
  });

  it("is only for a resit sitting", () => {
    expect(problem([], { sitting: { ...resit, kind: "DEFERRED", registrationClosesOn: null } })).toBe("NOT_A_RESIT");
  });
});

describe("which registration is decided and shown", () => {
  it("asks about the latest registration not withdrawn or deferred", () => {
    expect(decisionRegistration([])).toBeNull();
    expect(decisionRegistration([other("o", ORDINARY, "REFUSED")])!.examId).toBe("o");
    expect(decisionRegistration([other("o", ORDINARY, "DEFERRED"), other("d", SPRING, "ADMITTED")])!.examId).toBe("d");
    expect(decisionRegistration([graded("o", ORDINARY, "F"), other("s", SPRING, "WITHDRAWN")])!.examId).toBe("o");
  });

  it("puts the sitting with a result outstanding first, else the latest with a record, else the ordinary", () => {
    const sittings = [
      { id: "o", kind: "ORDINARY" as const, startsAt: ORDINARY },
      { id: "d", kind: "DEFERRED" as const, startsAt: SPRING },
      { id: "n", kind: "RESIT" as const, startsAt: AUTUMN },
    ];
    expect(sittingInFocus(sittings, [])!.id).toBe("o");
    expect(sittingInFocus(sittings, [other("o", ORDINARY, "DEFERRED"), other("d", SPRING, "ADMITTED")])!.id).toBe("d");
    expect(sittingInFocus(sittings, [graded("o", ORDINARY, "F"), graded("n", AUTUMN, "C")])!.id).toBe("n");
    expect(sittingInFocus(sittings, [graded("o", ORDINARY, "F"), other("n", AUTUMN, "WITHDRAWN")])!.id).toBe("o");
    expect(sittingInFocus([], [])).toBeNull();
  });
});

describe("a later sitting's place in time", () => {
  const ordinary = { handInAt: new Date("2026-12-16T13:00:00Z") };
  const at = (iso: string) => ({ startsAt: new Date(iso), startsOn: iso.slice(0, 10) });
  it("starts after the ordinary hand-in, and a resit closes registration before its first day", () => {
    expect(laterSittingProblem({ kind: "DEFERRED", ...at("2027-01-11T08:00:00Z"), ordinary, registrationClosesOn: null })).toBeNull();
    expect(laterSittingProblem({ kind: "DEFERRED", ...at("2026-12-16T08:00:00Z"), ordinary, registrationClosesOn: null })!.field).toBe("firstDay");
    expect(laterSittingProblem({ kind: "RESIT", ...at("2027-03-08T08:00:00Z"), ordinary, registrationClosesOn: "2027-02-15" })).toBeNull();
    expect(laterSittingProblem({ kind: "RESIT", ...at("2027-03-08T08:00:00Z"), ordinary, registrationClosesOn: null })!.field).toBe("registrationClosesOn");
    expect(laterSittingProblem({ kind: "RESIT", ...at("2027-03-08T08:00:00Z"), ordinary, registrationClosesOn: "2027-03-08" })!.message).toBe(
      "Oppmeldingsfristen må være før første eksamensdag.",
    );
    expect(laterSittingProblem({ kind: "RESIT", ...at("2027-03-08T08:00:00Z"), ordinary: null, registrationClosesOn: "2027-02-15" })!.message).toBe(
      "Legg inn den ordinære eksamenen under Plan først.",
    );
    expect(laterSittingProblem({ kind: "ORDINARY", ...at("2027-03-08T08:00:00Z"), ordinary, registrationClosesOn: null })!.field).toBe("kind");
  });
});
