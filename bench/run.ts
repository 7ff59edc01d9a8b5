/**
 * `npm run bench`: the app's pages under load beside the floor (a bare Next.js page of the same
 * HTML size), at two data scales, on this machine. See README "Benchmarks".
 *
 *   node --import tsx bench/run.ts [--skip-build] [--duration=S] [--scales=1,10] [--only=name,name] [--reuse-data]
 *
 * 1. Builds the app and the floor (bench/floor) in production mode (unless --skip-build and a build
 *    exists).
 * 2. Starts an embedded PostgreSQL of its own (.data/bench/pg, port 54900), and per scale a fresh
 *    database with the generated dataset (bench/dataset.ts).
 * 3. Per scale: starts the app (port 3700) with BENCH_QUERY_STATS=true and the floor (port 3701),
 *    signs in each role through next-auth's credentials endpoint (as the login form does), and per
 *    page: one request alone to count statements and pool connections (GET /api/bench/stats),
 *    then autocannon (50 connections, a warm-up, then the measured run) on the page and on the
 *    floor at the page's HTML size.
 * 4. Prints one table and writes bench/results/bench-<time>.json and .md (git-ignored).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";
import { startEmbeddedPostgres, ensureDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { osloDate } from "@/lib/domain/application-deadline";
import { BENCH_PASSWORD, seedBenchData, type BenchTargets } from "./dataset";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "..");
const DATA = path.join(ROOT, ".data/bench");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3700);
const FLOOR_PORT = APP_PORT + 1;
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54900);
const CONNECTIONS = 50;
const args = new Map(process.argv.slice(2).map((arg) => { const [key, value] = arg.replace(/^--/, "").split("="); return [key!, value ?? "true"]; }));
const DURATION = Number(args.get("duration") ?? 6);
const WARMUP = Math.max(1, Math.round(DURATION / 3));
const SCALES = (args.get("scales") ?? "1,10").split(",").map(Number) as (1 | 10)[];
const ONLY = args.get("only")?.split(",");
const AUTH_SECRET = "bench-only-secret-bench-only-secret-0123456789";
const nextBin = require.resolve("next/dist/bin/next");

interface Target { name: string; path: string; account: string | null }

function targetsFor(t: BenchTargets): Target[] {
  const kull = `/kull/${t.runningCohortId}`;
  const intake = `/veileder/opptak/${t.openCohortId}`;
  return [
    { name: "/ (forside)", path: "/", account: null },
    { name: "søker: hjem", path: "/soker", account: "soker@demo.no" },
    { name: "veileder: hjem", path: "/veileder", account: "veileder@demo.no" },
    { name: "opptak: oversikt", path: intake, account: "veileder@demo.no" },
    { name: "opptak: rangering", path: `${intake}/rangering`, account: "veileder@demo.no" },
    { name: "opptak: søknad", path: `${intake}/soknad/${t.applicationId}`, account: "veileder@demo.no" },
    { name: "faglærer: hjem", path: "/faglaerer", account: "faglaerer@demo.no" },
    { name: "kull: oversikt", path: kull, account: "faglaerer@demo.no" },
    { name: "oppmøte: dag", path: `${kull}/oppmote/${t.attendanceDayId}`, account: "faglaerer@demo.no" },
    { name: "oppmøte: tabell", path: `${kull}/oppmote`, account: "faglaerer@demo.no" },
    { name: "eksamen: liste", path: `${kull}/eksamen`, account: "faglaerer@demo.no" },
    { name: "student: hjem", path: "/student", account: "student@demo.no" },
    { name: "student: oppmøte", path: "/student/oppmote", account: "student@demo.no" },
    { name: "/api/health", path: "/api/health", account: null },
  ].filter((target) => !ONLY || ONLY.some((name) => target.name.includes(name)));
}

interface Row {
  scale: number;
  page: string;
  status: number;
  htmlKb: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  floorRequestsPerSecond: number;
  ratio: number;
  statements: number;
  connections: number;
}

function run(command: string, commandArgs: string[], cwd = ROOT) {
  const result = spawnSync(process.execPath, [command, ...commandArgs], { cwd, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(" ")} failed`);
}

function build() {
  const skip = args.has("skip-build");
  if (!skip || !existsSync(path.join(ROOT, ".next/BUILD_ID"))) {
    console.log("▶ next build (app)");
    run(nextBin, ["build"]);
  }
  if (!skip || !existsSync(path.join(ROOT, "bench/floor/.next/BUILD_ID"))) {
    console.log("▶ next build (floor)");
    run(nextBin, ["build"], path.join(ROOT, "bench/floor"));
  }
}

const children = new Set<ChildProcess>();

function startServer(dir: string, port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    cwd: path.join(ROOT, dir),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${port}] ${chunk}`));
  child.stdout!.resume();
  return child;
}

async function waitFor(url: string, child: ChildProcess) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} stopped (exit ${child.exitCode}); is its port taken?`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Signs in as the login form does: next-auth's CSRF token, then its credentials callback. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookies },
    body: new URLSearchParams({ email, password: BENCH_PASSWORD, csrfToken, callbackUrl: base }),
  });
  const session = response.headers.getSetCookie().find((cookie) => cookie.includes("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session.split(";")[0]!;
}

async function load(url: string, cookie: string | null, duration: number) {
  const headers = cookie ? { cookie } : undefined;
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

/** Resident memory of a process and its children, in MB (from /proc). */
function memoryMb(pid: number): number {
  const rss = (id: number): number => {
    try {
      const status = readFileSync(`/proc/${id}/status`, "utf8");
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      return kb + children.reduce((sum, child) => sum + rss(child), 0);
    } catch {
      return 0;
    }
  };
  return Math.round(rss(pid) / 1024);
}

async function measureScale(scale: 1 | 10, pgUrlFor: (database: string) => string, adminUrl: string, today: string): Promise<{ rows: Row[]; memory: { idle: number; afterLoad: number }; targets: BenchTargets; seedSeconds: number }> {
  const database = `bench_${scale}x`;
  const url = pgUrlFor(database);
  const storage = path.join(DATA, "storage");
  process.env.STORAGE_DIR = storage;
  process.env.MAIL_OUTBOX_DIR = path.join(DATA, "outbox");
  const saved = path.join(DATA, `targets-${scale}x.json`);
  let targets: BenchTargets;
  let seedSeconds = 0;
  if (args.has("reuse-data") && existsSync(saved)) {
    // The dataset of an earlier run today (same day, same data: the seed is deterministic per day).
    targets = JSON.parse(readFileSync(saved, "utf8")) as BenchTargets;
  } else {
    await ensureDatabase(adminUrl, database);
    await applyMigrations(url);
    const started = performance.now();
    const client = createPrismaClient(url);
    try {
      targets = await seedBenchData(client, { today, scale });
    } finally {
      await client.$disconnect();
    }
    seedSeconds = (performance.now() - started) / 1000;
    writeFileSync(saved, JSON.stringify(targets));
  }
  console.log(`▶ ${scale}×: ${targets.applications} søknader, ${targets.students} studenter i ${targets.cohorts} kull (${seedSeconds.toFixed(1)} s)`);

  const base = `http://127.0.0.1:${APP_PORT}`;
  const floorBase = `http://127.0.0.1:${FLOOR_PORT}`;
  const app = startServer(".", APP_PORT, {
    DATABASE_URL: url,
    AUTH_SECRET,
    APP_URL: base,
    AUTH_URL: base,
    STORAGE_DIR: storage,
    MAIL_OUTBOX_DIR: process.env.MAIL_OUTBOX_DIR!,
    BENCH_QUERY_STATS: "true",
  });
  const floor = startServer("bench/floor", FLOOR_PORT, {});
  const rows: Row[] = [];
  let memory = { idle: 0, afterLoad: 0 };
  try {
    await Promise.all([waitFor(`${base}/api/health`, app), waitFor(`${floorBase}/?kb=1`, floor)]);
    const cookies = new Map<string, string>();
    for (const target of targetsFor(targets)) {
      if (target.account && !cookies.has(target.account)) cookies.set(target.account, await signIn(base, target.account));
    }
    memory.idle = memoryMb(app.pid!);
    for (const target of targetsFor(targets)) {
      const cookie = target.account ? cookies.get(target.account)! : null;
      const headers: Record<string, string> = cookie ? { cookie } : {};
      // Warm (compiles nothing in production, but fills caches), then one request alone, counted.
      await fetch(`${base}${target.path}`, { headers, redirect: "manual" }).then((r) => r.arrayBuffer());
      await fetch(`${base}/api/bench/stats`).then((r) => r.json());
      const single = await fetch(`${base}${target.path}`, { headers, redirect: "manual" });
      const html = await single.arrayBuffer();
      const stats = (await fetch(`${base}/api/bench/stats`).then((r) => r.json())) as { statements: number; peakConnections: number };
      const htmlKb = Math.max(1, Math.round(html.byteLength / 1024));
      const floorUrl = `${floorBase}/?kb=${htmlKb}`;

      await load(`${base}${target.path}`, cookie, WARMUP);
      const page = await load(`${base}${target.path}`, cookie, DURATION);
      await load(floorUrl, null, WARMUP);
      const bare = await load(floorUrl, null, DURATION);
      const row: Row = {
        scale,
        page: target.name,
        status: single.status,
        htmlKb,
        requestsPerSecond: Math.round(page.requests.average),
        p50: page.latency.p50,
        p95: page.latency.p97_5 ?? 0,
        p99: page.latency.p99,
        errors: page.errors + page.timeouts + page.non2xx,
        floorRequestsPerSecond: Math.round(bare.requests.average),
        ratio: Number((page.requests.average / Math.max(1, bare.requests.average)).toFixed(2)),
        statements: stats.statements,
        connections: stats.peakConnections,
      };
      rows.push(row);
      console.log(`  ${row.page.padEnd(20)} ${String(row.requestsPerSecond).padStart(5)} req/s  floor ${String(row.floorRequestsPerSecond).padStart(5)}  ratio ${row.ratio.toFixed(2)}  p50 ${row.p50} ms  ${row.statements} stmts  ${row.connections} conns  ${row.htmlKb} kB  ${row.errors} errors`);
    }
    memory.afterLoad = memoryMb(app.pid!);
  } finally {
    app.kill("SIGTERM");
    floor.kill("SIGTERM");
    await Promise.all([app, floor].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))));
  }
  memory = { ...memory };
  return { rows, memory, targets, seedSeconds };
}

function markdown(results: Awaited<ReturnType<typeof measureScale>>[], when: string): string {
  const lines = [
    `# npm run bench — ${when}`,
    "",
    `${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s warm-up. Ratio = page req/s ÷ floor req/s at the page's HTML size, measured right after it.`,
    "",
    "| scale | page | req/s | floor req/s | ratio | p50 ms | p97.5 ms | p99 ms | errors | statements | connections | kB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push(`| ${row.scale}× | ${row.page} | ${row.requestsPerSecond} | ${row.floorRequestsPerSecond} | ${row.ratio.toFixed(2)} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.errors} | ${row.statements} | ${row.connections} | ${row.htmlKb} |`);
    }
  }
  lines.push("", "| scale | data | server memory idle | after load |", "| --- | --- | ---: | ---: |");
  for (const result of results) {
    const t = result.targets;
    lines.push(`| ${result.rows[0]?.scale ?? "?"}× | ${t.applications} søknader, ${t.students} studenter, ${t.cohorts} kull | ${result.memory.idle} MB | ${result.memory.afterLoad} MB |`);
  }
  return lines.join("\n") + "\n";
}

async function main() {
  build();
  if (!args.has("reuse-data")) {
    for (const dir of ["pg", "storage", "outbox"]) rmSync(path.join(DATA, dir), { recursive: true, force: true });
    for (const scale of [1, 10]) rmSync(path.join(DATA, `targets-${scale}x.json`), { force: true });
  }
  mkdirSync(DATA, { recursive: true });
  const server = await startEmbeddedPostgres({ dataDir: path.join(DATA, "pg"), port: PG_PORT, database: "bench_admin", log: () => {} });
  // Ctrl+C stops the servers (children) and PostgreSQL too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      for (const child of children) child.kill("SIGTERM");
      void server.stop().finally(() => process.exit(130));
    });
  }
  const today = osloDate(new Date());
  const results = [];
  try {
    for (const scale of SCALES) results.push(await measureScale(scale, server.urlFor, server.urlFor("postgres"), today));
  } finally {
    await server.stop();
  }
  const when = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  const md = markdown(results, when);
  console.log(`\n${md}`);
  const out = path.join(ROOT, "bench/results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `bench-${when}.json`), JSON.stringify({ when, connections: CONNECTIONS, duration: DURATION, results }, null, 2));
  writeFileSync(path.join(out, `bench-${when}.md`), md);
  console.log(`Skrevet: bench/results/bench-${when}.json og .md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
