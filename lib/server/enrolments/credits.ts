import "server-only";
// An arbeidskrav credited from an earlier kull (a transfer, lib/server/enrolments/transfer.ts)
// counts as approved while the approval it rests on stands. Should that approval be corrected
// (a submission found to be plagiarised, say: lib/server/cohorts/assessment-changes.ts), the
// credit no longer counts: the item is to be handed in like any other, the evaluator stops
// counting it, and the student's standing in the new kull is recomputed (and marked changed).
// Every read that treats a credit as approved uses this condition; the raw queries
// (lib/server/cohorts/eligibility.ts, lib/server/cohorts/assessment.ts) state it as
// `"Submission"."status" = 'APPROVED'` on the source submission.
// A student who has already completed the new kull keeps the completion: she sat the exam with the
// right as it stood, and taking a passed exam away afterwards is annulment, a decision of its own
// outside this system. Her stored standing follows (audited), her record shows the credit as no
// longer counting, and the correction's e-mail reaches her as a member of the old submission.
import type { Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { refreshStandings } from "@/lib/server/standings/refresh";

export const CREDIT_STANDS = { sourceSubmission: { status: "APPROVED" } } as const satisfies Prisma.ArbeidskravCreditWhereInput;

/** CREDIT_STANDS for a credit already read: whether it counts now. */
export function creditStands(credit: { sourceSubmission: { status: string } }): boolean {
  return credit.sourceSubmission.status === CREDIT_STANDS.sourceSubmission.status;
}

/**
 * After these submissions' status changed (a correction, a klage, an assessment of a group's new
 * attempt), the standings of the students credited with them in a later kull follow, in each
 * kull (in id order), in the change's transaction.
 */
export async function refreshCreditedFrom(
  tx: Transaction,
  submissionIds: readonly string[],
  context: { actorId: string | null; cause: (title: string) => string; now?: Date },
) {
  const credited = await tx.arbeidskravCredit.findMany({
    where: { sourceSubmissionId: { in: [...submissionIds] } },
    orderBy: { enrolmentId: "asc" },
    select: { enrolmentId: true, enrolment: { select: { cohortId: true } }, sourceSubmission: { select: { arbeidskrav: { select: { title: true } } } } },
  });
  const byCohort = new Map<string, { enrolmentIds: string[]; title: string }>();
  for (const credit of credited) {
    const entry = byCohort.get(credit.enrolment.cohortId) ?? { enrolmentIds: [], title: credit.sourceSubmission.arbeidskrav.title };
    entry.enrolmentIds.push(credit.enrolmentId);
    byCohort.set(credit.enrolment.cohortId, entry);
  }
  for (const [cohortId, { enrolmentIds, title }] of [...byCohort].sort(([a], [b]) => a.localeCompare(b))) {
    await refreshStandings(tx, { cohortId, enrolmentIds }, { actorId: context.actorId, cause: context.cause(title), now: context.now });
  }
}
