import "server-only";
// The `maintenance.cleanup` job: removes what has done its work. Rate-limit rows whose window has
// ended, sessions past their absolute or idle limit, and one-time links used or expired more than
// a day ago. Idempotent; safe on several instances at once (each DELETE is one statement).
import { deleteEndedSessions } from "@/lib/server/auth/sessions";
import { deleteSpentTokens } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { deleteExpiredRateLimits } from "@/lib/server/rate-limit";

export async function cleanUpExpiredAccountData(now = new Date()) {
  const [rateLimits, sessions, tokens] = await Promise.all([
    deleteExpiredRateLimits(now, db()),
    deleteEndedSessions(db(), now),
    deleteSpentTokens(db(), now),
  ]);
  return { rateLimits, sessions, tokens };
}
