// Builds a Prisma client on the `pg` driver adapter. Server code uses the singleton in
// lib/server/db.ts; command-line tools and tests construct their own with this function.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { queryStatsEnabled, watchPool } from "@/lib/db/query-stats";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export function createPrismaClient(connectionString: string) {
  // A burst of requests that lock the same row (offers in one cohort) queue for connections:
  // waiting up to 15 s for one beats an error; lib/server/transactions.ts retries after that.
  const pool = { connectionString, max: 10, connectionTimeoutMillis: 15_000 };
  return new PrismaClient({
    // `npm run bench` counts statements and connections through a pool it can watch.
    adapter: queryStatsEnabled() ? new PrismaPg(watchedPool(pool)) : new PrismaPg(pool),
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

function watchedPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  watchPool(pool);
  return pool;
}

export type Database = ReturnType<typeof createPrismaClient>;

/**
 * The client inside `db.$transaction(async (tx) => …)`. Prisma types it without the client's
 * `omit` settings, so a function that reads through either takes `Database | Transaction`.
 */
export type Transaction = Prisma.TransactionClient;
