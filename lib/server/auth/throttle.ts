import "server-only";
import type { Database } from "@/lib/db/client";

/** After this many failed sign-ins for one e-mail address within the window, refuse for a while. */
export const MAX_FAILED_SIGN_INS = 10;
export const SIGN_IN_WINDOW_MINUTES = 15;

export async function signInLocked(db: Database, email: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const failures = await db.signInAttempt.count({ where: { email, succeeded: false, at: { gte: since } } });
  return failures >= MAX_FAILED_SIGN_INS;
}

export async function recordSignIn(db: Database, email: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, succeeded } });
  // Attempts older than a day have done their work; keep the table small.
  if (Math.random() < 0.05) {
    await db.signInAttempt.deleteMany({ where: { at: { lt: new Date(Date.now() - 86_400_000) } } });
  }
}
