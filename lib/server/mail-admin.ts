import "server-only";
// E-mail that did not arrive, for administrators (/veileder/e-post): messages the mail server
// refused for good or that ran out of attempts, and messages whose sending stopped mid-way (a
// crash: nobody knows whether they left, so they are never sent again by themselves; see
// lib/server/mail.ts). The administrator sends one again by hand, and that is audited. The text
// of a message is never shown here: it may hold a one-time link (a password reset) that would let
// the reader into the recipient's account, and it is the recipient's letter, not the admin's.
// A message for an account is sent again to the account's address as it is now (resendRecipient
// in lib/domain/mail-delivery.ts): the list says so where it has changed.
import { mailDeliveryState, needsAdministrator, resendProblem, resendRecipient, staleClaimCutoff } from "@/lib/domain/mail-delivery";
import { canReadAuditLog } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

/** The newest this many are listed (a mail server that is down for days is found long before). */
export const UNDELIVERED_LIST_LIMIT = 200;

function requireAdmin(viewer: Viewer): void {
  // The same people as the audit log: the list names every recipient.
  if (!canReadAuditLog(viewer)) throw new AccessDeniedError("Bare administratorer ser e-post som ikke kom fram.");
}

const UNDELIVERED_SELECT = {
  id: true,
  to: true,
  subject: true,
  createdAt: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  failedAt: true,
  sendingSince: true,
  dedupeKey: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

/**
 * The rows that are GIVEN_UP or UNKNOWN at `now` (lib/domain/mail-delivery.ts, with its cut-off),
 * read as such: messages still on their way are not read at all, so a batch of letters being
 * sent cannot fill the list and hide the older ones that are stuck. The states are still taken
 * from the rule for each row read.
 */
function needingAdministrator(now: Date) {
  return { sentAt: null, OR: [{ failedAt: { not: null } }, { sendingSince: { lte: staleClaimCutoff(now) } }] };
}

/** The messages only an administrator can get moving again, newest first. */
export async function listUndeliveredMail(viewer: Viewer, now = new Date()) {
  requireAdmin(viewer);
  // One more than is shown, to know whether any were left out.
  const rows = await db().mailMessage.findMany({
    where: needingAdministrator(now),
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: UNDELIVERED_LIST_LIMIT + 1,
    select: UNDELIVERED_SELECT,
  });
  const mails = rows
    .slice(0, UNDELIVERED_LIST_LIMIT)
    .map(({ dedupeKey, user, ...row }) => ({
      ...row,
      user: user ? { id: user.id, name: user.name } : null,
      state: mailDeliveryState(row, now),
      /** Where "Send på nytt" sends it: `to`, or the account's address now. */
      resendTo: resendRecipient({ to: row.to, dedupeKey }, user?.email ?? null),
    }))
    .filter((row) => needsAdministrator(row.state));
  // The page says only the newest are shown.
  return { mails, truncated: rows.length > UNDELIVERED_LIST_LIMIT };
}

/**
 * How many messages wait for an administrator, for the to-do list on the adviser home: null for
 * anyone who may not see them (nothing is read).
 */
export async function countUndeliveredMail(viewer: Viewer, now = new Date()): Promise<{ count: number } | null> {
  if (!canReadAuditLog(viewer)) return null;
  return { count: await db().mailMessage.count({ where: needingAdministrator(now) }) };
}

export type UndeliveredMail = Awaited<ReturnType<typeof listUndeliveredMail>>["mails"][number];

/**
 * Puts a message that was given up, or whose sending stopped mid-way, back in the queue with all
 * its attempts again, to the address resendRecipient names (the audit entry has both). Refused
 * for a message that is sent or still on its way (the queue sends it).
 */
export async function resendMail(viewer: Viewer, input: { mailId: string }, now = new Date()) {
  requireAdmin(viewer);
  return db().$transaction(async (tx) => {
    // Locked, so the mail job cannot claim it between the check and the change.
    const [row] = await tx.$queryRaw<
      { id: string; dedupeKey: string; userId: string | null; to: string; subject: string; attempts: number; lastError: string | null; sentAt: Date | null; failedAt: Date | null; sendingSince: Date | null }[]
    >`
      SELECT "id", "dedupeKey", "userId", "to", "subject", "attempts", "lastError", "sentAt", "failedAt", "sendingSince"
      FROM "MailMessage" WHERE "id" = ${input.mailId} FOR UPDATE`;
    if (!row) throw new NotFoundError("Fant ikke e-posten.");
    const state = mailDeliveryState(row, now);
    const problem = resendProblem(state);
    if (problem) throw new DomainError(problem);
    // The account's address under a share lock: a change of address waits until this commits.
    const [account] = row.userId
      ? await tx.$queryRaw<{ email: string }[]>`SELECT "email" FROM "User" WHERE "id" = ${row.userId} FOR SHARE`
      : [];
    const to = resendRecipient(row, account?.email ?? null);
    await tx.mailMessage.update({
      where: { id: row.id },
      data: { to, failedAt: null, sendingSince: null, attempts: 0, nextAttemptAt: now },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "mail.resend",
      entityType: "MailMessage",
      entityId: row.id,
      before: { state, attempts: row.attempts, lastError: row.lastError, failedAt: row.failedAt, sendingSince: row.sendingSince, to: row.to },
      after: { state: "WAITING", attempts: 0, to, subject: row.subject },
    });
    return { to, subject: row.subject };
  });
}
