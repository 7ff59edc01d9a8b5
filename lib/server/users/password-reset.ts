import "server-only";
// "Glemt passord": a link by e-mail to choose a new password. The request is answered the same
// way whether or not the address has an account (the action redirects to one page for both), a
// random token is stored only as its hash, it works for 60 minutes and once, and the new password
// ends every session of the user (lib/server/users/passwords.ts). Audited.
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { hashPassword } from "@/lib/server/auth/password";
import { issueToken, lockUsableToken, markTokenUsed, peekToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { consumeRateLimit, enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import { queuePasswordResetMail } from "./account-mail";
import { assertPasswordAllowed } from "./create-account";
import { storeNewPassword } from "./passwords";

export const INVALID_RESET_LINK =
  "Lenken virker ikke lenger. Den gjelder i 60 minutter og kan brukes én gang. Be om en ny lenke under.";

/**
 * Queues a reset link when `email` belongs to an active account; otherwise does nothing. The
 * caller answers the same either way. Limits: per client address (a Norwegian error, the same for
 * every address), and per e-mail address (silently: nothing more is sent, so nobody can flood an
 * inbox, and the answer still tells nothing).
 */
export async function requestPasswordReset(email: string, context: { clientAddress: string | null }, now = new Date()): Promise<void> {
  if (context.clientAddress) await enforceRateLimit(RATE_LIMITS.passwordResetAddress(context.clientAddress), { now });
  const perAddress = await consumeRateLimit(RATE_LIMITS.passwordResetEmail(email), { now });
  if (!perAddress.allowed) return;
  const queued = await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (!user || user.disabledAt) return false;
    const link = await issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET", now });
    await queuePasswordResetMail(tx, { tokenId: link.id, token: link.token, expiresAt: link.expiresAt, userId: user.id, to: user.email, name: user.name });
    await audit(tx, {
      actorId: null,
      action: "user.password-reset-request",
      entityType: "User",
      entityId: user.id,
      after: { expiresAt: link.expiresAt, clientAddress: context.clientAddress },
    });
    return true;
  });
  if (queued) await requestJob("mail.deliver");
}

/** For the page behind the link: whose link it is, if it still works. */
export async function passwordResetLink(token: string, now = new Date()) {
  return peekToken(db(), token, "PASSWORD_RESET", now);
}

/** Uses a reset link: the new password, every session ended. Returns the address (to sign in). */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const preview = await passwordResetLink(token, now);
  if (!preview) throw new DomainError(INVALID_RESET_LINK);
  assertPasswordAllowed(password, preview.user.email);
  const passwordHash = await hashPassword(password);
  const result = await db().$transaction(async (tx) => {
    const link = await lockUsableToken(tx, token, "PASSWORD_RESET", now);
    if (!link) throw new DomainError(INVALID_RESET_LINK);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, email: true, name: true, disabledAt: true } });
    if (user.disabledAt) throw new DomainError(INVALID_RESET_LINK);
    await markTokenUsed(tx, link.id, now);
    await storeNewPassword(tx, { user, passwordHash, verifiesEmail: true, action: "user.password-reset", noticeKey: link.id, now });
    return { email: user.email };
  });
  await requestJob("mail.deliver");
  return result;
}
