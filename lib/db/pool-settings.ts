// The database pool of one server process, set deliberately (README "Environment variables"):
// read from DATABASE_POOL_* variables by lib/env.ts, with these defaults for every other process
// (the seed, command-line tools, tests).
//
// Why these numbers:
// - max 10 connections: PostgreSQL serves best with a few connections per core, and every app
//   instance also holds pg-boss's 4 (lib/jobs/queue.ts): two instances stay far below
//   PostgreSQL's default max_connections (100). A burst of requests waits for a free connection
//   rather than opening more.
// - connection timeout 15 s: how long a request waits for a free connection (or for a new one to
//   open) before it fails; lib/server/transactions.ts retries a transaction that hit it. It
//   matches LOCKING_TRANSACTION.maxWait, the longest a transaction may wait to start, and is every
//   transaction's maxWait (lib/db/client.ts; Prisma's default of 2 s failed saves under load).
// - statement timeout 30 s: PostgreSQL cancels a statement (also one waiting for a row lock)
//   running longer, so one runaway query cannot hold a connection for ever. The slowest statement
//   in normal use (the ranking of an intake, `npm run bench`) takes well under a second; 30 s is
//   LOCKING_TRANSACTION.timeout, the longest a whole transaction may last (every transaction's
//   timeout, lib/db/client.ts).
// - idle in transaction 60 s: PostgreSQL ends a session that sits inside an open transaction
//   doing nothing (a crashed or hung request), releasing its locks. Twice the longest transaction.
// - idle 30 s: an unused connection in the pool is closed, so a quiet server holds few.
// - prepared statements on: PostgreSQL parses each query shape once per connection and may keep
//   its plan (lib/db/statement-names.ts; off for a PgBouncer in transaction mode).
export interface PoolSettings {
  max: number;
  connectionTimeoutMillis: number;
  statementTimeoutMillis: number;
  idleInTransactionTimeoutMillis: number;
  idleTimeoutMillis: number;
  preparedStatements: boolean;
}

export const DEFAULT_POOL_SETTINGS: PoolSettings = {
  max: 10,
  connectionTimeoutMillis: 15_000,
  statementTimeoutMillis: 30_000,
  idleInTransactionTimeoutMillis: 60_000,
  idleTimeoutMillis: 30_000,
  preparedStatements: true,
};
