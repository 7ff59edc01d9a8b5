// The database driver as the server uses it (lib/db/client.ts): a transaction's queries reach
// its one connection one at a time (no `pg` "already executing a query" deprecation, which
// becomes an error in pg 9), and the pool's timeouts are the ones README documents.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, poolConfig, type Database } from "@/lib/db/client";
import { DEFAULT_POOL_SETTINGS } from "@/lib/db/pool-settings";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { db } from "./support";
import { createUser } from "@/prisma/seed/factories";

// Counts the calls of client.query() made while the same connection still runs another query:
// exactly the calls pg 8 queues internally (and warns about), and pg 9 refuses.
const original = pg.Client.prototype.query;
let overlapping = 0;
let calls = 0;
type Internals = { _activeQuery: unknown; _queryQueue: unknown[] };

beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client & Internals, ...args: unknown[]) {
    calls += 1;
    if (this._activeQuery || this._queryQueue.length > 0) overlapping += 1;
    return (original as (...rest: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(() => {
  pg.Client.prototype.query = original;
});
afterEach(() => {
  overlapping = 0;
  calls = 0;
});

const clients: { $disconnect(): Promise<void> }[] = [];
afterAll(async () => Promise.all(clients.map((client) => client.$disconnect())));

/**
 * A transaction whose one operation loads two relations, one statement each (the "query" strategy;
 * the app's default with relationJoins is one joined statement): Prisma fetches them in parallel.
 */
async function updateWithTwoRelations(client: Database | PrismaClient, userId: string) {
  return client.$transaction(async (tx) =>
    tx.user.update({ where: { id: userId }, data: { name: "Samtidig Test" }, relationLoadStrategy: "query", include: { sessions: true, enrolments: true } }),
  );
}

describe("queries inside a transaction", () => {
  it("reach the transaction's connection one at a time, also when Prisma runs them in parallel", async () => {
    const user = await createUser(db(), { email: "samtidig@test.no" });
    await db().session.create({ data: { id: "s-1", userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });

    // Without the wrapper (the adapter as Prisma ships it) the same operation overlaps: the
    // measurement can see the fault.
    const plain = new PrismaClient({ adapter: new PrismaPg(poolConfig(process.env.DATABASE_URL!, DEFAULT_POOL_SETTINGS)) });
    clients.push(plain);
    await updateWithTwoRelations(plain, user.id);
    expect(overlapping).toBeGreaterThan(0);

    overlapping = 0;
    calls = 0;
    const updated = await updateWithTwoRelations(db(), user.id);
    expect(updated.sessions.map((session) => session.id)).toEqual(["s-1"]);
    expect(calls).toBeGreaterThanOrEqual(4); // BEGIN, the update, two relations, COMMIT
    expect(overlapping).toBe(0);
  });

  it("keep their order and their results when the code itself awaits several at once", async () => {
    const user = await createUser(db(), { email: "parallell@test.no" });
    const [count, found, sessions] = await db().$transaction(async (tx) =>
      Promise.all([tx.user.count(), tx.user.findUnique({ where: { id: user.id } }), tx.session.findMany({ where: { userId: user.id } })]),
    );
    expect(count).toBeGreaterThanOrEqual(1);
    expect(found?.email).toBe("parallell@test.no");
    expect(sessions).toEqual([]);
    expect(overlapping).toBe(0);
  });

  it("a failed query rolls the whole transaction back and the next transaction works", async () => {
    const user = await createUser(db(), { email: "feil@test.no" });
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: "Skal bort" } });
        await Promise.all([tx.$executeRawUnsafe(`SELECT * FROM "NoSuchTable"`), tx.user.count()]);
      }),
    ).rejects.toThrow();
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("Skal bort");
    expect(overlapping).toBe(0);
  });
});

describe("the pool's timeouts", () => {
  it("are set on every session as documented", async () => {
    const [settings] = await db().$queryRaw<{ statement: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(settings).toEqual({ statement: "30s", idle: "1min" });
  });

  it("cancel a statement that runs longer than the statement timeout", async () => {
    const strict = createPrismaClient(process.env.DATABASE_URL!, { ...DEFAULT_POOL_SETTINGS, statementTimeoutMillis: 200 });
    clients.push(strict);
    await expect(strict.$queryRaw`SELECT pg_sleep(5)`).rejects.toThrow(/statement timeout/);
    // The connection is usable afterwards.
    expect(await strict.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
