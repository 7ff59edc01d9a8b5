import "server-only";
// Setting a password from a link (reset, invitation) or on "Min konto": one place that does all
// that a new password means. Every other session of the user ends, every reset, invitation or
// change-of-address link still out there stops working (a change of address asked for by whoever
// had the old password must not outlive the owner's recovery: it would take the account over), the
// account's failed sign-ins are forgotten (its owner has proved who they are), and the owner is
// told by e-mail. A change on "Min konto" names the password it checked: should another change (a
// reset) have come in between, it is refused, never written over it.
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { endAllSessions } from "@/lib/server/auth/sessions";
import { DomainError } from "@/lib/server/errors";
import { clearRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { queuePasswordChangedNotice } from "./account-mail";

export async function storeNewPassword(
  tx: Transaction,
  input: {
    user: { id: string; email: string; name: string };
    passwordHash: string;
    /** The link's address proved it receives our mail (reset, invitation). */
    verifiesEmail: boolean;
    /** The session that stays (a change on "Min konto"); none after a link. */
    keepSessionId?: string;
    /** The password hash the change was checked against ("Min konto"): it must still be the stored one. */
    checkedPasswordHash?: string;
    action: "user.password-reset" | "user.invitation-accept" | "user.password-change";
    /** Unique for the notice e-mail's dedupe key (the token id, or the session and moment); null: no notice (a first password). */
    noticeKey: string | null;
    now: Date;
  },
): Promise<{ endedSessions: number }> {
  const { user, now } = input;
  // The user's row first: two new passwords at once are written one after the other.
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
  const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true, passwordHash: true } });
  if (input.checkedPasswordHash !== undefined) {
    await refuseIfPasswordReplaced(tx, { userId: user.id, checkedPasswordHash: input.checkedPasswordHash, keepSessionId: input.keepSessionId });
  }
  await tx.user.update({
    where: { id: user.id },
    data: { passwordHash: input.passwordHash, ...(input.verifiesEmail && !before.emailVerifiedAt ? { emailVerifiedAt: now } : {}) },
  });
  await tx.accountToken.updateMany({
    where: { userId: user.id, purpose: { in: ["PASSWORD_RESET", "INVITATION", "EMAIL_CHANGE"] }, usedAt: null },
    data: { usedAt: now },
  });
  const endedSessions = await endAllSessions(tx, user.id, input.keepSessionId);
  await clearRateLimit(RATE_LIMITS.signInAccount(user.email).key, { client: tx });
  await audit(tx, {
    actorId: user.id,
    action: input.action,
    entityType: "User",
    entityId: user.id,
    before: { hadPassword: before.passwordHash !== null, emailVerified: before.emailVerifiedAt !== null },
    after: { endedSessions, emailVerified: before.emailVerifiedAt !== null || input.verifiesEmail },
  });
  if (input.noticeKey) await queuePasswordChangedNotice(tx, { key: input.noticeKey, userId: user.id, to: user.email, name: user.name, at: now });
  return { endedSessions };
}

export const PASSWORD_REPLACED_MESSAGE = "Passordet er endret et annet sted mens du skrev, og du er logget ut. Logg inn med det nye passordet.";

/**
 * For a change made on the strength of the current password (checked before the transaction): the
 * user's row locked, the password still the one checked and the session still alive, or refused.
 * A reset or «Logg ut på alle enheter» in between (the owner recovering the account) wins.
 */
export async function refuseIfPasswordReplaced(tx: Transaction, input: { userId: string; checkedPasswordHash: string; keepSessionId?: string }) {
  const [row] = await tx.$queryRaw<{ passwordHash: string | null }[]>`SELECT "passwordHash" FROM "User" WHERE "id" = ${input.userId} FOR UPDATE`;
  const sessionStands = input.keepSessionId ? (await tx.session.count({ where: { id: input.keepSessionId, userId: input.userId } })) > 0 : true;
  if (!row || row.passwordHash !== input.checkedPasswordHash || !sessionStands) throw new DomainError(PASSWORD_REPLACED_MESSAGE);
}
