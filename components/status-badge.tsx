import type { AppealsBodyOutcome } from "@/lib/domain/klage";
import { eligibilityOutlook, refusalStandsOverRequirements, STAFF_OUTLOOK_LABELS, type EligibilityOutlook, type OutlookFacts } from "@/lib/domain/eligibility";

const TONES = {
  good: "border-green-700 bg-green-50 text-green-900",
  bad: "border-red-700 bg-red-50 text-red-900",
  wait: "border-amber-700 bg-amber-50 text-amber-900",
  neutral: "border-slate-400 bg-slate-50 text-slate-800",
  /** Not seen yet (a letter she has not opened). */
  new: "border-blue-700 bg-blue-50 text-blue-900",
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className={`inline-block rounded-full border px-2.5 py-0.5 text-sm font-medium ${TONES[tone]}`}>{children}</span>
  );
}

/** A klage's status on the staff's klage lists (admission and student letters alike). */
export const KLAGE_STATUS = {
  RECEIVED: { label: "Venter på behandling", tone: "wait" },
  REVERSED: { label: "Tatt til følge", tone: "good" },
  /** An admission klage answered with a better waiting-list place (Appeal.partly). */
  PARTLY: { label: "Delvis tatt til følge", tone: "good" },
  UPHELD: { label: "Ikke tatt til følge", tone: "bad" },
  SETTLED: { label: "Avsluttet uten avgjørelse", tone: "neutral" },
  /** A student's klage that came after the deadline, avvist (its own enkeltvedtak). */
  DISMISSED: { label: "Avvist (kom for sent)", tone: "bad" },
  /** Upheld and sent on; the klagenemnd's decision not registered yet. */
  AT_APPEALS_BODY: { label: "Hos klagenemnda", tone: "wait" },
  BODY_UPHELD: { label: "Stadfestet av klagenemnda", tone: "bad" },
  BODY_REVERSED: { label: "Tatt til følge av klagenemnda", tone: "good" },
  /** Reversed by the klagenemnd, and not carried out here (AppealsBodyDecision.notCarriedOut). */
  BODY_NOT_CARRIED_OUT: { label: "Klagenemnda: ikke gjennomført", tone: "wait" },
  /** Closed by the klagenemnd without a decision (hevet): the decision no longer stood. */
  BODY_CLOSED: { label: "Avsluttet av klagenemnda", tone: "neutral" },
} as const satisfies Record<string, { label: string; tone: Tone }>;

/**
 * A klage's badge: its status here, or, once upheld and sent, where it stands with the klagenemnd
 * (lib/domain/klage.ts appealsBodyStanding). A quashed klage is open here again: its own status.
 */
export function klageBadge(
  klage: { status: "RECEIVED" | "REVERSED" | "UPHELD" | "SETTLED" | "DISMISSED"; partly?: boolean },
  appealsBody?: { waiting: boolean; decision: { outcome: AppealsBodyOutcome; notCarriedOut?: string | null; followedUpAt?: Date | null } | null },
): { label: string; tone: Tone } {
  if (klage.status === "UPHELD" && appealsBody?.waiting) return KLAGE_STATUS.AT_APPEALS_BODY;
  if (klage.status === "UPHELD" && appealsBody?.decision?.outcome === "UPHELD") return KLAGE_STATUS.BODY_UPHELD;
  if (klage.status === "UPHELD" && appealsBody?.decision?.outcome === "CLOSED") return KLAGE_STATUS.BODY_CLOSED;
  if (klage.status === "UPHELD" && appealsBody?.decision?.outcome === "REVERSED") {
    return appealsBody.decision.notCarriedOut && !appealsBody.decision.followedUpAt ? KLAGE_STATUS.BODY_NOT_CARRIED_OUT : KLAGE_STATUS.BODY_REVERSED;
  }
  return KLAGE_STATUS[klage.partly ? "PARTLY" : klage.status];
}

export const ARBEIDSKRAV_STATUS: Record<string, { label: string; tone: Tone }> = {
  NOT_SUBMITTED: { label: "Ikke levert", tone: "neutral" },
  SUBMITTED: { label: "Levert – venter på vurdering", tone: "wait" },
  APPROVED: { label: "Godkjent", tone: "good" },
  NOT_APPROVED: { label: "Ikke godkjent – kan leveres på nytt", tone: "bad" },
};

/** "Ikke godkjent" on the final attempt: no new hand-in, an enkeltvedtak under Brev (not «endelig vedtak»: that is one no klage can reach, and this one can be appealed). */
export const ARBEIDSKRAV_FINAL_REJECTION = { label: "Ikke godkjent – vedtak etter siste innlevering", tone: "bad" } as const satisfies { label: string; tone: Tone };

/** "Ikke godkjent" on the final attempt of an optional extra: no new hand-in, and no vedtak (isRejectionDecision). */
export const ARBEIDSKRAV_LAST_OF_OPTIONAL = { label: "Ikke godkjent – siste innlevering", tone: "neutral" } as const satisfies { label: string; tone: Tone };

/**
 * The badge for an arbeidskrav's status, the final rejection told apart: `item.rejectionDecision`
 * (a vedtak) or `item.finalRejection` alone (the last hand-in of an optional extra).
 */
export function arbeidskravStatus(status: string, item: { finalRejection?: boolean; rejectionDecision?: boolean } = {}): { label: string; tone: Tone } {
  if (status !== "NOT_APPROVED") return ARBEIDSKRAV_STATUS[status]!;
  if (item.rejectionDecision) return ARBEIDSKRAV_FINAL_REJECTION;
  if (item.finalRejection) return ARBEIDSKRAV_LAST_OF_OPTIONAL;
  return ARBEIDSKRAV_STATUS[status]!;
}

/** Her own standing, to the student (eligibilityOutlook, lib/domain/eligibility.ts). */
export const ELIGIBILITY_STATUS: Record<EligibilityOutlook, { label: string; tone: Tone }> = {
  ELIGIBLE: { label: "Du kan gå opp til eksamen", tone: "good" },
  ON_TRACK: { label: "Underveis – kravene er ikke oppfylt ennå", tone: "wait" },
  // A required arbeidskrav finally not approved: she cannot hand her way to the exam.
  SHORT_BY_DECISION: { label: "Kravene er ikke oppfylt", tone: "bad" },
  NOT_ELIGIBLE: { label: "Du kan ikke lenger nå kravet til oppmøte", tone: "bad" },
};

/**
 * Her standing to the student, as a badge: the requirements as eligibilityOutlook reads them,
 * except that a refusal of the exam in focus (an enkeltvedtak) stands until it is changed, so
 * «Du kan gå opp» is not said beside it (a walk: said after her last arbeidskrav was approved).
 */
export function studentEligibilityStatus(eligibility: OutlookFacts, refused: boolean): { label: string; tone: Tone } {
  if (refusalStandsOverRequirements(eligibility, refused)) return { label: "Kravene er oppfylt – vedtaket om ikke adgang står", tone: "wait" };
  return ELIGIBILITY_STATUS[eligibilityOutlook(eligibility)];
}

// «Underveis» is most of a kull for most of the year: neutral, not a warning.
const STAFF_OUTLOOK_TONES: Record<EligibilityOutlook, Tone> = { ELIGIBLE: "good", ON_TRACK: "neutral", SHORT_BY_DECISION: "bad", NOT_ELIGIBLE: "bad" };

/** A student's standing, to staff: the exam page and the attendance grid. */
export function staffEligibilityStatus(eligibility: OutlookFacts): { label: string; tone: Tone } {
  const outlook = eligibilityOutlook(eligibility);
  return { label: STAFF_OUTLOOK_LABELS[outlook], tone: STAFF_OUTLOOK_TONES[outlook] };
}

export function EligibilityBadge({ eligibility }: { eligibility: OutlookFacts }) {
  const { label, tone } = staffEligibilityStatus(eligibility);
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}

/** An enrolment's status (lib/domain/enrolment.ts ENROLMENT_STATUS_LABELS), with its tone. */
export const ENROLMENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  ACTIVE: { label: "Aktiv", tone: "good" },
  ON_LEAVE: { label: "Permisjon", tone: "wait" },
  WITHDRAWN: { label: "Sluttet", tone: "neutral" },
  COMPLETED: { label: "Fullført", tone: "good" },
  TRANSFERRED: { label: "Overført til senere kull", tone: "neutral" },
};
