/**
 * The adviser's review of one application: the admission requirements checked against the facts,
 * the priority category on verified positions, and the effective category after an override.
 *
 * Decisions where the rules are silent:
 * - The credits requirement is met by at least 180 studiepoeng in the educations the applicant
 *   listed AND an approved vitnemål: the number alone is the applicant's word.
 * - The leadership requirement is met by a verified leader position (any role but "none") in
 *   barnevern, that is, at a municipal child welfare service or a barnevern institution, current
 *   or past: category 2 exists for applicants whose leadership lies behind them. A position at
 *   "another employer" does not count, however it is titled.
 * - Only verified positions feed the category: a pending or rejected tjenestebevis proves nothing.
 */
import {
  explainPriorityCategory,
  isLeaderRole,
  isPriorityCategory,
  type LeaderRole,
  type Position,
  type PriorityCategory,
  type PriorityCategoryExplanation,
  type ReasonVoice,
} from "./admission";
import { REQUIRED_CREDITS } from "./application-requirements";
import { countNoun, joinNb } from "./format";

export type VerificationStatus = "PENDING" | "VERIFIED" | "REJECTED";

export interface ReviewEducation {
  institution: string | null;
  degree: string | null;
  credits: number | null;
}

export interface ReviewPosition {
  id: string;
  title: string | null;
  employer: string | null;
  employerType: Position["employerType"] | null;
  leaderRole: LeaderRole | null;
  start: string | null;
  end: string | null;
  professionalResponsibility: boolean;
  personnelResponsibility: boolean;
  verification: VerificationStatus;
}

export interface ReviewFacts {
  educations: ReviewEducation[];
  /** The vitnemål documents' verification (any approved one counts). */
  vitnemal: VerificationStatus[];
  positions: ReviewPosition[];
}

export type RequirementKey = "CREDITS" | "LEADER_POSITION";

export interface RequirementCheck {
  key: RequirementKey;
  label: string;
  met: boolean;
  /** Norwegian sentences with the facts the check rests on. */
  facts: string[];
}

export const REQUIREMENT_LABELS: Record<RequirementKey, string> = {
  CREDITS: `Relevant bachelorgrad eller tilsvarende (minst ${REQUIRED_CREDITS} studiepoeng), dokumentert med vitnemål`,
  LEADER_POSITION: "Ansatt som leder, fagleder, teamleder, stedfortreder eller med lederoppgaver i barnevernet",
};

function positionName(position: ReviewPosition): string {
  const title = position.title?.trim() || "Stilling uten tittel";
  return position.employer?.trim() ? `${title}, ${position.employer.trim()}` : title;
}

function isBarnevernLeaderPosition(position: ReviewPosition): boolean {
  return (
    position.leaderRole !== null &&
    isLeaderRole(position.leaderRole) &&
    (position.employerType === "MUNICIPAL_CWS" || position.employerType === "INSTITUTION")
  );
}

function creditsCheck(facts: ReviewFacts): RequirementCheck {
  const total = facts.educations.reduce((sum, education) => sum + (education.credits ?? 0), 0);
  const listed = facts.educations.map((education) => {
    const name = [education.degree?.trim(), education.institution?.trim()].filter(Boolean).join(", ") || "Utdanning uten navn";
    return `${name} (${education.credits ?? 0} studiepoeng)`;
  });
  const approvedVitnemal = facts.vitnemal.includes("VERIFIED");
  const sentences = [
    // Worded for both its readers: the adviser's review and the applicant's own letter (a walk
    // found «Søkeren har oppgitt …» in a letter that says «du» everywhere else).
    listed.length === 0
      ? "Ingen utdanning er oppgitt i søknaden."
      : `Oppgitt i søknaden: ${countNoun(total, "studiepoeng", "studiepoeng")} i alt, ${joinNb(listed)}.`,
    // «Kontrollert», not «godkjent»: a refusal for too few credits said «Vitnemålet er godkjent»
    // beside it, which read as if the education had been accepted. The shortfall is said in figures.
    facts.vitnemal.length === 0
      ? "Det er ikke lastet opp noe vitnemål."
      : approvedVitnemal
        ? "Vitnemålet er kontrollert og bekrefter det som er oppgitt."
        : facts.vitnemal.every((status) => status === "REJECTED")
          ? "Vitnemålet er avvist."
          : "Vitnemålet er ikke kontrollert ennå.",
    ...(listed.length > 0 && total < REQUIRED_CREDITS
      ? [`Det mangler ${countNoun(REQUIRED_CREDITS - total, "studiepoeng", "studiepoeng")} på kravet om minst ${REQUIRED_CREDITS}.`]
      : []),
  ];
  return { key: "CREDITS", label: REQUIREMENT_LABELS.CREDITS, met: total >= REQUIRED_CREDITS && approvedVitnemal, facts: sentences };
}

function leaderCheck(facts: ReviewFacts): RequirementCheck {
  const candidates = facts.positions.filter(isBarnevernLeaderPosition);
  const verified = candidates.filter((position) => position.verification === "VERIFIED");
  const pending = candidates.filter((position) => position.verification === "PENDING");
  const sentences: string[] = [];
  if (candidates.length === 0) {
    sentences.push("Ingen av stillingene er en lederstilling i kommunalt barnevern eller ved en barneverninstitusjon.");
  }
  if (verified.length > 0) sentences.push(`Kontrollert mot tjenestebevis: ${joinNb(verified.map(positionName))}.`);
  if (pending.length > 0) sentences.push(`Ikke kontrollert ennå: ${joinNb(pending.map(positionName))}.`);
  const rejected = candidates.filter((position) => position.verification === "REJECTED");
  if (rejected.length > 0) sentences.push(`Avvist: ${joinNb(rejected.map(positionName))}.`);
  return { key: "LEADER_POSITION", label: REQUIREMENT_LABELS.LEADER_POSITION, met: verified.length > 0, facts: sentences };
}

/** Both admission requirements with the facts they rest on. */
export function admissionRequirementChecks(facts: ReviewFacts): RequirementCheck[] {
  return [creditsCheck(facts), leaderCheck(facts)];
}

/** The verified positions in the shape the category rule takes (incomplete ones are left out). */
export function verifiedDomainPositions(positions: ReviewPosition[]): Position[] {
  return positions
    .filter((position) => position.verification === "VERIFIED" && position.start && position.employerType && position.leaderRole)
    .map((position) => ({
      start: position.start!,
      end: position.end,
      employerType: position.employerType!,
      leader: isLeaderRole(position.leaderRole!),
      professionalResponsibility: position.professionalResponsibility,
      personnelResponsibility: position.personnelResponsibility,
    }));
}

/**
 * The category at the deadline from the verified positions only, with its reasons (to the applicant,
 * or the adviser). The positions left out are named first, so that what follows («Søkeren har ingen
 * erfaring som leder …») is read as said of the checked positions. With none checked yet, the rule's
 * reasons would state as facts what nobody has looked at: one sentence says why it is 4 instead.
 */
export function verifiedCategory(positions: ReviewPosition[], deadline: string, voice: ReasonVoice = "applicant"): PriorityCategoryExplanation {
  const verified = verifiedDomainPositions(positions);
  const explanation = explainPriorityCategory(verified, deadline, voice);
  const pending = positions.filter((position) => position.verification === "PENDING").length;
  const rejected = positions.filter((position) => position.verification === "REJECTED").length;
  if (pending + rejected === 0) return explanation;
  const leftOut = [
    ...(pending > 0 ? [`${countNoun(pending, "stilling", "stillinger")} er ikke kontrollert mot tjenestebevis ennå og er ikke med i vurderingen.`] : []),
    ...(rejected > 0 ? [`${countNoun(rejected, "stilling", "stillinger")} stemte ikke med tjenestebeviset og er ikke med i vurderingen.`] : []),
  ];
  const noneChecked = !positions.some((position) => position.verification === "VERIFIED");
  const assessedOn = explanation.reasons.at(-1)!;
  return {
    ...explanation,
    reasons: noneChecked ? [...leftOut, "Uten en kontrollert stilling blir kategorien 4.", assessedOn] : [...leftOut, ...explanation.reasons],
  };
}

export interface CategoryOverride {
  category: number;
  reason: string;
}

export interface EffectiveCategory {
  category: PriorityCategory;
  overridden: boolean;
  /** The computed category's reasons, then the override and its reason when there is one. */
  reasons: string[];
}

/** The category the ranking uses: the adviser's override (with its reason) or the computed one. */
export function effectiveCategory(computed: PriorityCategoryExplanation, override: CategoryOverride | null): EffectiveCategory {
  if (!override) return { category: computed.category, overridden: false, reasons: computed.reasons };
  if (!isPriorityCategory(override.category)) throw new RangeError(`Invalid override category ${override.category}`);
  const reason = override.reason.trim();
  if (reason.length === 0) throw new RangeError("A category override needs a reason");
  if (override.category === computed.category) return { category: computed.category, overridden: false, reasons: computed.reasons };
  return {
    category: override.category,
    overridden: true,
    reasons: [
      ...computed.reasons,
      `Studieveilederen har satt kategori ${override.category} i stedet for ${computed.category}: ${reason}`,
    ],
  };
}

/** A one-line summary for lists: "Kategori 2 (overstyrt fra 4)". */
export function categorySummary(category: EffectiveCategory, computed: PriorityCategory): string {
  return category.overridden ? `Kategori ${category.category} (overstyrt fra ${computed})` : `Kategori ${category.category}`;
}
