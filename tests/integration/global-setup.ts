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

interface SharedServer {
  adminDatabaseUrl: string;
  demoCacheDir: string;
  users: number;
  stop(): Promise<void>;
}

// The two integration projects (vitest.config.ts) each run this setup, in one process: the first
// starts the server, the second shares it (globalThis: each project loads this module anew), and
// the last to finish stops it.
const holder = globalThis as { __integrationServer?: Promise<SharedServer> };

export default async function setup(project: TestProject) {
  holder.__integrationServer ??= startServer();
  const shared = await holder.__integrationServer;
  shared.users += 1;
  project.provide("adminDatabaseUrl", shared.adminDatabaseUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("demoCacheDir", shared.demoCacheDir);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      holder.__integrationServer = undefined;
      await shared.stop();
    }
  };
}

async function startServer(): Promise<SharedServer> {
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

  const demoCacheDir = await mkdtemp(path.join(tmpdir(), "bvl-demo-"));
  return {
    adminDatabaseUrl: server.urlFor("postgres"),
    demoCacheDir,
    users: 0,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(demoCacheDir, { recursive: true, force: true });
    },
  };
}
