import "server-only";
import { randomBytes } from "node:crypto";
import type { Database, Transaction } from "@/lib/db/client";

/** A session lasts at most this long after sign-in, however active; then the user signs in again. */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

/** A session with no request for this long has ended (a computer left signed in at a desk). */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;

/**
 * How stale `lastSeenAt` may get before a request writes it again. Writing it on every request
 * would be a database write per page view; instead it is refreshed at most every five minutes,
 * and a session counts as idle only after SESSION_IDLE_SECONDS + this, so nobody is signed out
 * sooner than two hours after their last request (at most five minutes later).
 */
export const SESSION_TOUCH_INTERVAL_SECONDS = 5 * 60;

/** Housekeeping at sign-in: this user's ended sessions go. */
async function deleteUsersEndedSessions(db: Database, userId: string, now: Date) {
  await db.session.deleteMany({ where: { userId, OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: idleCutoff(now) } }] } });
}

export async function createSession(db: Database, userId: string, userAgent: string | null, now = new Date()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await deleteUsersEndedSessions(db, userId, now);
  await db.session.create({
    data: {
      id,
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return id;
}

/**
 * A session for a password sign-in, made only if the password it was checked against is still the
 * account's and the account is not disabled (null otherwise). One statement that waits for the
 * user's row: a reset or a change of password under way meanwhile (storeNewPassword locks the row,
 * writes the new hash and ends every session) is waited for, and then the checked hash no longer
 * matches. Checked before, a sign-in whose password check was running when the owner reset the
 * password would have kept a session after the reset.
 */
export async function createSessionForPassword(db: Database, userId: string, checkedHash: string, userAgent: string | null, now = new Date()): Promise<string | null> {
  const id = randomBytes(32).toString("base64url");
  await deleteUsersEndedSessions(db, userId, now);
  const created = await db.$executeRaw`
    INSERT INTO "Session" ("id", "userId", "userAgent", "createdAt", "lastSeenAt", "expiresAt")
    SELECT ${id}, u."id", ${userAgent?.slice(0, 300) ?? null}, ${now}, ${now}, ${new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000)}
    FROM "User" u
    WHERE u."id" = ${userId} AND u."passwordHash" = ${checkedHash} AND u."disabledAt" IS NULL
    FOR SHARE`;
  return created === 1 ? id : null;
}

/** Sessions whose last request is before this moment are idle (ended). */
export function idleCutoff(now: Date): Date {
  return new Date(now.getTime() - (SESSION_IDLE_SECONDS + SESSION_TOUCH_INTERVAL_SECONDS) * 1000);
}

/** Whether a session is still alive at `now`: within its absolute limit and not idle. */
export function sessionAlive(session: { expiresAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return session.expiresAt > now && session.lastSeenAt >= idleCutoff(now);
}

/** Whether this request should write `lastSeenAt` (it is older than the touch interval). */
export function sessionNeedsTouch(session: { lastSeenAt: Date }, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_SECONDS * 1000;
}

/**
 * Records activity. Conditional, so concurrent requests of one session write once, and a session
 * that was ended meanwhile stays ended.
 */
export async function touchSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.session.updateMany({
    where: { id: sessionId, lastSeenAt: { lt: new Date(now.getTime() - SESSION_TOUCH_INTERVAL_SECONDS * 1000) }, expiresAt: { gt: now } },
    data: { lastSeenAt: now },
  });
}

/** Ends one session: a replayed cookie naming it gets nothing afterwards. */
export async function endSession(db: Database | Transaction, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (account disabled, password reset), or every one but `except`. */
export async function endAllSessions(db: Database | Transaction, userId: string, except?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}

/** Removes sessions that have ended (the `maintenance.cleanup` job). */
export async function deleteEndedSessions(db: Database, now = new Date()): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lt: idleCutoff(now) } }] } });
  return count;
}
