// Runs once when the server starts: a bad configuration stops it here, with a clear message,
// a production server says what it is still missing, and the background job worker starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env, productionWarnings } = await import("@/lib/env");
    const config = env();
    for (const warning of productionWarnings(config)) console.warn(`[config] ${warning}`);
    const { installTestClock, testClockRequested } = await import("@/lib/clock/test-clock");
    if (testClockRequested()) {
      installTestClock(config.APP_URL);
      console.warn("[config] E2E_TEST_CLOCK is set: the server's clock can be moved by the end-to-end tests. Never in a deployment.");
    }
    if (process.env.JOBS_WORKER !== "false") {
      const { startWorker } = await import("@/lib/worker/jobs");
      // A worker that cannot start must not keep the site down; the error is in the log.
      await startWorker(config.DATABASE_URL).catch((error) => console.error("[jobs] Kunne ikke starte bakgrunnsjobbene", error));
    }
  }
}
