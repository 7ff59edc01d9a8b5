/**
 * Utsatt eksamen: a student who is ill (or has another weighty reason) before or during a sitting
 * they are registered for asks for a deferral, with documentation (a legeerklæring); an adviser
 * grants it (the student sits a DEFERRED sitting instead, and the missed sitting uses no attempt)
 * or refuses it (an enkeltvedtak with the right to appeal).
 *
 * Decisions taken:
 * - A request is made from the registration until the end of the seventh day after the sitting's
 *   hand-in (Oslo), so illness during the exam can be documented afterwards.
 * - Documentation is required (at least one PDF); it is health data, seen by the student and
 *   advisers/admins only, never by the teaching team.
 * - A sitting with a grade cannot be deferred: the student handed in. "Ikke møtt" can, when the
 *   absence was the illness (the grant replaces it).
 * - A grant places the student on a DEFERRED sitting that starts after the missed one and has not
 *   started; the student must still be ELIGIBLE (no path registers someone who is not).
 * - A refused request may be followed by a new one (better documentation); one request waits or
 *   is granted at a time.
 */
import { addDays } from "./dates";
import { formatDateNb } from "./format";
import { osloWallClock } from "./exam-time";
import { sittingOutcome, type SittingRecord } from "./exam-sittings";
import { deadlineEnd } from "./application-deadline";

export type DeferralReason = "ILLNESS" | "OTHER";
export const DEFERRAL_REASONS: readonly DeferralReason[] = ["ILLNESS", "OTHER"];

export const DEFERRAL_REASON_LABELS: Record<DeferralReason, string> = {
  ILLNESS: "Sykdom",
  OTHER: "Annen tungtveiende grunn",
};

/** What documentation each reason needs, to the student. */
export const DEFERRAL_REASON_HINTS: Record<DeferralReason, string> = {
  ILLNESS: "Legeerklæring som sier at du var syk i eksamensperioden.",
  OTHER: "Dokumentasjon av grunnen, for eksempel legeerklæring for barn, dødsattest eller bekreftelse fra arbeidsgiver.",
};

export type DeferralStatus = "REQUESTED" | "GRANTED" | "REFUSED";

export const DEFERRAL_STATUS_LABELS: Record<DeferralStatus, string> = {
  REQUESTED: "Søknaden er mottatt og venter på behandling",
  GRANTED: "Innvilget",
  REFUSED: "Avslått",
};

/** Days after the hand-in a request may still be made. */
export const DEFERRAL_REQUEST_DAYS = 7;

/** The last Oslo day a request for a deferral of this sitting is in time. */
export function deferralRequestDeadline(handInAt: Date): string {
  return addDays(osloWallClock(handInAt).date, DEFERRAL_REQUEST_DAYS);
}

/** Why the student cannot ask for a deferral of this sitting now; null when they can. */
export function deferralRequestProblem(input: {
  /** The student's registration at the sitting (null: not registered). */
  record: Pick<SittingRecord, "status" | "grade"> | null;
  sitting: { handInAt: Date };
  /** A request for it waits or was granted. */
  openRequest: boolean;
  now: Date;
}): string | null {
  const outcome = input.record ? sittingOutcome(input.record) : null;
  if (outcome === "GRADED") return "Du har fått karakter på denne eksamenen, og den kan ikke utsettes.";
  if (input.openRequest) return "Du har allerede søkt om utsatt eksamen for denne eksamenen.";
  if (outcome !== "PENDING" && outcome !== "NOT_ATTENDED") return "Du kan bare søke om utsatt eksamen for en eksamen du er meldt opp til.";
  const last = deferralRequestDeadline(input.sitting.handInAt);
  if (input.now.getTime() >= deadlineEnd(last).getTime()) {
    return `Fristen for å søke om utsatt eksamen for denne eksamenen gikk ut ${formatDateNb(last)} (${DEFERRAL_REQUEST_DAYS} dager etter innleveringen).`;
  }
  return null;
}

/** Why an adviser cannot grant the request with this deferred sitting; null when they can. */
export function deferralGrantProblem(input: {
  record: Pick<SittingRecord, "status" | "grade">;
  missed: { startsAt: Date };
  sitting: { kind: string; startsAt: Date } | null;
  /** The student is ELIGIBLE now. */
  eligible: boolean;
  now: Date;
}): { field: "sittingId" | null; message: string } | null {
  const outcome = sittingOutcome(input.record);
  if (outcome === "GRADED") return { field: null, message: "Studenten har fått karakter på eksamenen, og den kan ikke utsettes." };
  if (outcome !== "PENDING" && outcome !== "NOT_ATTENDED") return { field: null, message: "Studenten er ikke meldt opp til eksamenen søknaden gjelder." };
  if (!input.sitting) return { field: "sittingId", message: "Velg den utsatte eksamenen studenten skal ta. Finnes den ikke, legg den inn på eksamenssiden først." };
  if (input.sitting.kind !== "DEFERRED") return { field: "sittingId", message: "Velg en utsatt eksamen." };
  if (input.sitting.startsAt.getTime() <= input.missed.startsAt.getTime()) {
    return { field: "sittingId", message: "Den utsatte eksamenen må være etter eksamenen studenten går glipp av." };
  }
  if (input.sitting.startsAt.getTime() <= input.now.getTime()) return { field: "sittingId", message: "Den utsatte eksamenen har allerede startet. Velg en senere." };
  if (!input.eligible) {
    return { field: null, message: "Studenten fyller ikke lenger kravene til oppmøte og arbeidskrav, og kan ikke meldes opp til en utsatt eksamen." };
  }
  return null;
}
