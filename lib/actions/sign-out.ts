"use server";
import { signOut } from "@/lib/server/auth";
import { endSession } from "@/lib/server/auth/sessions";
import { db } from "@/lib/server/db";
import { getViewer } from "@/lib/server/viewer";

/** Ends the session on the server (the cookie is worthless afterwards) and clears the cookie. */
export async function signOutEverywhereHere(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await endSession(db(), viewer.sessionId);
  await signOut({ redirectTo: "/login?utlogget=1" });
}
