// What a server function costs the database, as `npm run bench` counts it per request: the SQL
// statements sent on the pool's connections and the most connections held at the same moment
// (issue 21: ≤ 12 statements, ≤ 3 connections). Swaps the app's Prisma client for one on a pool
// of 10 (the server's) that is watched, for the duration of `work`.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { oneQueryAtATimeInTransactions } from "@/lib/db/serial-transactions";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface RequestCost<T> {
  result: T;
  statements: number;
  peakConnections: number;
  /** The SQL of each statement, in the order sent. */
  sql: string[];
}

export async function measureRequest<T>(work: () => Promise<T>): Promise<RequestCost<T>> {
  const holder = globalThis as { __db?: unknown };
  const previous = holder.__db;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 10 });
  let statements = 0;
  const sql: string[] = [];
  let inUse = 0;
  let peakConnections = 0;
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      statements += 1;
      const first = args[0] as string | { text?: string };
      sql.push(typeof first === "string" ? first : (first?.text ?? "?"));
      return query(...args);
    };
  });
  pool.on("acquire", () => {
    inUse += 1;
    peakConnections = Math.max(peakConnections, inUse);
  });
  pool.on("release", () => {
    inUse -= 1;
  });
  const client = new PrismaClient({ adapter: oneQueryAtATimeInTransactions(new PrismaPg(pool)), omit: { user: { passwordHash: true } } });
  holder.__db = client;
  try {
    const result = await work();
    return { result, statements, peakConnections, sql };
  } finally {
    holder.__db = previous;
    await client.$disconnect();
    await pool.end().catch(() => {});
  }
}
