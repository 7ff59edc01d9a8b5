import "server-only";
import { auth } from "@/lib/server/auth";

/** The Session row id named by this request's cookie, if any. (Tests replace this module.) */
export async function currentSessionId(): Promise<string | null> {
  const session = await auth();
  return session?.sid ?? null;
}
