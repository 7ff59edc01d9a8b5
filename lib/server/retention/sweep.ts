import "server-only";
// The `privacy.retention` job: deletes what the retention rule (lib/domain/retention.ts) says is
// due — the documents of applicants who were not admitted, and applications that never got a
// decision — and leaves for each deletion one audit entry with ids and counts only (no name, no
// file name, no text: the log itself is kept five years).
//
// Per application, one transaction: lock the application row (filing a klage locks it too, so a
// klage and a deletion never interleave), read the facts again, ask the rule again, delete the
// rows, delete the files, write the audit entry, commit. Files are removed before the commit: if
// the commit then fails, the rows point at files already gone and the next run deletes the rows;
// the other order could leave files on disk that no row names any more. Idempotent: a second
// run finds nothing left to delete and writes nothing.
import { osloDate } from "@/lib/domain/application-deadline";
import { retentionVerdict, type RetentionFacts, type RetentionPeriods } from "@/lib/domain/retention";
import { isoDate } from "@/lib/dates";
import { retentionPeriods } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import { storage } from "@/lib/storage";

type Transaction = Prisma.TransactionClient;

const FACTS_SELECT = {
  id: true,
  withdrawnAt: true,
  cohort: { select: { applicationDeadline: true } },
  enrolment: { select: { id: true } },
  decision: {
    select: {
      outcome: true,
      answer: true,
      decidedAt: true,
      answeredAt: true,
      letters: { orderBy: { version: "desc" }, take: 1, select: { madeAvailableOn: true } },
    },
  },
  appeals: { select: { status: true, filedAt: true, decidedAt: true } },
  _count: { select: { documents: true } },
} satisfies Prisma.ApplicationSelect;

type FactsRow = Prisma.ApplicationGetPayload<{ select: typeof FACTS_SELECT }>;

function toFacts(row: FactsRow): RetentionFacts {
  const letter = row.decision?.letters[0];
  return {
    applicationDeadline: isoDate(row.cohort.applicationDeadline),
    admitted: row.enrolment !== null,
    withdrawnOn: row.withdrawnAt ? osloDate(row.withdrawnAt) : null,
    // A decision always has its letter; were one missing, the decision's own day stands in, so a
    // decided application is never taken for an undecided one (which would be deleted whole).
    decision: row.decision
      ? {
          outcome: row.decision.outcome,
          answer: row.decision.answer,
          answeredOn: row.decision.answeredAt ? osloDate(row.decision.answeredAt) : null,
          latestLetterOn: letter ? isoDate(letter.madeAvailableOn) : osloDate(row.decision.decidedAt),
        }
      : null,
    klager: row.appeals.map((appeal) => ({
      state: appeal.status === "RECEIVED" ? "OPEN" : "DECIDED",
      filedOn: osloDate(appeal.filedAt),
      decidedOn: appeal.decidedAt ? osloDate(appeal.decidedAt) : null,
    })),
  };
}

export interface RetentionRun {
  /** Applications whose documents were deleted (not admitted, past the period). */
  documentsDeletedFrom: number;
  documentsDeleted: number;
  /** Applications without a decision deleted whole. */
  applicationsDeleted: number;
}

/** One sweep over every application; what is due is deleted. */
export async function applyRetention(now = new Date(), periods: RetentionPeriods = retentionPeriods()): Promise<RetentionRun> {
  const today = osloDate(now);
  // Candidates: decided applications that still hold documents, and undecided ones. The rule
  // decides; the query only leaves out what can never be due.
  const candidates = await db().application.findMany({
    where: { enrolment: null, OR: [{ decision: null }, { documents: { some: {} } }] },
    select: FACTS_SELECT,
    orderBy: { id: "asc" },
  });
  const run: RetentionRun = { documentsDeletedFrom: 0, documentsDeleted: 0, applicationsDeleted: 0 };
  for (const candidate of candidates) {
    const verdict = retentionVerdict(toFacts(candidate), today, periods);
    if (verdict.action === "KEEP" || !verdict.due) continue;
    const done = await withRetry(() => db().$transaction((tx) => deleteIfDue(tx, candidate.id, today, periods), { timeout: 30_000 }));
    if (done?.kind === "documents") {
      run.documentsDeletedFrom += 1;
      run.documentsDeleted += done.documents;
    } else if (done?.kind === "application") {
      run.applicationsDeleted += 1;
    }
  }
  return run;
}

async function deleteIfDue(tx: Transaction, applicationId: string, today: string, periods: RetentionPeriods) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Application" WHERE "id" = ${applicationId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const row = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: FACTS_SELECT });
  const verdict = retentionVerdict(toFacts(row), today, periods);
  if (verdict.action === "KEEP" || !verdict.due) return null;

  const documents = await tx.document.findMany({ where: { applicationId }, select: { id: true, storageKey: true } });
  if (verdict.action === "DELETE_DOCUMENTS") {
    if (documents.length === 0) return null;
    // A klage's attachment is unlinked by the foreign key (Appeal.documentId SET NULL).
    await tx.document.deleteMany({ where: { applicationId } });
    for (const document of documents) await storage().delete(document.storageKey);
    await audit(tx, {
      actorId: null,
      action: "retention.delete_documents",
      entityType: "Application",
      entityId: applicationId,
      after: { rule: "not-admitted", dueOn: verdict.dueOn, documents: documents.length, documentIds: documents.map((document) => document.id) },
    });
    return { kind: "documents" as const, documents: documents.length };
  }

  const counts = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { _count: { select: { positions: true, educations: true, documentationRequests: true } } },
  });
  // Positions' tjenestebevis reference (position, application): documents go first.
  await tx.document.deleteMany({ where: { applicationId } });
  await tx.application.delete({ where: { id: applicationId } });
  for (const document of documents) await storage().delete(document.storageKey);
  await audit(tx, {
    actorId: null,
    action: "retention.delete_application",
    entityType: "Application",
    entityId: applicationId,
    after: {
      rule: "no-decision",
      dueOn: verdict.dueOn,
      documents: documents.length,
      positions: counts._count.positions,
      educations: counts._count.educations,
      documentationRequests: counts._count.documentationRequests,
    },
  });
  return { kind: "application" as const };
}
