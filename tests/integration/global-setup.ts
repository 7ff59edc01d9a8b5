// One embedded PostgreSQL for the whole integration run, with a migrated template database that
// every test file clones (CREATE DATABASE … TEMPLATE, ≈ 0.3 s) so files never share data.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "../support/free-port";

export const TEMPLATE_DATABASE = "bvl_template";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** Where tests/integration/demo-world.ts keeps the demo seed's files, one folder per day. */
    demoCacheDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(tmpdir(), "bvl-integration-"));
  await chmod(dataDir, 0o755); // the server runs as the `postgres` user when we are root
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port, database: TEMPLATE_DATABASE, log: () => {} });
  await applyMigrations(server.url);

  // The migration engine's pool may still hold a connection; a template must have none.
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  await admin.query(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [TEMPLATE_DATABASE],
  );
  await admin.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH IS_TEMPLATE true`);
  await admin.end();

  project.provide("adminDatabaseUrl", server.urlFor("postgres"));
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  const demoCacheDir = await mkdtemp(path.join(tmpdir(), "bvl-demo-"));
  project.provide("demoCacheDir", demoCacheDir);

  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    await rm(demoCacheDir, { recursive: true, force: true });
  };
}
