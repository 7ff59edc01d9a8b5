/**
 * Transfer to a later kull: which kull a student may move to, and what of the earlier kull is
 * credited in the new one. Credits are explicit records (ArbeidskravCredit, AttendanceCredit:
 * which approved submission or attended day of the old kull counts for which required item or
 * day of the new one, by whom, when), proposed here and chosen by the adviser, then counted by the
 * eligibility evaluator like an approval or an attendance.
 *
 * Rules decided for the product:
 * - Arbeidskrav: a required item of the new kull is credited by an approved *required* item of an
 *   earlier kull of the same kind. Proposed by kind and number within the kind (fagnotat 1 →
 *   fagnotat 1, ledertreningsoppgave 2 → ledertreningsoppgave 2); the adviser may choose another
 *   of the same kind. An item that must be written alone is credited only by work handed in alone,
 *   and the item presented orally only by the old kull's oral item: the composition the exam asks
 *   for (one individual fagnotat, one oral presentation) holds for the credited set too. Each
 *   approved submission is credited once. Optional items never count, so they are never credited.
 * - Attendance, "where the plan is the same": samling number N of the new kull corresponds to
 *   samling N of the old kull when both have the same number of days. Each day the student was
 *   registered present in the old samling is credited as attended on the day in the same place of
 *   the new samling; a day missed there is not credited (it must be attended in the new kull). The
 *   adviser chooses which corresponding samlinger to credit.
 * - The new kull must be of the same programme, start after the old one started, not be over, be
 *   published (a draft takes nobody) and not archived.
 */
import { compareIsoDates } from "./dates";
import { formatDateNb } from "./format";
import type { ArbeidskravKind } from "./arbeidskrav";

const KIND_WITH_ARTICLE: Record<ArbeidskravKind, string> = { FAGNOTAT: "et fagnotat", LEDERTRENING: "en ledertreningsoppgave" };

// ─── Which kull ─────────────────────────────────────────────────────────────────────────────────

export interface KullForTransfer {
  id: string;
  programmeId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  /** Published (a draft kull takes nobody yet) and archived (a closed record: no new facts). */
  published: boolean;
  archived: boolean;
}

/** Why the student cannot move from `from` to `to` (Norwegian, for the field); null when they can. */
/**
 * Why a student who has used an exam attempt in the kull cannot be transferred, or null. Attempts
 * are counted in the kull where they were used (a grade, or «ikke møtt», which is an attempt:
 * lib/domain/exam-sittings.ts): moved on, she would start the next kull with every attempt again.
 * Her next attempt is the kull's ny eksamen.
 */
export function transferExamProblem(usedAttempts: number): string | null {
  return usedAttempts > 0
    ? "Studenten har brukt et forsøk på eksamen i kullet (en karakter eller «ikke møtt») og kan ikke overføres. Neste forsøk er ny eksamen i kullet."
    : null;
}

export function transferTargetProblem(from: KullForTransfer, to: KullForTransfer, today: string): string | null {
  if (from.id === to.id) return "Velg et annet kull enn det studenten går i nå.";
  if (from.programmeId !== to.programmeId) return "Studenten kan bare overføres til et kull i samme videreutdanning.";
  if (compareIsoDates(to.startsOn, from.startsOn) <= 0) return `${to.name} begynte ikke etter ${from.name}. Velg et senere kull.`;
  if (compareIsoDates(to.endsOn, today) < 0) return `${to.name} sluttet ${formatDateNb(to.endsOn)}.`;
  if (to.archived) return `${to.name} er arkivert.`;
  if (!to.published) return `${to.name} er en kladd som ikke er publisert ennå. Publiser kullet først.`;
  return null;
}

// ─── Arbeidskrav ────────────────────────────────────────────────────────────────────────────────

/** An arbeidskrav of the earlier kull with the student's submission of it. */
export interface CreditSource {
  submissionId: string;
  arbeidskravId: string;
  kind: ArbeidskravKind;
  number: number;
  title: string;
  required: boolean;
  oralPresentation: boolean;
  status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED";
  /** Members of the submission (1: handed in alone). */
  groupSize: number;
  /** Whether she confirmed being in the group (the one who handed in always has): the assessment covers confirmed members only. */
  confirmed: boolean;
  /** The earlier kull the work was handed in in (a student moved twice has two). */
  cohortId: string;
  /** The item's place among its kull's required items of its kind (placeWithinKind): 0 for the first. */
  place: number;
  cohortName: string;
}

/** A required arbeidskrav of the new kull. */
export interface CreditTarget {
  arbeidskravId: string;
  kind: ArbeidskravKind;
  number: number;
  title: string;
  required: boolean;
  individualOnly: boolean;
  oralPresentation: boolean;
}

export interface ArbeidskravCreditChoice {
  targetId: string;
  sourceSubmissionId: string;
}

/** Why `source` cannot be credited to `target` (Norwegian); null when it can. */
export function creditProblem(source: CreditSource, target: CreditTarget): string | null {
  if (!target.required) return `${target.title} er valgfritt og teller ikke for eksamen.`;
  if (!source.required) return `${source.title} var valgfritt i ${source.cohortName} og kan ikke godkjennes som et obligatorisk arbeidskrav.`;
  if (source.status !== "APPROVED") return `${source.title} er ikke godkjent i ${source.cohortName}.`;
  if (source.kind !== target.kind) {
    return `${source.title} er ${KIND_WITH_ARTICLE[source.kind]} og kan bare godkjennes som ${KIND_WITH_ARTICLE[source.kind]}.`;
  }
  if (target.individualOnly && source.groupSize > 1) return `${target.title} skal skrives alene, og ${source.title} var et gruppearbeid.`;
  if (target.oralPresentation && !source.oralPresentation) return `${target.title} legges også fram muntlig, og ${source.title} ble ikke lagt fram muntlig.`;
  return null;
}

/**
 * An item's place among its kull's required items of the same kind, in number order: fagnotat 2
 * is the second fagnotat of the plan (1), whatever the student handed in. -1 for an optional item.
 */
export function placeWithinKind(plan: readonly { id: string; kind: ArbeidskravKind; number: number; required: boolean }[], itemId: string): number {
  const item = plan.find((candidate) => candidate.id === itemId);
  if (!item?.required) return -1;
  return ordinalWithinKind(plan.filter((candidate) => candidate.required), item);
}

/** Items of one kind in number order; an item's place among them ("fagnotat 2" is the second). */
function ordinalWithinKind<T extends { kind: ArbeidskravKind; number: number }>(items: readonly T[], item: T): number {
  return items
    .filter((other) => other.kind === item.kind)
    .sort((a, b) => a.number - b.number)
    .indexOf(item);
}

/**
 * The proposal: for each required item of the new kull (in number order), the approved required
 * source of the same kind and the same place within the kind in its own kull's plan (`place`: not
 * among what she handed in, so work on fagnotat 2 never stands in for fagnotat 1), when creditProblem
 * allows it and it is not proposed already. A student moved twice has work from two earlier kull:
 * the latest kull's is proposed first (`sources` in kull order, earliest first).
 */
export function proposeArbeidskravCredits(sources: readonly CreditSource[], targets: readonly CreditTarget[]): ArbeidskravCreditChoice[] {
  const requiredSources = sources.filter((source) => source.required);
  const requiredTargets = targets.filter((target) => target.required).sort((a, b) => a.number - b.number);
  const latestFirst = [...requiredSources].reverse();
  const used = new Set<string>();
  const choices: ArbeidskravCreditChoice[] = [];
  for (const target of requiredTargets) {
    const place = ordinalWithinKind(requiredTargets, target);
    const source = latestFirst.find(
      (candidate) => candidate.place === place && candidate.kind === target.kind && !used.has(candidate.submissionId) && creditProblem(candidate, target) === null,
    );
    if (!source) continue;
    used.add(source.submissionId);
    choices.push({ targetId: target.arbeidskravId, sourceSubmissionId: source.submissionId });
  }
  return choices;
}

/**
 * Work of the earlier kull still waiting for its assessment at the transfer: the credits it brings
 * when it is approved there (creditsFromLateApproval), as the proposal would pair it, for the
 * required items the adviser did not credit. The transfer letter names them, so she knows she need
 * not hand them in again while the assessment is pending.
 */
export function awaitedCredits(sources: readonly CreditSource[], targets: readonly CreditTarget[], chosen: readonly ArbeidskravCreditChoice[]): ArbeidskravCreditChoice[] {
  // Work she has not confirmed being in is assessed without her: it never counts for her.
  const pending = new Set(sources.filter((source) => source.status === "SUBMITTED" && source.confirmed).map((source) => source.submissionId));
  const asIfApproved = sources.map((source) => (pending.has(source.submissionId) ? { ...source, status: "APPROVED" as const } : source));
  return creditsFromLateApproval(asIfApproved, targets, chosen, pending);
}

/**
 * A submission of the earlier kull approved after the transfer (its assessment, a klage, a
 * correction, a group's new attempt): the credits it brings in the new kull. Each approved source
 * counts as the item the proposal pairs it with (same kind, same place within the kind,
 * creditProblem allowing it), when that item is not credited already, the source is not credited
 * to another item, and she has not handed the item in in the new kull herself (`handedInHere`):
 * once she has, her own work there decides it (it is assessed, with its own vedtak and klage), so
 * the two never stand side by side. The transfer letter says so.
 */
export function creditsFromLateApproval(
  sources: readonly CreditSource[],
  targets: readonly CreditTarget[],
  existing: readonly ArbeidskravCreditChoice[],
  approvedNow: ReadonlySet<string>,
  handedInHere: ReadonlySet<string> = new Set(),
): ArbeidskravCreditChoice[] {
  const creditedTargets = new Set(existing.map((credit) => credit.targetId));
  const usedSources = new Set(existing.map((credit) => credit.sourceSubmissionId));
  return proposeArbeidskravCredits(sources, targets).filter(
    (choice) => approvedNow.has(choice.sourceSubmissionId) && !creditedTargets.has(choice.targetId) && !usedSources.has(choice.sourceSubmissionId) && !handedInHere.has(choice.targetId),
  );
}

/**
 * Checks the adviser's choices: each target and each source once, each pair allowed. Returns the
 * problems by target id (Norwegian), empty when every choice stands.
 */
export function arbeidskravCreditProblems(
  choices: readonly ArbeidskravCreditChoice[],
  sources: readonly CreditSource[],
  targets: readonly CreditTarget[],
): Record<string, string> {
  const problems: Record<string, string> = {};
  const seenTargets = new Set<string>();
  const seenSources = new Map<string, string>();
  for (const choice of choices) {
    const target = targets.find((candidate) => candidate.arbeidskravId === choice.targetId);
    const source = sources.find((candidate) => candidate.submissionId === choice.sourceSubmissionId);
    if (!target) {
      problems[choice.targetId] = "Arbeidskravet finnes ikke i det nye kullet.";
      continue;
    }
    if (!source) {
      problems[choice.targetId] = "Innleveringen finnes ikke blant studentens arbeidskrav i det tidligere kullet.";
      continue;
    }
    if (seenTargets.has(choice.targetId)) {
      problems[choice.targetId] = `${target.title} er valgt to ganger.`;
      continue;
    }
    seenTargets.add(choice.targetId);
    const earlier = seenSources.get(choice.sourceSubmissionId);
    if (earlier) {
      problems[choice.targetId] = `${source.title} er allerede godkjent som ${earlier}. Hver innlevering kan bare godkjennes én gang.`;
      continue;
    }
    seenSources.set(choice.sourceSubmissionId, target.title);
    const problem = creditProblem(source, target);
    if (problem) problems[choice.targetId] = problem;
  }
  return problems;
}

// ─── Attendance ─────────────────────────────────────────────────────────────────────────────────

export interface PlanSamling {
  number: number;
  title: string;
  /** The samling's days in date order. */
  days: readonly { id: string; date: string }[];
}

export interface CorrespondingSamling {
  number: number;
  /** The old kull's samling and the new kull's, day by day in the same order. */
  from: PlanSamling;
  to: PlanSamling;
}

/** Samling N of the new plan corresponds to samling N of the old when both have as many days. */
export function correspondingSamlinger(oldPlan: readonly PlanSamling[], newPlan: readonly PlanSamling[]): CorrespondingSamling[] {
  const result: CorrespondingSamling[] = [];
  for (const to of [...newPlan].sort((a, b) => a.number - b.number)) {
    const from = oldPlan.find((samling) => samling.number === to.number);
    if (from && from.days.length === to.days.length && to.days.length > 0) result.push({ number: to.number, from, to });
  }
  return result;
}

export interface AttendanceCreditChoice {
  /** The new kull's day credited. */
  targetDayId: string;
  /** The old kull's day the student was registered present on. */
  sourceDayId: string;
}

/**
 * The days credited for the chosen samlinger: each old day registered present gives the new day in
 * the same place. `present` holds the old kull's days the student was registered present on.
 */
export function attendanceCredits(
  corresponding: readonly CorrespondingSamling[],
  present: ReadonlySet<string>,
  chosenNumbers: readonly number[],
): AttendanceCreditChoice[] {
  const chosen = new Set(chosenNumbers);
  const credits: AttendanceCreditChoice[] = [];
  for (const samling of corresponding) {
    if (!chosen.has(samling.number)) continue;
    samling.from.days.forEach((oldDay, index) => {
      const newDay = samling.to.days[index];
      if (newDay && present.has(oldDay.id)) credits.push({ targetDayId: newDay.id, sourceDayId: oldDay.id });
    });
  }
  return credits;
}

/** How many of each corresponding samling's days would be credited: for the form ("3 av 3 dager"). */
export function attendanceCreditSummary(corresponding: readonly CorrespondingSamling[], present: ReadonlySet<string>) {
  return corresponding.map((samling) => ({
    number: samling.number,
    fromTitle: samling.from.title,
    toTitle: samling.to.title,
    fromDates: samling.from.days.map((planDay) => planDay.date),
    toDates: samling.to.days.map((planDay) => planDay.date),
    days: samling.to.days.length,
    credited: samling.from.days.filter((planDay) => present.has(planDay.id)).length,
  }));
}
