import "server-only";
// Setting a password from a link (reset, invitation) or on "Min konto": one place that does all
// that a new password means. Every other session of the user ends, every reset or invitation
// link still out there stops working, the account's failed sign-ins are forgotten (its owner has
// proved who they are), and the owner is told by e-mail.
import type { Transaction } from "@/lib/db/client";
import { audit } from "@/lib/server/audit";
import { endAllSessions } from "@/lib/server/auth/sessions";
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
    action: "user.password-reset" | "user.invitation-accept" | "user.password-change";
    /** Unique for the notice e-mail's dedupe key (the token id, or the session and moment); null: no notice (a first password). */
    noticeKey: string | null;
    now: Date;
  },
): Promise<{ endedSessions: number }> {
  const { user, now } = input;
  const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { emailVerifiedAt: true, passwordHash: true } });
  await tx.user.update({
    where: { id: user.id },
    data: { passwordHash: input.passwordHash, ...(input.verifiesEmail && !before.emailVerifiedAt ? { emailVerifiedAt: now } : {}) },
  });
  await tx.accountToken.updateMany({
    where: { userId: user.id, purpose: { in: ["PASSWORD_RESET", "INVITATION"] }, usedAt: null },
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
