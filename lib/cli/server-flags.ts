// The V8 heap settings of the production server (`npm start`, the end-to-end tests and
// `npm run bench` all start Next.js with them). Issue 21: measured under 50 connections, the server's
// live heap after a full collection stays at 110–140 MB even on the largest pages at 10× data, yet
// left to its defaults (a heap limit of about 4 GB on this 24 GB machine) V8 let the process grow to
// 720–1 050 MB, collecting lazily. With old space capped at 512 MB and 32 MB semi-spaces it stayed
// at 490–530 MB, at the same requests per second within the machine's noise (README "Benchmarks").
// 512 MB is about 3.5 times the largest live heap measured, so a burst has room before collections
// slow the server down; a machine with more to give (or a larger installation) sets SERVER_HEAP_MB.

/** The default cap of V8's old space for the production server, in MB. */
export const DEFAULT_SERVER_HEAP_MB = 512;
/** Young generation per semi-space, in MB: short-lived render data dies there instead of being promoted. */
export const SERVER_SEMI_SPACE_MB = 32;

/**
 * The node flags to start `next start` with. SERVER_HEAP_MB sets the cap (a whole number of MB,
 * 128 or more); "0" leaves V8's defaults. NODE_OPTIONS that already size the old space win, and
 * then the semi-space is theirs to set too (flags on the command line would override theirs).
 */
export function productionNodeFlags(env: Readonly<Record<string, string | undefined>>): string[] {
  if (/--max-old-space-size\b|--max_old_space_size\b/.test(env.NODE_OPTIONS ?? "")) return [];
  const raw = env.SERVER_HEAP_MB?.trim();
  if (raw && !/^\d+$/.test(raw)) {
    throw new Error(`SERVER_HEAP_MB må være et helt antall MB, minst 128 (eller 0 for Nodes standard): «${raw}»`);
  }
  const heapMb = raw ? Number(raw) : DEFAULT_SERVER_HEAP_MB;
  if (heapMb === 0) return [];
  if (heapMb < 128) {
    throw new Error(`SERVER_HEAP_MB må være et helt antall MB, minst 128 (eller 0 for Nodes standard): «${raw}»`);
  }
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SERVER_SEMI_SPACE_MB}`];
}
