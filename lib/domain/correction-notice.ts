/**
 * Forhåndsvarsel (advance notice) before the fagansvarlig corrects an approved final attempt to
 * "ikke godkjent".
 *
 * Such a correction is an enkeltvedtak against the student (it takes away the right to sit the
 * exam with the kull), made by the administration on its own initiative. Forvaltningsloven § 16
 * asks that the party is told before the decision is made and given a deadline to speak
 * (uttale seg); § 17 that the case is as well informed as it can be; § 25 that the grounds take
 * up what the party said. So the correction is made in two steps: a notice to each member of the
 * group (a letter, with the intended decision, the reason and the deadline), then, once the
 * deadline has passed or every member has spoken, the correction itself, or the notice withdrawn.
 *
 * A correction that needs no notice is made at once, as before: to "godkjent" (in the student's
 * favour), to "ikke godkjent" on an attempt that is not the final one (not an enkeltvedtak:
 * the student hands in again), and on an optional extra arbeidskrav (it never counts).
 *
 * The deadline is fixed, not chosen per case: two weeks from the day the notice is made
 * available, moved to the next working day like a klage deadline. Long enough to read the
 * submission again and write, short enough that the kull's exam is not held up for long.
 */
import { compareIsoDates, addDays } from "./dates";
import { isRejectionDecision } from "./coursework";
import { formatDateNb } from "./format";
import { nextWorkingDay } from "./holidays";

export const CORRECTION_NOTICE_DAYS = 14;

export type AttemptStatus = "SUBMITTED" | "APPROVED" | "NOT_APPROVED";

/**
 * Whether correcting `attempt` to `to` must first be announced by a forhåndsvarsel: when the
 * correction is the enkeltvedtak «ikke godkjent» (isRejectionDecision: the final attempt of a
 * required arbeidskrav).
 */
export function correctionNeedsNotice(
  attempt: { attempt: number; status: AttemptStatus },
  arbeidskrav: { maxAttempts: number; required: boolean },
  to: "APPROVED" | "NOT_APPROVED",
): boolean {
  return attempt.status === "APPROVED" && isRejectionDecision({ attempt: attempt.attempt, status: to }, arbeidskrav);
}

/** Why a correction of `attempt` to «ikke godkjent» is made directly, without a forhåndsvarsel (correctionNeedsNotice false). */
export function noNoticeNeeded(attempt: { attempt: number }, maxAttempts: number): string {
  return attempt.attempt < maxAttempts
    ? "Denne rettingen trenger ikke forhåndsvarsel: studentene kan levere på nytt. Rett vurderingen direkte."
    : "Denne rettingen trenger ikke forhåndsvarsel: arbeidskravet er valgfritt og teller ikke for eksamen, så rettingen er ikke et vedtak. Rett vurderingen direkte.";
}

/** The last day to speak ("YYYY-MM-DD"), from the day the notice is made available. */
export function correctionNoticeDeadline(sentOn: string): string {
  return nextWorkingDay(addDays(sentOn, CORRECTION_NOTICE_DAYS));
}

/** A member the notice went to, as stored: whether and when she spoke. */
export interface NoticeRecipientFacts {
  enrolmentId: string;
  respondedAt: Date | null;
}

/** The notice's state for correctionNoticeNotReady, from its deadline and its recipients. */
export function noticeState(respondBy: string, recipients: readonly NoticeRecipientFacts[]): NoticeState {
  return {
    respondBy,
    members: recipients.map((recipient) => recipient.enrolmentId),
    responded: recipients.filter((recipient) => recipient.respondedAt !== null).map((recipient) => recipient.enrolmentId),
  };
}

/**
 * What the fagansvarlig had read of the uttalelser when she decided: the number given and the
 * latest moment one was written. The carry-out form sends it, and the decision is refused when
 * it has changed since (a new or rewritten uttalelse she has not seen: § 25 asks that the grounds
 * take up what was said).
 */
export function responsesSeen(recipients: readonly NoticeRecipientFacts[]): string {
  const times = recipients.flatMap((recipient) => (recipient.respondedAt ? [recipient.respondedAt.getTime()] : []));
  return `${times.length}:${times.length ? Math.max(...times) : 0}`;
}

export interface NoticeState {
  /** The notice's deadline for speaking. */
  respondBy: string;
  /** The members the notice went to, and which of them have spoken. */
  members: readonly string[];
  responded: readonly string[];
}

/**
 * Why the correction a notice announced cannot be carried out yet, or null when it can: after the
 * deadline, or earlier when every member the notice went to has spoken (nobody waits for more).
 */
export function correctionNoticeNotReady(notice: NoticeState, today: string): string | null {
  if (compareIsoDates(today, notice.respondBy) > 0) return null;
  const waiting = notice.members.filter((member) => !notice.responded.includes(member));
  if (waiting.length === 0) return null;
  return `Fristen for å uttale seg er ${formatDateNb(notice.respondBy)}. Rettingen kan gjennomføres etter fristen, eller før når alle som fikk varselet, har uttalt seg.`;
}

/** Whether the deadline to speak has passed on `today` (she may still speak while it is undecided). */
export function noticeDeadlinePassed(respondBy: string, today: string): boolean {
  return compareIsoDates(today, respondBy) > 0;
}

/** Whether a member may still speak: until the notice is decided, also after its deadline (§ 17: what comes in is read). */
export function mayRespondToNotice(status: "PENDING" | "CARRIED_OUT" | "WITHDRAWN"): boolean {
  return status === "PENDING";
}

export const NOTICE_STATUS_LABELS = {
  PENDING: "Forhåndsvarsel sendt",
  CARRIED_OUT: "Rettet etter forhåndsvarsel",
  WITHDRAWN: "Forhåndsvarselet er trukket tilbake",
} as const;
