// `npm run dev` and `npm start`: provide a database (embedded unless DATABASE_URL is set), apply
// migrations, load the demo data into an empty database, then run Next.js and stop the embedded
// server again when Next.js stops.
//
//   node --import tsx lib/cli/launch.ts dev|start [--fresh]
//
// --fresh empties the database first (the end-to-end tests start from the demo data every run).
//
// An installation without demo data starts empty (`npm start`, or SEED_DEMO_DATA=false): the first
// administrator comes from `npm run admin:create`, or from INITIAL_ADMIN_EMAIL and
// INITIAL_ADMIN_NAME, read here once: when the database has no administrator yet, the same
// command runs and the invitation link is printed (and e-mailed). No password is ever set here.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { dropAllTables, provideDatabase } from "@/lib/cli/database";
import { loadEnvFiles } from "@/lib/cli/env-files";
import { productionNodeFlags } from "@/lib/cli/server-flags";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { seedDemoData, isDatabaseEmpty } from "@/prisma/seed/demo";

const require = createRequire(import.meta.url);

async function main() {
  const mode = process.argv[2];
  if (mode !== "dev" && mode !== "start") throw new Error("usage: launch.ts dev|start [--fresh]");
  const fresh = process.argv.includes("--fresh");
  loadEnvFiles();
  // Checked before the database work, so a mistyped SERVER_HEAP_MB stops the start at once.
  const nodeFlags = mode === "start" ? productionNodeFlags(process.env) : [];

  const database = await provideDatabase();
  let child: ReturnType<typeof spawn> | undefined = undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch((error) => console.error(error));
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (child && child.exitCode === null) child.kill(signal);
      else void shutdown(0);
    });
  }

  try {
    if (fresh) {
      await dropAllTables(database.url);
      for (const dir of [process.env.STORAGE_DIR, process.env.MAIL_OUTBOX_DIR]) {
        if (dir) rmSync(path.resolve(dir), { recursive: true, force: true });
      }
    }
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.log(`Migreringer kjørt: ${applied.join(", ")}`);
    if (shouldSeed(mode)) {
      const client = createPrismaClient(database.url);
      try {
        if (await isDatabaseEmpty(client)) {
          console.log("Tom database: legger inn demodata …");
          await seedDemoData(client, { today: new Date() });
        }
      } finally {
        await client.$disconnect();
      }
    }
    await firstAdministrator(database.url);
  } catch (error) {
    await database.stop().catch(() => {});
    throw error;
  }

  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
  childEnv.AUTH_SECRET ||= localAuthSecret(database.embedded);
  childEnv.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = process.env.PORT ?? "3000";
  childEnv.APP_URL ||= `http://localhost:${port}`;
  // next-auth builds its callback URLs and decides on Secure cookies from AUTH_URL.
  childEnv.AUTH_URL ||= childEnv.APP_URL;
  const nextBin = require.resolve("next/dist/bin/next");
  // Started directly (not through npx), so a signal reaches next-server itself. The production
  // server gets its heap sized (lib/cli/server-flags.ts); the development server keeps V8's defaults.
  // Idle connections are kept for 65 s, not Node's 5: a reverse proxy or load balancer (idle
  // timeout commonly 60 s) reuses a connection the app is closing in the same instant otherwise,
  // and the request fails (a 502 there; an end-to-end test's request got ECONNRESET).
  const keepAlive = mode === "start" ? ["--keepAliveTimeout", "65000"] : [];
  child = spawn(process.execPath, [...nodeFlags, nextBin, mode, "--port", port, ...keepAlive], { stdio: "inherit", env: childEnv });
  child.on("exit", (code, signal) => void shutdown(code ?? (signal ? 0 : 1)));
}

/**
 * With INITIAL_ADMIN_EMAIL and INITIAL_ADMIN_NAME, runs `admin:create --if-no-admin` (a child
 * process: the command reuses the server's use case under the react-server condition). Without
 * them, says how to make the first administrator when there is none.
 */
async function firstAdministrator(url: string) {
  const email = process.env.INITIAL_ADMIN_EMAIL?.trim();
  const name = process.env.INITIAL_ADMIN_NAME?.trim();
  if (email && name) {
    const result = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/cli/admin.ts", "--email", email, "--name", name, "--if-no-admin", "--no-migrate"],
      // The link in the invitation is the address users reach, as the server will have it.
      { stdio: "inherit", env: { ...process.env, DATABASE_URL: url, APP_URL: process.env.APP_URL || `http://localhost:${process.env.PORT ?? "3000"}` } },
    );
    if (result.status !== 0) throw new Error("Kunne ikke opprette den første administratoren (se over).");
    return;
  }
  const client = createPrismaClient(url);
  try {
    if ((await client.user.count({ where: { roles: { has: "ADMIN" } } })) === 0) {
      console.log(
        'Ingen administrator ennå. Opprett den første med  npm run admin:create -- --email navn@ntnu.no --name "Navn"  ' +
          "(med den innebygde databasen: før serveren startes), eller sett INITIAL_ADMIN_EMAIL og INITIAL_ADMIN_NAME.",
      );
    }
  } finally {
    await client.$disconnect();
  }
}

/**
 * Demo data goes into an empty database in `npm run dev`, or when SEED_DEMO_DATA=true. `npm start`
 * never seeds by itself, so a server started for real use never gets accounts with published
 * passwords by accident, whatever database it runs on.
 */
function shouldSeed(mode: "dev" | "start"): boolean {
  const setting = process.env.SEED_DEMO_DATA;
  if (setting === "false") return false;
  if (setting === "true") return true;
  return mode === "dev";
}

/**
 * next-auth needs AUTH_SECRET. For the embedded database (a local machine) we make one and keep
 * it under .data/, so sessions survive restarts; with an external database it must be set.
 */
function localAuthSecret(embedded: boolean): string {
  if (!embedded) throw new Error("AUTH_SECRET must be set when DATABASE_URL points to an external database.");
  const file = path.resolve(".data/auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
