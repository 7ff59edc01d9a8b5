import "server-only";
// Who is asking. Every page, server action and route handler starts here; the proxy only
// redirects signed-out visitors for convenience and is never the guard.
import { cache } from "react";
import { redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { currentSessionId } from "@/lib/server/auth/current-session";
import { db } from "@/lib/server/db";
import { hasAnyRole } from "@/lib/permissions";

export interface Viewer {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  sessionId: string;
}

/** Looks up a session row; null when it is gone, expired, or its account is disabled. */
export async function resolveViewer(sessionId: string | null, now = new Date()): Promise<Viewer | null> {
  if (!sessionId) return null;
  const session = await db().session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, roles: true, disabledAt: true } },
    },
  });
  if (!session || session.expiresAt <= now || session.user.disabledAt) return null;
  const { id, email, name, roles } = session.user;
  return { id, email, name, roles, sessionId };
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
