import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against the production build (`next build` first; `npm run test:e2e`
// does both) in Debian's Chromium: Playwright cannot download its own browsers on our machines.
// The server gets its own embedded PostgreSQL, storage and outbox under .data/e2e, emptied and
// loaded with the demo data at every run (--fresh).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_DATA = ".data/e2e";
// The programme's whole life (tests/e2e/lifecycle.spec.ts) runs on a second server of its own: an
// empty database with only the first administrator (no demo data), and a clock the test moves
// (E2E_TEST_CLOCK, lib/clock/test-clock.ts) so one kull lives a whole year in one run.
const LIFECYCLE_PORT = PORT + 2;
const LIFECYCLE_DATA = ".data/e2e-lifecycle";
process.env.E2E_LIFECYCLE_OUTBOX_DIR ??= `${LIFECYCLE_DATA}/outbox`;
process.env.E2E_LIFECYCLE_ADMIN ??= "ada.administrator@lifecycle.example.no";
// While developing, point the tests at a running server (E2E_BASE_URL=http://localhost:3000,
// with E2E_OUTBOX_DIR=.data/outbox); by default they start their own production server.
const EXTERNAL = process.env.E2E_BASE_URL;
// Debian's headless shell (package chromium-headless-shell, which .ci/run installs): the same
// Blink as /usr/bin/chromium without the full browser around it, as Playwright's own downloads use
// for headless runs. The end-to-end run is bound by the two cores, and the shell takes less of them:
// the every-page and student specs 3.6 → 2.9 minutes. Without it, the full browser.
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
process.env.E2E_OUTBOX_DIR ??= `${E2E_DATA}/outbox`;
// The two embedded PostgreSQL servers' ports, below Linux's ephemeral range (32768–60999): a port
// in it can be taken under us by an outgoing connection's local end. CI failed once that way, the
// second server's PostgreSQL exiting at start on 54340 while the first server's pool held
// connections (connect() takes even ports from that range first). Set here, so the workers and the
// security specs' direct database connection (tests/e2e/security/http.ts) read the same.
process.env.E2E_PG_PORT ??= "25439";
const PG_PORT = Number(process.env.E2E_PG_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // In CI also each test's start and duration (playwright-report/e2e-timeline.json, git-ignored):
  // the run is bound by the two cores, and where its minutes go is read from this.
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "playwright-report/e2e-timeline.json" }]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: EXTERNAL ?? `http://localhost:${PORT}`,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      // Chromium on Linux takes its own language (date fields as dd.mm.åååå, as Norwegian users
      // see them) from LANGUAGE, not from the context's locale; it needs Debian's chromium-l10n.
      env: { ...process.env, LANGUAGE: "nb", LANG: "nb_NO.UTF-8" },
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /(lifecycle|access-matrix|hostile-input|apply|intakes)\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // The access matrix and the fuzz tests (tests/e2e/security/): plain HTTP, no browser. They run
    // on the demo server after every other spec and alone (one worker), because they prove that a
    // refused request changed nothing by comparing the whole database before and after. The two
    // specs that make their own applicant and their own programme from nothing (apply, intakes)
    // run in this project too, on its one worker, one after the other with the security specs: beside
    // the programme's year (lifecycle, below) that worker had a minute and a half left idle. As a
    // project of their own, depending on this one, they waited for the lifecycle as well: Playwright
    // starts a project only when every project of the dependency level before it has ended (CI's
    // timeline, 8 December: one worker idle 93 s, then the two specs at the very end).
    // While developing, `--project security --no-deps` runs the four without the rest.
    {
      name: "security",
      testMatch: /(access-matrix|hostile-input|apply|intakes)\.spec\.ts$/,
      dependencies: ["chromium"],
      workers: 1,
      use: { ...devices["Desktop Chrome"], channel: undefined },
    },
    // The programme's year on its own server: its tests run in order on one worker. Its dependency on
    // the chromium specs is one of timing only: it runs after them, beside the security project (which
    // touches only the demo server), instead of as a one-worker tail after the chromium specs with the
    // security specs one-worker after it. A failing chromium spec therefore skips it; while
    // developing, `--project lifecycle --no-deps` runs it alone.
    {
      name: "lifecycle",
      testMatch: /lifecycle\.spec\.ts$/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${LIFECYCLE_PORT}` },
    },
  ],
  webServer: EXTERNAL
    ? undefined
    : [{
        command: "node --import tsx lib/cli/launch.ts start --fresh",
        url: `http://localhost:${PORT}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        env: {
          PORT: String(PORT),
          DATABASE_URL: "",
          EMBEDDED_PG_DIR: `${E2E_DATA}/postgres`,
          EMBEDDED_PG_PORT: String(PG_PORT),
          STORAGE_DIR: `${E2E_DATA}/storage`,
          MAIL_OUTBOX_DIR: process.env.E2E_OUTBOX_DIR,
          AUTH_SECRET: "e2e-secret-not-for-production-0123456789abcdef",
          APP_URL: `http://localhost:${PORT}`,
          SHOW_DEMO_ACCOUNTS: "false",
          // No trusted proxy: every test browser comes from one address, and the suite registers
          // more applicants than one address may in an hour. Per-address limits are therefore off
          // here (as in any deployment without TRUSTED_PROXY_HEADER); the per-account limits run,
          // and the per-address ones are tested in tests/integration/rate-limits.test.ts.
          SEED_DEMO_DATA: "true",
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
      {
        command: "node --import tsx lib/cli/launch.ts start --fresh",
        url: `http://localhost:${LIFECYCLE_PORT}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        env: {
          PORT: String(LIFECYCLE_PORT),
          DATABASE_URL: "",
          EMBEDDED_PG_DIR: `${LIFECYCLE_DATA}/postgres`,
          EMBEDDED_PG_PORT: String(PG_PORT + 1),
          STORAGE_DIR: `${LIFECYCLE_DATA}/storage`,
          MAIL_OUTBOX_DIR: process.env.E2E_LIFECYCLE_OUTBOX_DIR,
          AUTH_SECRET: "e2e-lifecycle-secret-not-for-production-0123456789",
          APP_URL: `http://localhost:${LIFECYCLE_PORT}`,
          SHOW_DEMO_ACCOUNTS: "false",
          SEED_DEMO_DATA: "false",
          INITIAL_ADMIN_EMAIL: process.env.E2E_LIFECYCLE_ADMIN,
          INITIAL_ADMIN_NAME: "Ada Administrator",
          E2E_TEST_CLOCK: "true",
          NEXT_TELEMETRY_DISABLED: "1",
        },
      },
    ],
});