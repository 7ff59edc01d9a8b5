import "server-only";
// One hand-in attempt as both the student and the assessing staff read it: what was handed in,
// by whom and when, the files, the assessment with its feedback, and any later change of it (a
// correction by the fagansvarlig, a klage taken).
import type { Prisma } from "@/lib/generated/prisma/client";

export const ATTEMPT_FIELDS = {
  id: true,
  attempt: true,
  text: true,
  submittedAt: true,
  submittedBy: { select: { name: true } },
  status: true,
  feedback: true,
  assessedAt: true,
  documents: { orderBy: { uploadedAt: "asc" }, select: { id: true, originalName: true, size: true } },
  changes: {
    orderBy: { changedAt: "asc" },
    select: { id: true, cause: true, fromStatus: true, toStatus: true, reason: true, changedAt: true, changedBy: { select: { name: true } } },
  },
} satisfies Prisma.SubmissionAttemptSelect;
