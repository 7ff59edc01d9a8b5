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
// Work still waiting for its assessment in the old kull at the transfer (or refused then and
// approved later on a klage, a correction or a group's new attempt) is credited when it is
// approved there, as the item the transfer's proposal pairs it with (creditsFromLateApproval in
// lib/domain/transfer.ts): by whoever approved it, audited, and told to her by e-mail. The
// transfer letter names the pending work that will count so (awaitedCredits).
import { awaitedCredits, creditsFromLateApproval, placeWithinKind, type CreditSource, type CreditTarget } from "@/lib/domain/transfer";
import type { Database, Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditMany } from "@/lib/server/audit";
import { queueMails } from "@/lib/server/mail-queue";
import { refreshStandings } from "@/lib/server/standings/refresh";

type Client = Database | Transaction;

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
  const fresh = context.actorId ? await creditLateApprovals(tx, submissionIds, { actorId: context.actorId, now: context.now ?? new Date() }) : new Set<string>();
  const credited = await tx.arbeidskravCredit.findMany({
    where: { sourceSubmissionId: { in: [...submissionIds] } },
    orderBy: { enrolmentId: "asc" },
    select: { id: true, enrolmentId: true, enrolment: { select: { cohortId: true } }, sourceSubmission: { select: { arbeidskrav: { select: { title: true } } } } },
  });
  // A credit made just now is told as what it is (it counts from now on), not as a change to one she had.
  const byCohort = new Map<string, { enrolmentIds: string[]; cause: string }>();
  for (const credit of credited) {
    const title = credit.sourceSubmission.arbeidskrav.title;
    const key = `${credit.enrolment.cohortId}:${fresh.has(credit.id) ? "new" : "changed"}`;
    const entry = byCohort.get(key) ?? { enrolmentIds: [], cause: fresh.has(credit.id) ? `${title} fra det tidligere kullet er godkjent og teller nå her` : context.cause(title) };
    entry.enrolmentIds.push(credit.enrolmentId);
    byCohort.set(key, entry);
  }
  for (const [key, { enrolmentIds, cause }] of [...byCohort].sort(([a], [b]) => a.localeCompare(b))) {
    await refreshStandings(tx, { cohortId: key.slice(0, key.indexOf(":")), enrolmentIds }, { actorId: context.actorId, cause, now: context.now });
  }
}

// ─── Sources and targets ────────────────────────────────────────────────────────────────────────

/**
 * The student's work in every other kull of the same programme as `exceptCohortId` (the new
 * kull): each submission with its arbeidskrav (credit sources). Another programme's coursework is
 * never credited by a transfer.
 */
export async function sourcesOf(client: Client, userId: string, exceptCohortId: string): Promise<CreditSource[]> {
  const rows = await (client as Transaction).submissionMember.findMany({
    where: { enrolment: { userId, cohortId: { not: exceptCohortId }, cohort: { programme: { cohorts: { some: { id: exceptCohortId } } } } } },
    orderBy: [{ enrolment: { cohort: { startsOn: "asc" } } }, { submission: { arbeidskrav: { number: "asc" } } }],
    select: {
      confirmedAt: true,
      submission: {
        select: {
          id: true,
          status: true,
          _count: { select: { members: true } },
          arbeidskrav: { select: { id: true, kind: true, number: true, title: true, required: true, oralPresentation: true, cohort: { select: { id: true, name: true, arbeidskrav: { select: { id: true, kind: true, number: true, required: true } } } } } },
        },
      },
    },
  });
  return rows.map(({ submission, confirmedAt }) => ({
    submissionId: submission.id,
    arbeidskravId: submission.arbeidskrav.id,
    kind: submission.arbeidskrav.kind,
    number: submission.arbeidskrav.number,
    title: submission.arbeidskrav.title,
    required: submission.arbeidskrav.required,
    oralPresentation: submission.arbeidskrav.oralPresentation,
    status: submission.status,
    groupSize: submission._count.members,
    confirmed: confirmedAt !== null,
    cohortId: submission.arbeidskrav.cohort.id,
    place: placeWithinKind(submission.arbeidskrav.cohort.arbeidskrav, submission.arbeidskrav.id),
    cohortName: submission.arbeidskrav.cohort.name,
  }));
}

export async function targetsOf(client: Client, cohortId: string): Promise<CreditTarget[]> {
  const rows = await (client as Transaction).arbeidskravDefinition.findMany({
    where: { cohortId },
    orderBy: { number: "asc" },
    select: { id: true, kind: true, number: true, title: true, required: true, individualOnly: true, oralPresentation: true },
  });
  return rows.map((row) => ({ arbeidskravId: row.id, kind: row.kind, number: row.number, title: row.title, required: row.required, individualOnly: row.individualOnly, oralPresentation: row.oralPresentation }));
}

/**
 * For a student who moved here: her work in an earlier kull still waiting for its assessment that
 * will count once approved there (awaitedCredits), for each required item she has neither a
 * credit nor a hand-in of here. `title` is the item here, `from` the work ("Ledertreningsoppgave 3
 * i Kull H2025").
 */
export async function awaitedFor(client: Client, enrolment: { id: string; userId: string; cohortId: string }): Promise<{ arbeidskravId: string; title: string; from: string; cohortName: string }[]> {
  const tx = client as Transaction;
  const [sources, targets, existing, handedIn] = [
    await sourcesOf(tx, enrolment.userId, enrolment.cohortId),
    await targetsOf(tx, enrolment.cohortId),
    await tx.arbeidskravCredit.findMany({ where: { enrolmentId: enrolment.id }, select: { arbeidskravId: true, sourceSubmissionId: true } }),
    await tx.submissionMember.findMany({ where: { enrolmentId: enrolment.id }, select: { arbeidskravId: true } }),
  ];
  const here = new Set(handedIn.map((row) => row.arbeidskravId));
  return awaitedCredits(
    sources,
    targets,
    existing.map((row) => ({ targetId: row.arbeidskravId, sourceSubmissionId: row.sourceSubmissionId })),
  )
    .filter((choice) => !here.has(choice.targetId))
    .map((choice) => {
      const source = sources.find((candidate) => candidate.submissionId === choice.sourceSubmissionId)!;
      const target = targets.find((candidate) => candidate.arbeidskravId === choice.targetId)!;
      return { arbeidskravId: target.arbeidskravId, title: target.title, from: `${source.title} i ${source.cohortName}`, cohortName: source.cohortName };
    });
}

// ─── Approved after the transfer ────────────────────────────────────────────────────────────────

/**
 * The approved ones among these submissions whose members have moved on to a later kull: each is
 * credited there when creditsFromLateApproval says so. The member's current enrolment is the end of
 * her chain of transfers, held (FOR SHARE) while it is credited, so a withdrawal or completion
 * there waits; one that has ended (withdrawn, completed), or whose kull is archived (closed to
 * writes), gets nothing. Returns the ids of the credits made.
 */
async function creditLateApprovals(tx: Transaction, submissionIds: readonly string[], context: { actorId: string; now: Date }): Promise<Set<string>> {
  const made = new Set<string>();
  const moved = await tx.submissionMember.findMany({
    where: { submissionId: { in: [...submissionIds] }, submission: { status: "APPROVED", arbeidskrav: { required: true } }, enrolment: { status: "TRANSFERRED" } },
    orderBy: { enrolmentId: "asc" },
    select: { submissionId: true, enrolmentId: true },
  });
  for (const [enrolmentId, approvedNow] of groupBy(moved)) {
    const found = await currentEnrolment(tx, enrolmentId);
    if (!found) continue;
    const [held] = await tx.$queryRaw<{ status: string; archived: boolean }[]>`
      SELECT e."status"::text AS "status", c."archivedAt" IS NOT NULL AS "archived"
      FROM "Enrolment" e JOIN "Cohort" c ON c."id" = e."cohortId"
      WHERE e."id" = ${found.id} FOR SHARE OF e`;
    if (!held || held.archived || !["ACTIVE", "ON_LEAVE"].includes(held.status)) continue;
    const current = found;
    const [sources, targets, existing, handedIn] = [
      await sourcesOf(tx, current.userId, current.cohortId),
      await targetsOf(tx, current.cohortId),
      await tx.arbeidskravCredit.findMany({ where: { enrolmentId: current.id }, select: { arbeidskravId: true, sourceSubmissionId: true } }),
      await tx.submissionMember.findMany({ where: { enrolmentId: current.id }, select: { submission: { select: { arbeidskravId: true } } } }),
    ];
    const choices = creditsFromLateApproval(
      sources,
      targets,
      existing.map((row) => ({ targetId: row.arbeidskravId, sourceSubmissionId: row.sourceSubmissionId })),
      approvedNow,
      new Set(handedIn.map((row) => row.submission.arbeidskravId)),
    );
    if (choices.length === 0) continue;
    const created = await tx.arbeidskravCredit.createManyAndReturn({
      data: choices.map((choice) => ({ enrolmentId: current.id, arbeidskravId: choice.targetId, sourceSubmissionId: choice.sourceSubmissionId, creditedById: context.actorId, creditedAt: context.now })),
      select: { id: true, arbeidskravId: true, sourceSubmissionId: true },
    });
    await auditMany(
      tx,
      created.map((row) => ({
        actorId: context.actorId,
        action: "credit.arbeidskrav",
        entityType: "ArbeidskravCredit",
        entityId: row.id,
        before: null,
        after: { enrolmentId: current.id, arbeidskravId: row.arbeidskravId, sourceSubmissionId: row.sourceSubmissionId, approvedAfterTransfer: true },
      })),
    );
    const sourceById = new Map(sources.map((source) => [source.submissionId, source]));
    const targetById = new Map(targets.map((target) => [target.arbeidskravId, target]));
    await queueMails(
      tx,
      created.map((row) => lateCreditMail(row.id, current, sourceById.get(row.sourceSubmissionId)!, targetById.get(row.arbeidskravId)!)),
    );
    for (const row of created) made.add(row.id);
  }
  return made;
}

function groupBy(rows: readonly { submissionId: string; enrolmentId: string }[]): Map<string, Set<string>> {
  const byEnrolment = new Map<string, Set<string>>();
  for (const row of rows) byEnrolment.set(row.enrolmentId, (byEnrolment.get(row.enrolmentId) ?? new Set()).add(row.submissionId));
  return byEnrolment;
}

/** The enrolment a transferred one continues in: the end of the chain of transfers. */
async function currentEnrolment(tx: Transaction, enrolmentId: string) {
  let next = await tx.enrolment.findUnique({ where: { transferredFromId: enrolmentId }, select: ENROLMENT_SELECT });
  while (next?.status === "TRANSFERRED") next = await tx.enrolment.findUnique({ where: { transferredFromId: next.id }, select: ENROLMENT_SELECT });
  return next;
}

const ENROLMENT_SELECT = { id: true, userId: true, cohortId: true, status: true, user: { select: { email: true, name: true } }, cohort: { select: { name: true } } } as const;

function lateCreditMail(
  creditId: string,
  enrolment: { userId: string; user: { email: string; name: string }; cohort: { name: string } },
  source: CreditSource,
  target: CreditTarget,
) {
  return {
    dedupeKey: `arbeidskrav-credit:${creditId}`,
    to: enrolment.user.email,
    userId: enrolment.userId,
    subject: `Arbeidskrav godkjent fra ${source.cohortName}: ${target.title}`,
    text: [
      `Hei ${enrolment.user.name},`,
      "",
      `${source.title} i ${source.cohortName} er godkjent. Det teller som ${target.title} i ${enrolment.cohort.name}, og du trenger ikke levere ${target.title} der.`,
      "",
      `Se arbeidskravene dine her: ${env().APP_URL}/student`,
    ].join("\n"),
  };
}
