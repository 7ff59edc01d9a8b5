import "server-only";
// E-mail verification for self-registered applicants: a link is sent at registration (and again
// on request); using it marks the address verified. Until then the applicant can fill in a draft
// but not submit it (lib/server/applications/submission.ts).
import type { Transaction } from "@/lib/db/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { issueToken, lockUsableToken, markTokenUsed } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
import type { Viewer } from "@/lib/server/viewer";
import { queueVerificationMail } from "./account-mail";

export const INVALID_VERIFICATION_LINK =
  "Lenken virker ikke. Den kan være brukt før, ha gått ut, eller gjelde en e-postadresse kontoen ikke bruker lenger.";

/** Issues a verification link for the user's current address and queues its e-mail (in `tx`). */
export async function sendVerificationLink(tx: Transaction, user: { id: string; email: string; name: string }) {
  const link = await issueToken(tx, { userId: user.id, purpose: "EMAIL_VERIFICATION", email: user.email });
  await queueVerificationMail(tx, { tokenId: link.id, token: link.token, expiresAt: link.expiresAt, userId: user.id, to: user.email, name: user.name });
  return link.expiresAt;
}

/** "Send lenken på nytt": a new link (the old ones stop working), at most a few per hour. */
export async function resendVerificationLink(viewer: Viewer): Promise<{ email: string }> {
  if (viewer.emailVerified) throw new DomainError("E-postadressen din er allerede bekreftet.");
  await enforceRateLimit(RATE_LIMITS.linkMailUser(viewer.id));
  const email = await db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { id: true, email: true, name: true, emailVerifiedAt: true } });
    if (user.emailVerifiedAt) throw new DomainError("E-postadressen din er allerede bekreftet.");
    await sendVerificationLink(tx, user);
    return user.email;
  });
  await requestJob("mail.deliver");
  return { email };
}

/** Uses a verification link: the address it was sent to is verified, if the account still uses it. */
export async function verifyEmail(token: string, now = new Date()): Promise<{ email: string }> {
  return db().$transaction(async (tx) => {
    const link = await lockUsableToken(tx, token, "EMAIL_VERIFICATION", now);
    if (!link) throw new DomainError(INVALID_VERIFICATION_LINK);
    const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { email: true, emailVerifiedAt: true, disabledAt: true } });
    if (user.disabledAt || user.email !== link.email) throw new DomainError(INVALID_VERIFICATION_LINK);
    await markTokenUsed(tx, link.id, now);
    if (!user.emailVerifiedAt) {
      await tx.user.update({ where: { id: link.userId }, data: { emailVerifiedAt: now } });
      await audit(tx, {
        actorId: link.userId,
        action: "user.verify-email",
        entityType: "User",
        entityId: link.userId,
        before: { emailVerifiedAt: null },
        after: { email: user.email, emailVerifiedAt: now },
      });
    }
    return { email: user.email };
  });
}
