// Rate limits in PostgreSQL: one atomic count-and-decide, so bursts, and several app processes
// sharing the database, never get more than the limit through.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { signInWithPassword } from "@/lib/server/auth/sign-in";
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
    if (!owner.ok && owner.reason === "limited") expect(owner.error.message).toMatch(/Prøv igjen kl\. \d\d\.\d\d\.$/);
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

  it("holds when two app processes share the database", async () => {
    const user = await createUser(db(), { password: PASSWORD });
    const startAt = Date.now() + 4000;
    // Each process from its own address, so only the account's limit decides.
    const run = (address: string) => runWorker([user.email, "15", address, String(startAt)]);
    const results = await Promise.all([run("198.51.100.201"), run("198.51.100.202")]);
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
