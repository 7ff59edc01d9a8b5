/**
 * Which students the faculty should look at first, and why, read from an evaluated eligibility
 * (lib/domain/eligibility.ts decides; this only sorts and words the decision for staff, in the
 * third person: the reasons in Eligibility speak to the student).
 */
import { eligibilityOutlook, formatAttendancePercent, type Eligibility } from "./eligibility";
import { countNoun } from "./format";

/**
 * - LOST: the attendance threshold can no longer be reached (NOT_ELIGIBLE);
 * - LAST_ABSENCE: not reached yet, and at most one absence left;
 * - FINAL_REJECTION: a required arbeidskrav is finally not approved (an enkeltvedtak): only a
 *   klage or a correction can bring her to the exam (eligibilityOutlook SHORT_BY_DECISION). After
 *   the last absence: a klage can give the arbeidskrav back, never a day missed;
 * - ARBEIDSKRAV: every samling day is held and attendance is met, but not every arbeidskrav is
 *   approved (the exam is next);
 * - NONE: nothing to act on now.
 */
export type RiskLevel = "LOST" | "FINAL_REJECTION" | "LAST_ABSENCE" | "ARBEIDSKRAV" | "NONE";

// The last absence before a final rejection: attendance lost cannot be given back by a klage.
const RISK_ORDER: Record<RiskLevel, number> = { LOST: 0, LAST_ABSENCE: 1, FINAL_REJECTION: 2, ARBEIDSKRAV: 3, NONE: 4 };

/** Where a required arbeidskrav not approved stands, in staff words. */
const MISSING_STATUS: Record<string, string> = { NOT_SUBMITTED: "ikke levert", SUBMITTED: "til vurdering", NOT_APPROVED: "ikke godkjent" };

export interface Risk {
  level: RiskLevel;
  /** One Norwegian sentence for staff; empty for NONE. */
  reason: string;
}

export function riskOf(eligibility: Eligibility): Risk {
  const { attendance, arbeidskrav } = eligibility;
  if (eligibility.status === "NOT_ELIGIBLE") {
    const possible = attendance.scheduled - (attendance.held - attendance.attended) - (attendance.leave ?? 0);
    return {
      level: "LOST",
      // When every day is held, «høyst 21 … er mulig» read as a chance left (a walk): she has 21.
      reason:
        attendance.scheduled - attendance.held - (attendance.leave ?? 0) <= 0
          ? `Nådde ikke ${attendance.requiredPercent} % oppmøte: ${attendance.attended} av ${attendance.requiredDays} nødvendige dager, og alle samlingsdagene er holdt.`
          : `Kan ikke lenger nå ${attendance.requiredPercent} % oppmøte: ` + `høyst ${possible} av ${attendance.requiredDays} nødvendige dager er mulig.`,
    };
  }
  const daysLeft = attendance.scheduled - attendance.held - (attendance.leave ?? 0);
  if (!attendance.met && attendance.scheduled > 0 && daysLeft > 0 && attendance.absencesLeft <= 1) {
    return {
      level: "LAST_ABSENCE",
      reason:
        attendance.absencesLeft > 0
          ? "Kan være borte høyst én dag til."
          : daysLeft === 1
            ? "Må møte den siste samlingsdagen for å nå kravet."
            : `Må møte alle de ${daysLeft} gjenstående dagene for å nå kravet.`,
    };
  }
  if (eligibilityOutlook(eligibility) === "SHORT_BY_DECISION") {
    const final = arbeidskrav.missing.filter((item) => item.final).length;
    return {
      level: "FINAL_REJECTION",
      reason:
        `${countNoun(final, "obligatorisk arbeidskrav", "obligatoriske arbeidskrav")} endelig ikke godkjent: ` +
        `bare en klage eller en retting av ${final > 1 ? "vedtakene" : "vedtaket"} kan endre det.`,
    };
  }
  if (daysLeft === 0 && attendance.scheduled > 0 && attendance.met && !arbeidskrav.met) {
    // Where the ones not approved stand, not «mangler»: one waiting for assessment is the
    // faculty's to do (a walk read «Mangler arbeidskrav» beside «til vurdering» on the exam page).
    const left = (["SUBMITTED", "NOT_SUBMITTED", "NOT_APPROVED"] as const)
      .map((status) => [status, arbeidskrav.missing.filter((item) => item.status === status).length] as const)
      .filter(([, count]) => count > 0)
      .map(([status, count]) => `${count} ${MISSING_STATUS[status]}`);
    return {
      level: "ARBEIDSKRAV",
      reason: `Oppmøtekravet er nådd. ${arbeidskrav.approved} av ${arbeidskrav.required} arbeidskrav godkjent${left.length > 0 ? `: ${left.join(", ")}` : ""}.`,
    };
  }
  return { level: "NONE", reason: "" };
}

/**
 * For a student on her way (ON_TRACK) whom nothing puts at risk: what is still to come, in staff
 * words («3 av 5 arbeidskrav godkjent. Oppmøte: 12 av 22 nødvendige dager.»). Empty when she
 * fulfils the requirements or a risk says more. The grid's badge «Fyller ikke kravene ennå» stood
 * alone, not saying which (a walk).
 */
export function onTrackNote(eligibility: Eligibility): string {
  if (eligibility.status !== "ON_TRACK" || riskOf(eligibility).level !== "NONE") return "";
  const { attendance, arbeidskrav } = eligibility;
  const parts: string[] = [];
  if (!arbeidskrav.met) parts.push(`${arbeidskrav.approved} av ${arbeidskrav.required} arbeidskrav godkjent.`);
  if (!attendance.met && attendance.scheduled > 0) parts.push(`Oppmøte: ${attendance.attended} av ${attendance.requiredDays} nødvendige dager.`);
  return parts.join(" ");
}

export function isAtRisk(eligibility: Eligibility): boolean {
  return riskOf(eligibility).level !== "NONE";
}

/** Most urgent first, then fewest absences left; ties keep their order (sort is stable). */
export function compareByRisk(a: Eligibility, b: Eligibility): number {
  const byLevel = RISK_ORDER[riskOf(a).level] - RISK_ORDER[riskOf(b).level];
  if (byLevel !== 0) return byLevel;
  return a.attendance.absencesLeft - b.attendance.absencesLeft;
}

/** The attendance part of an eligibility for staff: "21 av 27 dager (77,8 %), krav 22". */
export function attendanceSummary(eligibility: Eligibility): string {
  const { attended, scheduled, requiredDays, requiredPercent } = eligibility.attendance;
  if (scheduled === 0) return "Ingen samlingsdager i planen ennå";
  return (
    `${attended} av ${countNoun(scheduled, "dag", "dager")} ` +
    `(${formatAttendancePercent(attended, scheduled, requiredPercent)}), krav ${requiredDays}`
  );
}


/**
 * Why a student is not eligible, in staff words. `titles` (arbeidskrav id → title), when given,
 * names the required items not approved and where each stands.
 */
export function staffReasons(eligibility: Eligibility, titles?: ReadonlyMap<string, string>): string[] {
  if (eligibility.eligible) return [];
  const reasons: string[] = [];
  const { attendance, arbeidskrav } = eligibility;
  if (!attendance.met) {
    if (attendance.scheduled === 0) {
      reasons.push("Kullet har ingen planlagte samlingsdager ennå.");
    } else if (eligibility.status === "NOT_ELIGIBLE") {
      reasons.push(`Oppmøte ${attendanceSummary(eligibility)}: kravet kan ikke lenger nås.`);
    } else {
      reasons.push(
        `Oppmøte ${attendanceSummary(eligibility)}: kan være borte ` +
          `${countNoun(attendance.absencesLeft, "dag", "dager")} til.`,
      );
    }
  }
  if (!arbeidskrav.met) {
    const named = titles
      ? arbeidskrav.missing
          .filter((item) => titles.has(item.id))
          .map((item) => `${titles.get(item.id)} (${item.final ? "endelig ikke godkjent" : (MISSING_STATUS[item.status] ?? "ikke godkjent")})`)
      : [];
    reasons.push(`${arbeidskrav.approved} av ${arbeidskrav.required} arbeidskrav godkjent.${named.length > 0 ? ` Mangler: ${named.join(", ")}.` : ""}`);
  }
  return reasons;
}
