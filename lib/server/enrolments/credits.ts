import "server-only";
// An arbeidskrav credited from an earlier kull (a transfer, lib/server/enrolments/transfer.ts)
// counts as approved while the approval it rests on stands. Should that approval be corrected
// (a submission found to be plagiarised, say: lib/server/cohorts/assessment-changes.ts), the
// credit no longer counts: the item is to be handed in like any other, the evaluator stops
// counting it, and the student's standing in the new kull is recomputed (and marked changed).
// Every read that treats a credit as approved uses this condition; the raw queries
// (lib/server/cohorts/eligibility.ts, lib/server/cohorts/assessment.ts) state it as
// `"Submission"."status" = 'APPROVED'` on the source submission.
import type { Prisma } from "@/lib/generated/prisma/client";

export const CREDIT_STANDS = { sourceSubmission: { status: "APPROVED" } } as const satisfies Prisma.ArbeidskravCreditWhereInput;
