// Counts the SQL statements the server code sends, to prove a page needs the same number of
// queries however much data there is (no query per row). Swaps the app's Prisma client for one
// that reports every query, for the duration of `work`.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number; statements: string[] }> {
  const holder = globalThis as { __db?: unknown };
  const previous = holder.__db;
  const statements: string[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, max: 4 }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => statements.push(event.query));
  holder.__db = client;
  try {
    const result = await work();
    return { result, queries: statements.length, statements };
  } finally {
    holder.__db = previous;
    await client.$disconnect();
  }
}
