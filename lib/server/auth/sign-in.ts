import "server-only";
// Sign-in with e-mail and password, throttled in PostgreSQL (lib/server/rate-limit.ts):
//
// - per account: 10 failed sign-ins within 15 minutes, from anywhere, stop further guesses at
//   that account until the window ends. The window is fixed, so the owner always gets in again
//   after it; a password reset clears it at once.
// - per client address (when the trusted proxy header is configured): 15 failed sign-ins within
//   15 minutes, whatever accounts they name, slow down spraying one password over many accounts.
//
// The tickets are taken BEFORE the password is checked and given back when it was right, so the
// count and the decision are one atomic step: of 30 simultaneous wrong passwords for one account
// at most 10 are ever checked. A refused attempt checks no password at all.
import { db } from "@/lib/server/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/server/auth/password";
import { createSession } from "@/lib/server/auth/sessions";
import { consumeRateLimit, RATE_LIMITS, RateLimitedError, refundRateLimit, type RateLimitTicket } from "@/lib/server/rate-limit";

export interface PasswordSignIn {
  email: string;
  password: string;
  /** From the trusted proxy header; null when unknown (then only the per-account limit applies). */
  clientAddress: string | null;
  userAgent: string | null;
}

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; error: RateLimitedError };

export async function signInWithPassword(input: PasswordSignIn, now = new Date()): Promise<SignInOutcome> {
  const rules = [RATE_LIMITS.signInAccount(input.email), ...(input.clientAddress ? [RATE_LIMITS.signInAddress(input.clientAddress)] : [])];
  const tickets = await Promise.all(rules.map((rule) => consumeRateLimit(rule, { now })));
  const refused = tickets.findIndex((ticket) => !ticket.allowed);
  if (refused >= 0) {
    // No password was checked: the other limits' tickets go back.
    await refundAll(tickets);
    const ticket = tickets[refused]!;
    console.warn(`[auth] Innlogging stoppet av grensen ${ticket.key.split(":").slice(0, 2).join(":")} til ${ticket.resetAt.toISOString()}`);
    return { ok: false, reason: "limited", error: new RateLimitedError(ticket.resetAt, rules[refused]!.message, now) };
  }

  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  // Hashing even when there is no account keeps the answer time the same, so the form does not
  // tell which addresses have accounts.
  const valid = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || user.disabledAt) {
    // One short line per failure; never the password, and the address only as the proxy gave it.
    console.warn(`[auth] Mislykket innlogging${input.clientAddress ? ` fra ${input.clientAddress}` : ""}: feil e-post eller passord.`);
    return { ok: false, reason: "invalid" };
  }
  await refundAll(tickets);
  const sessionId = await createSession(db(), user.id, input.userAgent, now);
  return { ok: true, userId: user.id, sessionId };
}

async function refundAll(tickets: RateLimitTicket[]) {
  await Promise.all(tickets.filter((ticket) => ticket.allowed).map((ticket) => refundRateLimit(ticket)));
}
