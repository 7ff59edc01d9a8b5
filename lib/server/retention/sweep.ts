import "server-only";
// The `privacy.retention` job: deletes what the retention rule (lib/domain/retention.ts) says is
// due — the documents of applicants who were not admitted, applications that never got a
// decision, the health data of decided requests for utsatt eksamen, and the reasons given in
// absence notices for days long past — and leaves for each deletion one audit entry with ids and
// counts only (no name, no file name, no text: the log itself is kept five years).
//
// Per application, one transaction: lock the application row (filing a klage locks it too, so a
// klage and a deletion never interleave), read the facts again, ask the rule again, delete the
// rows, delete the files, write the audit entry, commit. Files are removed before the commit: if
// the commit then fails, the rows point at files already gone and the next run deletes the rows;
// the other order could leave files on disk that no row names any more. Idempotent: a second
// run finds nothing left to delete and writes nothing.
//
// A student's requests for utsatt eksamen in a kull (erased together, lib/domain/retention.ts) the
// same way: lock the requests (in id order, as deciding one locks it before the enrolment), then
// the enrolment (filing a klage locks it, so none comes in between), read the facts again, delete
// the documentation's rows, blank each account and mark the request erased, delete the files,
// audit each request, commit.
//
// The reasons of absence notices whose samling day is far enough back: in batches, each one
// statement that blanks the reasons and marks them erased, with one audit entry per notice, in
// one transaction. The rule's cut-off day (absenceReasonCutoff) is the condition.
//
// One case that cannot be deleted (a row some constraint refuses) does not stop the others: the
// run goes on, and fails at the end naming the cases, so the job shows as failed in pg-boss.
import { osloDate } from "@/lib/domain/application-deadline";
import { appealsBodyStanding } from "@/lib/domain/klage";
import {
  absenceReasonCutoff,
  absenceReasonDueOn,
  deferralRetentionVerdict,
  retentionVerdict,
  type DeferralRetentionFacts,
  type RetentionFacts,
  type RetentionPeriods,
} from "@/lib/domain/retention";
import { isoDate } from "@/lib/dates";
import type { Database, Transaction } from "@/lib/db/client";
import { retentionPeriods } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { audit, auditMany } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import { storage } from "@/lib/storage";

const FACTS_SELECT = {
  id: true,
  withdrawnAt: true,
  submittedAt: true,
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
  appeals: {
    select: {
      status: true,
      filedAt: true,
      decidedAt: true,
      forwardedAt: true,
      appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { decidedOn: true, forwardedAt: true } },
    },
  },
  _count: { select: { documents: true } },
} satisfies Prisma.ApplicationSelect;

type FactsRow = Prisma.ApplicationGetPayload<{ select: typeof FACTS_SELECT }>;

function toFacts(row: FactsRow): RetentionFacts {
  const letter = row.decision?.letters[0];
  return {
    applicationDeadline: isoDate(row.cohort.applicationDeadline),
    admitted: row.enrolment !== null,
    sent: row.submittedAt !== null,
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
      upheld: appeal.status === "UPHELD",
      forwardedOn: appeal.forwardedAt ? osloDate(appeal.forwardedAt) : null,
      appealsBodyDecidedOn: appeal.appealsBodyDecisions[0] ? isoDate(appeal.appealsBodyDecisions[0].decidedOn) : null,
      atAppealsBody: appealsBodyStanding(appeal, appeal.appealsBodyDecisions).waiting,
    })),
  };
}

export interface RetentionRun {
  /** Applications whose documents were deleted (not admitted, past the period). */
  documentsDeletedFrom: number;
  documentsDeleted: number;
  /** Applications without a decision deleted whole. */
  applicationsDeleted: number;
  /** Requests for utsatt eksamen whose health data was erased (the account and the documentation). */
  deferralsErased: number;
  deferralDocumentsDeleted: number;
  /** Absence notices whose reason was erased. */
  absenceReasonsErased: number;
}

/**
 * One erasure's transaction. It says it is the retention job's (app.closed_record_writer), so the
 * database lets it erase in an archived kull, which is closed to every other write (migration
 * *_archived_kull_closed_to_writes): the law's deadlines run on after a kull is archived.
 */
function retentionTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT set_config('app.closed_record_writer', 'retention', true)`;
      return work(tx);
    },
    { timeout: 30_000 },
  );
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
  const run: RetentionRun = { documentsDeletedFrom: 0, documentsDeleted: 0, applicationsDeleted: 0, deferralsErased: 0, deferralDocumentsDeleted: 0, absenceReasonsErased: 0 };
  const failures: string[] = [];
  /** Runs one case's deletion; an error is logged and remembered, and the run goes on. */
  const attempt = async <T>(label: string, work: () => Promise<T>): Promise<T | null> => {
    try {
      return await withRetry(work);
    } catch (error) {
      console.error(`[privacy.retention] ${label}:`, error);
      failures.push(label);
      return null;
    }
  };
  for (const candidate of candidates) {
    const verdict = retentionVerdict(toFacts(candidate), today, periods);
    if (verdict.action === "KEEP" || !verdict.due) continue;
    const done = await attempt(`Application ${candidate.id}`, () => retentionTransaction((tx) => deleteIfDue(tx, candidate.id, today, periods)));
    if (done?.kind === "documents") {
      run.documentsDeletedFrom += 1;
      run.documentsDeleted += done.documents;
    } else if (done?.kind === "application") {
      run.applicationsDeleted += 1;
    }
  }

  // Students with a decided request for utsatt eksamen that still holds its health data.
  const holding = await db().examDeferral.findMany({
    where: { status: { not: "REQUESTED" }, healthDataErasedAt: null },
    select: { registration: { select: { enrolmentId: true } } },
  });
  const enrolmentIds = [...new Set(holding.map((row) => row.registration.enrolmentId))].sort();
  const cases = await deferralCases(db(), enrolmentIds);
  for (const enrolmentId of enrolmentIds) {
    const verdict = deferralRetentionVerdict(cases.get(enrolmentId) ?? [], today, periods);
    if (verdict.action === "KEEP" || !verdict.due) continue;
    const done = await attempt(`utsatt eksamen, Enrolment ${enrolmentId}`, () =>
      retentionTransaction((tx) => eraseDeferralsIfDue(tx, enrolmentId, today, periods, now)),
    );
    if (done) {
      run.deferralsErased += done.requests;
      run.deferralDocumentsDeleted += done.documents;
    }
  }

  // The reasons of absence notices for days on or before the cut-off, a batch at a time.
  const cutoff = absenceReasonCutoff(today, periods);
  for (;;) {
    const erased = await attempt("fraværsmeldinger", () => retentionTransaction((tx) => eraseAbsenceReasons(tx, cutoff, periods, now)));
    run.absenceReasonsErased += erased ?? 0;
    if (erased === null || erased < ABSENCE_REASON_BATCH) break;
  }
  if (failures.length > 0) throw new Error(`privacy.retention: ${failures.length} case(s) could not be deleted and wait for the next run: ${failures.join(", ")}`);
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

// ─── Utsatt eksamen ─────────────────────────────────────────────────────────────────────────────

interface DeferralRow {
  id: string;
  status: "REQUESTED" | "GRANTED" | "REFUSED";
  decidedAt: Date | null;
  healthDataErasedAt: Date | null;
  enrolmentId: string;
  sitting: { handInAt: Date } | null;
}

interface DeferralLetter {
  madeAvailableOn: Date;
  klageDeadline: Date | null;
  appeals: { status: "RECEIVED" | "REVERSED" | "UPHELD" | "SETTLED" | "DISMISSED"; decidedAt: Date | null; forwardedAt: Date | null; appealsBodyDecisions: { decidedOn: Date }[] }[];
}

/** Every request for utsatt eksamen of these enrolments, with the letters about each. */
async function readDeferrals(reader: Database | Transaction, enrolmentIds: string[]) {
  const rows = await reader.examDeferral.findMany({
    where: { registration: { enrolmentId: { in: enrolmentIds } } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      status: true,
      decidedAt: true,
      healthDataErasedAt: true,
      registration: { select: { enrolmentId: true } },
      sitting: { select: { handInAt: true } },
    },
  });
  const klageSelect = { status: true, decidedAt: true, forwardedAt: true, appealsBodyDecisions: { orderBy: { decidedOn: "desc" }, take: 1, select: { decidedOn: true } } } as const;
  const letters = await reader.studentLetter.findMany({
    where: { aboutType: "ExamDeferral", aboutId: { in: rows.map((row) => row.id) } },
    select: {
      aboutId: true,
      madeAvailableOn: true,
      klageDeadline: true,
      appeals: {
        select: {
          ...klageSelect,
          // A klage avvist as too late: its avvisning is a vedtak with a klage period and a klage
          // of its own, which may open the klage again; the request's health data waits for both.
          outcomeLetter: { select: { kind: true, madeAvailableOn: true, klageDeadline: true, appeals: { select: klageSelect } } },
        },
      },
    },
  });
  const lettersOf = new Map<string, DeferralLetter[]>();
  for (const { aboutId, appeals, ...letter } of letters) {
    const dismissals = appeals.flatMap((appeal) =>
      appeal.status === "DISMISSED" && appeal.outcomeLetter?.kind === "KLAGE_DISMISSED"
        ? [{ madeAvailableOn: appeal.outcomeLetter.madeAvailableOn, klageDeadline: appeal.outcomeLetter.klageDeadline, appeals: appeal.outcomeLetter.appeals }]
        : [],
    );
    const own = { ...letter, appeals: appeals.map(({ outcomeLetter: _outcome, ...appeal }) => appeal) };
    lettersOf.set(aboutId, [...(lettersOf.get(aboutId) ?? []), own, ...dismissals]);
  }
  return rows.map(({ registration, ...row }): { row: DeferralRow; letters: DeferralLetter[] } => ({
    row: { ...row, enrolmentId: registration.enrolmentId },
    letters: lettersOf.get(row.id) ?? [],
  }));
}

/** The rule's facts for each enrolment: all of the student's requests in the kull. */
async function deferralCases(reader: Database | Transaction, enrolmentIds: string[]): Promise<Map<string, DeferralRetentionFacts[]>> {
  const cases = new Map<string, DeferralRetentionFacts[]>();
  for (const { row, letters } of await readDeferrals(reader, enrolmentIds)) {
    cases.set(row.enrolmentId, [...(cases.get(row.enrolmentId) ?? []), toDeferralFacts(row, letters)]);
  }
  return cases;
}

function toDeferralFacts(row: DeferralRow, letters: readonly DeferralLetter[]): DeferralRetentionFacts {
  return {
    status: row.status,
    decidedOn: row.decidedAt ? osloDate(row.decidedAt) : null,
    deferredSittingEndsOn: row.status === "GRANTED" && row.sitting ? osloDate(row.sitting.handInAt) : null,
    letters: letters.map((letter) => {
      const appeal = letter.appeals[0];
      return {
        madeAvailableOn: isoDate(letter.madeAvailableOn),
        klageDeadline: letter.klageDeadline ? isoDate(letter.klageDeadline) : null,
        klage: appeal
          ? {
              state: appeal.status === "RECEIVED" ? ("OPEN" as const) : ("DECIDED" as const),
              decidedOn: appeal.decidedAt ? osloDate(appeal.decidedAt) : null,
              upheld: appeal.status === "UPHELD",
              forwardedOn: appeal.forwardedAt ? osloDate(appeal.forwardedAt) : null,
              appealsBodyDecidedOn: appeal.appealsBodyDecisions[0] ? isoDate(appeal.appealsBodyDecisions[0].decidedOn) : null,
            }
          : null,
      };
    }),
  };
}

async function eraseDeferralsIfDue(tx: Transaction, enrolmentId: string, today: string, periods: RetentionPeriods, now: Date) {
  // The requests first (in id order), as deciding one, or a klage on it, locks it before the
  // enrolment; then the enrolment, FOR UPDATE: filing a klage locks it so, and a new request takes
  // it FOR SHARE, so neither slips in between reading the requests and erasing (a new request
  // waiting for a decision keeps the earlier ones' documentation at hand).
  await tx.$queryRaw`
    SELECT d."id" FROM "ExamDeferral" d JOIN "ExamRegistration" r ON r."id" = d."registrationId"
    WHERE r."enrolmentId" = ${enrolmentId} ORDER BY d."id" FOR UPDATE OF d`;
  await tx.$queryRaw`SELECT "id" FROM "Enrolment" WHERE "id" = ${enrolmentId} FOR UPDATE`;
  const requests = await readDeferrals(tx, [enrolmentId]);
  const verdict = deferralRetentionVerdict(
    requests.map(({ row, letters }) => toDeferralFacts(row, letters)),
    today,
    periods,
  );
  if (verdict.action === "KEEP" || !verdict.due) return null;

  const holding = requests.filter(({ row }) => row.healthDataErasedAt === null).map(({ row }) => row.id);
  if (holding.length === 0) return null;
  const documents = await tx.document.findMany({ where: { examDeferralId: { in: holding } }, select: { id: true, storageKey: true, examDeferralId: true } });
  await tx.document.deleteMany({ where: { examDeferralId: { in: holding } } });
  await tx.examDeferral.updateMany({ where: { id: { in: holding } }, data: { explanation: null, healthDataErasedAt: now } });
  for (const document of documents) await storage().delete(document.storageKey);
  for (const deferralId of holding) {
    const own = documents.filter((document) => document.examDeferralId === deferralId);
    await audit(tx, {
      actorId: null,
      action: "retention.erase_deferral_health_data",
      entityType: "ExamDeferral",
      entityId: deferralId,
      after: { rule: "deferral-health-data", dueOn: verdict.dueOn, accountErased: true, documents: own.length, documentIds: own.map((document) => document.id) },
    });
  }
  return { requests: holding.length, documents: documents.length };
}

/** Notices erased per transaction (a first run after years of notices does them in batches). */
export const ABSENCE_REASON_BATCH = 500;

/** Erases the reasons of up to one batch of notices for days on or before `cutoff`; how many. */
async function eraseAbsenceReasons(tx: Transaction, cutoff: string, periods: RetentionPeriods, now: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ id: string; enrolmentId: string; day: string }[]>`
    WITH due AS (
      SELECT n."id" FROM "AbsenceNotice" n JOIN "SamlingDay" d ON d."id" = n."samlingDayId"
      WHERE n."reason" IS NOT NULL AND d."date" <= ${cutoff}::date
      ORDER BY n."id" LIMIT ${ABSENCE_REASON_BATCH} FOR UPDATE OF n
    )
    UPDATE "AbsenceNotice" n SET "reason" = NULL, "reasonErasedAt" = ${now}
    FROM due, "SamlingDay" d
    WHERE n."id" = due."id" AND d."id" = n."samlingDayId"
    RETURNING n."id", n."enrolmentId", d."date"::text AS "day"`;
  await auditMany(
    tx,
    rows.map((row) => ({
      actorId: null,
      action: "retention.erase_absence_reason",
      entityType: "AbsenceNotice",
      entityId: row.id,
      after: { rule: "absence-reason", enrolmentId: row.enrolmentId, samlingDay: row.day, dueOn: absenceReasonDueOn(row.day, periods), reasonErased: true },
    })),
  );
  return rows.length;
}
