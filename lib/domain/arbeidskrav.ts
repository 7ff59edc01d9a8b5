/**
 * Arbeidskrav (mandatory coursework): the composition of a cohort's set (five required items, and
 * any optional extras that never count), and who may hand in one submission together.
 */
import { isFinalRejection } from "./coursework";
import type { ArbeidskravStatus } from "./eligibility";
import { countNoun } from "./format";
import { DEFAULT_REQUIREMENTS, type ArbeidskravComposition } from "./requirements";

export type ArbeidskravKind = "FAGNOTAT" | "LEDERTRENING";

export const ARBEIDSKRAV_COUNT = DEFAULT_REQUIREMENTS.arbeidskrav.total;
export const FAGNOTAT_COUNT = DEFAULT_REQUIREMENTS.arbeidskrav.fagnotat;
export const LEDERTRENING_COUNT = DEFAULT_REQUIREMENTS.arbeidskrav.ledertrening;
/** A fagnotat may be written in a group of 2–3. */
export const MAX_GROUP_SIZE = 3;

/**
 * One arbeidskrav definition as the cohort plan holds it.
 *
 * Group sizes: an individual arbeidskrav has minGroupSize = maxGroupSize = 1. One that allows groups
 * has maxGroupSize 2 or 3 and minGroupSize from 1 to maxGroupSize: min 1 means it may also be
 * written alone ("alone or in a group of 2–3"), min 2 means it must be written in a group. The
 * faculty may narrow the range, but never beyond 1–3.
 */
export interface ArbeidskravDefinitionInput {
  number: number; // 1, 2, 3 … the order students see
  kind: ArbeidskravKind;
  /**
   * Part of the composition the exam requires (default true). An optional extra item (false) is
   * handed in and assessed like the others but never counts toward the required five, never stands
   * in for a missing one, and is never the one presented orally.
   */
  required?: boolean;
  individualOnly: boolean;
  oralPresentation: boolean;
  minGroupSize: number;
  maxGroupSize: number;
}

export const ARBEIDSKRAV_KIND_LABELS: Record<ArbeidskravKind, string> = {
  FAGNOTAT: "Fagnotat",
  LEDERTRENING: "Ledertreningsoppgave",
};

function label(def: ArbeidskravDefinitionInput, index: number): string {
  return Number.isInteger(def.number) ? `Arbeidskrav ${def.number}` : `Arbeidskrav nr. ${index + 1} i listen`;
}

function groupSizeMessages(def: ArbeidskravDefinitionInput, name: string): string[] {
  const { minGroupSize: min, maxGroupSize: max } = def;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max > MAX_GROUP_SIZE || min > max) {
    return [`${name}: gruppestørrelsen må være fra 1 til ${MAX_GROUP_SIZE} personer, og minste størrelse kan ikke være større enn største.`];
  }
  if (def.kind === "LEDERTRENING" && !def.individualOnly) {
    return [`${name}: ledertreningsoppgaver bygger på egen praksis og må leveres individuelt.`];
  }
  if (def.individualOnly && max !== 1) {
    return [`${name} er individuelt og kan ikke tillate grupper (største gruppe må være 1).`];
  }
  if (!def.individualOnly && max === 1) {
    return [`${name} tillater bare én person, men er ikke merket som individuelt. Merk det som individuelt, eller tillat grupper på 2–3.`];
  }
  return [];
}

/**
 * Checks a cohort's arbeidskrav set against its requirements (by default today's study plan);
 * returns Norwegian messages for the staff, an empty list when the set is valid. The *required*
 * items must be exactly the composition: `total` (five) in all, `fagnotat` (two) fagnotat of which
 * at least `individualFagnotatMin` (one) individual — the other individual or in a group of 2–3 —
 * and `ledertrening` (three) individual ledertreningsoppgaver, exactly `oral` (one) of them also
 * presented orally. Optional extra items may be added beside them. Every item is numbered 1, 2, 3 …
 * once each (the order students see), with group sizes as described on ArbeidskravDefinitionInput.
 */
export function validateArbeidskravSet(
  definitions: ArbeidskravDefinitionInput[],
  composition: ArbeidskravComposition = DEFAULT_REQUIREMENTS.arbeidskrav,
): string[] {
  const messages: string[] = [];
  const total = composition.total;
  const required = definitions.filter((d) => d.required !== false);
  const optional = definitions.filter((d) => d.required === false);

  if (required.length !== total) {
    messages.push(`Kullet må ha nøyaktig ${total} obligatoriske arbeidskrav (har ${required.length}).`);
  }

  const count = definitions.length;
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const def of definitions) {
    if (!Number.isInteger(def.number) || def.number < 1 || def.number > count) {
      messages.push(`Arbeidskrav må ha et nummer fra 1 til ${count} (fant ${String(def.number)}).`);
      continue;
    }
    if (seen.has(def.number)) duplicates.add(def.number);
    seen.add(def.number);
  }
  for (const n of [...duplicates].sort((a, b) => a - b)) messages.push(`Nummer ${n} er brukt på flere arbeidskrav.`);
  for (let n = 1; n <= count; n++) {
    if (!seen.has(n)) messages.push(`Det mangler et arbeidskrav med nummer ${n}.`);
  }

  const fagnotat = required.filter((d) => d.kind === "FAGNOTAT");
  const ledertrening = required.filter((d) => d.kind === "LEDERTRENING");
  const unknownKinds = definitions.filter((d) => d.kind !== "FAGNOTAT" && d.kind !== "LEDERTRENING").length;
  if (unknownKinds > 0) messages.push(`${unknownKinds} arbeidskrav har ukjent type.`);
  if (fagnotat.length !== composition.fagnotat) {
    messages.push(`Det må være ${composition.fagnotat} obligatoriske fagnotat (har ${fagnotat.length}).`);
  }
  if (ledertrening.length !== composition.ledertrening) {
    messages.push(`Det må være ${composition.ledertrening} obligatoriske ledertreningsoppgaver (har ${ledertrening.length}).`);
  }
  const individualFagnotat = fagnotat.filter((d) => d.individualOnly).length;
  if (fagnotat.length > 0 && individualFagnotat < composition.individualFagnotatMin) {
    messages.push(
      composition.individualFagnotatMin === 1
        ? "Minst ett av de obligatoriske fagnotatene må skrives individuelt."
        : `Minst ${composition.individualFagnotatMin} av de obligatoriske fagnotatene må skrives individuelt.`,
    );
  }

  const oral = required.filter((d) => d.oralPresentation).length;
  if (oral !== composition.oral) {
    messages.push(
      composition.oral === 1
        ? `Nøyaktig ett av de obligatoriske arbeidskravene skal også presenteres muntlig (har ${oral}).`
        : `Nøyaktig ${composition.oral} av de obligatoriske arbeidskravene skal også presenteres muntlig (har ${oral}).`,
    );
  }
  for (const def of optional) {
    if (def.oralPresentation) {
      messages.push(`${label(def, definitions.indexOf(def))} er valgfritt og kan ikke være arbeidskravet som legges fram muntlig.`);
    }
  }

  definitions.forEach((def, index) => messages.push(...groupSizeMessages(def, label(def, index))));
  return messages;
}

/**
 * Checks who hands in one submission together; Norwegian messages for the student, empty when the
 * group is allowed. `submitterId`, when given, must be one of the members.
 */
export function validateSubmissionGroup(
  definition: Pick<ArbeidskravDefinitionInput, "individualOnly" | "minGroupSize" | "maxGroupSize">,
  memberIds: string[],
  submitterId?: string,
): string[] {
  const messages: string[] = [];
  const unique = new Set(memberIds);
  if (memberIds.length === 0) return ["En innlevering må ha minst én deltaker."];
  if (unique.size !== memberIds.length) messages.push("Den samme studenten er lagt til flere ganger.");
  if (submitterId !== undefined && !unique.has(submitterId)) messages.push("Du må selv være med i gruppen du leverer for.");
  const size = unique.size;
  const min = definition.individualOnly ? 1 : definition.minGroupSize;
  const max = definition.individualOnly ? 1 : definition.maxGroupSize;
  if (definition.individualOnly && size > 1) {
    messages.push("Dette arbeidskravet skal leveres individuelt.");
  } else if (size > max) {
    messages.push(`Gruppen kan ha høyst ${countNoun(max, "deltaker", "deltakere")} (har ${size}).`);
  } else if (size < min) {
    messages.push(`Gruppen må ha minst ${countNoun(min, "deltaker", "deltakere")} (har ${size}).`);
  }
  return messages;
}

/**
 * A student's standing on each of the cohort's arbeidskrav, for evaluateEligibility: the status of
 * the submission they are a member of, APPROVED for an item credited to them (an approved
 * arbeidskrav carried over from an earlier kull), NOT_SUBMITTED otherwise. A group submission's
 * status is every member's, so an approval holds for all of them. Each item keeps its `required`
 * flag, so an optional extra is shown but never counted. With the submission's latest `attempt`
 * and the item's `maxAttempts`, an "ikke godkjent" on the last hand-in allowed is marked `final`
 * (isFinalRejection); without them, never.
 */
export function studentArbeidskravStanding(
  definitions: readonly { id: string; required?: boolean; maxAttempts?: number }[],
  submissions: { arbeidskravId: string; status: Exclude<ArbeidskravStatus, "NOT_SUBMITTED">; attempt?: number }[],
  credited: readonly string[] = [],
): { id: string; status: ArbeidskravStatus; required: boolean; final: boolean }[] {
  const maxAttemptsOf = new Map(definitions.map((definition) => [definition.id, definition.maxAttempts]));
  const byDefinition = new Map<string, { status: ArbeidskravStatus; final: boolean }>();
  for (const s of submissions) {
    if (!maxAttemptsOf.has(s.arbeidskravId)) throw new RangeError(`Submission for an unknown arbeidskrav: ${s.arbeidskravId}`);
    if (byDefinition.has(s.arbeidskravId)) {
      throw new RangeError(`A student can have only one submission per arbeidskrav: ${s.arbeidskravId}`);
    }
    const maxAttempts = maxAttemptsOf.get(s.arbeidskravId);
    const final = s.attempt !== undefined && maxAttempts !== undefined && isFinalRejection({ attempt: s.attempt, status: s.status }, maxAttempts);
    byDefinition.set(s.arbeidskravId, { status: s.status, final });
  }
  for (const id of credited) {
    if (!maxAttemptsOf.has(id)) throw new RangeError(`Credit for an unknown arbeidskrav: ${id}`);
    byDefinition.set(id, { status: "APPROVED", final: false });
  }
  return definitions.map(({ id, required }) => {
    const standing = byDefinition.get(id);
    return { id, status: standing?.status ?? "NOT_SUBMITTED", required: required !== false, final: standing?.final ?? false };
  });
}

// ─── Editing the set ────────────────────────────────────────────────────────────────────────────

/** How an arbeidskrav may be written, as the staff choose it (one choice → min, max, individual). */
export type Grouping = "INDIVIDUAL" | "ALONE_OR_2" | "ALONE_OR_3" | "GROUP_2_3";

export const GROUPINGS: Record<Grouping, { label: string; individualOnly: boolean; minGroupSize: number; maxGroupSize: number }> = {
  INDIVIDUAL: { label: "Individuelt", individualOnly: true, minGroupSize: 1, maxGroupSize: 1 },
  ALONE_OR_2: { label: "Alene eller i gruppe på 2", individualOnly: false, minGroupSize: 1, maxGroupSize: 2 },
  ALONE_OR_3: { label: "Alene eller i gruppe på 2–3", individualOnly: false, minGroupSize: 1, maxGroupSize: 3 },
  GROUP_2_3: { label: "I gruppe på 2–3", individualOnly: false, minGroupSize: 2, maxGroupSize: 3 },
};

export function isGrouping(value: unknown): value is Grouping {
  return typeof value === "string" && value in GROUPINGS;
}

/** The grouping choice that describes a stored definition (null for a combination no choice gives). */
export function groupingOf(definition: Pick<ArbeidskravDefinitionInput, "individualOnly" | "minGroupSize" | "maxGroupSize">): Grouping | null {
  for (const [grouping, sizes] of Object.entries(GROUPINGS) as [Grouping, (typeof GROUPINGS)[Grouping]][]) {
    if (
      sizes.individualOnly === definition.individualOnly &&
      sizes.minGroupSize === definition.minGroupSize &&
      sizes.maxGroupSize === definition.maxGroupSize
    ) {
      return grouping;
    }
  }
  return null;
}

/** One item of a set as edited: an existing definition (with its id) or a new one. */
export interface ArbeidskravSetItem extends ArbeidskravDefinitionInput {
  id: string | null;
  title: string;
  description: string;
  /** ISO date; null for a programme's template (a cohort's items have one). */
  dueDate: string | null;
}

const COMPOSITION_FIELDS = ["kind", "required", "individualOnly", "oralPresentation", "minGroupSize", "maxGroupSize"] as const;

export interface ArbeidskravSetChange {
  added: number;
  removed: string[];
  /** Items whose kind, required flag, grouping or oral presentation changed. */
  recomposed: string[];
  /** Items whose number, title, description or due date changed (no bearing on the exam). */
  edited: string[];
  /** Whether the change touches what the exam requires (added, removed or recomposed items). */
  composition: boolean;
}

/** What a saved set changes compared with the stored one. */
export function arbeidskravSetChange(
  before: readonly ArbeidskravSetItem[],
  after: readonly ArbeidskravSetItem[],
): ArbeidskravSetChange {
  const byId = new Map(before.map((item) => [item.id, item]));
  const kept = new Set<string>();
  let added = 0;
  const recomposed: string[] = [];
  const edited: string[] = [];
  for (const item of after) {
    const old = item.id === null ? undefined : byId.get(item.id);
    if (!old || item.id === null) {
      added += 1;
      continue;
    }
    kept.add(item.id);
    const required = (value: boolean | undefined) => value !== false;
    if (COMPOSITION_FIELDS.some((field) => (field === "required" ? required(old.required) !== required(item.required) : old[field] !== item[field]))) {
      recomposed.push(item.id);
    } else if (old.number !== item.number || old.title !== item.title || old.description !== item.description || old.dueDate !== item.dueDate) {
      edited.push(item.id);
    }
  }
  const removed = before.filter((item) => item.id !== null && !kept.has(item.id)).map((item) => item.id!);
  return { added, removed, recomposed, edited, composition: added > 0 || removed.length > 0 || recomposed.length > 0 };
}

/**
 * Who may change a cohort's arbeidskrav set. Before the kull has started and before anyone has
 * handed in, the teaching team and the advisers build it freely (each save still a valid set).
 * After that a change of what the exam requires decides people's exam: only the cohort's
 * fagansvarlig may make it, with a written reason (audited; every standing is recomputed). New
 * due dates, titles and descriptions stay open to the team.
 */
export function arbeidskravSetEditRule(input: { started: boolean; handedIn: boolean; composition: boolean }): "OPEN" | "ACADEMIC_LEAD_WITH_REASON" {
  return input.composition && (input.started || input.handedIn) ? "ACADEMIC_LEAD_WITH_REASON" : "OPEN";
}
