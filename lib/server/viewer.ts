import "server-only";
// Who is asking. Every page, server action and route handler starts here; the proxy only
// redirects signed-out visitors for convenience and is never the guard.
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { currentSessionId } from "@/lib/server/auth/current-session";
import { endSession, sessionAlive, sessionNeedsTouch, touchSession } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import { hasAnyRole } from "@/lib/permissions";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
  /** The person has used a link sent to `email` (see User.emailVerifiedAt). */
  emailVerified: boolean;
  /**
   * A student's letters she has not opened (the «Brev» link in her menu says how many), read in
   * the session's own statement; 0 for anyone else. Absent where a viewer is made without a session row.
   */
  newLetters?: number;
}

interface SessionRow {
  expiresAt: Date;
  lastSeenAt: Date;
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabledAt: Date | null;
  emailVerifiedAt: Date | null;
  newLetters: number;
}

/**
 * Looks up a session row; null when it is gone, past its absolute limit, idle for too long
 * (lib/server/auth/sessions.ts), or its account is disabled. A live session's `lastSeenAt` is
 * written only when it is older than a few minutes, not on every request.
 */
export async function resolveViewer(sessionId: string | null, now = new Date()): Promise<Viewer | null> {
  // Session ids are 43 base64url characters; anything else (a forged cookie) is not looked up.
  if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  // One statement: the session row joined to its user (a nested select would be two), and for a
  // student the letters she has not opened (StudentLetterOpening; an index on the letter's user).
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."lastSeenAt", u."id", u."email", u."name", u."roles"::text[] AS "roles", u."disabledAt", u."emailVerifiedAt",
      CASE WHEN 'STUDENT' = ANY(u."roles"::text[]) THEN (
        SELECT count(*) FROM "StudentLetter" l
        WHERE l."userId" = u."id" AND NOT EXISTS (SELECT 1 FROM "StudentLetterOpening" o WHERE o."letterId" = l."id")
      ) ELSE 0 END::int AS "newLetters"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  const session = row ? { expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, user: row } : null;
  if (!session || session.user.disabledAt) return null;
  if (!sessionAlive(session, now)) {
    await endSession(db(), sessionId);
    return null;
  }
  if (sessionNeedsTouch(session, now)) await touchSession(db(), sessionId, now);
  const { id, email, name, roles, emailVerifiedAt, newLetters } = session.user;
  return { id, email, name, roles, sessionId, emailVerified: emailVerifiedAt !== null, newLetters };
}

/** The signed-in viewer of this request, or null. Cached for the request. */
export const getViewer = cache(async (): Promise<Viewer | null> => resolveViewer(await currentSessionId()));

/** For pages: the viewer, or a redirect to the sign-in page. */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(returnTo ? `/login?neste=${encodeURIComponent(returnTo)}` : "/login");
  return viewer;
}

/** For pages: the viewer if they hold one of `roles`; otherwise a redirect to "no access". */
export async function requirePageRole(roles: readonly Role[], returnTo?: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!hasAnyRole(viewer, roles)) redirect("/ingen-tilgang");
  return viewer;
}
