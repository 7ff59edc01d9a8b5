import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { attendanceCounts, type AttendanceRegistration } from "@/lib/domain/attendance";
import { evaluateEligibility, type ArbeidskravStatus } from "@/lib/domain/eligibility";
import { examDecisionNeeded } from "@/lib/domain/exam";
import {
  attendanceNoticeStep,
  describeStandingChange,
  describeStandingStatus,
  sameStanding,
  standingFromEligibility,
  storedOutlook,
  type AttendanceNoticeState,
  type StandingFacts,
} from "@/lib/domain/standing";
import { addDays } from "@/lib/domain/dates";

const FIRST_DAY = "2026-09-01";
const planOf = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `d${index}`, date: addDays(FIRST_DAY, index * 7) }));
const REQUIRED = ["f1", "l1", "f2", "l2", "l3"].map((id) => ({ id, required: true }));

function standingOf(
  plan: { id: string; date: string }[],
  registrations: Map<string, "PRESENT" | "ABSENT">,
  assessments: Map<string, Exclude<ArbeidskravStatus, "NOT_SUBMITTED">>,
  definitions: { id: string; required: boolean }[],
  asOf: string,
): StandingFacts {
  const registered: AttendanceRegistration[] = [...registrations].map(([samlingDayId, status]) => ({ samlingDayId, status }));
  const submissions = [...assessments].map(([arbeidskravId, status]) => ({ arbeidskravId, status }));
  return standingFromEligibility(
    evaluateEligibility({
      ...attendanceCounts(plan, registered, asOf),
      arbeidskrav: studentArbeidskravStanding(definitions, submissions),
    }),
  );
}

describe("standingFromEligibility", () => {
  it("keeps the clock-free facts of an evaluated eligibility", () => {
    const facts = standingOf(
      planOf(10),
      new Map([
        ["d0", "PRESENT"],
        ["d1", "ABSENT"],
        ["d2", "ABSENT"],
      ]),
      new Map([["f1", "APPROVED"]]),
      REQUIRED,
      "2027-06-01",
    );
    expect(facts).toEqual({
      status: "ON_TRACK",
      attendanceState: "LAST_ABSENCE",
      scheduledDays: 10,
      attendedDays: 1,
      absentDays: 2,
      approvedRequired: 1,
      requiredTotal: 5,
    });
  });

  it("is UNREACHABLE once more absences are registered than the rule allows, and NONE once the requirement is met", () => {
    const absent = new Map(planOf(10).slice(0, 3).map((day) => [day.id, "ABSENT" as const]));
    expect(standingOf(planOf(10), absent, new Map(), REQUIRED, "2027-06-01")).toMatchObject({ status: "NOT_ELIGIBLE", attendanceState: "UNREACHABLE" });
    const present = new Map(planOf(10).slice(0, 8).map((day) => [day.id, "PRESENT" as const]));
    expect(standingOf(planOf(10), present, new Map(), REQUIRED, "2027-06-01")).toMatchObject({ status: "ON_TRACK", attendanceState: "NONE" });
  });
});

describe("an unregistered day is not an absence", () => {
  it("a day registered a week late changes nothing that was decided before it was registered", () => {
    const plan = planOf(15); // three absences allowed
    const first = new Map<string, "PRESENT" | "ABSENT">([["d0", "ABSENT"]]);
    // d1 passes without a registration: one absence, two left: no warning (counting d1 as an
    // absence would have said "at most one absence left").
    const beforeRegistration = standingOf(plan, first, new Map(), REQUIRED, addDays(plan[1]!.date, 1));
    expect(beforeRegistration).toMatchObject({ status: "ON_TRACK", attendanceState: "NONE", absentDays: 1 });
    // Registered a week late as present: the same standing, so nothing was said that must be taken back.
    const late = standingOf(plan, new Map([...first, ["d1", "PRESENT"]]), new Map(), REQUIRED, addDays(plan[1]!.date, 8));
    expect(late).toMatchObject({ status: "ON_TRACK", attendanceState: "NONE", absentDays: 1, attendedDays: 1 });
  });

  it("property: the standing depends on the registrations, never on the day it is computed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.constantFrom("PRESENT" as const, "ABSENT" as const)), { maxLength: 40 }),
        fc.array(fc.tuple(fc.constantFrom("f1", "l1", "f2", "l2", "l3"), fc.constantFrom("SUBMITTED" as const, "APPROVED" as const, "NOT_APPROVED" as const))),
        fc.nat(400),
        fc.nat(400),
        (count, events, assessed, dayA, dayB) => {
          const plan = planOf(count);
          const registrations = new Map<string, "PRESENT" | "ABSENT">();
          for (const [index, status] of events) if (index < count) registrations.set(`d${index}`, status);
          const assessments = new Map(assessed);
          const a = standingOf(plan, registrations, assessments, REQUIRED, addDays(FIRST_DAY, dayA - 30));
          const b = standingOf(plan, registrations, assessments, REQUIRED, addDays(FIRST_DAY, dayB - 30));
          expect(sameStanding(a, b)).toBe(true);
        },
      ),
    );
  });

  it("property: registrations arriving in any order, with corrections, end in the standing of the final registrations", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.nat(19), fc.constantFrom("PRESENT" as const, "ABSENT" as const)), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (count, events, randomness) => {
          const plan = planOf(count);
          const apply = (sequence: typeof events) => {
            const registrations = new Map<string, "PRESENT" | "ABSENT">();
            for (const [index, status] of sequence) if (index < count) registrations.set(`d${index}`, status);
            return registrations;
          };
          // The same final fact per day (the last event for the day), delivered in a shuffled order.
          const last = [...apply(events)];
          const shuffled = [...last].map((entry) => ({ entry, key: randomness.next().value })).sort((x, y) => x.key - y.key).map(({ entry }) => entry);
          const direct = standingOf(plan, apply(events), new Map(), REQUIRED, "2030-01-01");
          const reordered = standingOf(plan, new Map(shuffled), new Map(), REQUIRED, "2030-01-01");
          expect(reordered).toEqual(direct);
        },
      ),
    );
  });
});

describe("optional items never count", () => {
  it("five required approved is eligible whatever the optional extras' standing", () => {
    const plan = planOf(5);
    const present = new Map(plan.map((day) => [day.id, "PRESENT" as const]));
    const definitions = [...REQUIRED, { id: "x1", required: false }, { id: "x2", required: false }];
    const approved = new Map(REQUIRED.map(({ id }) => [id, "APPROVED" as const]));
    expect(standingOf(plan, present, approved, definitions, "2030-01-01").status).toBe("ELIGIBLE");
    expect(standingOf(plan, present, new Map([...approved, ["x1", "NOT_APPROVED"]]), definitions, "2030-01-01").status).toBe("ELIGIBLE");
  });

  it("an approved optional item never stands in for a missing required one", () => {
    const plan = planOf(5);
    const present = new Map(plan.map((day) => [day.id, "PRESENT" as const]));
    const definitions = [...REQUIRED, { id: "x1", required: false }];
    const fourAndExtra = new Map<string, "APPROVED">([
      ["f1", "APPROVED"],
      ["l1", "APPROVED"],
      ["f2", "APPROVED"],
      ["l2", "APPROVED"],
      ["x1", "APPROVED"],
    ]);
    const facts = standingOf(plan, present, fourAndExtra, definitions, "2030-01-01");
    expect(facts).toMatchObject({ status: "ON_TRACK", approvedRequired: 4, requiredTotal: 5 });
  });

  it("property: adding optional items with any standing never changes the standing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(9), fc.constantFrom("PRESENT" as const, "ABSENT" as const))),
        fc.array(fc.tuple(fc.constantFrom("f1", "l1", "f2", "l2", "l3"), fc.constantFrom("SUBMITTED" as const, "APPROVED" as const, "NOT_APPROVED" as const))),
        fc.array(fc.constantFrom("SUBMITTED" as const, "APPROVED" as const, "NOT_APPROVED" as const), { maxLength: 4 }),
        (events, assessed, extras) => {
          const plan = planOf(10);
          const registrations = new Map(events.map(([index, status]) => [`d${index}`, status] as const));
          const withExtras = [...REQUIRED, ...extras.map((_, index) => ({ id: `x${index}`, required: false }))];
          const extraAssessments = extras.map((status, index) => [`x${index}`, status] as const);
          const without = standingOf(plan, registrations, new Map(assessed), REQUIRED, "2030-01-01");
          const withThem = standingOf(plan, registrations, new Map([...assessed, ...extraAssessments]), withExtras, "2030-01-01");
          expect(withThem).toEqual(without);
        },
      ),
    );
  });
});

describe("attendanceNoticeStep: notices follow the state", () => {
  it("warns on entering a worse state, corrects on leaving it, and says nothing when the state stays", () => {
    expect(attendanceNoticeStep("NONE", "LAST_ABSENCE")).toEqual({ send: "LAST_ABSENCE", notified: "LAST_ABSENCE" });
    expect(attendanceNoticeStep("NONE", "UNREACHABLE")).toEqual({ send: "UNREACHABLE", notified: "UNREACHABLE" });
    expect(attendanceNoticeStep("LAST_ABSENCE", "UNREACHABLE")).toEqual({ send: "UNREACHABLE", notified: "UNREACHABLE" });
    expect(attendanceNoticeStep("UNREACHABLE", "LAST_ABSENCE")).toEqual({ send: "LIFTED", notified: "LAST_ABSENCE" });
    expect(attendanceNoticeStep("UNREACHABLE", "NONE")).toEqual({ send: "LIFTED", notified: "NONE" });
    expect(attendanceNoticeStep("LAST_ABSENCE", "LAST_ABSENCE")).toEqual({ send: null, notified: "LAST_ABSENCE" });
    expect(attendanceNoticeStep("NONE", "NONE")).toEqual({ send: null, notified: "NONE" });
    expect(() => attendanceNoticeStep("NONE", "SOON" as AttendanceNoticeState)).toThrow(RangeError);
  });

  it("property: over any sequence of states, each entry into a warning state is told exactly once, and every lift is corrected", () => {
    const state = fc.constantFrom<AttendanceNoticeState>("NONE", "LAST_ABSENCE", "UNREACHABLE");
    const severity = { NONE: 0, LAST_ABSENCE: 1, UNREACHABLE: 2 } as const;
    fc.assert(
      fc.property(fc.array(state, { maxLength: 60 }), (states) => {
        let notified: AttendanceNoticeState = "NONE";
        const sent: (string | null)[] = [];
        for (const current of states) {
          const step = attendanceNoticeStep(notified, current);
          sent.push(step.send);
          // A warning is never sent for the state the student was last told about.
          if (step.send === "LAST_ABSENCE" || step.send === "UNREACHABLE") expect(step.send).not.toBe(notified);
          if (step.send === "LIFTED") expect(severity[current]).toBeLessThan(severity[notified]);
          notified = step.notified;
          expect(notified).toBe(current);
        }
        // One message per change of state, none while it stays.
        const changes = states.filter((current, index) => current !== (index === 0 ? "NONE" : states[index - 1]));
        expect(sent.filter((message) => message !== null)).toHaveLength(changes.length);
      }),
    );
  });
});

describe("examDecisionNeeded", () => {
  it("flags a registered student who is no longer eligible, and a refused one who now is", () => {
    expect(examDecisionNeeded("ADMITTED", "ON_TRACK")).toBe("REFUSAL_NEEDED");
    expect(examDecisionNeeded("ADMITTED", "NOT_ELIGIBLE")).toBe("REFUSAL_NEEDED");
    expect(examDecisionNeeded("ADMITTED", "ELIGIBLE")).toBeNull();
    expect(examDecisionNeeded("ADMITTED", "ON_TRACK", true)).toBeNull(); // graded: the sitting is over
    expect(examDecisionNeeded("REFUSED", "ELIGIBLE")).toBe("ADMISSION_NEEDED");
    expect(examDecisionNeeded("REFUSED", "ON_TRACK")).toBeNull();
    expect(examDecisionNeeded("WITHDRAWN", "ELIGIBLE")).toBeNull();
    expect(examDecisionNeeded(null, "ELIGIBLE")).toBeNull();
  });
});

describe("describeStandingChange", () => {
  it("says what changed, when and why", () => {
    expect(
      describeStandingChange({
        previousStatus: "ON_TRACK",
        status: "ELIGIBLE",
        changedOn: "2026-12-03",
        cause: "Oppmøtet 1. desember 2026 er rettet",
        formatDate: (iso) => iso,
      }),
    ).toBe("Endret 2026-12-03: fra «kan fortsatt nå kravene» til «fyller kravene til eksamen» (Oppmøtet 1. desember 2026 er rettet).");
  });

  it("tells a stored «underveis» with a required item finally not approved as what it is, not «kan fortsatt nå kravene»", () => {
    const krav = (last: { status: ArbeidskravStatus; final?: boolean }) => [
      ...["a1", "a2", "a3", "a4"].map((id) => ({ id, status: "APPROVED" as const })),
      { id: "a5", ...last },
    ];
    const final = evaluateEligibility({ scheduledDays: 20, heldDays: 20, attendedDays: 20, arbeidskrav: krav({ status: "NOT_APPROVED", final: true }) });
    const open = evaluateEligibility({ scheduledDays: 20, heldDays: 20, attendedDays: 20, arbeidskrav: krav({ status: "NOT_APPROVED" }) });
    expect(storedOutlook("ON_TRACK", final)).toBe("SHORT_BY_DECISION");
    expect(storedOutlook("ON_TRACK", open)).toBe("ON_TRACK");
    // A stored status the evaluation no longer gives (read between two writes) is told as stored.
    expect(storedOutlook("ELIGIBLE", final)).toBe("ELIGIBLE");
    expect(
      describeStandingChange({ previousStatus: "ELIGIBLE", status: storedOutlook("ON_TRACK", final), changedOn: "2026-12-03", cause: "Fagnotat 2 er rettet til ikke godkjent", formatDate: (iso) => iso }),
    ).toBe("Endret 2026-12-03: fra «fyller kravene til eksamen» til «fyller ikke kravene fordi et obligatorisk arbeidskrav er endelig ikke godkjent» (Fagnotat 2 er rettet til ikke godkjent).");
    // Stored as the outlook now: a later change from it says where she came from.
    expect(standingFromEligibility(final).status).toBe("SHORT_BY_DECISION");
    expect(standingFromEligibility(open).status).toBe("ON_TRACK");
    expect(storedOutlook("SHORT_BY_DECISION", final)).toBe("SHORT_BY_DECISION");
    expect(
      describeStandingChange({ previousStatus: "SHORT_BY_DECISION", status: "ELIGIBLE", changedOn: "2026-12-04", cause: "Fagnotat 2 er rettet til godkjent", formatDate: (iso) => iso }),
    ).toBe("Endret 2026-12-04: fra «fyller ikke kravene fordi et obligatorisk arbeidskrav er endelig ikke godkjent» til «fyller kravene til eksamen» (Fagnotat 2 er rettet til godkjent).");
  });

  it("a final rejection of a required item is a change of standing; the same attendance and count without it is not the same standing", () => {
    const plan = planOf(10);
    const present = new Map(plan.map((day) => [day.id, "PRESENT" as const]));
    const asOf = "2027-06-01";
    const pending = standingOf(plan, present, new Map([["f1", "NOT_APPROVED"]]), REQUIRED, asOf);
    const lastAttempt = standingFromEligibility(
      evaluateEligibility({ scheduledDays: 10, heldDays: 10, attendedDays: 10, arbeidskrav: [{ id: "f1", status: "NOT_APPROVED", final: true }, ...["l1", "f2", "l2", "l3"].map((id) => ({ id, status: "NOT_SUBMITTED" as const }))] }),
    );
    expect(pending.status).toBe("ON_TRACK");
    expect(lastAttempt.status).toBe("SHORT_BY_DECISION");
    expect(sameStanding(pending, { ...pending, status: lastAttempt.status })).toBe(false);
  });
});

describe("describeStandingStatus", () => {
  it("says each outlook now, and of before in the past tense", () => {
    const outlooks = ["ELIGIBLE", "ON_TRACK", "SHORT_BY_DECISION", "NOT_ELIGIBLE"] as const;
    expect(outlooks.map((outlook) => describeStandingStatus(outlook))).toEqual([
      "fyller kravene til eksamen",
      "kan fortsatt nå kravene",
      "fyller ikke kravene fordi et obligatorisk arbeidskrav er endelig ikke godkjent",
      "kan ikke lenger nå kravene",
    ]);
    expect(outlooks.map((outlook) => describeStandingStatus(outlook, "before"))).toEqual([
      "fylte kravene til eksamen",
      "kunne fortsatt nå kravene",
      "fylte ikke kravene fordi et obligatorisk arbeidskrav var endelig ikke godkjent",
      "kunne ikke nå kravene",
    ]);
  });
});
