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
