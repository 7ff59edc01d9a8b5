import "server-only";
// Sign-in with e-mail and password, throttled in PostgreSQL (lib/server/rate-limit.ts):
//
// - per account: 10 failed sign-ins within 15 minutes, from anywhere, stop further guesses at
//   that account until the window ends. The window is fixed, so the owner always gets in again
//   after it; a password reset clears it at once.
// - per account and client address (when the trusted proxy header is configured): 5 failed
//   sign-ins within 15 minutes. One address reaches this before the account's limit, so a single
//   address can never keep a known person locked out, however long it keeps trying.
// - per client address (when the trusted proxy header is configured): 15 failed sign-ins within
//   15 minutes, whatever accounts they name, slow down spraying one password over many accounts.
//
// The tickets are taken BEFORE the password is checked and given back when it was right, so the
// count and the decision are one atomic step: of 30 simultaneous wrong passwords for one account
// at most 10 are ever checked. A refused attempt checks no password at all.
//
// Someone who has just proved they own the account by e-mail (a password reset, an accepted
// invitation) signs in with an owner's grant: a short-lived signature over the address, made on
// the server and never sent to a browser. The per-account limits do not hold that sign-in (others
// may be keeping the account locked), so the owner can always reset the password and get in; the
// password is still checked, and the per-address limit still applies.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { db } from "@/lib/server/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/server/auth/password";
import { createSessionForPassword } from "@/lib/server/auth/sessions";
import { consumeRateLimit, RATE_LIMITS, RateLimitedError, refundRateLimit, type RateLimitTicket } from "@/lib/server/rate-limit";

export interface PasswordSignIn {
  email: string;
  password: string;
  /** From the trusted proxy header; null when unknown (then only the per-account limit applies). */
  clientAddress: string | null;
  userAgent: string | null;
  /** From ownerSignInGrant, right after the owner proved themselves by e-mail. */
  ownerGrant?: string | null;
}

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "limited"; error: RateLimitedError };

/** How long an owner's grant is good for: the sign-in that follows the reset, in the same request. */
export const OWNER_GRANT_SECONDS = 120;

function grantSignature(email: string, expiresAt: number): Buffer {
  return createHmac("sha256", env().AUTH_SECRET).update(`owner-sign-in:${email}:${expiresAt}`).digest();
}

/** A grant for the owner of `email`, who has just proved they receive its mail. Server-side only. */
export function ownerSignInGrant(email: string, now = new Date()): string {
  const expiresAt = now.getTime() + OWNER_GRANT_SECONDS * 1000;
  return `${expiresAt}.${grantSignature(email, expiresAt).toString("base64url")}`;
}

/** Whether `grant` was made by ownerSignInGrant for this address and has not expired. */
export function isOwnerGrantValid(grant: string | null | undefined, email: string, now = new Date()): boolean {
  if (typeof grant !== "string" || grant.length > 200) return false;
  const match = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(grant);
  if (!match) return false;
  const expiresAt = Number(match[1]);
  if (!(now.getTime() < expiresAt && expiresAt - now.getTime() <= OWNER_GRANT_SECONDS * 1000)) return false;
  const given = Buffer.from(match[2]!, "base64url");
  const expected = grantSignature(email, expiresAt);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function signInWithPassword(input: PasswordSignIn, now = new Date()): Promise<SignInOutcome> {
  const owner = isOwnerGrantValid(input.ownerGrant, input.email, now);
  const rules = [
    ...(owner ? [] : [RATE_LIMITS.signInAccount(input.email)]),
    ...(input.clientAddress
      ? [...(owner ? [] : [RATE_LIMITS.signInAccountAddress(input.email, input.clientAddress)]), RATE_LIMITS.signInAddress(input.clientAddress)]
      : []),
  ];
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
  // Only while the password checked is still the account's (a reset may have replaced it meanwhile).
  const sessionId = await createSessionForPassword(db(), user.id, user.passwordHash!, input.userAgent, now);
  if (!sessionId) {
    console.warn(`[auth] Mislykket innlogging${input.clientAddress ? ` fra ${input.clientAddress}` : ""}: passordet ble endret under innloggingen.`);
    return { ok: false, reason: "invalid" };
  }
  await refundAll(tickets);
  return { ok: true, userId: user.id, sessionId };
}

async function refundAll(tickets: RateLimitTicket[]) {
  await Promise.all(tickets.filter((ticket) => ticket.allowed).map((ticket) => refundRateLimit(ticket)));
}
