import "server-only";
// The `maintenance.cleanup` job: removes what has done its work. Rate-limit rows whose window has
// ended, sessions past their absolute or idle limit, one-time links used or expired more than a day
// ago, and stored files no document row refers to (written over a day ago: an upload whose process
// died between storing the bytes and committing its row, or a replaced file whose removal after
// the commit never ran). Idempotent; safe on several instances at once (each DELETE is one
// statement; a file is removed only when no row names its key).
import { deleteEndedSessions } from "@/lib/server/auth/sessions";
import { deleteSpentTokens } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { deleteExpiredRateLimits } from "@/lib/server/rate-limit";
import { storage } from "@/lib/storage";

/** How old an unreferenced file must be before the sweep removes it: far past any upload in flight. */
export const ORPHAN_FILE_AGE_MS = 24 * 3_600_000;

/** Removes stored files that no document row refers to; returns how many. */
export async function deleteOrphanFiles(now = new Date()): Promise<number> {
  const files = storage();
  let batch: string[] = [];
  let removed = 0;
  const sweep = async () => {
    const referenced = new Set(
      (await db().document.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((row) => row.storageKey),
    );
    for (const key of batch) {
      if (referenced.has(key)) continue;
      await files.delete(key);
      removed += 1;
    }
    batch = [];
  };
  for await (const key of files.keysWrittenBefore(new Date(now.getTime() - ORPHAN_FILE_AGE_MS))) {
    batch.push(key);
    if (batch.length === 500) await sweep();
  }
  if (batch.length > 0) await sweep();
  return removed;
}

export async function cleanUpExpiredAccountData(now = new Date()) {
  const [rateLimits, sessions, tokens] = await Promise.all([
    deleteExpiredRateLimits(now, db()),
    deleteEndedSessions(db(), now),
    deleteSpentTokens(db(), now),
  ]);
  const orphanFiles = await deleteOrphanFiles(now);
  return { rateLimits, sessions, tokens, orphanFiles };
}
