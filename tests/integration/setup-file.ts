// Runs before each integration test file: gives it a database of its own (cloned from the
// migrated template), its own storage folder and outbox, and a stand-in for the session cookie.
// The files of one worker share their modules (vitest.config.ts), so this also puts back what
// the previous file may have changed: the environment, env()'s cache, the storage, the session.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject, vi } from "vitest";
import { resetEnv } from "@/lib/env";
import { setStorage } from "@/lib/storage";

const adminUrl = inject("adminDatabaseUrl");
const template = inject("templateDatabase");
const database = `bvl_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${template}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
const workDir = await mkdtemp(path.join(tmpdir(), "bvl-files-"));
// The environment as the worker started, before any file changed it (a file that sets SMTP_URL
// for its own mail server must not send the next file's mail there).
const holder = globalThis as { __workerEnv?: Record<string, string | undefined> };
holder.__workerEnv ??= { ...process.env };
for (const key of Object.keys(process.env)) if (!(key in holder.__workerEnv)) delete process.env[key];
Object.assign(process.env, holder.__workerEnv, {
  DATABASE_URL: url.toString(),
  AUTH_SECRET: "integration-test-secret-0123456789abcdef",
  STORAGE_DIR: path.join(workDir, "storage"),
  MAIL_OUTBOX_DIR: path.join(workDir, "outbox"),
  APP_URL: "http://localhost:3000",
  // As behind one reverse proxy that appends the client's address (tests set the header).
  TRUSTED_PROXY_HEADER: "x-forwarded-for",
  TRUSTED_PROXY_HOPS: "1",
});
// A fresh client for this file's database, and the environment and storage read again: the
// files of one worker share their modules (vitest.config.ts, isolate: false) and globalThis.
Object.assign(globalThis, { __db: undefined, __testSessionId: null, __testRequestHeaders: undefined, __continueAttempt: undefined });
resetEnv();
setStorage(undefined);

// The session cookie, as the tests set it (see tests/integration/support.ts): per async context
// when a test runs calls "as" different sessions at once (asSession), else the signed-in one.
vi.mock("@/lib/server/auth/current-session", () => ({
  currentSessionId: async () => {
    const holder = globalThis as { __testSessionId?: string | null; __testSessions?: { getStore(): string | undefined } };
    return holder.__testSessions?.getStore() ?? holder.__testSessionId ?? null;
  },
}));
// The request's headers (client address, user agent), as a test sets them in
// globalThis.__testRequestHeaders; the real module reads them from Next.js's request.
vi.mock("@/lib/server/request-context", async () => {
  const { clientAddressFrom } = await import("@/lib/http/client-address");
  const { trustedProxy } = await import("@/lib/env");
  const requestHeaders = async () => new Headers((globalThis as { __testRequestHeaders?: Record<string, string> }).__testRequestHeaders ?? {});
  return { requestHeaders, requestClientAddress: async () => clientAddressFrom(await requestHeaders(), trustedProxy()) };
});
// The step an applicant last asked to go on from is a cookie in her browser; here one value,
// as for one browser (the tests sign in one person at a time).
vi.mock("@/lib/server/applications/continue-attempt", async (importOriginal) => {
  const { continueAttemptKey } = await importOriginal<typeof import("@/lib/server/applications/continue-attempt")>();
  const holder = globalThis as { __continueAttempt?: string | null };
  return {
    continueAttemptKey,
    rememberContinueAttempt: async (applicationId: string, step: string, positionId?: string) => {
      holder.__continueAttempt = continueAttemptKey(applicationId, step, positionId);
    },
    continueAttempted: async (applicationId: string, step: string, positionId?: string) => holder.__continueAttempt === continueAttemptKey(applicationId, step, positionId),
  };
});
// revalidatePath needs a Next.js request; the tests check data, not caches.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

afterAll(async () => {
  const holder = globalThis as { __db?: { $disconnect(): Promise<void> }; __jobRunner?: unknown };
  // A job runner a file started works on this file's database: it goes with it.
  if (holder.__jobRunner) await (await import("@/lib/jobs/queue")).stopJobRunner();
  await holder.__db?.$disconnect();
  holder.__db = undefined;
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await cleanup.end();
  await rm(workDir, { recursive: true, force: true });
});
