// Where the database comes from when a command starts: DATABASE_URL when set (any PostgreSQL,
// nothing started), otherwise the embedded server with its data under .data/.
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export const EMBEDDED_DATABASE = "barnevernledelse";

export interface ProvidedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function provideDatabase(log: (line: string) => void = console.log): Promise<ProvidedDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  if (external) return { url: external, embedded: false, stop: async () => {} };

  const dataDir = path.resolve(process.env.EMBEDDED_PG_DIR ?? ".data/postgres");
  // Below Linux's ephemeral range (32768–60999), where an outgoing connection could already hold it.
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 15432);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a port number from 1024 to 65535, not "${process.env.EMBEDDED_PG_PORT}"`);
  }
  const server = await startEmbeddedPostgres({ dataDir, port, database: EMBEDDED_DATABASE, log });
  log(`Innebygd PostgreSQL kjører på port ${port} (data i ${server.dataDir}).`);
  return { url: server.url, embedded: true, stop: () => server.stop() };
}

/**
 * Empties the database's public schema (tables, types, functions) and the background jobs'
 * schema (pgboss, recreated by the job runner), keeping the database.
 */
export async function dropAllTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS "pgboss" CASCADE; DROP SCHEMA IF EXISTS "public" CASCADE; CREATE SCHEMA "public";');
  } finally {
    await client.end();
  }
}
