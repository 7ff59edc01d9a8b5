/**
 * `npm run bench`: the app's pages under load beside the floor (a bare Next.js page of the same
 * HTML size), at two data scales, on this machine. See README "Benchmarks".
 *
 *   node --import tsx bench/run.ts [--skip-build] [--duration=S] [--scales=1,10] [--only=name,name] [--reuse-data] [--profile]
 *
 * 1. Builds the app and the floor (bench/floor) in production mode (unless --skip-build and a build
 *    exists).
 * 2. Starts an embedded PostgreSQL of its own (.data/bench/pg, port 54900), and per scale a fresh
 *    database with the generated dataset (bench/dataset.ts).
 * 3. Per scale: starts the app (port 3700) with BENCH_QUERY_STATS=true and the floor (port 3701),
 *    signs in each role through next-auth's credentials endpoint (as the login form does), and per
 *    page: one request alone to count statements and pool connections (GET /api/bench/stats),
 *    then autocannon (50 connections, a warm-up, then the measured run) on the page, on the
 *    floor at the page's HTML size, and (informative) on the floor at the page's HTML size and
 *    element count.
 *    Then the writes under load (bench/heavy.ts): a whole day's attendance saved (the server action,
 *    spread over every kull and held day; all on one day; 10×: one day in every kull), a hand-in
 *    upload (the route handler; one PDF per open hand-in of up to 50 students); the server's memory
 *    after all of it; then the heavy moments, timed: 200 decision letters sent and fetched as PDF,
 *    a declined offer reaching the next on the waiting list, eligibility of every student.
 * 4. First-load JavaScript of the student home, from the build's manifests (bench/first-load-js.ts).
 * 5. Prints one table and a "targets" section (each target of issue 21, measured vs target, pass or
 *    fail) and writes bench/results/bench-<time>.json and .md (git-ignored).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import path from "node:path";
import autocannon from "autocannon";
import { startEmbeddedPostgres, ensureDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/client";
import { productionNodeFlags } from "@/lib/cli/server-flags";
import { osloDate } from "@/lib/domain/application-deadline";
import { manifestActions } from "@/tests/e2e/security/action-wire";
import { BENCH_PASSWORD, seedBenchData, type BenchTargets } from "./dataset";
import { readFirstLoadJsBytes } from "./first-load-js";
import {
  attendanceLoad,
  eligibilityMoment,
  handInLoad,
  lettersMoment,
  openHandIns,
  quietServer,
  waitlistMoment,
  type AttendanceResult,
  type EligibilityResult,
  type HandInTask,
  type LettersResult,
  type LoadStats,
  type Single,
  type WaitlistResult,
} from "./heavy";

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "..");
// The data dir is inside the checkout, so two worktrees can run the bench side by side on their own ports.
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
/** Whether a section (a page, a write, a moment) is part of this run (`--only=` matches part of its name). */
const wanted = (name: string) => !ONLY || ONLY.some((part) => name.includes(part));
const WRITES = { attendance: "oppmøte: lagre dag", handIn: "innlevering" };
const MOMENTS = { letters: "200 vedtak", waitlist: "venteliste", eligibility: "kvalifisering" };
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
  ].filter((target) => wanted(target.name));
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
  /** The floor's own p50 at the page's kB: a page that grows with the data grows the floor's too. */
  floorP50: number;
  ratio: number;
  /** Elements in the page's HTML (tags outside scripts), and the floor at the same kB and elements (informative). */
  elements: number;
  denseFloorRequestsPerSecond: number;
  denseRatio: number;
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

/** `--profile`: the app server writes a V8 CPU profile (bench/results/profiles) when it stops. */
const PROFILE_DIR = path.join(ROOT, "bench/results/profiles");

function startServer(dir: string, port: number, env: Record<string, string>): ChildProcess {
  const profile = args.has("profile") && dir === "." ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  // Both with the heap settings `npm start` gives the app (lib/cli/server-flags.ts), so the ratio
  // compares the pages, not two heap policies.
  const heap = productionNodeFlags(process.env);
  const child = spawn(process.execPath, [...profile, ...heap, nextBin, "start", "--port", String(port)], {
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

/** Elements of a page's HTML outside its scripts (the inline RSC payload is not markup). */
function elementCount(html: string): number {
  return (html.replace(/<script\b[\s\S]*?<\/script>/g, "").match(/<[a-zA-Z]/g) ?? []).length;
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

interface ScaleResult {
  scale: 1 | 10;
  rows: Row[];
  memory: { idle: number; afterPages: number; afterLoad: number };
  targets: BenchTargets;
  seedSeconds: number;
  attendance: AttendanceResult | null;
  handIn: (LoadStats & { pdfKb: number; students: number; single: Single | null }) | null;
  letters: LettersResult | null;
  waitlist: WaitlistResult | null;
  eligibility: EligibilityResult | null;
  /** The student home's scripts as its HTML lists them (gzip kB), beside the manifests' figure. */
  studentHomeScriptsKb: number | null;
}

/** The gzip size of the /_next/static scripts a page's HTML loads, in kB. */
function scriptsKb(html: string): number {
  // Module scripts only: a nomodule script (the polyfills) is loaded by old browsers alone.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/nomodule/i.test(tag));
  const files = new Set(tags.flatMap((tag) => /src="\/_next\/(static\/[^"?]+\.js)/.exec(tag)?.[1] ?? []));
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += gzipSync(readFileSync(path.join(ROOT, ".next", file)), { level: 9 }).byteLength;
    } catch {
      // not a file of this build
    }
  }
  return Math.round(bytes / 102.4) / 10;
}

async function measureScale(scale: 1 | 10, pgUrlFor: (database: string) => string, adminUrl: string, today: string): Promise<ScaleResult> {
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
  const memory = { idle: 0, afterPages: 0, afterLoad: 0 };
  const result: ScaleResult = { scale, rows, memory, targets, seedSeconds, attendance: null, handIn: null, letters: null, waitlist: null, eligibility: null, studentHomeScriptsKb: null };
  const benchDb = createPrismaClient(url);
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
      // Twice, keeping the lower count: a background job (a cron tick, the mail queue) that runs
      // during the request adds its statements to the counters, and only ever adds.
      let single!: Response;
      let html!: ArrayBuffer;
      let stats = { statements: Number.POSITIVE_INFINITY, peakConnections: 0 };
      for (let attempt = 0; attempt < 2; attempt += 1) {
        await quietServer(base);
        const response = await fetch(`${base}${target.path}`, { headers, redirect: "manual" });
        const body = await response.arrayBuffer();
        const counted = (await fetch(`${base}/api/bench/stats`).then((r) => r.json())) as { statements: number; peakConnections: number };
        if (counted.statements < stats.statements) [single, html, stats] = [response, body, counted];
      }
      const htmlKb = Math.max(1, Math.round(html.byteLength / 1024));
      if (target.path === "/student") result.studentHomeScriptsKb = scriptsKb(Buffer.from(html).toString("utf8"));
      const floorUrl = `${floorBase}/?kb=${htmlKb}`;
      const elements = elementCount(Buffer.from(html).toString("utf8"));
      const denseFloorUrl = `${floorBase}/?kb=${htmlKb}&elements=${elements}`;

      await load(`${base}${target.path}`, cookie, WARMUP);
      const page = await load(`${base}${target.path}`, cookie, DURATION);
      await load(floorUrl, null, WARMUP);
      const bare = await load(floorUrl, null, DURATION);
      await load(denseFloorUrl, null, WARMUP);
      const dense = await load(denseFloorUrl, null, DURATION);
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
        floorP50: bare.latency.p50,
        ratio: Number((page.requests.average / Math.max(1, bare.requests.average)).toFixed(2)),
        elements,
        denseFloorRequestsPerSecond: Math.round(dense.requests.average),
        denseRatio: Number((page.requests.average / Math.max(1, dense.requests.average)).toFixed(2)),
        statements: stats.statements,
        connections: stats.peakConnections,
      };
      rows.push(row);
      console.log(`  ${row.page.padEnd(20)} ${String(row.requestsPerSecond).padStart(5)} req/s  floor ${String(row.floorRequestsPerSecond).padStart(5)}  ratio ${row.ratio.toFixed(2)}  (${row.elements} elements: floor ${row.denseFloorRequestsPerSecond}, ratio ${row.denseRatio.toFixed(2)})  p50 ${row.p50} ms  ${row.statements} stmts  ${row.connections} conns  ${row.htmlKb} kB  ${row.errors} errors`);
    }
    memory.afterPages = memoryMb(app.pid!);
    const actions = await manifestActions(ROOT);

    if (wanted(WRITES.attendance)) {
      const cookie = cookies.get("faglaerer@demo.no") ?? (await signIn(base, "faglaerer@demo.no"));
      result.attendance = await attendanceLoad({ db: benchDb, base, actions, cookie, cohortIds: targets.cohortIds, dayIds: targets.heldDayIds, connections: CONNECTIONS, seconds: DURATION, warmup: WARMUP });
      const one = result.attendance.single;
      console.log(`  oppmøte: lagre dag alene: ${one.ms} ms, ${one.statements} statements, ${one.connections} connections, svar ${one.kB} kB`);
      const bare = result.attendance.actionOnly;
      console.log(`  oppmøte: lagre dag alene, til /personvern: ${bare.ms} ms, ${bare.statements} statements, ${bare.connections} connections, svar ${bare.kB} kB`);
      for (const stats of [result.attendance.spread, result.attendance.sameDay, result.attendance.sameDayAllKull]) if (stats) console.log(`  ${loadLine(stats)}`);
    }
    if (wanted(WRITES.handIn)) {
      // Up to 50 bench students (one per connection), each signed in as the login form does; every
      // open hand-in of theirs once (a hand-in can be made once: later ones wait for the assessment).
      const students = await benchDb.user.findMany({
        where: { email: { startsWith: "bench.student." }, enrolments: { some: { status: "ACTIVE" } } },
        orderBy: { email: "asc" },
        take: CONNECTIONS,
        select: { id: true, email: true },
      });
      const studentCookies = new Map<string, string>();
      for (const student of students) studentCookies.set(student.id, await signIn(base, student.email));
      const open = await openHandIns(benchDb, students.map((student) => student.id));
      const tasks: HandInTask[] = [];
      // First every student's first open hand-in, then the second…: one student's uploads apart.
      for (let round = 0; open.some((list) => list[round]); round += 1) {
        for (const list of open) {
          const item = list[round];
          if (item) tasks.push({ cookie: studentCookies.get(item.userId)!, arbeidskravId: item.arbeidskravId, label: `${item.userId.slice(-6)}-${round + 1}` });
        }
      }
      result.handIn = { ...(await handInLoad({ base, tasks, connections: CONNECTIONS })), students: students.length };
      console.log(`  ${loadLine(result.handIn)} (${result.handIn.students} studenter, PDF ${result.handIn.pdfKb} kB)`);
    }
    memory.afterLoad = memoryMb(app.pid!);

    // The letters come from an intake of their own (200 applications at either scale): timed once,
    // at the first scale of the run, which keeps the whole run within its time.
    if (wanted(MOMENTS.letters) && scale === SCALES[0]) {
      const cookie = cookies.get("veileder@demo.no") ?? (await signIn(base, "veileder@demo.no"));
      result.letters = await lettersMoment({ db: benchDb, base, actions, cookie, today, count: 200 }).catch((error: unknown) => ({
        letters: 0, mailsQueued: 0, sendSeconds: 0, pdfSeconds: 0, totalSeconds: 0, pdfErrors: 0, ok: false, detail: `crashed: ${String((error as Error).cause ?? error)}`,
      }));
      console.log(`  200 vedtak: sendt ${result.letters.sendSeconds} s + ${result.letters.letters} PDF ${result.letters.pdfSeconds} s = ${result.letters.totalSeconds} s, ${result.letters.mailsQueued} e-poster i kø, ${result.letters.pdfErrors} PDF-feil (${result.letters.detail})`);
    }
    if (wanted(MOMENTS.waitlist)) {
      const cookie = cookies.get("soker@demo.no") ?? (await signIn(base, "soker@demo.no"));
      result.waitlist = await waitlistMoment({ db: benchDb, base, actions, cookie, email: "soker@demo.no", timeoutSeconds: 120 }).catch((error: unknown) => ({
        ok: false, seconds: null, detail: `crashed: ${String((error as Error).cause ?? error)}`,
      }));
      console.log(`  venteliste: ${result.waitlist.seconds ?? "–"} s (${result.waitlist.detail})`);
    }
    if (wanted(MOMENTS.eligibility)) {
      result.eligibility = await eligibilityMoment(benchDb, targets.cohortIds, today);
      console.log(`  kvalifisering: ${result.eligibility.students} studenter i ${result.eligibility.cohorts} kull på ${result.eligibility.milliseconds} ms`);
    }
  } finally {
    await benchDb.$disconnect();
    app.kill("SIGTERM");
    floor.kill("SIGTERM");
    await Promise.all([app, floor].map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)))));
  }
  return result;
}

function loadLine(stats: LoadStats): string {
  return `${stats.name.padEnd(20)} ${String(stats.requestsPerSecond).padStart(6)} /s  p50 ${stats.p50} ms  p95 ${stats.p95} ms  ${stats.requests} svar, ${stats.errors} feil${stats.errorSamples.length ? ` (${stats.errorSamples.join("; ")})` : ""}`;
}

/** The student home's first-load JavaScript (bench/first-load-js.ts, from branch issue21-people), kB = 1,024 bytes gzip. */
interface FirstLoadJs {
  route: string;
  kB: number;
}

interface TargetCheck {
  target: string;
  measured: string;
  goal: string;
  pass: boolean | null;
}

const fmt = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

/** Each target of issue 21: what was measured, the target, pass or fail (null: not measured in this run). */
function targetChecks(results: ScaleResult[], js: FirstLoadJs | null): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const pages = (result: ScaleResult) => result.rows.filter((row) => row.page !== "/api/health");
  for (const result of results) {
    const rows = pages(result);
    if (rows.length === 0) continue;
    const worst = [...rows].sort((a, b) => a.ratio - b.ratio)[0]!;
    const under = rows.filter((row) => row.ratio < 0.5);
    checks.push({ target: `${result.scale}×: every page ≥ 0.50 of the floor`, measured: `${rows.length - under.length}/${rows.length} pages; lowest ${worst.page} ${worst.ratio.toFixed(2)}`, goal: "≥ 0.50", pass: under.length === 0 });
    const errors = rows.reduce((sum, row) => sum + row.errors, 0);
    checks.push({ target: `${result.scale}×: errors under load (pages)`, measured: `${errors}${errors ? ` (${rows.filter((row) => row.errors).map((row) => row.page).join(", ")})` : ""}`, goal: "0", pass: errors === 0 });
    const most = [...rows].sort((a, b) => b.statements - a.statements)[0]!;
    checks.push({ target: `${result.scale}×: statements per request`, measured: `most ${most.statements} (${most.page}); ${rows.filter((row) => row.statements > 12).length} pages over 12`, goal: "≤ 12", pass: most.statements <= 12 });
    const held = [...rows].sort((a, b) => b.connections - a.connections)[0]!;
    checks.push({ target: `${result.scale}×: pool connections held by one request`, measured: `most ${held.connections} (${held.page})`, goal: "≤ 3", pass: held.connections <= 3 });
  }
  const one = results.find((result) => result.scale === 1);
  const ten = results.find((result) => result.scale === 10);
  if (one && ten) {
    const pairs = pages(one).flatMap((row) => {
      const other = pages(ten).find((candidate) => candidate.page === row.page);
      return other ? [{ page: row.page, one: row, ten: other }] : [];
    });
    const unequal = pairs.filter((pair) => pair.one.statements !== pair.ten.statements);
    checks.push({
      target: "statements equal at 1× and 10×",
      measured: unequal.length === 0 ? `all ${pairs.length} pages equal` : unequal.map((pair) => `${pair.page} ${pair.one.statements}→${pair.ten.statements}`).join(", "),
      goal: "equal",
      pass: unequal.length === 0,
    });
    // A page that completed no request within the run at either scale has no p50: not measured.
    const timed = pairs.filter((pair) => pair.one.requestsPerSecond > 0 && pair.ten.requestsPerSecond > 0);
    const slow = timed.filter((pair) => pair.ten.p50 > 1.5 * Math.max(1, pair.one.p50));
    const worst = [...timed].sort((a, b) => b.ten.p50 / Math.max(1, b.one.p50) - a.ten.p50 / Math.max(1, a.one.p50))[0];
    // Beside each slow page, the floor's own p50 at the page's kB at either scale: a page whose
    // HTML grows with the data (ten kull instead of one) slows the bare framework down too.
    const floorScaling = (pair: (typeof pairs)[number]) =>
      `floor at ${pair.one.htmlKb}→${pair.ten.htmlKb} kB ${pair.one.floorP50}→${pair.ten.floorP50} ms (${(pair.ten.floorP50 / Math.max(1, pair.one.floorP50)).toFixed(2)}×)`;
    checks.push({
      target: "p50 at 10× within 1.5× of 1×",
      measured: `${timed.length - slow.length}/${timed.length} pages with completed requests at both scales${worst ? `; most ${worst.page} ${worst.one.p50}→${worst.ten.p50} ms (${(worst.ten.p50 / Math.max(1, worst.one.p50)).toFixed(2)}×)` : ""}${slow.length ? `; over: ${slow.map((pair) => `${pair.page} ${(pair.ten.p50 / Math.max(1, pair.one.p50)).toFixed(2)}×, ${floorScaling(pair)}`).join("; ")}` : ""}${timed.length < pairs.length ? `; ${pairs.length - timed.length} pages completed no request` : ""}`,
      goal: "≤ 1.5×",
      pass: timed.length === 0 ? null : slow.length === 0 && timed.length === pairs.length,
    });
  }
  for (const result of results) {
    const attendance = result.attendance;
    if (attendance) {
      const parts = [`spread over ${attendance.spread.lists} lists: ${fmt(attendance.spread.requestsPerSecond)}/s`, `same day: ${fmt(attendance.sameDay.requestsPerSecond)}/s`];
      if (attendance.sameDayAllKull) parts.push(`one day in ${attendance.sameDayAllKull.lists} kull: ${fmt(attendance.sameDayAllKull.requestsPerSecond)}/s`);
      const errors = attendance.spread.errors + attendance.sameDay.errors + (attendance.sameDayAllKull?.errors ?? 0);
      checks.push({ target: `${result.scale}×: whole-day attendance saves (${attendance.studentsPerDay} students)`, measured: `${parts.join("; ")}; ${errors} errors`, goal: "≥ 200/s spread, 0 errors", pass: attendance.spread.requestsPerSecond >= 200 && errors === 0 });
    }
    if (result.handIn) checks.push({ target: `${result.scale}×: hand-in uploads`, measured: `${fmt(result.handIn.requestsPerSecond)}/s, p50 ${result.handIn.p50} ms, ${result.handIn.errors} errors of ${result.handIn.requests}`, goal: "0 errors", pass: result.handIn.errors === 0 });
    if (result.memory.afterLoad) checks.push({ target: `${result.scale}×: server memory after the load`, measured: `${result.memory.afterLoad} MB (idle ${result.memory.idle} MB)`, goal: "≤ 600 MB", pass: result.memory.afterLoad <= 600 });
    if (result.letters) checks.push({ target: `${result.scale}×: 200 letters as PDF and queued`, measured: result.letters.ok ? `${result.letters.totalSeconds} s (send ${result.letters.sendSeconds} s, PDFs ${result.letters.pdfSeconds} s)` : `failed: ${result.letters.detail}`, goal: "≤ 10 s", pass: result.letters.ok && result.letters.totalSeconds <= 10 });
    if (result.waitlist) checks.push({ target: `${result.scale}×: declined place offered to the next`, measured: result.waitlist.seconds !== null ? `${result.waitlist.seconds} s` : result.waitlist.detail, goal: "≤ 60 s", pass: result.waitlist.ok && (result.waitlist.seconds ?? Infinity) <= 60 });
    if (result.eligibility) checks.push({ target: `${result.scale}×: eligibility of ${result.eligibility.students} students (${result.eligibility.cohorts} kull)`, measured: `${result.eligibility.milliseconds} ms`, goal: "(timed; no target)", pass: null });
  }
  if (js) checks.push({ target: "first-load JS of the student home", measured: `${js.kB} kB gzip`, goal: "≤ 150 kB", pass: js.kB <= 150 });
  return checks;
}

function loadRow(scale: number, stats: LoadStats, extra = ""): string {
  return `| ${scale}× | ${stats.name}${extra} | ${fmt(stats.requestsPerSecond)} | ${stats.p50} | ${stats.p95} | ${stats.p99} | ${stats.errors} of ${stats.requests} | ${stats.errorSamples.join("; ")} |`;
}

function markdown(results: ScaleResult[], js: FirstLoadJs | null, checks: TargetCheck[], when: string): string {
  const lines = [
    `# npm run bench — ${when}`,
    "",
    `${CONNECTIONS} connections, ${DURATION} s per run after ${WARMUP} s warm-up. Ratio = page req/s ÷ floor req/s at the page's HTML size, measured right after it. Dense floor = the floor at the page's HTML size *and* element count (informative: React's cost grows with elements, and the plain floor has a fifth of the app's elements per kB; the target is the plain ratio). Statements and connections: one request alone. p95 is autocannon's p97.5 for the pages (autocannon reports no p95); exact for the writes.`,
    "",
    "## Pages",
    "",
    "| scale | page | req/s | floor req/s | ratio | elements | dense floor req/s | dense ratio | p50 ms | p97.5 ms | p99 ms | errors | statements | connections | kB |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const result of results) {
    for (const row of result.rows) {
      lines.push(`| ${row.scale}× | ${row.page} | ${row.requestsPerSecond} | ${row.floorRequestsPerSecond} | ${row.ratio.toFixed(2)} | ${row.elements} | ${row.denseFloorRequestsPerSecond} | ${row.denseRatio.toFixed(2)} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.errors} | ${row.statements} | ${row.connections} | ${row.htmlKb} |`);
    }
  }
  const writes = results.filter((result) => result.attendance || result.handIn);
  if (writes.length > 0) {
    lines.push("", "## Writes under load", "", "Successful answers per second (the action's own result checked, not only HTTP 200); latencies of every answer.", "", "| scale | write | ok/s | p50 ms | p95 ms | p99 ms | errors | error samples |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
    const single = (scale: number, what: string, one: Single | null | undefined) =>
      one ? [`| ${scale}× | ${what}: one alone | – | ${one.ms} | – | – | – | ${one.statements} statements, ${one.connections} connections, answer ${one.kB} kB |`] : [];
    for (const result of writes) {
      const a = result.attendance;
      if (a) lines.push(...single(result.scale, "oppmøte: lagre dag (til dagens side)", a.single), ...single(result.scale, "oppmøte: lagre dag (til /personvern, uten dagens side)", a.actionOnly));
      if (result.handIn) lines.push(...single(result.scale, "innlevering", result.handIn.single));
      if (a) {
        lines.push(loadRow(result.scale, a.spread, ` (${a.studentsPerDay} studenter, ${a.spread.lists} kull×dag)`));
        lines.push(loadRow(result.scale, a.sameDay));
        if (a.sameDayAllKull) lines.push(loadRow(result.scale, a.sameDayAllKull, ` (${a.sameDayAllKull.lists} kull)`));
      }
      if (result.handIn) lines.push(loadRow(result.scale, result.handIn, ` (${result.handIn.students} studenter, PDF ${result.handIn.pdfKb} kB)`));
    }
  }
  const moments = results.filter((result) => result.letters || result.waitlist || result.eligibility);
  if (moments.length > 0) {
    lines.push("", "## Heavy moments", "", "| scale | moment | time | details |", "| --- | --- | ---: | --- |");
    for (const result of moments) {
      const l = result.letters;
      if (l) lines.push(`| ${result.scale}× | 200 vedtak sendt, som PDF og i kø | ${l.totalSeconds} s | send ${l.sendSeconds} s, ${l.letters} PDF ${l.pdfSeconds} s (10 om gangen), ${l.mailsQueued} e-poster i kø, ${l.pdfErrors} PDF-feil; ${l.ok ? "ok" : `FEIL: ${l.detail}`} |`);
      const w = result.waitlist;
      if (w) lines.push(`| ${result.scale}× | takket nei → neste på ventelisten får tilbud | ${w.seconds ?? "–"} s | ${w.detail}; the job polls every 1 s (lib/jobs/queue.ts, pollingIntervalSeconds) |`);
      const e = result.eligibility;
      if (e) lines.push(`| ${result.scale}× | kvalifisering (evaluateCohortsEligibility) | ${e.milliseconds} ms | ${e.students} studenter i ${e.cohorts} kull, ett kall (varmt) |`);
    }
  }
  lines.push("", "## Data and memory", "", "| scale | data | seed s | memory idle | after the pages | after the writes |", "| --- | --- | ---: | ---: | ---: | ---: |");
  for (const result of results) {
    const t = result.targets;
    lines.push(`| ${result.scale}× | ${t.applications} søknader, ${t.students} studenter i ${t.cohorts} kull, ${t.handIns ?? "?"} innleveringer (${t.assessments ?? "?"} vurdert), ${t.studentLetters ?? "?"} brev | ${result.seedSeconds.toFixed(1)} | ${result.memory.idle} MB | ${result.memory.afterPages} MB | ${result.memory.afterLoad || "–"} MB |`);
  }
  if (js) {
    const fromHtml = results.find((result) => result.studentHomeScriptsKb !== null)?.studentHomeScriptsKb;
    lines.push("", "## First-load JavaScript", "", `Student home (${js.route}): **${js.kB} kB** gzip (1 kB = 1,024 bytes) from the build's manifests (root main files + the route's entry chunks)${fromHtml !== undefined ? `; the scripts its HTML loads: ${fromHtml} kB` : ""}.`);
  }
  lines.push("", "## Targets (issue 21)", "", "| target | measured | target | result |", "| --- | --- | --- | --- |");
  for (const check of checks) lines.push(`| ${check.target} | ${check.measured} | ${check.goal} | ${check.pass === null ? "–" : check.pass ? "pass" : "**FAIL**"} |`);
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
  const js = wanted("first-load") ? { route: "/(student)/student", kB: Math.round(readFirstLoadJsBytes(path.join(ROOT, ".next"), "/(student)/student") / 102.4) / 10 } : null;
  const checks = targetChecks(results, js);
  const when = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  const md = markdown(results, js, checks, when);
  console.log(`\n${md}`);
  const out = path.join(ROOT, "bench/results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, `bench-${when}.json`), JSON.stringify({ when, connections: CONNECTIONS, duration: DURATION, results, firstLoadJs: js, targets: checks }, null, 2));
  writeFileSync(path.join(out, `bench-${when}.md`), md);
  console.log(`Skrevet: bench/results/bench-${when}.json og .md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
