import "server-only";
// "Min konto": what every signed-in person can do with their own account. Change the password
// (the current one is required, and every other session ends), change the e-mail address (it
// changes only when the link sent to the new address is used; the old address is told), and sign
// out of every device.
import { Prisma } from "@/lib/generated/prisma/client";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { endAllSessions } from "@/lib/server/auth/sessions";
import { issueToken, lockUsableToken, markTokenUsed } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { consumeRateLimit, enforceRateLimit, RATE_LIMITS, RateLimitedError, refundRateLimit } from "@/lib/server/rate-limit";
import type { Viewer } from "@/lib/server/viewer";
import { queueEmailChangedNotice, queueEmailChangeMails } from "./account-mail";
import { assertPasswordAllowed } from "./create-account";
import { refuseIfPasswordReplaced, storeNewPassword } from "./passwords";

export const INVALID_EMAIL_CHANGE_LINK =
  "Lenken virker ikke lenger. Den gjelder i 24 timer og kan brukes én gang. Be om en ny under Min konto.";

/** What "Min konto" shows. */
export async function getMyAccount(viewer: Viewer, now = new Date()) {
  const [user, sessions] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: viewer.id },
      select: {
        name: true,
        email: true,
        roles: true,
        emailVerifiedAt: true,
        passwordHash: true,
        feideSubject: true,
        accountTokens: {
          where: { purpose: "EMAIL_CHANGE", usedAt: null, expiresAt: { gt: now } },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { email: true, expiresAt: true },
        },
      },
    }),
    db().session.count({ where: { userId: viewer.id } }),
  ]);
  const calendarFeed = (await db().calendarFeed.count({ where: { userId: viewer.id, revokedAt: null } })) > 0;
  const pending = user.accountTokens[0];
  return {
    name: user.name,
    email: user.email,
    roles: user.roles,
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    feideLinked: user.feideSubject !== null,
    pendingEmailChange: pending?.email ? { email: pending.email, expiresAt: pending.expiresAt } : null,
    sessions,
    /** A calendar link that works now (ended by «Logg ut på alle enheter» too). */
    calendarFeed,
  };
}

/**
 * Checks the current password, at most a few wrong ones per quarter of an hour (a session left
 * open on a shared computer must not become a way to guess the password).
 */
async function requireCurrentPassword(viewer: Viewer, password: string, field: string) {
  const ticket = await consumeRateLimit(RATE_LIMITS.currentPassword(viewer.id));
  if (!ticket.allowed) {
    const error = new RateLimitedError(ticket.resetAt, RATE_LIMITS.currentPassword(viewer.id).message);
    throw new DomainError(error.message, { [field]: [error.message] });
  }
  const user = await db().user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user.passwordHash) {
    throw new DomainError("Kontoen din har ikke passord ennå. Velg «Glemt passord» på innloggingssiden for å lage et.", {
      [field]: ["Kontoen har ikke passord ennå."],
    });
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw new DomainError("Passordet du skrev som nåværende passord, er feil.", { [field]: ["Feil passord."] });
  }
  await refundRateLimit(ticket);
  return user.passwordHash;
}

export async function changePassword(viewer: Viewer, input: { currentPassword: string; newPassword: string }, now = new Date()) {
  const checkedPasswordHash = await requireCurrentPassword(viewer, input.currentPassword, "currentPassword");
  assertPasswordAllowed(input.newPassword, viewer.email, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  const result = await db().$transaction((tx) =>
    storeNewPassword(tx, {
      user: { id: viewer.id, email: viewer.email, name: viewer.name },
      passwordHash,
      verifiesEmail: false,
      keepSessionId: viewer.sessionId,
      checkedPasswordHash,
      action: "user.password-change",
      noticeKey: `${viewer.sessionId}:${now.getTime()}`,
      now,
    }),
  );
  await requestJob("mail.deliver");
  return result;
}

export async function requestEmailChange(viewer: Viewer, input: { newEmail: string; currentPassword: string }, now = new Date()) {
  if (input.newEmail === viewer.email) {
    throw new DomainError("Dette er allerede e-postadressen din.", { newEmail: ["Dette er allerede e-postadressen din."] });
  }
  const checkedPasswordHash = await requireCurrentPassword(viewer, input.currentPassword, "emailPassword");
  await enforceRateLimit(RATE_LIMITS.linkMailUser(viewer.id), { now });
  const expiresAt = await db().$transaction(async (tx) => {
    // The password checked must still stand, and this session with it: a reset in between (the
    // owner recovering the account) voids every link, so none may be issued after it.
    await refuseIfPasswordReplaced(tx, { userId: viewer.id, checkedPasswordHash, keepSessionId: viewer.sessionId });
    const taken = await tx.user.findUnique({ where: { email: input.newEmail }, select: { id: true } });
    if (taken) throw new DomainError("Den adressen brukes av en annen konto.", { newEmail: ["Den adressen brukes av en annen konto."] });
    const link = await issueToken(tx, { userId: viewer.id, purpose: "EMAIL_CHANGE", email: input.newEmail, now });
    await queueEmailChangeMails(tx, {
      tokenId: link.id,
      token: link.token,
      expiresAt: link.expiresAt,
      userId: viewer.id,
      to: input.newEmail,
      name: viewer.name,
      oldAddress: viewer.email,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.email-change-request",
      entityType: "User",
      entityId: viewer.id,
      before: { email: viewer.email },
      after: { requestedEmail: input.newEmail, expiresAt: link.expiresAt },
    });
    return link.expiresAt;
  });
  await requestJob("mail.deliver");
  return { expiresAt };
}

/** Uses the link sent to the new address: the account's address changes, and counts as verified. */
export async function confirmEmailChange(token: string, now = new Date()): Promise<{ email: string }> {
  try {
    const result = await db().$transaction(async (tx) => {
      const link = await lockUsableToken(tx, token, "EMAIL_CHANGE", now);
      if (!link?.email) throw new DomainError(INVALID_EMAIL_CHANGE_LINK);
      const user = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: { id: true, email: true, name: true, disabledAt: true } });
      if (user.disabledAt) throw new DomainError(INVALID_EMAIL_CHANGE_LINK);
      await markTokenUsed(tx, link.id, now);
      await tx.user.update({ where: { id: user.id }, data: { email: link.email, emailVerifiedAt: now } });
      // Links sent to the old address (a reset, a verification) must not work any more.
      await tx.accountToken.updateMany({
        where: { userId: user.id, purpose: { in: ["PASSWORD_RESET", "EMAIL_VERIFICATION", "EMAIL_CHANGE"] }, usedAt: null },
        data: { usedAt: now },
      });
      await audit(tx, {
        actorId: user.id,
        action: "user.email-change",
        entityType: "User",
        entityId: user.id,
        before: { email: user.email },
        after: { email: link.email, emailVerifiedAt: now },
      });
      await queueEmailChangedNotice(tx, { tokenId: link.id, userId: user.id, oldAddress: user.email, newAddress: link.email, name: user.name });
      return { email: link.email };
    });
    await requestJob("mail.deliver");
    return result;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainError("Adressen er tatt i bruk av en annen konto siden du ba om endringen. Velg en annen adresse under Min konto.");
    }
    throw error;
  }
}

/**
 * Ends every session of the viewer, this one included, voids a change of address still out (the
 * warning to the old address tells the owner this makes her account safe again), and ends a
 * calendar link: its address is a key to her timetable that may have gone with the lost phone.
 */
export async function signOutEverywhere(viewer: Viewer, now = new Date()): Promise<number> {
  return db().$transaction(async (tx) => {
    const ended = await endAllSessions(tx, viewer.id);
    const voided = await tx.accountToken.updateMany({ where: { userId: viewer.id, purpose: "EMAIL_CHANGE", usedAt: null }, data: { usedAt: now } });
    const feeds = await tx.calendarFeed.updateMany({ where: { userId: viewer.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: "user.sign-out-everywhere",
      entityType: "User",
      entityId: viewer.id,
      after: { endedSessions: ended, voidedEmailChanges: voided.count, endedCalendarLinks: feeds.count },
    });
    return ended;
  });
}
