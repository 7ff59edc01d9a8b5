// What a failed attempt to hand a message to the mail server means, and what happens next
// (lib/server/mail.ts delivers). Pure: the moment is passed in.
//
// SMTP answers a refusal with a code: 4xx is temporary (mailbox busy, greylisting, the server
// is overloaded: try again later), 5xx is permanent (no such mailbox, rejected: trying again
// gives the same answer). A failure with no answer at all (connection refused, a timeout, the
// outbox folder cannot be written) says nothing about the message, so it is tried again.

/** After this many failed attempts a message is given up (about four hours of back-off in all). */
export const MAX_MAIL_ATTEMPTS = 8;

export type MailFailureKind = "temporary" | "permanent";

/** The kind of failure, from the error nodemailer gives (its `responseCode` is the SMTP answer). */
export function mailFailureKind(error: unknown): MailFailureKind {
  const code = typeof error === "object" && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === "number" && code >= 500 && code <= 599 ? "permanent" : "temporary";
}

export type MailFailureOutcome = { giveUp: true } | { giveUp: false; nextAttemptAt: Date };

/**
 * After failed attempt number `attempts` (1 for the first): give up on a permanent failure or
 * after the last attempt; otherwise try again after 1, 2, 4 … minutes.
 */
export function afterMailFailure(kind: MailFailureKind, attempts: number, now: Date): MailFailureOutcome {
  if (kind === "permanent" || attempts >= MAX_MAIL_ATTEMPTS) return { giveUp: true };
  return { giveUp: false, nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)) };
}

/**
 * Where a queued message stands, for the administrator's list of e-mail that did not arrive
 * (`/veileder/e-post`):
 * - SENT: the mail server took it;
 * - WAITING: not tried yet, or tried and waiting for its next attempt;
 * - SENDING: handed to the mail server just now (a claim younger than STALE_CLAIM_MINUTES);
 * - UNKNOWN: handed over and no outcome stored for longer than that: the sender stopped mid-way
 *   (lib/server/mail.ts), so nobody knows whether it left, and it is never sent again by itself;
 * - GIVEN_UP: refused for good (5xx) or out of attempts.
 */
export type MailDeliveryState = "SENT" | "WAITING" | "SENDING" | "UNKNOWN" | "GIVEN_UP";

/** A claim without an outcome for this long means the sender stopped (a send takes seconds). */
export const STALE_CLAIM_MINUTES = 15;

export interface MailDeliveryFacts {
  sentAt: Date | null;
  failedAt: Date | null;
  sendingSince: Date | null;
}

/** A claim made at or before this moment is stale (UNKNOWN) at `now`: the cut-off a query can use. */
export function staleClaimCutoff(now: Date): Date {
  return new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000);
}

export function mailDeliveryState(mail: MailDeliveryFacts, now: Date): MailDeliveryState {
  if (mail.sentAt) return "SENT";
  if (mail.failedAt) return "GIVEN_UP";
  if (mail.sendingSince) return mail.sendingSince.getTime() <= staleClaimCutoff(now).getTime() ? "UNKNOWN" : "SENDING";
  return "WAITING";
}

/** The states an administrator is shown and may send again: nothing else will send them. */
export function needsAdministrator(state: MailDeliveryState): boolean {
  return state === "GIVEN_UP" || state === "UNKNOWN";
}

/** Why a message cannot be sent again by hand (in Norwegian), or null when it can. */
export function resendProblem(state: MailDeliveryState): string | null {
  switch (state) {
    case "GIVEN_UP":
    case "UNKNOWN":
      return null;
    case "SENT":
      return "E-posten er allerede sendt.";
    case "WAITING":
    case "SENDING":
      return "E-posten er fortsatt i køen og sendes av seg selv.";
  }
}

/**
 * The messages whose address is part of what they are: a one-time link (it was asked for at that
 * address, or proves it: a password reset, an invitation, the verification of an address, the
 * confirmation of a new one), and the security notices to the owner (the address is being, or
 * has been, replaced; the password was changed): if someone took the account over, the account's
 * address now may be theirs. Named by the first part of their dedupe key (`addressBoundKey`).
 */
export const ADDRESS_BOUND_MAIL = ["account-link", "email-change-notice", "email-changed", "password-changed"] as const;
export type AddressBoundMail = (typeof ADDRESS_BOUND_MAIL)[number];

/** The dedupe key of an address-bound message: its kind and the id of what it is about. */
export function addressBoundKey(kind: AddressBoundMail, id: string): string {
  return `${kind}:${id}`;
}

function isAddressBound(dedupeKey: string): boolean {
  const colon = dedupeKey.indexOf(":");
  const kind = colon < 0 ? dedupeKey : dedupeKey.slice(0, colon);
  return (ADDRESS_BOUND_MAIL as readonly string[]).includes(kind);
}

/**
 * Where a message sent again by an administrator goes. A message for a person's account (a letter,
 * a receipt, a notice) goes to the account's address as it is now: a message given up on a
 * mistyped address that the person has since corrected would otherwise bounce again. An
 * address-bound message (above) keeps the address it was written for, as does a message for no
 * account (`accountEmail` null).
 */
export function resendRecipient(mail: { to: string; dedupeKey: string }, accountEmail: string | null): string {
  if (accountEmail === null || isAddressBound(mail.dedupeKey)) return mail.to;
  return accountEmail;
}
