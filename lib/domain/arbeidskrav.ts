/**
 * Arbeidskrav (mandatory coursework): the composition of a cohort's five definitions, and who may
 * hand in one submission together.
 */
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
  number: number; // 1–5, the order students see
  kind: ArbeidskravKind;
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
 * Checks a cohort's arbeidskrav against its requirements (by default today's study plan); returns
 * Norwegian messages for the adviser, an empty list when the set is valid:
 * `total` (five) in all, numbered 1–total once each; `fagnotat` (two) fagnotat and `ledertrening`
 * (three) ledertreningsoppgaver; at least `individualFagnotatMin` (one) fagnotat individual;
 * ledertreningsoppgaver individual; exactly `oral` (one) presented orally; group sizes as
 * described on ArbeidskravDefinitionInput.
 */
export function validateArbeidskravSet(
  definitions: ArbeidskravDefinitionInput[],
  composition: ArbeidskravComposition = DEFAULT_REQUIREMENTS.arbeidskrav,
): string[] {
  const messages: string[] = [];
  const total = composition.total;

  if (definitions.length !== total) {
    messages.push(`Kullet må ha nøyaktig ${total} arbeidskrav (har ${definitions.length}).`);
  }

  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const def of definitions) {
    if (!Number.isInteger(def.number) || def.number < 1 || def.number > total) {
      messages.push(`Arbeidskrav må ha et nummer fra 1 til ${total} (fant ${String(def.number)}).`);
      continue;
    }
    if (seen.has(def.number)) duplicates.add(def.number);
    seen.add(def.number);
  }
  for (const n of [...duplicates].sort((a, b) => a - b)) messages.push(`Nummer ${n} er brukt på flere arbeidskrav.`);
  for (let n = 1; n <= total; n++) {
    if (!seen.has(n)) messages.push(`Det mangler et arbeidskrav med nummer ${n}.`);
  }

  const fagnotat = definitions.filter((d) => d.kind === "FAGNOTAT");
  const ledertrening = definitions.filter((d) => d.kind === "LEDERTRENING");
  const unknownKinds = definitions.length - fagnotat.length - ledertrening.length;
  if (unknownKinds > 0) messages.push(`${unknownKinds} arbeidskrav har ukjent type.`);
  if (fagnotat.length !== composition.fagnotat) {
    messages.push(`Det må være ${composition.fagnotat} fagnotat (har ${fagnotat.length}).`);
  }
  if (ledertrening.length !== composition.ledertrening) {
    messages.push(`Det må være ${composition.ledertrening} ledertreningsoppgaver (har ${ledertrening.length}).`);
  }
  const individualFagnotat = fagnotat.filter((d) => d.individualOnly).length;
  if (fagnotat.length > 0 && individualFagnotat < composition.individualFagnotatMin) {
    messages.push(
      composition.individualFagnotatMin === 1
        ? "Minst ett av fagnotatene må skrives individuelt."
        : `Minst ${composition.individualFagnotatMin} av fagnotatene må skrives individuelt.`,
    );
  }

  const oral = definitions.filter((d) => d.oralPresentation).length;
  if (oral !== composition.oral) {
    messages.push(
      composition.oral === 1
        ? `Nøyaktig ett arbeidskrav skal også presenteres muntlig (har ${oral}).`
        : `Nøyaktig ${composition.oral} arbeidskrav skal også presenteres muntlig (har ${oral}).`,
    );
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
 * the submission they are a member of, NOT_SUBMITTED when there is none. A group submission's status
 * is every member's, so an approval holds for all of them.
 */
export function studentArbeidskravStanding(
  definitionIds: string[],
  submissions: { arbeidskravId: string; status: Exclude<ArbeidskravStatus, "NOT_SUBMITTED"> }[],
): { id: string; status: ArbeidskravStatus }[] {
  const known = new Set(definitionIds);
  const byDefinition = new Map<string, ArbeidskravStatus>();
  for (const s of submissions) {
    if (!known.has(s.arbeidskravId)) throw new RangeError(`Submission for an unknown arbeidskrav: ${s.arbeidskravId}`);
    if (byDefinition.has(s.arbeidskravId)) {
      throw new RangeError(`A student can have only one submission per arbeidskrav: ${s.arbeidskravId}`);
    }
    byDefinition.set(s.arbeidskravId, s.status);
  }
  return definitionIds.map((id) => ({ id, status: byDefinition.get(id) ?? "NOT_SUBMITTED" }));
}
