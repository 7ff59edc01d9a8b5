/**
 * Who is in a group hand-in, and how that may change before the work is assessed.
 *
 * The one who hands in chooses the classmates; each of them is "ikke bekreftet" until they confirm
 * on their own arbeidskrav page. Until the submission is assessed (no attempt has been assessed):
 * - a member may leave the group, as long as it keeps its smallest size;
 * - a confirmed member may add a classmate, up to the largest size, who is not in another
 *   submission of the same arbeidskrav (the added classmate must confirm too);
 * - a member confirms once.
 * The group's assessment covers confirmed, current members only. Decision where the issue was
 * silent: a member still unconfirmed when the faculty assess is taken out of the group at that
 * moment (told by e-mail) and hands in on their own; the assessment is refused only when too few
 * confirmed members are left for the arbeidskrav's smallest group. A member who has left is no
 * longer in the group, so its approval never covers them.
 */
import { countNoun } from "./format";

export interface GroupRule {
  individualOnly: boolean;
  minGroupSize: number;
  maxGroupSize: number;
}

export interface GroupMember {
  enrolmentId: string;
  confirmed: boolean;
}

export type AttemptStatus = "SUBMITTED" | "APPROVED" | "NOT_APPROVED";

function sizes(rule: GroupRule): { min: number; max: number } {
  return rule.individualOnly ? { min: 1, max: 1 } : { min: rule.minGroupSize, max: rule.maxGroupSize };
}

/** Membership may change while no attempt of the submission has been assessed. */
export function groupChangesOpen(attempts: readonly AttemptStatus[]): boolean {
  return attempts.every((status) => status === "SUBMITTED");
}

const ASSESSED = "Innleveringen er vurdert, så gruppen kan ikke endres lenger.";

/** Why `leaverId` may not leave now, or null. */
export function leaveProblem(rule: GroupRule, members: readonly GroupMember[], leaverId: string, attempts: readonly AttemptStatus[]): string | null {
  if (!members.some((member) => member.enrolmentId === leaverId)) return "Du er ikke med i denne gruppen.";
  if (!groupChangesOpen(attempts)) return ASSESSED;
  const { min } = sizes(rule);
  if (members.length - 1 < Math.max(1, min)) {
    return members.length === 1
      ? "Du er den eneste i innleveringen, og kan ikke gå ut av den."
      : `Gruppen må ha minst ${countNoun(min, "deltaker", "deltakere")}. Legg til en annen først, eller be faglæreren om hjelp.`;
  }
  if (!members.some((member) => member.enrolmentId !== leaverId && member.confirmed)) {
    return "Du er den eneste i gruppen som har bekreftet at du er med. Vent til en annen har bekreftet før du går ut, så innleveringen ikke står uten noen som svarer for den.";
  }
  return null;
}

/** Why `adderId` may not add anyone to the group now (whoever it would be), or null. */
export function addingProblem(rule: GroupRule, members: readonly GroupMember[], adderId: string, attempts: readonly AttemptStatus[]): string | null {
  const adder = members.find((member) => member.enrolmentId === adderId);
  if (!adder) return "Du er ikke med i denne gruppen.";
  if (!adder.confirmed) return "Bekreft først at du selv er med i gruppen.";
  if (!groupChangesOpen(attempts)) return ASSESSED;
  const { max } = sizes(rule);
  if (max <= 1) return "Dette arbeidskravet skal leveres individuelt.";
  if (members.length + 1 > max) return `Gruppen kan ha høyst ${countNoun(max, "deltaker", "deltakere")}.`;
  return null;
}

/** Why `adderId` may not add `newId` now, or null. `newIsElsewhere`: already in another submission of the arbeidskrav. */
export function addProblem(
  rule: GroupRule,
  members: readonly GroupMember[],
  adderId: string,
  newId: string,
  attempts: readonly AttemptStatus[],
  newIsElsewhere: boolean,
): string | null {
  if (members.some((member) => member.enrolmentId === newId)) return "Studenten er allerede med i gruppen.";
  const problem = addingProblem(rule, members, adderId, attempts);
  if (problem) return problem;
  if (newIsElsewhere) return "Studenten er allerede med i en annen innlevering av dette arbeidskravet.";
  return null;
}

/** Why `memberId` cannot confirm now, or null. */
export function confirmProblem(members: readonly GroupMember[], memberId: string, attempts: readonly AttemptStatus[]): string | null {
  const member = members.find((candidate) => candidate.enrolmentId === memberId);
  if (!member) return "Du er ikke med i denne gruppen.";
  if (member.confirmed) return "Du har allerede bekreftet at du er med.";
  if (!groupChangesOpen(attempts)) return ASSESSED;
  return null;
}

/** At assessment: who the decision covers (confirmed) and who is taken out (not confirmed). */
export function membersAtAssessment(members: readonly GroupMember[]): { covered: string[]; excluded: string[] } {
  return {
    covered: members.filter((member) => member.confirmed).map((member) => member.enrolmentId),
    excluded: members.filter((member) => !member.confirmed).map((member) => member.enrolmentId),
  };
}

/** Why the group cannot be assessed now (too few confirmed members for its smallest size), or null. */
export function assessmentGroupProblem(rule: GroupRule, members: readonly GroupMember[]): string | null {
  const { covered } = membersAtAssessment(members);
  const { min } = sizes(rule);
  if (covered.length === 0) return "Ingen i gruppen har bekreftet at de er med, så innleveringen kan ikke vurderes ennå.";
  if (covered.length < min) {
    return `Bare ${covered.length} i gruppen har bekreftet, og arbeidskravet krever minst ${countNoun(min, "deltaker", "deltakere")}. Vent til flere har bekreftet.`;
  }
  return null;
}

// ─── The rules as a sequence of events (what the property tests walk through) ─────────────────

export type GroupEvent =
  | { type: "ADD"; by: string; member: string; elsewhere: boolean }
  | { type: "LEAVE"; member: string }
  | { type: "CONFIRM"; member: string }
  | { type: "ASSESS"; status: "APPROVED" | "NOT_APPROVED" }
  | { type: "HAND_IN_AGAIN" };

export interface GroupState {
  members: GroupMember[];
  attempts: AttemptStatus[];
}

export type GroupStep = { ok: true; state: GroupState; excluded: string[] } | { ok: false; reason: string };

/** One event applied to a group, exactly as the server applies it, or the reason it is refused. */
export function applyGroupEvent(rule: GroupRule, state: GroupState, event: GroupEvent): GroupStep {
  switch (event.type) {
    case "ADD": {
      const reason = addProblem(rule, state.members, event.by, event.member, state.attempts, event.elsewhere);
      if (reason) return { ok: false, reason };
      return { ok: true, state: { ...state, members: [...state.members, { enrolmentId: event.member, confirmed: false }] }, excluded: [] };
    }
    case "LEAVE": {
      const reason = leaveProblem(rule, state.members, event.member, state.attempts);
      if (reason) return { ok: false, reason };
      return { ok: true, state: { ...state, members: state.members.filter((member) => member.enrolmentId !== event.member) }, excluded: [] };
    }
    case "CONFIRM": {
      const reason = confirmProblem(state.members, event.member, state.attempts);
      if (reason) return { ok: false, reason };
      return {
        ok: true,
        state: { ...state, members: state.members.map((member) => (member.enrolmentId === event.member ? { ...member, confirmed: true } : member)) },
        excluded: [],
      };
    }
    case "ASSESS": {
      if (state.attempts.at(-1) !== "SUBMITTED") return { ok: false, reason: "Innleveringen er allerede vurdert." };
      const reason = assessmentGroupProblem(rule, state.members);
      if (reason) return { ok: false, reason };
      const { excluded } = membersAtAssessment(state.members);
      return {
        ok: true,
        state: { members: state.members.filter((member) => member.confirmed), attempts: [...state.attempts.slice(0, -1), event.status] },
        excluded,
      };
    }
    case "HAND_IN_AGAIN": {
      if (state.attempts.at(-1) !== "NOT_APPROVED") return { ok: false, reason: "Innleveringen kan ikke leveres på nytt nå." };
      return { ok: true, state: { ...state, attempts: [...state.attempts, "SUBMITTED"] }, excluded: [] };
    }
  }
}
