import "server-only";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";

/** A session lasts at most this long after sign-in; then the user signs in again. */
export const SESSION_MAX_AGE_SECONDS = 10 * 60 * 60;

export async function createSession(db: Database, userId: string, userAgent: string | null): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  // Housekeeping at sign-in: this user's expired sessions go.
  await db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } });
  await db.session.create({
    data: {
      id,
      userId,
      userAgent: userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return id;
}

/** Ends one session: a replayed cookie naming it gets nothing afterwards. */
export async function endSession(db: Database, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user (account disabled, password changed). */
export async function endAllSessions(db: Database, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
