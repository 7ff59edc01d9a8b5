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
}

/**
 * Looks up a session row; null when it is gone, past its absolute limit, idle for too long
 * (lib/server/auth/sessions.ts), or its account is disabled. A live session's `lastSeenAt` is
 * written only when it is older than a few minutes, not on every request.
 */
export async function resolveViewer(sessionId: string | null, now = new Date()): Promise<Viewer | null> {
  // Session ids are 43 base64url characters; anything else (a forged cookie) is not looked up.
  if (!sessionId || !/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  // One statement: the session row joined to its user (a nested select would be two).
  const [row] = await db().$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", s."lastSeenAt", u."id", u."email", u."name", u."roles"::text[] AS "roles", u."disabledAt", u."emailVerifiedAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}`;
  const session = row ? { expiresAt: row.expiresAt, lastSeenAt: row.lastSeenAt, user: row } : null;
  if (!session || session.user.disabledAt) return null;
  if (!sessionAlive(session, now)) {
    await endSession(db(), sessionId);
    return null;
  }
  if (sessionNeedsTouch(session, now)) await touchSession(db(), sessionId, now);
  const { id, email, name, roles, emailVerifiedAt } = session.user;
  return { id, email, name, roles, sessionId, emailVerified: emailVerifiedAt !== null };
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
