// Bench-only instrumentation (`npm run bench`): counts the SQL statements the server's Prisma
// client sends and the most pool connections held at once, so the bench can report statements and
// connections per request. Off unless BENCH_QUERY_STATS=true; then `GET /api/bench/stats` reads and
// resets the figures. Never set it in a deployment (it adds an event listener per query).
import type pg from "pg";

export interface QueryStats {
  statements: number;
  /** Most connections checked out of the pool at the same moment since the last reset. */
  peakConnections: number;
  /** Connections checked out right now. */
  inUse: number;
}

const holder = globalThis as { __queryStats?: QueryStats };

export function queryStatsEnabled(): boolean {
  return process.env.BENCH_QUERY_STATS === "true";
}

function stats(): QueryStats {
  holder.__queryStats ??= { statements: 0, peakConnections: 0, inUse: 0 };
  return holder.__queryStats;
}

/** Counts every statement sent on the pool's connections, and follows check-outs and check-ins. */
export function watchPool(pool: pg.Pool): void {
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      stats().statements += 1;
      return query(...args);
    };
  });
  pool.on("acquire", () => {
    const current = stats();
    current.inUse += 1;
    current.peakConnections = Math.max(current.peakConnections, current.inUse);
  });
  pool.on("release", () => {
    stats().inUse -= 1;
  });
}

/** The figures since the last call, then starts counting afresh. */
export function takeQueryStats(): { statements: number; peakConnections: number } {
  const current = stats();
  const taken = { statements: current.statements, peakConnections: current.peakConnections };
  current.statements = 0;
  current.peakConnections = current.inUse;
  return taken;
}
