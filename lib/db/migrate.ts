// Applies and creates Prisma migrations through Prisma's schema engine compiled to WebAssembly.
//
// Why not `prisma migrate deploy`: the Prisma 7 CLI downloads a native schema engine from
// Prisma's own host, which our machines cannot reach. The same engine is published on npm as
// `@prisma/schema-engine-wasm`; driven through the `pg` driver adapter it writes the normal
// `_prisma_migrations` table with the same checksums, and the migration folders stay in Prisma's
// standard layout, so the official CLI works on them wherever it can fetch its engine.
//
// These are Prisma internals: the versions of @prisma/schema-engine-wasm, @prisma/adapter-pg and
// @prisma/driver-adapter-utils are pinned exactly in package.json and must move together
// (the wasm version is the `@prisma/engines-version` of the pinned `prisma`).
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");
export const SCHEMA_FILE = path.resolve(process.cwd(), "prisma/schema.prisma");
const NO_FILTER = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");
let lastPanicMessage: string | undefined;
let engineModule: Promise<EngineModule> | undefined;

/**
 * Loads the wasm engine by hand: its entry point imports the .wasm file as an ES module, which
 * Node 20 supports only behind --experimental-wasm-modules.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    const registry = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(message: string): void } };
    registry.PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanicMessage = message;
      },
    };
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = (await import(bindingsPath)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(path.join(path.dirname(bindingsPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })();
  return engineModule;
}

/** Runs `work` with an engine connected to `databaseUrl`, then frees both. */
async function withEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
  schema?: string,
): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const factory = bindMigrationAwareSqlAdapterFactory(new ShadowAwarePg(databaseUrl));
  const datamodels: [string, string][] | undefined = schema ? [[SCHEMA_FILE, schema]] : undefined;
  // The engine leaves a 10 s timer behind that would keep Node alive; unref the timers it makes.
  const restore = unrefNewTimers();
  try {
    const engine = await SchemaEngine.new({ datamodels }, () => {}, factory);
    try {
      return await work(engine);
    } catch (error) {
      if (lastPanicMessage) {
        const message = lastPanicMessage;
        lastPanicMessage = undefined;
        throw new Error(`Prisma schema engine panicked: ${message}`, { cause: error });
      }
      throw error;
    } finally {
      engine.free();
    }
  } finally {
    restore();
  }
}

/** Reads `prisma/migrations` the way the Prisma CLI does. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const directories = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (name) => {
        const file = path.join(dir, name, "migration.sql");
        const content = existsSync(file)
          ? { tag: "ok" as const, value: await readFile(file, "utf8") }
          : { tag: "error" as const, value: `${file} is missing` };
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/** `prisma migrate deploy`: applies every migration not yet in `_prisma_migrations`. */
export async function applyMigrations(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrations(dir);
  const output = await withEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return output.appliedMigrationNames;
}

/**
 * `prisma migrate dev --create-only`: writes a new migration folder with the SQL that takes the
 * existing migrations to the current schema. Returns null when the schema has not changed.
 */
export async function createMigration(
  databaseUrl: string,
  name: string,
  options: { dir?: string; schemaFile?: string; draft?: boolean } = {},
): Promise<{ folder: string; sql: string } | null> {
  const dir = options.dir ?? MIGRATIONS_DIR;
  const schemaFile = options.schemaFile ?? SCHEMA_FILE;
  const schema = await readFile(schemaFile, "utf8");
  await mkdir(dir, { recursive: true });
  const lockPath = path.join(dir, "migration_lock.toml");
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  const migrationsList = await readMigrations(dir);
  // The wasm engine's `createMigration` cannot make a shadow database on PostgreSQL; `diff` from
  // the migration history can (through ShadowAwarePg), and gives the same script.
  const output = await withEngine(databaseUrl, (engine) =>
    engine.diff({
      from:
        migrationsList.migrationDirectories.length === 0
          ? { tag: "empty" }
          : { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  if (output.exitCode === 0 && !options.draft) return null;
  const sql = output.stdout ?? "";
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
  const generatedMigrationName = `${timestamp}_${slug}`;
  const folder = path.join(dir, generatedMigrationName);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  return { folder, sql };
}

/**
 * The pg adapter's own shadow-database helper drops the database while its pool is still open.
 * This factory makes the shadow database itself and drops it only after the pool has closed.
 */
class ShadowAwarePg implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  constructor(private readonly url: string) {}

  async connect() {
    return patchForMigrations(await new PrismaPg({ connectionString: this.url }).connect());
  }

  async connectToShadowDb() {
    const name = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const adminUrl = withDatabase(this.url, "postgres");
    await runAdmin(adminUrl, `CREATE DATABASE "${name}"`);
    const adapter = patchForMigrations(
      await new PrismaPg({ connectionString: withDatabase(this.url, name) }).connect(),
    );
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await runAdmin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    };
    return adapter;
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
interface RawAccess {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  performIO(query: object): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
  executeScript(script: string): Promise<void>;
}

/**
 * Two gaps in adapter-pg 7.10 that only migrations hit:
 * - `executeScript` splits a migration on every ";", which breaks dollar-quoted function bodies
 *   (our triggers). PostgreSQL's simple query protocol takes the whole script at once, as the
 *   native engine sends it.
 * - The engine describes a database by reading catalog columns of PostgreSQL's internal one-byte
 *   type `"char"` (pg_constraint.contype and friends), which the adapter does not map, so a diff
 *   from the migration history fails. pg already returns those values as strings: let the
 *   adapter read them as text, then report the column as the engine's Character type.
 */
function patchForMigrations(adapter: Adapter): Adapter {
  const raw = adapter as unknown as RawAccess;
  raw.executeScript = async (script) => {
    try {
      await raw.client.query(script);
    } catch (error) {
      raw.onError(error);
    }
  };
  const charColumns = new WeakMap<object, number[]>();
  const performIO = raw.performIO.bind(adapter);
  const queryRaw = raw.queryRaw.bind(adapter);
  raw.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(index);
      }
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  raw.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return adapter;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function runAdmin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function unrefNewTimers(): () => void {
  const original = globalThis.setTimeout;
  const patched = ((...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    if (typeof timer === "object" && timer && "unref" in timer) timer.unref();
    return timer;
  }) as typeof setTimeout;
  globalThis.setTimeout = Object.assign(patched, original);
  return () => {
    globalThis.setTimeout = original;
  };
}
