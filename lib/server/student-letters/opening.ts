import "server-only";
// The student opens a letter of hers: the first time is kept (StudentLetterOpening), so the letter
// is no longer «ny» on her list and start page, and her record tells staff when she opened it.
// Only her own letter, and only the first opening: a second is a no-op. Not audited: reading is not
// a decision about her, and the klage period runs from the day the letter was made available.
import { db } from "@/lib/server/db";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";

export async function markLetterOpened(viewer: Viewer, letterId: string, now = new Date()): Promise<void> {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const own = await db().studentLetter.findFirst({ where: { id: letterId, userId: viewer.id }, select: { id: true } });
  if (!own) throw new NotFoundError("Fant ikke brevet.");
  await db().studentLetterOpening.createMany({ data: [{ letterId, openedAt: now }], skipDuplicates: true });
}
