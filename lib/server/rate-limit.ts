import "server-only";
// Rate limits kept in PostgreSQL, so they hold however many app instances share the database.
//
// ── How to use it ───────────────────────────────────────────────────────────────────────────────
//
//   import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/rate-limit";
//
//   // Throws RateLimitedError (a DomainError: defineAction shows its Norwegian message, "… Prøv
//   // igjen kl. 14.35.") when the key has used up its limit for the current window.
//   await enforceRateLimit(RATE_LIMITS.upload(viewer.id));
//   await enforceRateLimit({ key: `something:${viewer.id}`, limit: 5, windowSeconds: 600 });
//
//   // In a route handler, answer 429 with Retry-After:
//   try { await enforceRateLimit(rule) } catch (error) {
//     if (error instanceof RateLimitedError) return rateLimitedResponse(error); … }
//
//   // Count only what goes wrong (e.g. failed sign-ins): take a ticket first, give it back when
//   // the attempt turns out fine. A burst still cannot get more than `limit` past the check,
//   // because the ticket is taken before the work is done.
//   const ticket = await enforceRateLimit(rule);
//   if (succeeded) await refundRateLimit(ticket);
//
//   // Look without counting: await peekRateLimit(rule). Forget a key: await clearRateLimit(key).
//
// ── How it works ────────────────────────────────────────────────────────────────────────────────
//
// One row per key with a counter and the end of its fixed window (resetAt). Counting and deciding
// is ONE statement: an INSERT … ON CONFLICT DO UPDATE that starts a new window when the old one
// has ended, otherwise adds one, and returns the new count. PostgreSQL runs concurrent upserts of
// one key one after the other (the row is locked for the update), so of N simultaneous requests
// exactly the first `limit` see a count ≤ limit, in one process or in ten. Refused requests are
// counted too (they cannot extend the window: it is fixed). Expired rows are removed by the
// `maintenance.cleanup` job.
//
// Keys: "<what>:<scope>:<value>", e.g. "sign-in:address:203.0.113.0" or "upload:user:<id>". A key
// per client address needs the address from the trusted proxy header (lib/server/client-address.ts);
// when none is configured, leave the per-address limit out rather than share one key among all
// clients (that would let one attacker lock everyone out).
import type { Database, Transaction } from "@/lib/db/client";
import { retryAtText } from "@/lib/domain/format";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";

export interface RateLimitRule {
  /** What is counted, e.g. "upload:user:<userId>". At most 512 characters. */
  key: string;
  /** How many are allowed within one window. */
  limit: number;
  windowSeconds: number;
  /** The Norwegian sentence before "Prøv igjen kl. …" (default: "Du har prøvd for mange ganger på kort tid."). */
  message?: string;
}

export interface RateLimitTicket {
  key: string;
  /** The count after this request (> limit: refused). */
  count: number;
  limit: number;
  allowed: boolean;
  /** When the current window ends and the count starts again from zero. */
  resetAt: Date;
}

export interface RateLimitOptions {
  /** The clock (tests). Default: now. */
  now?: Date;
  /** The client or transaction to count in. Default: the app's client, outside any transaction. */
  client?: Database | Transaction;
}

const DEFAULT_MESSAGE = "Du har prøvd for mange ganger på kort tid.";

/** A limit is used up. Its message says when to try again (Norwegian, Oslo time). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAt: Date,
    sentence: string = DEFAULT_MESSAGE,
    now: Date = new Date(),
  ) {
    super(`${sentence} Prøv igjen ${retryAtText(retryAt, now)}.`);
    this.name = "RateLimitedError";
  }

  /** Whole seconds until the window ends (for a Retry-After header). */
  retryAfterSeconds(now: Date = new Date()): number {
    return Math.max(1, Math.ceil((this.retryAt.getTime() - now.getTime()) / 1000));
  }
}

/** The limits the app applies, in one place (the README lists them). */
export const RATE_LIMITS = {
  /** Failed sign-ins for one account, from anywhere. After the window the owner gets in again. */
  signInAccount: (email: string): RateLimitRule => ({
    key: `sign-in:account:${email}`,
    limit: 10,
    windowSeconds: 15 * 60,
    message: "For mange mislykkede innlogginger for denne kontoen.",
  }),
  /**
   * Failed sign-ins for one account from one client address. Lower than the account's own limit,
   * and the windows are as long, so one address reaches this limit first: at most 2 × 5 − 1 = 9
   * of its failures fall in any one window of the account (when the windows are out of step),
   * never the account's 10. One address alone can therefore never lock the owner out.
   */
  signInAccountAddress: (email: string, address: string): RateLimitRule => ({
    key: `sign-in:account-address:${email}:${address}`,
    limit: 5,
    windowSeconds: 15 * 60,
    message: "For mange mislykkede innlogginger for denne kontoen fra din nettverksadresse.",
  }),
  /** Failed sign-ins from one client address, whichever accounts they try (password spraying). */
  signInAddress: (address: string): RateLimitRule => ({
    key: `sign-in:address:${address}`,
    limit: 15,
    windowSeconds: 15 * 60,
    message: "For mange mislykkede innlogginger fra din nettverksadresse.",
  }),
  /** New applicant accounts from one client address. */
  registerAddress: (address: string): RateLimitRule => ({
    key: `register:address:${address}`,
    limit: 10,
    windowSeconds: 60 * 60,
    message: "Det er opprettet mange kontoer fra din nettverksadresse den siste timen.",
  }),
  /** "Glemt passord" requests from one client address. */
  passwordResetAddress: (address: string): RateLimitRule => ({
    key: `password-reset:address:${address}`,
    limit: 10,
    windowSeconds: 60 * 60,
    message: "Du har bedt om mange lenker for å tilbakestille passord den siste timen.",
  }),
  /**
   * Reset mails to one address. Over it, the request is answered as usual but nothing is sent, so
   * nobody can flood someone's inbox and the answer still says nothing about the account.
   */
  passwordResetEmail: (email: string): RateLimitRule => ({
    key: `password-reset:email:${email}`,
    limit: 3,
    windowSeconds: 60 * 60,
  }),
  /** Any link mail a signed-in user asks for again (verification, e-mail change), per user. */
  linkMailUser: (userId: string): RateLimitRule => ({
    key: `link-mail:user:${userId}`,
    limit: 5,
    windowSeconds: 60 * 60,
    message: "Du har bedt om mange e-poster den siste timen.",
  }),
  /** Wrong current passwords on "Min konto" (a stolen session must not become a guessing oracle). */
  currentPassword: (userId: string): RateLimitRule => ({
    key: `current-password:user:${userId}`,
    limit: 5,
    windowSeconds: 15 * 60,
    message: "For mange feil passord.",
  }),
  /** Uploaded files per user, for every upload route (application documents, arbeidskrav). */
  upload: (userId: string): RateLimitRule => ({
    key: `upload:user:${userId}`,
    limit: 30,
    windowSeconds: 60 * 60,
    message: "Du har lastet opp mange filer den siste timen.",
  }),
} as const;

/** Counts one request against `rule` and says whether it is within the limit (never throws for the limit). */
export async function consumeRateLimit(rule: RateLimitRule, options: RateLimitOptions = {}): Promise<RateLimitTicket> {
  assertRule(rule);
  const now = options.now ?? new Date();
  const windowEnd = new Date(now.getTime() + rule.windowSeconds * 1000);
  const client = options.client ?? db();
  const rows = await client.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "resetAt")
    VALUES (${rule.key}, 1, ${windowEnd})
    ON CONFLICT ("key") DO UPDATE SET
      "count"   = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${now} THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
    RETURNING "count", "resetAt"`;
  const row = rows[0];
  if (!row) throw new Error(`rate limit ${rule.key}: no row returned`);
  const count = Number(row.count);
  return { key: rule.key, count, limit: rule.limit, allowed: count <= rule.limit, resetAt: row.resetAt };
}

/** Counts one request; throws RateLimitedError when it is over the limit. */
export async function enforceRateLimit(rule: RateLimitRule, options: RateLimitOptions = {}): Promise<RateLimitTicket> {
  const ticket = await consumeRateLimit(rule, options);
  if (!ticket.allowed) throw new RateLimitedError(ticket.resetAt, rule.message, options.now);
  return ticket;
}

/** Gives back an allowed ticket (the attempt it counted went well). A new window is left alone. */
export async function refundRateLimit(ticket: RateLimitTicket, options: Pick<RateLimitOptions, "client"> = {}): Promise<void> {
  if (!ticket.allowed) return;
  const client = options.client ?? db();
  await client.$executeRaw`
    UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0)
    WHERE "key" = ${ticket.key} AND "resetAt" = ${ticket.resetAt}`;
}

/** Whether the next request would be refused, without counting it; the window's end if so. */
export async function peekRateLimit(rule: RateLimitRule, options: RateLimitOptions = {}): Promise<{ blocked: boolean; resetAt: Date | null }> {
  assertRule(rule);
  const now = options.now ?? new Date();
  const client = options.client ?? db();
  const rows = await client.$queryRaw<{ count: number; resetAt: Date }[]>`
    SELECT "count", "resetAt" FROM "RateLimit" WHERE "key" = ${rule.key} AND "resetAt" > ${now}`;
  const row = rows[0];
  return row && Number(row.count) >= rule.limit ? { blocked: true, resetAt: row.resetAt } : { blocked: false, resetAt: null };
}

/** Forgets a key (e.g. the account's failed sign-ins after its owner set a new password). */
export async function clearRateLimit(key: string, options: Pick<RateLimitOptions, "client"> = {}): Promise<void> {
  const client = options.client ?? db();
  await client.rateLimit.deleteMany({ where: { key } });
}

/** Removes the rows whose window has ended (the `maintenance.cleanup` job). */
export async function deleteExpiredRateLimits(now = new Date(), client: Database = db()): Promise<number> {
  const { count } = await client.rateLimit.deleteMany({ where: { resetAt: { lte: now } } });
  return count;
}

/** A 429 answer for route handlers, with Retry-After and the Norwegian message as JSON. */
export function rateLimitedResponse(error: RateLimitedError, now: Date = new Date()): Response {
  return Response.json(
    { ok: false, message: error.message },
    { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds(now)), "Cache-Control": "no-store" } },
  );
}

function assertRule(rule: RateLimitRule) {
  if (!rule.key || rule.key.length > 512) throw new Error("rate limit key must be 1–512 characters");
  if (!Number.isInteger(rule.limit) || rule.limit < 1) throw new Error("rate limit must be a positive integer");
  if (!Number.isInteger(rule.windowSeconds) || rule.windowSeconds < 1) throw new Error("rate limit window must be whole seconds ≥ 1");
}
