// The attacker's tools for the security specs (access-matrix.spec.ts, hostile-input.spec.ts):
// server actions called the way a crafted POST calls them (the `Next-Action` header with the id
// from the build's server-reference manifest, the arguments in React's reply encoding), route
// handlers called with plain HTTP, one cookie jar per persona, and a fingerprint of the database
// and the file store to show that a refused request changed nothing.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "@/prisma/seed/demo-accounts";
import { actionForm, actionResult, manifestActions, postSignIn, type ManifestAction } from "./action-wire";

export const BASE_URL = process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const FOREIGN_ORIGIN = "https://angriper.example";
export type OriginMode = "own" | "foreign" | "none";

// ─── Actions ────────────────────────────────────────────────────────────────────────────────────

export type { ManifestAction };
export { manifestActions };

/** Every route handler of the build ("/api/dokumenter/[id]") with the methods its source exports. */
export async function manifestRoutes(): Promise<Map<string, string[]>> {
  const file = path.join(process.cwd(), ".next/server/app-paths-manifest.json");
  const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, string>;
  const routes = new Map<string, string[]>();
  for (const [key, built] of Object.entries(manifest)) {
    if (!key.endsWith("/route")) continue;
    // Metadata files (app/icon.svg) are served by routes Next.js makes itself: no handler of ours.
    const source = await readFile(path.join(process.cwd(), built.replace(/\.js$/, ".ts")), "utf8").catch(() => null);
    if (source === null) continue;
    const methods = new Set<string>();
    for (const match of source.matchAll(/export (?:async function|const|function) (GET|HEAD|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]!);
    for (const match of source.matchAll(/export const \{([^}]*)\}/g)) {
      for (const name of match[1]!.split(",").map((part) => part.trim())) if (/^(GET|HEAD|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
    }
    routes.set(key.slice(0, -"/route".length).replace(/\/\([^)]+\)/g, ""), [...methods].sort());
  }
  return routes;
}

export type Fields = readonly (readonly [string, string])[];

export interface ActionAnswer {
  status: number;
  /** The ActionState the action returned, when it returned one. */
  state: { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]>; signedOut?: boolean; saved?: boolean } | null;
  /** Where the action redirected (redirect() inside the action). */
  redirect: string | null;
  /** The action threw: React's error row instead of a result (the client shows a crash). */
  crashed: boolean;
  body: string;
}

// A public page: every action can be posted to any page (the way an attacker would; Next.js hands
// it to the page that carries the action), and a public one lets an anonymous request reach the
// action itself rather than the proxy's sign-in redirect.
const ACTION_PAGE = "/personvern";

/**
 * Calls a server action as `useActionState` does: the form's fields as FormData reference 1,
 * the arguments `[previousState, formData]` as the root (React's reply encoding; the root goes
 * last, after the parts it refers to).
 */
export async function callAction(
  context: APIRequestContext,
  action: ManifestAction,
  fields: Fields,
  origin: OriginMode = "own",
  args: "state-and-form" | "form" = "state-and-form",
): Promise<ActionAnswer> {
  // useActionState passes (previousState, formData); a plain <form action> passes (formData).
  const form = actionForm(fields, args);
  const headers: Record<string, string> = { "Next-Action": action.id, Accept: "text/x-component" };
  if (origin === "own") headers.Origin = new URL(BASE_URL).origin;
  if (origin === "foreign") headers.Origin = FOREIGN_ORIGIN;
  const response = await context.post(ACTION_PAGE, { multipart: form, headers, maxRedirects: 0, failOnStatusCode: false });
  const raw = await response.body();
  const body = raw.toString("utf8");
  const { state, crashed } = actionResult(raw);
  const redirect = response.headers()["x-action-redirect"] ?? (response.status() >= 300 && response.status() < 400 ? response.headers().location ?? null : null);
  return { status: response.status(), state, redirect: redirect ? redirect.split(";")[0]! : null, crashed, body };
}

// ─── Personas ───────────────────────────────────────────────────────────────────────────────────

/**
 * A request context signed in as `email` (through the sign-in action, as a crafted POST), or
 * anonymous. The session cookie is `Secure` in a production build, which an HTTP client keeps
 * out of its jar on http://localhost, so it is carried as a header.
 */
export async function personaContext(email: string | null, actions: Map<string, ManifestAction>): Promise<APIRequestContext> {
  // Anonymous carries a made-up session cookie: the proxy's redirect of signed-out visitors looks
  // only for the cookie's presence (a convenience, never the guard), so this reaches each action's
  // and route's own check, as an attacker's request would.
  if (email === null) return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Cookie: `__Secure-authjs.session-token=${"x".repeat(43)}` } });
  const signIn = actions.get("lib/actions/sign-in.ts#signInWithPassword");
  if (!signIn) throw new Error("signInWithPassword is not in the build's manifest");
  const anonymous = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const { cookie: session } = await postSignIn(anonymous, signIn.id, new URL(BASE_URL).origin, email, DEMO_PASSWORD).finally(() => anonymous.dispose());
  return playwrightRequest.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Cookie: session } });
}

// ─── The database and the file store ───────────────────────────────────────────────────────────

const E2E_DATA = ".data/e2e";

export async function database(): Promise<pg.Client> {
  // Set by playwright.config.ts, which starts the server on it.
  const port = Number(process.env.E2E_PG_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error("E2E_PG_PORT is not set: run the security specs through Playwright (playwright.config.ts sets it).");
  const credentials = JSON.parse(await readFile(path.join(E2E_DATA, "postgres/credentials.json"), "utf8")) as { password: string };
  const client = new pg.Client({
    host: "127.0.0.1",
    port,
    user: "postgres",
    password: credentials.password,
    database: "barnevernledelse",
  });
  await client.connect();
  return client;
}

// Tables a refused request may legitimately touch: a session's last-seen time, rate-limit
// counters. The mail queue's delivery columns change as the background job sends; the queue's
// rows themselves (who, which message) are part of the fingerprint.
const VOLATILE_TABLES = new Set(["Session", "RateLimit", "_prisma_migrations"]);

/**
 * One text that changes when any row of the application's tables changes (md5 of every row in a
 * stable order), and the number of stored files. Compared before and after a refused request.
 */
export async function fingerprint(client: pg.Client): Promise<string> {
  const tables = (
    await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
  ).rows
    .map((row) => row.name)
    .filter((name) => !VOLATILE_TABLES.has(name));
  const parts = tables.map((name) =>
    name === "MailMessage"
      ? `(SELECT count(*) || ':' || md5(coalesce(string_agg(id || "dedupeKey", ',' ORDER BY id), '')) FROM "MailMessage")`
      : `(SELECT count(*) || ':' || md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "${name}" t)`,
  );
  const { rows } = await client.query<{ print: string }>(`SELECT concat_ws('|', ${parts.join(", ")}) AS print`);
  const files = await countFiles(path.join(E2E_DATA, "storage"));
  return `${rows[0]!.print}|files:${files}`;
}

/**
 * Waits (polling, up to 30 s) until the app's background jobs have nothing queued or running. A
 * request that succeeds may ask for one (an offer declined asks the waiting-list job to pass the
 * place on), and its writes would land inside the next comparison of fingerprints.
 */
export async function backgroundIdle(client: pg.Client): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    const { rows } = await client.query<{ busy: number }>(
      `SELECT count(*)::int AS busy FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`,
    );
    if (rows[0]!.busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the background jobs never went idle");
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let count = 0;
  for (const entry of entries) {
    count += entry.isDirectory() ? await countFiles(path.join(dir, entry.name)) : 1;
  }
  return count;
}

/** A well-formed id that belongs to nothing (the shape lib/validation/ids.ts accepts). */
export const NO_SUCH_ID = `c${"0".repeat(24)}`;
