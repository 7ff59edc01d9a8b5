// Builds a Prisma client on the `pg` driver adapter. Server code uses the singleton in
// lib/server/db.ts; command-line tools and tests construct their own with this function.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { queryStatsEnabled, watchPool } from "@/lib/db/query-stats";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from "@/lib/db/pool-settings";
import { oneQueryAtATimeInTransactions } from "@/lib/db/serial-transactions";
import { statementNamer } from "@/lib/db/statement-names";

export function createPrismaClient(connectionString: string, settings: PoolSettings = DEFAULT_POOL_SETTINGS) {
  const config = poolConfig(connectionString, settings);
  return new PrismaClient({
    // A burst of requests that lock the same row (offers in one cohort) queue for connections:
    // waiting for one (connectionTimeoutMillis) beats an error; lib/server/transactions.ts
    // retries after that. The settings and why: lib/db/pool-settings.ts. `npm run bench` counts
    // statements and connections through a pool it can watch (BENCH_QUERY_STATS).
    adapter: oneQueryAtATimeInTransactions(new PrismaPg(queryStatsEnabled() ? watchedPool(config) : config, adapterOptions(settings))),
    // Every transaction waits for a connection as long as a query does (Prisma's own default is
    // 2 s, after which a whole day's attendance failed with "Noe gikk galt" when 50 people saved
    // at once: tests/integration/load.test.ts), and may last as long as a statement may.
    transactionOptions: { maxWait: settings.connectionTimeoutMillis, timeout: settings.statementTimeoutMillis },
    // Password hashes never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

/** The `pg` pool configuration for these settings (the timeouts PostgreSQL enforces are per session). */
export function poolConfig(connectionString: string, settings: PoolSettings): pg.PoolConfig {
  return {
    connectionString,
    max: settings.max,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    idleTimeoutMillis: settings.idleTimeoutMillis,
    statement_timeout: settings.statementTimeoutMillis,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMillis,
  };
}

/**
 * Named statements (one namer per client, so per pool) unless the settings turn them off, or the
 * environment does: the command-line tools and the seed build their clients with the defaults, and
 * behind a PgBouncer in transaction mode they must not name statements either.
 */
function adapterOptions(settings: PoolSettings) {
  const on = settings.preparedStatements && process.env.DATABASE_PREPARED_STATEMENTS?.trim() !== "false";
  return on ? { statementNameGenerator: statementNamer() } : undefined;
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
