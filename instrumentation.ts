// Runs once when the server starts: a bad configuration stops it here, with a clear message,
// and a production server says what it is still missing.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env, productionWarnings } = await import("@/lib/env");
    const config = env();
    for (const warning of productionWarnings(config)) console.warn(`[config] ${warning}`);
  }
}
