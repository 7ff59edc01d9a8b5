import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addProblem,
  addingProblem,
  applyGroupEvent,
  assessmentGroupProblem,
  confirmProblem,
  groupChangesOpen,
  leaveProblem,
  membersAtAssessment,
  type GroupEvent,
  type GroupRule,
  type GroupState,
} from "@/lib/domain/submission-group";

const fagnotat2: GroupRule = { individualOnly: false, minGroupSize: 1, maxGroupSize: 3 };
const mustBeGroup: GroupRule = { individualOnly: false, minGroupSize: 2, maxGroupSize: 3 };
const individual: GroupRule = { individualOnly: true, minGroupSize: 1, maxGroupSize: 1 };

const a = { enrolmentId: "a", confirmed: true };
const b = { enrolmentId: "b", confirmed: false };
const c = { enrolmentId: "c", confirmed: true };

describe("changes before the assessment", () => {
  it("are open while no attempt is assessed, and closed after the first assessment for good", () => {
    expect(groupChangesOpen([])).toBe(true);
    expect(groupChangesOpen(["SUBMITTED"])).toBe(true);
    expect(groupChangesOpen(["NOT_APPROVED"])).toBe(false);
    expect(groupChangesOpen(["NOT_APPROVED", "SUBMITTED"])).toBe(false);
    expect(groupChangesOpen(["APPROVED"])).toBe(false);
  });

  it("lets a member leave while the group keeps its smallest size and someone confirmed stays", () => {
    expect(leaveProblem(fagnotat2, [a, b], "b", ["SUBMITTED"])).toBeNull();
    expect(leaveProblem(fagnotat2, [a, c], "a", ["SUBMITTED"])).toBeNull();
    expect(leaveProblem(fagnotat2, [a], "a", ["SUBMITTED"])).toBe("Du er den eneste i innleveringen, og kan ikke gå ut av den.");
    expect(leaveProblem(mustBeGroup, [a, c], "c", ["SUBMITTED"])).toMatch(/^Gruppen må ha minst 2 deltakere\./);
    expect(leaveProblem(fagnotat2, [a, b], "a", ["SUBMITTED"])).toMatch(/^Du er den eneste i gruppen som har bekreftet/);
    expect(leaveProblem(fagnotat2, [a, b], "x", ["SUBMITTED"])).toBe("Du er ikke med i denne gruppen.");
    expect(leaveProblem(fagnotat2, [a, b], "b", ["APPROVED"])).toBe("Innleveringen er vurdert, så gruppen kan ikke endres lenger.");
  });

  it("lets a confirmed member add a classmate up to the largest size, never one who is in another submission", () => {
    expect(addProblem(fagnotat2, [a], "a", "b", ["SUBMITTED"], false)).toBeNull();
    expect(addProblem(fagnotat2, [a, b], "b", "c", ["SUBMITTED"], false)).toBe("Bekreft først at du selv er med i gruppen.");
    expect(addProblem(fagnotat2, [a, b, c], "a", "d", ["SUBMITTED"], false)).toBe("Gruppen kan ha høyst 3 deltakere.");
    expect(addProblem(fagnotat2, [a], "a", "d", ["SUBMITTED"], true)).toBe("Studenten er allerede med i en annen innlevering av dette arbeidskravet.");
    expect(addProblem(fagnotat2, [a, b], "a", "b", ["SUBMITTED"], false)).toBe("Studenten er allerede med i gruppen.");
    expect(addProblem(individual, [a], "a", "d", ["SUBMITTED"], false)).toBe("Dette arbeidskravet skal leveres individuelt.");
    expect(addProblem(fagnotat2, [a], "a", "d", ["NOT_APPROVED"], false)).toBe("Innleveringen er vurdert, så gruppen kan ikke endres lenger.");
    expect(addProblem(fagnotat2, [a], "x", "d", ["SUBMITTED"], false)).toBe("Du er ikke med i denne gruppen.");
    expect(addingProblem(fagnotat2, [a], "a", ["SUBMITTED"])).toBeNull();
  });

  it("lets a member confirm once, before the assessment", () => {
    expect(confirmProblem([a, b], "b", ["SUBMITTED"])).toBeNull();
    expect(confirmProblem([a, b], "a", ["SUBMITTED"])).toBe("Du har allerede bekreftet at du er med.");
    expect(confirmProblem([a, b], "b", ["APPROVED"])).toBe("Innleveringen er vurdert, så gruppen kan ikke endres lenger.");
    expect(confirmProblem([a, b], "x", ["SUBMITTED"])).toBe("Du er ikke med i denne gruppen.");
  });
});

describe("at the assessment", () => {
  it("covers the confirmed members and takes out the others", () => {
    expect(membersAtAssessment([a, b, c])).toEqual({ covered: ["a", "c"], excluded: ["b"] });
  });

  it("is refused when too few have confirmed for the smallest group, or nobody has", () => {
    expect(assessmentGroupProblem(fagnotat2, [a, b])).toBeNull();
    expect(assessmentGroupProblem(mustBeGroup, [a, b])).toMatch(/^Bare 1 i gruppen har bekreftet/);
    expect(assessmentGroupProblem(fagnotat2, [b])).toMatch(/^Ingen i gruppen har bekreftet/);
  });
});

// Any order of joins, departures, confirmations, assessments and hand-ins, as the server applies them.
const people = ["a", "b", "c", "d", "e"];
const event: fc.Arbitrary<GroupEvent> = fc.oneof(
  fc.record({ type: fc.constant("ADD" as const), by: fc.constantFrom(...people), member: fc.constantFrom(...people), elsewhere: fc.boolean() }),
  fc.record({ type: fc.constant("LEAVE" as const), member: fc.constantFrom(...people) }),
  fc.record({ type: fc.constant("CONFIRM" as const), member: fc.constantFrom(...people) }),
  fc.record({ type: fc.constant("ASSESS" as const), status: fc.constantFrom("APPROVED" as const, "NOT_APPROVED" as const) }),
  fc.record({ type: fc.constant("HAND_IN_AGAIN" as const) }),
);
const rule: fc.Arbitrary<GroupRule> = fc.constantFrom(fagnotat2, mustBeGroup, { individualOnly: false, minGroupSize: 1, maxGroupSize: 2 });

function start(groupRule: GroupRule): GroupState {
  // The first hand-in: the one who handed in is confirmed, chosen classmates are not.
  const members = [{ enrolmentId: "a", confirmed: true }];
  if (groupRule.minGroupSize >= 2) members.push({ enrolmentId: "b", confirmed: false });
  return { members, attempts: ["SUBMITTED"] };
}

describe("any order of events", () => {
  it("keeps the group within its sizes, with someone confirmed, and never changes it after the first assessment", () => {
    fc.assert(
      fc.property(rule, fc.array(event, { maxLength: 40 }), (groupRule, events) => {
        let state = start(groupRule);
        let assessed = false;
        for (const next of events) {
          const step = applyGroupEvent(groupRule, state, next);
          if (!step.ok) continue;
          if (assessed && (next.type === "ADD" || next.type === "LEAVE" || next.type === "CONFIRM")) {
            throw new Error(`${next.type} was accepted after the assessment`);
          }
          state = step.state;
          if (next.type === "ASSESS") assessed = true;
          const ids = state.members.map((member) => member.enrolmentId);
          expect(new Set(ids).size).toBe(ids.length);
          expect(ids.length).toBeLessThanOrEqual(groupRule.maxGroupSize);
          expect(ids.length).toBeGreaterThanOrEqual(1);
          expect(state.members.some((member) => member.confirmed)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("approves only confirmed members who are still in the group: someone who left, or never confirmed, is never covered", () => {
    fc.assert(
      fc.property(rule, fc.array(event, { maxLength: 40 }), (groupRule, events) => {
        let state = start(groupRule);
        const leftAndNotBack = new Set<string>();
        for (const next of events) {
          const before = state;
          const step = applyGroupEvent(groupRule, state, next);
          if (!step.ok) continue;
          state = step.state;
          if (next.type === "LEAVE") leftAndNotBack.add(next.member);
          if (next.type === "ADD") leftAndNotBack.delete(next.member);
          if (next.type === "ASSESS") {
            const covered = state.members.map((member) => member.enrolmentId);
            for (const id of covered) {
              expect(leftAndNotBack.has(id)).toBe(false);
              expect(before.members.find((member) => member.enrolmentId === id)?.confirmed).toBe(true);
            }
            expect(step.excluded.sort()).toEqual(before.members.filter((member) => !member.confirmed).map((member) => member.enrolmentId).sort());
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
