import "server-only";
// One hand-in attempt as both the student and the assessing staff read it: what was handed in,
// by whom and when, the files, and the assessment with its feedback.
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
} satisfies Prisma.SubmissionAttemptSelect;
