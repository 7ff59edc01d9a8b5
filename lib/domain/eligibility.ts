/**
 * Exam eligibility (rett til å gå opp til eksamen): at least 80 % attendance over all the cohort's
 * scheduled samling days, and each of the five required arbeidskrav approved — or, for a cohort
 * whose study plan says otherwise, its own requirements (lib/domain/requirements.ts). Every
 * function takes the requirements as an optional last argument whose default is today's rule.
 *
 * The verdict depends on stored facts only: registered days (a past day nobody has registered is
 * "ikke registrert", never an absence; lib/domain/attendance.ts) and the standing on each
 * *required* arbeidskrav. An optional extra arbeidskrav never counts toward the five and never
 * stands in for a missing required one.
 */
import { countNoun, formatPercentTenths, joinNb, percentTenths } from "./format";
import type { KlageStage } from "./klage";
import { assertRequirements, DEFAULT_REQUIREMENTS, type CohortRequirements } from "./requirements";

export const REQUIRED_ATTENDANCE = DEFAULT_REQUIREMENTS.attendancePercent / 100;
export const REQUIRED_ARBEIDSKRAV = DEFAULT_REQUIREMENTS.arbeidskrav.total;

// Every decision compares integers: attended · 100 ≥ scheduled · percent. 0.8 has no exact binary
// representation, and a rounded percentage would let 35 of 44 days (79.5 %) pass.
const PERCENT = 100;

function thresholdOf(percent: number): number {
  if (!Number.isSafeInteger(percent) || percent < 1 || percent > 100) {
    throw new RangeError(`attendance percent must be an integer from 1 to 100, got ${percent}`);
  }
  return percent;
}

export type ArbeidskravStatus = "NOT_SUBMITTED" | "SUBMITTED" | "APPROVED" | "NOT_APPROVED";

const ARBEIDSKRAV_STATUSES: readonly ArbeidskravStatus[] = ["NOT_SUBMITTED", "SUBMITTED", "APPROVED", "NOT_APPROVED"];

export interface ArbeidskravStanding {
  id: string;
  status: ArbeidskravStatus;
  /** False for an optional extra item of the set: shown, never counted. Default true. */
  required?: boolean;
  /**
   * NOT_APPROVED on the last hand-in the plan allows (isFinalRejection, lib/domain/coursework.ts):
   * nothing is left to hand in, and on a required item only a changed vedtak (a klage, a
   * correction) can change it. Default false.
   */
  final?: boolean;
}

export interface EligibilityInput {
  scheduledDays: number; // all samling days in the cohort's plan
  heldDays: number; // of those, the days registered for this student (present or absent)
  attendedDays: number; // days the student was registered present (<= heldDays)
  /** Past days nobody has registered yet (information only: never an absence). Default 0. */
  unregisteredDays?: number;
  /**
   * Days inside a granted leave of absence (permisjon; lib/domain/enrolment.ts). Not an absence —
   * no warning counts them as fravær — but not attended either: the requirement is a share of all
   * the kull's days, so a leave longer than the absence the rule allows means continuing in a
   * later kull (with credits). Default 0.
   */
  leaveDays?: number;
  /**
   * Of the attended days, those credited from an earlier kull (a transfer; lib/domain/transfer.ts):
   * attended, and said to be credited wherever the days are counted. Default 0.
   */
  creditedDays?: number;
  arbeidskrav: ArbeidskravStanding[]; // the student's standing on each arbeidskrav of the set
}

export type EligibilityStatus = "ELIGIBLE" | "ON_TRACK" | "NOT_ELIGIBLE";

export interface Eligibility {
  status: EligibilityStatus;
  eligible: boolean; // status === "ELIGIBLE"
  attendance: {
    attended: number;
    scheduled: number;
    /** The share attended, in percent (not rounded). */
    percent: number;
    /** The cohort's threshold in whole percent (80). */
    requiredPercent: number;
    /** Days needed in all (ceil of threshold × scheduled). */
    requiredDays: number;
    /** Days registered so far, present or absent (attended ≤ held ≤ scheduled). */
    held: number;
    /** Past days not registered yet: not counted either way (held + unregistered + leave ≤ scheduled). */
    unregistered: number;
    /** Days of a granted leave: neither attended nor absences, but out of reach (default 0). */
    leave: number;
    /** Of the attended days, those credited from an earlier kull (default 0). */
    credited: number;
    met: boolean;
    maxAbsences: number;
    absencesLeft: number;
  };
  arbeidskrav: {
    /** Required items approved. */
    approved: number;
    /** Required items the rule asks for (the composition's total, five). */
    required: number;
    met: boolean;
    /** Required items not approved yet, in the order given (`final`: finally not approved). */
    missing: { id: string; status: ArbeidskravStatus; final: boolean }[];
  };
  reasons: string[]; // Norwegian sentences a student understands; empty exactly when eligible
}

function assertCount(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}

/** Days needed for `percent` (80) of `scheduledDays`: ceil(percent·scheduled / 100), in integers. */
export function requiredAttendanceDays(scheduledDays: number, percent = DEFAULT_REQUIREMENTS.attendancePercent): number {
  assertCount(scheduledDays, "scheduledDays");
  const scaled = thresholdOf(percent) * scheduledDays;
  const remainder = scaled % PERCENT;
  return (scaled - remainder) / PERCENT + (remainder === 0 ? 0 : 1);
}

/** attended/scheduled ≥ percent (80 %), decided exactly. Never met when nothing is scheduled. */
export function attendanceRequirementMet(
  attendedDays: number,
  scheduledDays: number,
  percent = DEFAULT_REQUIREMENTS.attendancePercent,
): boolean {
  return scheduledDays > 0 && attendedDays * PERCENT >= scheduledDays * thresholdOf(percent);
}

/**
 * The percentage for display, to one decimal. Rounding is half up, except that a share below the
 * threshold is never shown as reaching it (e.g. 399 of 499 days, 79.96 %, is shown as 79,9 %, not
 * 80,0 %): the text must not contradict the decision.
 */
export function formatAttendancePercent(
  attendedDays: number,
  scheduledDays: number,
  percent = DEFAULT_REQUIREMENTS.attendancePercent,
): string {
  let tenths = percentTenths(attendedDays, scheduledDays);
  const threshold = thresholdOf(percent) * 10;
  if (!attendanceRequirementMet(attendedDays, scheduledDays, percent) && tenths >= threshold) tenths = threshold - 1;
  return formatPercentTenths(tenths);
}

// When one arbeidskrav id is listed more than once, the best standing counts: an approval holds,
// and a pending resubmission outranks an earlier rejection.
const STANDING_RANK: Record<ArbeidskravStatus, number> = {
  NOT_SUBMITTED: 0,
  NOT_APPROVED: 1,
  SUBMITTED: 2,
  APPROVED: 3,
};

function standingById(arbeidskrav: EligibilityInput["arbeidskrav"]): Map<string, { status: ArbeidskravStatus; required: boolean; final: boolean }> {
  if (!Array.isArray(arbeidskrav)) throw new RangeError("arbeidskrav must be an array");
  const byId = new Map<string, { status: ArbeidskravStatus; required: boolean; final: boolean }>();
  for (const item of arbeidskrav) {
    if (!ARBEIDSKRAV_STATUSES.includes(item.status)) {
      throw new RangeError(`Unknown arbeidskrav status: ${String(item.status)}`);
    }
    const required = item.required !== false;
    const final = item.final === true;
    if (final && item.status !== "NOT_APPROVED") {
      throw new RangeError(`Arbeidskrav ${item.id} is marked final but is ${item.status}: only "ikke godkjent" can be final`);
    }
    const previous = byId.get(item.id);
    if (previous !== undefined && previous.required !== required) {
      throw new RangeError(`Arbeidskrav ${item.id} is listed both as required and as optional`);
    }
    // Of two rejections, a final one holds: nothing is left to hand in on it.
    if (
      previous === undefined ||
      STANDING_RANK[item.status] > STANDING_RANK[previous.status] ||
      (item.status === previous.status && final && !previous.final)
    ) {
      byId.set(item.id, { status: item.status, required, final });
    }
  }
  return byId;
}

/**
 * Decisions where the rule is silent:
 * - NOT_ELIGIBLE is reserved for what can no longer change: 80 % attendance is out of reach even
 *   with every remaining day attended. Missing or not-approved arbeidskrav can still be submitted or
 *   resubmitted, so they keep a student ON_TRACK — also after the last samling day. A required item
 *   finally not approved keeps her ON_TRACK too (a klage or a correction can still change that
 *   vedtak, and the stored standings and their notices follow this status), but the reasons say
 *   it is final, and eligibilityOutlook tells the pages she cannot reach the requirement by
 *   handing in.
 * - With no scheduled days the requirement is not met (0 of 0 is not 80 %), but the status is
 *   ON_TRACK, not NOT_ELIGIBLE: an empty plan means the cohort's samlinger are not entered yet, and
 *   telling every student they have lost their exam right would be wrong.
 * - A set with fewer required items than the rule asks for (the plan is not complete) cannot make
 *   anyone eligible: each of the `total` required items must exist and be approved.
 */
export function evaluateEligibility(
  input: EligibilityInput,
  requirements: CohortRequirements = DEFAULT_REQUIREMENTS,
): Eligibility {
  // Today's rule is known to be valid; a cohort's own is checked (bad data is a bug, not a verdict).
  if (requirements !== DEFAULT_REQUIREMENTS) assertRequirements(requirements);
  const percent = requirements.attendancePercent;
  const requiredArbeidskrav = requirements.arbeidskrav.total;
  const { scheduledDays: scheduled, heldDays: held, attendedDays: attended } = input;
  const unregistered = input.unregisteredDays ?? 0;
  const leave = input.leaveDays ?? 0;
  const credited = input.creditedDays ?? 0;
  assertCount(scheduled, "scheduledDays");
  assertCount(held, "heldDays");
  assertCount(attended, "attendedDays");
  assertCount(unregistered, "unregisteredDays");
  assertCount(leave, "leaveDays");
  assertCount(credited, "creditedDays");
  if (held > scheduled) throw new RangeError(`heldDays (${held}) cannot exceed scheduledDays (${scheduled})`);
  if (attended > held) throw new RangeError(`attendedDays (${attended}) cannot exceed heldDays (${held})`);
  if (credited > attended) throw new RangeError(`creditedDays (${credited}) cannot exceed attendedDays (${attended})`);
  if (held + unregistered + leave > scheduled) {
    throw new RangeError(`heldDays + unregisteredDays + leaveDays (${held + unregistered + leave}) cannot exceed scheduledDays (${scheduled})`);
  }

  const requiredDays = requiredAttendanceDays(scheduled, percent);
  const maxAbsences = scheduled - requiredDays;
  const absences = held - attended;
  // Days of leave are no absences, but they will not be attended either: they use the allowance.
  const missed = absences + leave;
  const absencesLeft = Math.max(0, maxAbsences - missed);
  const attendanceMet = attendanceRequirementMet(attended, scheduled, percent);
  // Attending every remaining day gives scheduled − absences − leave days, which reaches the
  // threshold exactly when absences + leave ≤ maxAbsences.
  const attendanceReachable = scheduled === 0 || missed <= maxAbsences;

  const standings = standingById(input.arbeidskrav);
  const counts = { NOT_SUBMITTED: 0, SUBMITTED: 0, APPROVED: 0, NOT_APPROVED: 0 };
  let finallyRejected = 0;
  const missing: { id: string; status: ArbeidskravStatus; final: boolean }[] = [];
  let requiredItems = 0;
  for (const [id, standing] of standings) {
    if (!standing.required) continue;
    requiredItems += 1;
    counts[standing.status] += 1;
    if (standing.final) finallyRejected += 1;
    if (standing.status !== "APPROVED") missing.push({ id, status: standing.status, final: standing.final });
  }
  const approved = counts.APPROVED;
  const arbeidskravMet = requiredItems >= requiredArbeidskrav && missing.length === 0;

  const status: EligibilityStatus =
    attendanceMet && arbeidskravMet ? "ELIGIBLE" : attendanceReachable ? "ON_TRACK" : "NOT_ELIGIBLE";

  const reasons: string[] = [];
  if (!attendanceMet) {
    if (scheduled === 0) {
      reasons.push("Kullet har ingen planlagte samlingsdager ennå, så oppmøtekravet kan ikke vurderes.");
    } else {
      reasons.push(
        `Du har møtt ${attended} av ${countNoun(scheduled, "samlingsdag", "samlingsdager")} ` +
          `(${formatAttendancePercent(attended, scheduled, percent)}). ` +
          `Kravet er minst ${percent} % (${countNoun(requiredDays, "dag", "dager")}).`,
      );
      const remaining = scheduled - held - leave;
      const upcoming = remaining - unregistered;
      if (leave > 0) {
        reasons.push(
          `${countNoun(leave, "samlingsdag", "samlingsdager")} er i permisjonstiden din. ` +
            `De er ikke fravær, men du har ikke vært til stede, og kravet gjelder alle samlingsdagene i kullet.`,
        );
      }
      if (unregistered > 0) {
        reasons.push(
          `${countNoun(unregistered, "samlingsdag", "samlingsdager")} er ikke registrert ennå ` +
            `og teller verken som oppmøte eller fravær før de er registrert.`,
        );
      }
      if (!attendanceReachable) {
        reasons.push(
          remaining > 0
            ? `Du kan ikke lenger nå kravet om ${percent} % oppmøte, selv om du møter på alle de gjenstående samlingsdagene.`
            : `Alle samlingsdagene er holdt, og kravet om ${percent} % oppmøte er ikke nådd.`,
        );
      } else if (upcoming === 0 && unregistered > 0) {
        reasons.push(
          absencesLeft === 0
            ? "Du må ha vært til stede alle dagene som ikke er registrert ennå for å nå kravet."
            : `Du når kravet hvis du var borte høyst ${countNoun(absencesLeft, "dag", "dager")} av dem.`,
        );
      } else {
        const left =
          unregistered > 0
            ? `Det gjenstår ${countNoun(upcoming, "samlingsdag", "samlingsdager")}, og ${unregistered} er ikke registrert.`
            : `Det gjenstår ${countNoun(remaining, "samlingsdag", "samlingsdager")}.`;
        reasons.push(
          absencesLeft === 0
            ? `${left} Du må møte på alle for å nå kravet.`
            : `${left} Du kan være borte høyst ${countNoun(absencesLeft, "dag", "dager")} til og fortsatt nå kravet.`,
        );
      }
    }
  }
  if (!arbeidskravMet) {
    reasons.push(`Du har ${approved} av ${requiredArbeidskrav} godkjente arbeidskrav.`);
    if (requiredItems < requiredArbeidskrav) {
      reasons.push(
        `Kullets plan har bare ${countNoun(requiredItems, "obligatorisk arbeidskrav", "obligatoriske arbeidskrav")} ` +
          `av ${requiredArbeidskrav}; resten er ikke lagt inn ennå.`,
      );
    }
    if (finallyRejected > 0) {
      reasons.push(
        `${finallyRejected} arbeidskrav er endelig ikke godkjent etter siste innlevering og kan ikke leveres på nytt. ` +
          `Det kan bare endres hvis ${finallyRejected > 1 ? "vedtakene" : "vedtaket"} endres, for eksempel etter en klage.`,
      );
    }
    if (counts.NOT_APPROVED - finallyRejected > 0) {
      reasons.push(`${counts.NOT_APPROVED - finallyRejected} arbeidskrav er ikke godkjent og kan leveres på nytt.`);
    }
    if (counts.SUBMITTED > 0) {
      reasons.push(`${counts.SUBMITTED} arbeidskrav er levert og venter på vurdering.`);
    }
    if (counts.NOT_SUBMITTED > 0) {
      reasons.push(`${counts.NOT_SUBMITTED} arbeidskrav er ikke levert ennå.`);
    }
  }

  return {
    status,
    eligible: status === "ELIGIBLE",
    attendance: {
      attended,
      scheduled,
      percent: scheduled === 0 ? 0 : (attended * 100) / scheduled,
      requiredPercent: percent,
      requiredDays,
      held,
      unregistered,
      leave,
      credited,
      met: attendanceMet,
      maxAbsences,
      absencesLeft,
    },
    arbeidskrav: { approved, required: requiredArbeidskrav, met: arbeidskravMet, missing },
    reasons,
  };
}

/**
 * How a page describes a student's standing: the evaluator's status, except that ON_TRACK with a
 * required arbeidskrav finally not approved is SHORT_BY_DECISION. She is not told «du kan
 * fortsatt nå dem», and staff do not read «ennå»: only a changed vedtak (a klage, a correction)
 * can bring her to the exam. The stored standing stays ON_TRACK (see evaluateEligibility).
 */
export type EligibilityOutlook = EligibilityStatus | "SHORT_BY_DECISION";

/** What eligibilityOutlook reads of an evaluation (a page may hold no more of it than this). */
export type OutlookFacts = Pick<Eligibility, "status"> & { arbeidskrav: { missing: readonly { final: boolean }[] } };

export function eligibilityOutlook(eligibility: OutlookFacts): EligibilityOutlook {
  if (eligibility.status === "ON_TRACK" && eligibility.arbeidskrav.missing.some((item) => item.final)) return "SHORT_BY_DECISION";
  return eligibility.status;
}

/** Each outlook in the staff's words (the exam page, the attendance grid and its CSV). */
export const STAFF_OUTLOOK_LABELS: Record<EligibilityOutlook, string> = {
  ELIGIBLE: "Fyller kravene",
  ON_TRACK: "Fyller ikke kravene ennå",
  SHORT_BY_DECISION: "Fyller ikke kravene: arbeidskrav endelig ikke godkjent",
  NOT_ELIGIBLE: "Kan ikke nå oppmøtekravet",
};

/**
 * She meets the requirements, but a refusal of the exam in focus (an enkeltvedtak) stands: it
 * stands until it is changed, so «du kan gå opp» is not said (the headline and the badge).
 */
export function refusalStandsOverRequirements(eligibility: OutlookFacts, refused: boolean): boolean {
  return refused && eligibilityOutlook(eligibility) === "ELIGIBLE";
}

/**
 * One headline for the student's overview page. `finalRejections`: the required arbeidskrav
 * finally not approved (the eligibility's missing items marked `final`), to name them, each with
 * where her klage on it stands (klageStage): a klage she has made is not suggested to her again.
 */
export function eligibilityHeadline(
  eligibility: Eligibility,
  finalRejections: readonly { title: string; klage?: KlageStage | null }[] = [],
  /** She was refused the exam in focus (an enkeltvedtak), with where her klage on it stands. */
  refusal: { klage: KlageStage | null } | null = null,
): string {
  switch (eligibilityOutlook(eligibility)) {
    case "ELIGIBLE":
      if (refusal && refusalStandsOverRequirements(eligibility, true)) {
        return (
          "Du oppfyller nå kravene for å gå opp til eksamen, men vedtaket om at du ikke får gå opp til denne eksamenen, står til det blir endret. " +
          (refusal.klage === "RECEIVED"
            ? "Klagen din på vedtaket er under behandling."
            : refusal.klage === "AT_APPEALS_BODY"
              ? "Klagen din på vedtaket er hos klagenemnda."
              : "Kontakt studieveilederen om vedtaket.")
        );
      }
      return "Du har rett til å gå opp til eksamen.";
    case "SHORT_BY_DECISION": {
      const titles = finalRejections.map((item) => item.title);
      const pending = finalRejections.filter((item) => item.klage === "RECEIVED" || item.klage === "AT_APPEALS_BODY");
      const settled = finalRejections.length > 0 && finalRejections.every((item) => item.klage === "FINAL");
      const plural = finalRejections.length > 1;
      return (
        `Du oppfyller ikke kravene for å gå opp til eksamen: ` +
        // «endelig» beside a klage that is still open read as a contradiction (from a walk): then
        // what happened, not that it is final.
        `${titles.length > 0 ? `${joinNb(titles)} er` : "et obligatorisk arbeidskrav er"} ${pending.length > 0 ? "ikke godkjent etter siste innlevering" : "endelig ikke godkjent"}. ` +
        (pending.length > 0
          ? pending.every((item) => item.klage === "AT_APPEALS_BODY")
            ? "Klagen din er hos klagenemnda. Får du medhold, kan du gå opp til eksamen."
            : "Klagen din er under behandling. Får du medhold, kan du gå opp til eksamen."
          : settled
            ? `Klagenemnda har stadfestet ${plural ? "vedtakene" : "vedtaket"}, så du kan ikke gå opp til eksamen med dette kullet.`
            : finalRejections.length > 0 && finalRejections.every((item) => item.klage === "DISMISSED")
              ? `Klagen din kom etter klagefristen og ble avvist, så ${plural ? "vedtakene" : "vedtaket"} står.`
              : `Det kan bare endres hvis ${plural ? "vedtakene" : "vedtaket"} endres, for eksempel etter en klage.`)
      );
    }
    case "ON_TRACK":
      return "Du har ikke oppfylt alle kravene for å gå opp til eksamen ennå, men du kan fortsatt nå dem.";
    case "NOT_ELIGIBLE":
      return "Du kan ikke lenger oppfylle kravene for å gå opp til eksamen med dette kullet.";
  }
}
