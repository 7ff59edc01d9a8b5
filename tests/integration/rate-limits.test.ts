// Rate limits in PostgreSQL: one atomic count-and-decide, so bursts, and several app processes
// sharing the database, never get more than the limit through.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ownerSignInGrant, OWNER_GRANT_SECONDS, signInWithPassword } from "@/lib/server/auth/sign-in";
import {
  clearRateLimit,
  consumeRateLimit,
  deleteExpiredRateLimits,
  enforceRateLimit,
  peekRateLimit,
  RATE_LIMITS,
  RateLimitedError,
  refundRateLimit,
} from "@/lib/server/rate-limit";
import { createUser, uniqueEmail } from "@/prisma/seed/factories";
import { db } from "./support";

const PASSWORD = "riktig-passord-for-test";

describe("the limiter", () => {
  it("lets exactly `limit` of a large simultaneous burst through, and refuses the rest", async () => {
    const rule = { key: `test:burst:${uniqueEmail()}`, limit: 7, windowSeconds: 60 };
    const tickets = await Promise.all(Array.from({ length: 40 }, () => consumeRateLimit(rule)));
    expect(tickets.filter((ticket) => ticket.allowed)).toHaveLength(7);
    expect(new Set(tickets.map((ticket) => ticket.count))).toEqual(new Set(Array.from({ length: 40 }, (_, index) => index + 1)));
  });

  it("starts a new window when the old one has ended, and says in Norwegian when to try again", async () => {
    const rule = { key: `test:window:${uniqueEmail()}`, limit: 2, windowSeconds: 600, message: "Nok nå." };
    const start = new Date("2026-12-01T09:00:00Z"); // 10.00 in Oslo
    await enforceRateLimit(rule, { now: start });
    await enforceRateLimit(rule, { now: new Date(start.getTime() + 60_000) });
    const refused = await enforceRateLimit(rule, { now: new Date(start.getTime() + 120_000) }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toBe("Nok nå. Prøv igjen kl. 10.10.");
    expect((refused as RateLimitedError).retryAt).toEqual(new Date("2026-12-01T09:10:00Z"));
    expect(await peekRateLimit(rule, { now: new Date(start.getTime() + 599_000) })).toMatchObject({ blocked: true });
    // The window is fixed: at 10.10 the count starts again.
    const later = await enforceRateLimit(rule, { now: new Date(start.getTime() + 600_000) });
    expect(later).toMatchObject({ allowed: true, count: 1 });
  });

  it("gives a ticket back, never below zero and never into a new window", async () => {
    const rule = { key: `test:refund:${uniqueEmail()}`, limit: 1, windowSeconds: 60 };
    const first = await consumeRateLimit(rule);
    await refundRateLimit(first);
    await refundRateLimit(first);
    expect(await consumeRateLimit(rule)).toMatchObject({ allowed: true, count: 1 });
    await clearRateLimit(rule.key);
    expect(await db().rateLimit.count({ where: { key: rule.key } })).toBe(0);
  });

  it("removes rows whose window has ended", async () => {
    const rule = { key: `test:old:${uniqueEmail()}`, limit: 1, windowSeconds: 1 };
    await consumeRateLimit(rule, { now: new Date("2020-01-01T00:00:00Z") });
    expect(await deleteExpiredRateLimits(new Date())).toBeGreaterThanOrEqual(1);
    expect(await db().rateLimit.count({ where: { key: rule.key } })).toBe(0);
  });
});

describe("sign-in throttling", () => {
  it("checks at most 10 of 30 simultaneous wrong passwords for one account", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        signInWithPassword({ email: user.email, password: `feil-${index}-passord`, clientAddress: `198.51.100.${index}`, userAgent: null }),
      ),
    );
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(10);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "limited")).toHaveLength(20);
    // The owner, with the right password, must wait for the window too…
    const owner = await signInWithPassword({ email: user.email, password: PASSWORD, clientAddress: "192.0.2.1", userAgent: null });
    expect(owner).toMatchObject({ ok: false, reason: "limited" });
    if (!owner.ok && owner.reason === "limited") expect(owner.error.message).toMatch(/Prøv igjen (?:\d{1,2}\. [a-zæøå]+ \d{4} )?kl\. \d\d\.\d\d\.$/);
    // …and gets in after it: the lock is not indefinite.
    const later = new Date(Date.now() + 15 * 60_000 + 1000);
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, clientAddress: "192.0.2.1", userAgent: null }, later)).toMatchObject({ ok: true });
  });

  it("slows 20 attempts from one address against 20 different accounts", async () => {
    const address = "203.0.113.77";
    // Accounts without a password cost the same check (a dummy hash), and are quicker to make.
    const users = await Promise.all(Array.from({ length: 20 }, (_, index) => createUser(db(), index === 19 ? { password: PASSWORD } : {})));
    const outcomes = [];
    for (const user of users) {
      outcomes.push(await signInWithPassword({ email: user.email, password: "sommer-2026-gjett", clientAddress: address, userAgent: null }));
    }
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(15);
    expect(outcomes.slice(15).every((outcome) => !outcome.ok && outcome.reason === "limited")).toBe(true);
    // Another address is not affected, and the refused attempts did not count against the accounts.
    expect(await signInWithPassword({ email: users[19]!.email, password: PASSWORD, clientAddress: "203.0.113.78", userAgent: null })).toMatchObject({ ok: true });
  });

  it("does not count a successful sign-in against the account or the address", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    for (let index = 0; index < 16; index += 1) {
      expect(await signInWithPassword({ email: user.email, password: PASSWORD, clientAddress: "192.0.2.50", userAgent: null })).toMatchObject({ ok: true });
    }
    expect(await peekRateLimit(RATE_LIMITS.signInAccount(user.email))).toEqual({ blocked: false, resetAt: null });
  });

  it("lets one address reach its own limit for an account before the account's, so it can never keep the owner out", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    const attacker = "198.51.100.66";
    const owner = "192.0.2.20";
    const start = new Date("2026-12-01T09:00:00Z");
    const minutes = (value: number) => new Date(start.getTime() + value * 60_000);
    // The owner signed in a moment ago: the account's window runs from then, out of step with the
    // attacker's (the worst case for the attacker's count in one window of the account).
    expect(await signInWithPassword({ email: user.email, password: PASSWORD, clientAddress: owner, userAgent: null }, start)).toMatchObject({ ok: true });
    const guess = (at: Date) => signInWithPassword({ email: user.email, password: "gjetter-videre-2026", clientAddress: attacker, userAgent: null }, at);
    const first = [];
    for (let index = 0; index < 12; index += 1) first.push(await guess(minutes(14)));
    // Five are checked; then this address is stopped, and the account is not locked by it.
    expect(first.filter((outcome) => !outcome.ok && outcome.reason === "invalid")).toHaveLength(5);
    expect(first.slice(5).every((outcome) => !outcome.ok && outcome.reason === "limited")).toBe(true);
    expect(await peekRateLimit(RATE_LIMITS.signInAccount(user.email), { now: minutes(14) })).toEqual({ blocked: false, resetAt: null });
    // The attacker goes on in every window for two hours; the owner gets in whenever they try.
    for (let minute = 15; minute <= 120; minute += 1) {
      await guess(minutes(minute));
      await guess(minutes(minute + 0.5));
      if (minute % 5 === 0) {
        const outcome = await signInWithPassword({ email: user.email, password: PASSWORD, clientAddress: owner, userAgent: null }, minutes(minute + 0.75));
        expect(outcome, `the owner at minute ${minute}`).toMatchObject({ ok: true });
      }
    }
  }, 60_000);

  it("lets the owner's grant past a lock that others keep up, and nothing else", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    const other = await createUser(db(), { password: PASSWORD });
    const now = new Date();
    // Guesses from everywhere (no trusted proxy: no address at all) keep the account locked.
    for (let index = 0; index < 12; index += 1) {
      await signInWithPassword({ email: user.email, password: `feil-${index}-passord`, clientAddress: null, userAgent: null }, now);
    }
    const attempt = (ownerGrant: string | null, password = PASSWORD) =>
      signInWithPassword({ email: user.email, password, clientAddress: null, userAgent: null, ownerGrant }, now);
    expect(await attempt(null)).toMatchObject({ ok: false, reason: "limited" });
    expect(await attempt(`${now.getTime() + 60_000}.${"A".repeat(43)}`)).toMatchObject({ ok: false, reason: "limited" });
    expect(await attempt(ownerSignInGrant(other.email, now))).toMatchObject({ ok: false, reason: "limited" });
    expect(await attempt(ownerSignInGrant(user.email, new Date(now.getTime() - (OWNER_GRANT_SECONDS + 1) * 1000)))).toMatchObject({ ok: false, reason: "limited" });
    // The grant does not check the password for anyone: a wrong one is still wrong.
    expect(await attempt(ownerSignInGrant(user.email, now), "ikke-passordet-mitt")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(ownerSignInGrant(user.email, now))).toMatchObject({ ok: true });
  });

  it("holds when two app processes share the database", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    const startAt = Date.now() + 4000;
    // No client address (no trusted proxy), so only the account's limit decides.
    const run = () => runWorker([user.email, "15", "none", String(startAt)]);
    const results = await Promise.all([run(), run()]);
    expect(new Set(results.map((result) => result.pid)).size).toBe(2);
    const checked = results.reduce((sum, result) => sum + result.checked, 0);
    const limited = results.reduce((sum, result) => sum + result.limited, 0);
    expect(checked).toBe(10);
    expect(limited).toBe(20);
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: RATE_LIMITS.signInAccount(user.email).key } });
    expect(row.count).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

function runWorker(args: string[]): Promise<{ pid: number; checked: number; limited: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", path.resolve("tests/integration/fixtures/sign-in-worker.ts"), ...args],
      { env: { ...process.env, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0) return reject(new Error(`worker exited ${code}: ${err}`));
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`worker printed ${out} ${err}`));
      }
    });
  });
}
