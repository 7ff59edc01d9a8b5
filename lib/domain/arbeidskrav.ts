/**
 * Arbeidskrav (mandatory coursework): the composition of a cohort's five definitions, and who may
 * hand in one submission together.
 */
import type { ArbeidskravStatus } from "./eligibility";
import { countNoun } from "./format";

export type ArbeidskravKind = "FAGNOTAT" | "LEDERTRENING";

export const ARBEIDSKRAV_COUNT = 5;
export const FAGNOTAT_COUNT = 2;
export const LEDERTRENING_COUNT = 3;
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
 * Checks a cohort's arbeidskrav against the programme's rules; returns Norwegian messages for the
 * adviser, an empty list when the set is valid:
 * five in all, numbered 1–5 once each; two fagnotat and three ledertreningsoppgaver; at least one
 * fagnotat individual; ledertreningsoppgaver individual; exactly one presented orally; group sizes
 * as described on ArbeidskravDefinitionInput.
 */
export function validateArbeidskravSet(definitions: ArbeidskravDefinitionInput[]): string[] {
  const messages: string[] = [];

  if (definitions.length !== ARBEIDSKRAV_COUNT) {
    messages.push(`Kullet må ha nøyaktig ${ARBEIDSKRAV_COUNT} arbeidskrav (har ${definitions.length}).`);
  }

  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const def of definitions) {
    if (!Number.isInteger(def.number) || def.number < 1 || def.number > ARBEIDSKRAV_COUNT) {
      messages.push(`Arbeidskrav må ha et nummer fra 1 til ${ARBEIDSKRAV_COUNT} (fant ${String(def.number)}).`);
      continue;
    }
    if (seen.has(def.number)) duplicates.add(def.number);
    seen.add(def.number);
  }
  for (const n of [...duplicates].sort((a, b) => a - b)) messages.push(`Nummer ${n} er brukt på flere arbeidskrav.`);
  for (let n = 1; n <= ARBEIDSKRAV_COUNT; n++) {
    if (!seen.has(n)) messages.push(`Det mangler et arbeidskrav med nummer ${n}.`);
  }

  const fagnotat = definitions.filter((d) => d.kind === "FAGNOTAT");
  const ledertrening = definitions.filter((d) => d.kind === "LEDERTRENING");
  const unknownKinds = definitions.length - fagnotat.length - ledertrening.length;
  if (unknownKinds > 0) messages.push(`${unknownKinds} arbeidskrav har ukjent type.`);
  if (fagnotat.length !== FAGNOTAT_COUNT) {
    messages.push(`Det må være ${FAGNOTAT_COUNT} fagnotat (har ${fagnotat.length}).`);
  }
  if (ledertrening.length !== LEDERTRENING_COUNT) {
    messages.push(`Det må være ${LEDERTRENING_COUNT} ledertreningsoppgaver (har ${ledertrening.length}).`);
  }
  if (fagnotat.length > 0 && !fagnotat.some((d) => d.individualOnly)) {
    messages.push("Minst ett av fagnotatene må skrives individuelt.");
  }

  const oral = definitions.filter((d) => d.oralPresentation).length;
  if (oral !== 1) messages.push(`Nøyaktig ett arbeidskrav skal også presenteres muntlig (har ${oral}).`);

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
