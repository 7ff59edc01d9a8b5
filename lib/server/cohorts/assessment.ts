import "server-only";
// Arbeidskrav assessment by the cohort's staff: the students × arbeidskrav overview with counts,
// one submission with its members and every attempt (text, PDF to view inline), and the decision:
// approved or not approved with written feedback. A submission's status is its members' (a group
// paper's approval holds for every member). Each member is e-mailed in the assessment's
// transaction with the dedupe key `arbeidskrav-assessed:<attemptId>:<enrolmentId>` (the students'
// notice jobs use the same key, so nobody gets the news twice).
//
// "Godkjenn alle leste ledertreningsoppgaver" approves exactly the attempts the faculty member
// ticked as read, in one transaction, each with its audit entry and member e-mails; if any of them
// can no longer be approved (assessed by someone else meanwhile, or resubmitted), none is.
//
// The assessment covers the group's confirmed members (lib/domain/submission-group.ts): anyone
// still "ikke bekreftet" is taken out of the group in the same transaction, audited and told to
// hand in on their own. "Ikke godkjent" on the final attempt (lib/domain/coursework.ts) is an
// enkeltvedtak: each member gets a letter of their own (issueStudentLetter) instead of the
// ordinary e-mail, with the feedback as grounds, the legal basis and the klage deadline.
import { osloDate } from "@/lib/domain/application-deadline";
import { ARBEIDSKRAV_KIND_LABELS, studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import { attemptDeadlines, isFinalAttempt, isFinalRejection, isLateHandIn, isRejectionDecision, nextHandInDeadline, OPTIONAL_LAST_ATTEMPT } from "@/lib/domain/coursework";
import { correctionNeedsNotice, correctionNoticeNotReady, noNoticeNeeded, noticeState, responsesSeen } from "@/lib/domain/correction-notice";
import { formatDateNb } from "@/lib/domain/format";
import { klageStage, klageStandingForStaff, type AppealsBodyOutcome } from "@/lib/domain/klage";
import { assessmentGroupProblem, membersAtAssessment } from "@/lib/domain/submission-group";
import type { ArbeidskravStatus } from "@/lib/domain/eligibility";
import type { Transaction } from "@/lib/db/client";
import type { AuditAction } from "@/lib/domain/audit-actions";
import { env } from "@/lib/env";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { appealsBodyBarOnCorrection } from "@/lib/server/appeals-body";
import { audit, auditMany } from "@/lib/server/audit";
import { ATTEMPT_FIELDS } from "@/lib/server/attempt-fields";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { inOrder } from "@/lib/server/in-order";
import type { ArbeidskravKind } from "@/lib/generated/prisma/enums";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { MAIL_SIGNATURE } from "@/lib/server/mail-queue";
import { awaitedFor, refreshCreditedFrom } from "@/lib/server/enrolments/credits";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { deciderTitle, issueStudentLetter } from "@/lib/server/student-letters/issue";
import { withRetry } from "@/lib/server/transactions";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

export type AssessmentDecision = "APPROVED" | "NOT_APPROVED";

// ─── The overview ───────────────────────────────────────────────────────────────────────────────


interface OverviewStudentRow {
  id: string;
  name: string;
  basisgruppe: string | null;
  supervisorId: string | null;
  credits: { arbeidskravId: string; from: string }[];
  userId: string;
  /** She moved here, and work of hers in an earlier kull still waits for its assessment there. */
  awaiting: boolean;
}

interface WaitingRow {
  id: string;
  number: number;
  title: string;
  kind: ArbeidskravKind;
  dueDate: string;
  members: string[];
  attemptId: string;
  attempt: number;
  submittedAt: Date;
  /** The attempt before it, if any: after «ikke godkjent» the hand-in has its resubmission deadline. */
  previous: { status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED"; submittedAt: string; assessedAt: string | null } | null;
  documents: { id: string; originalName: string }[];
  memberUserIds: string[];
}
export async function getArbeidskravOverview(viewer: Viewer, cohortId: string, now = new Date()) {
  await requireCohortStaff(viewer, cohortId);
  const today = osloDate(now);
  // Students in the kull: a student who withdrew or moved to a later kull has left it.
  // Two lanes of two statements (issue 21: four lanes and seventeen statements, one per level of
  // the nested selects); the joins only fetch facts, the standing is studentArbeidskravStanding.
  const [[definitions, enrolments], [memberships, waitingRows]] = await Promise.all([
    inOrder(
      () => db().arbeidskravDefinition.findMany({
        where: { cohortId },
        orderBy: { number: "asc" },
        select: { id: true, number: true, kind: true, title: true, dueDate: true, oralPresentation: true, individualOnly: true, maxGroupSize: true, required: true },
      }),
      () => db().$queryRaw<OverviewStudentRow[]>`
        SELECT e."id", e."userId", u."name", b."name" AS "basisgruppe", b."supervisorId",
               -- Approved in an earlier kull and credited here (a transfer): shown as such, while that
               -- approval stands (lib/server/enrolments/credits.ts).
               COALESCE((SELECT json_agg(json_build_object('arbeidskravId', k."arbeidskravId", 'from', sa."title" || ', ' || sc."name"))
                         FROM "ArbeidskravCredit" k JOIN "Submission" ss ON ss."id" = k."sourceSubmissionId"
                         JOIN "ArbeidskravDefinition" sa ON sa."id" = ss."arbeidskravId" JOIN "Cohort" sc ON sc."id" = sa."cohortId"
                         WHERE k."enrolmentId" = e."id" AND ss."status" = 'APPROVED'), '[]'::json) AS "credits",
               -- Work she handed in (and confirmed) in a kull she moved from, of this programme, still
               -- waiting there: it counts here once approved (awaitedFor says as which item). Only
               -- while her place here continues a transfer and is running, as the credit itself
               -- (creditLateApprovals) and the adviser's record ask.
               e."transferredFromId" IS NOT NULL AND e."status" IN ('ACTIVE', 'ON_LEAVE') AND EXISTS (SELECT 1 FROM "Enrolment" o JOIN "Cohort" oc ON oc."id" = o."cohortId"
                       JOIN "SubmissionMember" om ON om."enrolmentId" = o."id" AND om."confirmedAt" IS NOT NULL
                       JOIN "Submission" os ON os."id" = om."submissionId"
                       WHERE o."userId" = e."userId" AND o."status" = 'TRANSFERRED' AND os."status" = 'SUBMITTED'
                         AND oc."programmeId" = (SELECT hc."programmeId" FROM "Cohort" hc WHERE hc."id" = e."cohortId")) AS "awaiting"
        FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId" LEFT JOIN "Basisgruppe" b ON b."id" = e."basisgruppeId"
        WHERE e."cohortId" = ${cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED')
        ORDER BY u."name" ASC, e."id" ASC`,
    ),
    inOrder(
      () => db().$queryRaw<{ enrolmentId: string; arbeidskravId: string; submissionId: string; status: Exclude<ArbeidskravStatus, "NOT_SUBMITTED"> }[]>`
        SELECT m."enrolmentId", m."arbeidskravId", m."submissionId", s."status"::text AS "status"
        FROM "SubmissionMember" m JOIN "Submission" s ON s."id" = m."submissionId" JOIN "Enrolment" e ON e."id" = m."enrolmentId"
        WHERE e."cohortId" = ${cohortId} AND e."status" NOT IN ('WITHDRAWN', 'TRANSFERRED')`,
      () => db().$queryRaw<WaitingRow[]>`
        SELECT s."id", a."number", a."title", a."kind"::text AS "kind", to_char(a."dueDate", 'YYYY-MM-DD') AS "dueDate",
               COALESCE((SELECT json_agg(mu."name" ORDER BY mu."name") FROM "SubmissionMember" m
                         JOIN "Enrolment" me ON me."id" = m."enrolmentId" JOIN "User" mu ON mu."id" = me."userId"
                         WHERE m."submissionId" = s."id"), '[]'::json) AS "members",
               t."id" AS "attemptId", t."attempt", t."submittedAt",
               (SELECT json_build_object('status', p."status", 'submittedAt', p."submittedAt", 'assessedAt', p."assessedAt") FROM "SubmissionAttempt" p
                 WHERE p."submissionId" = s."id" AND p."attempt" = t."attempt" - 1) AS "previous",
               COALESCE((SELECT json_agg(json_build_object('id', d."id", 'originalName', d."originalName"))
                         FROM "Document" d WHERE d."submissionAttemptId" = t."id"), '[]'::json) AS "documents",
               COALESCE((SELECT json_agg(me."userId") FROM "SubmissionMember" m JOIN "Enrolment" me ON me."id" = m."enrolmentId"
                         WHERE m."submissionId" = s."id"), '[]'::json) AS "memberUserIds"
        FROM "Submission" s JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
        JOIN LATERAL (SELECT ta."id", ta."attempt", ta."submittedAt" FROM "SubmissionAttempt" ta
                      WHERE ta."submissionId" = s."id" ORDER BY ta."attempt" DESC LIMIT 1) t ON true
        WHERE s."status" = 'SUBMITTED' AND a."cohortId" = ${cohortId}
        ORDER BY s."updatedAt" ASC, s."id" ASC`,
    ),
  ]);
  const byEnrolment = new Map<string, { arbeidskravId: string; status: Exclude<ArbeidskravStatus, "NOT_SUBMITTED">; submissionId: string }[]>();
  for (const membership of memberships) {
    const list = byEnrolment.get(membership.enrolmentId) ?? [];
    list.push({ arbeidskravId: membership.arbeidskravId, status: membership.status, submissionId: membership.submissionId });
    byEnrolment.set(membership.enrolmentId, list);
  }
  // Work awaited from an earlier kull, for the few who moved here with some still waiting there
  // (statements only for them: none for a kull nobody moved into).
  const awaited = new Map(
    await Promise.all(
      enrolments
        .filter((enrolment) => enrolment.awaiting)
        .map(async (enrolment) => [enrolment.id, new Map((await awaitedFor(db(), { id: enrolment.id, userId: enrolment.userId, cohortId })).map((item) => [item.arbeidskravId, item.from]))] as const),
    ),
  );
  // CREDITED: approved by a credit from an earlier kull (counted in APPROVED too, never as handed in here).
  // AWAITED: not handed in here, her work in the kull she moved from waiting there (counted in NOT_SUBMITTED too).
  const counts = new Map(definitions.map((definition) => [definition.id, { SUBMITTED: 0, APPROVED: 0, NOT_APPROVED: 0, NOT_SUBMITTED: 0, CREDITED: 0, AWAITED: 0 }]));
  const students = enrolments.map((enrolment) => {
    const submissions = byEnrolment.get(enrolment.id) ?? [];
    const submissionOf = new Map(submissions.map((row) => [row.arbeidskravId, row.submissionId]));
    const credits = new Map(enrolment.credits.map((credit) => [credit.arbeidskravId, credit.from]));
    const standing = studentArbeidskravStanding(definitions, submissions, [...credits.keys()]);
    for (const { id, status } of standing) {
      counts.get(id)![status] += 1;
      if (status === "APPROVED" && credits.has(id)) counts.get(id)!.CREDITED += 1;
      if (status === "NOT_SUBMITTED" && awaited.get(enrolment.id)?.has(id)) counts.get(id)!.AWAITED += 1;
    }
    return {
      enrolmentId: enrolment.id,
      name: enrolment.name,
      basisgruppe: enrolment.basisgruppe,
      mine: enrolment.basisgruppe !== null && enrolment.supervisorId === viewer.id,
      items: standing.map(({ id, status }) => ({
        arbeidskravId: id,
        status,
        submissionId: submissionOf.get(id) ?? null,
        creditedFrom: credits.get(id) ?? null,
        /** Her work in an earlier kull that counts as this item once approved there ("Fagnotat 2 i Kull H2025"). */
        awaitedFrom: awaited.get(enrolment.id)?.get(id) ?? null,
      })),
    };
  });
  return {
    today,
    definitions: definitions.map((definition) => {
      const count = counts.get(definition.id)!;
      return {
        ...definition,
        dueDate: isoDate(definition.dueDate),
        kindLabel: ARBEIDSKRAV_KIND_LABELS[definition.kind],
        counts: { ...count, handedIn: count.SUBMITTED + count.APPROVED + count.NOT_APPROVED - count.CREDITED },
      };
    }),
    students,
    waiting: waitingRows.map((submission) => ({
      submissionId: submission.id,
      attemptId: submission.attemptId,
      attempt: submission.attempt,
      submittedAt: submission.submittedAt,
      // Measured against its own deadline: the due date, or after «ikke godkjent» the resubmission deadline.
      late: isLateHandIn(
        nextHandInDeadline(
          submission.dueDate,
          submission.previous
            ? [{ status: submission.previous.status, submittedAt: new Date(submission.previous.submittedAt), assessedAt: submission.previous.assessedAt ? new Date(submission.previous.assessedAt) : null }]
            : [],
        ),
        submission.submittedAt,
      ),
      arbeidskrav: { number: submission.number, title: submission.title, kind: submission.kind },
      members: submission.members,
      documents: submission.documents,
      /** The viewer handed it in herself (a member): a colleague assesses it (refuseOwnSubmissions). */
      own: isOwnCase(viewer, submission.memberUserIds),
    })),
  };
}

export type ArbeidskravOverview = Awaited<ReturnType<typeof getArbeidskravOverview>>;

// ─── One submission ─────────────────────────────────────────────────────────────────────────────

/** klageStandingForStaff for one student's decision on an attempt, or null without one. */
function klageLine(
  letter:
    | {
        klageDeadline: Date | null;
        appeals: {
          status: string;
          forwardedAt: Date | null;
          decisionChangedAt: Date | null;
          appealsBodyToldAt: Date | null;
          appealsBodyDecisions: { forwardedAt: Date; outcome: AppealsBodyOutcome }[];
        }[];
      }
    | undefined,
  today: string,
): string | null {
  if (!letter) return null;
  const klage = letter.appeals[0];
  const stage = klage ? klageStage({ status: klage.status, forwardedAt: klage.forwardedAt, decisions: klage.appealsBodyDecisions }) : null;
  return klageStandingForStaff({
    filed: klage !== undefined,
    stage,
    klageDeadline: letter.klageDeadline ? isoDate(letter.klageDeadline) : null,
    today,
    // Changed here while the klage is at the klagenemnd: whether it has been told (appealsBodyToBeTold).
    changedSince: stage === "AT_APPEALS_BODY" && klage?.decisionChangedAt ? { told: klage.appealsBodyToldAt !== null } : null,
    forwardedOn: klage?.forwardedAt ? osloDate(klage.forwardedAt) : null,
    appealsBodyOutcome: klage?.appealsBodyDecisions[0]?.outcome ?? null,
  });
}

export async function getSubmissionForAssessment(viewer: Viewer, cohortId: string, submissionId: string) {
  await requireCohortStaff(viewer, cohortId);
  const submission = await db().submission.findFirst({
    where: { id: submissionId, arbeidskrav: { cohortId } },
    select: {
      id: true,
      status: true,
      arbeidskrav: {
        select: {
          number: true,
          kind: true,
          title: true,
          description: true,
          dueDate: true,
          oralPresentation: true,
          individualOnly: true,
          minGroupSize: true,
          maxGroupSize: true,
          maxAttempts: true,
          required: true,
        },
      },
      members: {
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: {
          confirmedAt: true,
          addedBy: { select: { name: true } },
          enrolment: {
            select: {
              id: true,
              userId: true,
              status: true,
              user: { select: { name: true, email: true } },
              basisgruppe: { select: { name: true } },
              transferredTo: { select: { cohort: { select: { name: true } } } },
            },
          },
        },
      },
      attempts: {
        orderBy: { attempt: "desc" },
        select: { ...ATTEMPT_FIELDS, assessor: { select: { name: true } } },
      },
    },
  });
  if (!submission) throw new NotFoundError("Fant ikke innleveringen.");
  const dueDate = isoDate(submission.arbeidskrav.dueDate);
  const latest = submission.attempts[0] ?? null;
  const [academicLead, decisions, appealsBodyBar, notices] = await Promise.all([
    // The kull's fagansvarlig (at most one): whether it is the viewer, and her name for the others.
    db().cohortTeacher.findFirst({ where: { cohortId, academicLead: true }, select: { userId: true, user: { select: { name: true } } } }),
    // The decisions on the latest attempt, newest first, with each student's klage on hers.
    latest
      ? db().studentLetter.findMany({
          where: { aboutType: "SubmissionAttempt", aboutId: latest.id, kind: "ARBEIDSKRAV_NOT_APPROVED" },
          orderBy: { decidedAt: "desc" },
          select: {
            enrolmentId: true,
            klageDeadline: true,
            appeals: {
              select: { status: true, forwardedAt: true, decisionChangedAt: true, appealsBodyToldAt: true, appealsBodyDecisions: { orderBy: { registeredAt: "desc" }, select: { forwardedAt: true, outcome: true } } },
            },
          },
        })
      : Promise.resolve([]),
    // The correction the page offers is to the other verdict.
    latest && latest.status !== "SUBMITTED"
      ? appealsBodyBarOnCorrection(db(), latest.id, latest.status === "APPROVED" ? "NOT_APPROVED" : "APPROVED")
      : Promise.resolve(null),
    latest
      ? db().correctionNotice.findMany({
          where: { attemptId: latest.id },
          orderBy: { sentAt: "desc" },
          select: {
            id: true,
            status: true,
            reason: true,
            sentAt: true,
            respondBy: true,
            closedAt: true,
            closingNote: true,
            sentBy: { select: { name: true } },
            closedBy: { select: { name: true } },
            recipients: {
              orderBy: { enrolment: { user: { name: "asc" } } },
              select: { enrolmentId: true, response: true, respondedAt: true, enrolment: { select: { user: { select: { name: true } } } } },
            },
          },
        })
      : Promise.resolve([]),
  ]);
  const { maxAttempts } = submission.arbeidskrav;
  const today = osloDate(new Date());
  const pendingNotice = notices.find((notice) => notice.status === "PENDING") ?? null;
  const openKlager = decisions.filter((letter) => letter.appeals.some((appeal) => appeal.status === "RECEIVED")).length;
  // Each student's own decision (the newest, where a correction made another).
  const decisionOf = new Map<string, (typeof decisions)[number]>();
  for (const letter of decisions) if (!decisionOf.has(letter.enrolmentId)) decisionOf.set(letter.enrolmentId, letter);
  return {
    ...submission,
    arbeidskrav: { ...submission.arbeidskrav, dueDate, kindLabel: ARBEIDSKRAV_KIND_LABELS[submission.arbeidskrav.kind] },
    members: submission.members.map(({ enrolment, confirmedAt, addedBy }) => ({
      enrolmentId: enrolment.id,
      name: enrolment.user.name,
      email: enrolment.user.email,
      basisgruppe: enrolment.basisgruppe?.name ?? null,
      confirmed: confirmedAt !== null,
      addedBy: addedBy?.name ?? null,
      /** Moved on to a later kull (a transfer): an approval here counts there too (lib/server/enrolments/credits.ts). */
      movedTo: enrolment.status === "TRANSFERRED" ? (enrolment.transferredTo?.cohort.name ?? null) : null,
      /**
       * Where her klage on the latest attempt's «ikke godkjent» stands: while that is the
       * assessment, and after a change as long as she made one (it may still be at the klagenemnd,
       * which is to be told); null otherwise.
       */
      klage: klageLine(latest?.status === "NOT_APPROVED" || decisionOf.get(enrolment.id)?.appeals.length ? decisionOf.get(enrolment.id) : undefined, today),
      klageFiled: (decisionOf.get(enrolment.id)?.appeals.length ?? 0) > 0,
    })),
    // Each measured against its own deadline (the resubmission deadline after «ikke godkjent»), as the student sees it.
    attempts: attemptDeadlines(dueDate, [...submission.attempts].reverse()).reverse(),
    /** The latest attempt is the last one the study plan allows, of a required item: "ikke godkjent" is then an enkeltvedtak. */
    latestIsFinal: latest ? isFinalAttempt(latest.attempt, maxAttempts) && submission.arbeidskrav.required : false,
    /** The latest attempt is the last of an optional extra: "ikke godkjent" decides nothing (isRejectionDecision). */
    latestIsLastOfOptional: latest ? isFinalAttempt(latest.attempt, maxAttempts) && !submission.arbeidskrav.required : false,
    /** The viewer handed it in herself (a member): a colleague assesses and corrects it (refuseOwnSubmissions). */
    own: isOwnCase(viewer, submission.members.map((member) => member.enrolment.userId)),
    /** Only the cohort's fagansvarlig corrects an assessment (lib/server/cohorts/assessment-changes.ts). */
    canCorrect: academicLead?.userId === viewer.id && latest !== null && latest.status !== "SUBMITTED" && openKlager === 0 && appealsBodyBar === null && pendingNotice === null,
    /** The viewer decides forhåndsvarsler (the fagansvarlig). */
    academicLead: academicLead?.userId === viewer.id,
    academicLeadName: academicLead?.user.name ?? null,
    openKlager,
    /** Why the klagenemnd's decision, or a klage waiting there, bars the correction (lib/domain/klage.ts). */
    appealsBodyBar,
    /** Correcting the latest attempt to the other verdict needs a forhåndsvarsel first (lib/domain/correction-notice.ts). */
    correctionNeedsNotice: latest !== null && correctionNeedsNotice(latest, submission.arbeidskrav, "NOT_APPROVED"),
    /** The forhåndsvarsler on the latest attempt, newest first; a pending one says whether it can be carried out today. */
    notices: notices.map((notice) => {
      const respondBy = isoDate(notice.respondBy);
      return {
        ...notice,
        respondBy,
        recipients: notice.recipients.map((recipient) => ({ enrolmentId: recipient.enrolmentId, name: recipient.enrolment.user.name, response: recipient.response, respondedAt: recipient.respondedAt })),
        // Not carried out as announced while the klagenemnd bars it, or when the item is optional
        // (a notice sent before that stopped being a vedtak): withdrawn instead (carryOutCorrection).
        notReady:
          notice.status !== "PENDING"
            ? null
            : latest?.status === "APPROVED" && appealsBodyBar
              ? `${appealsBodyBar} Trekk varselet tilbake.`
              : latest && !correctionNeedsNotice(latest, submission.arbeidskrav, "NOT_APPROVED")
                ? `${noNoticeNeeded(latest, maxAttempts)} Trekk varselet tilbake først.`
                : correctionNoticeNotReady(noticeState(respondBy, notice.recipients), today),
        /** What this page shows of the uttalelser; the carry-out form sends it back (responsesSeen). */
        seen: responsesSeen(notice.recipients),
      };
    }),
  };
}

export type SubmissionForAssessment = Awaited<ReturnType<typeof getSubmissionForAssessment>>;

// ─── Deciding ───────────────────────────────────────────────────────────────────────────────────

export interface LockedAttempt {
  submissionId: string;
  /** The arbeidskrav (its definition): the student's page of it is /student/arbeidskrav/<id>. */
  arbeidskravId: string;
  attemptId: string;
  attempt: number;
  latest: number;
  status: "SUBMITTED" | "APPROVED" | "NOT_APPROVED";
  kind: "FAGNOTAT" | "LEDERTRENING";
  title: string;
  maxAttempts: number;
  /** Counted toward the exam; false for an optional extra (isRejectionDecision). */
  required: boolean;
  individualOnly: boolean;
  minGroupSize: number;
  maxGroupSize: number;
}

/** Locks the submissions of these attempts (in id order) and reads what the decision needs. */
/** The facts of the enkeltvedtak «ikke godkjent» on a final attempt, assessed or corrected (lib/domain/student-letter.ts). */
export function finalRejectionFacts(input: { attempt: LockedAttempt; names: string[]; grounds: string; at: Date; corrected: boolean }) {
  return {
    kind: "ARBEIDSKRAV_NOT_APPROVED",
    arbeidskrav: { title: input.attempt.title },
    attempt: input.attempt.attempt,
    maxAttempts: input.attempt.maxAttempts,
    assessedOn: osloDate(input.at),
    grounds: input.grounds,
    group: input.names.length > 1 ? input.names : null,
    corrected: input.corrected,
  } as const;
}

export async function lockAttempts(tx: Transaction, cohortId: string, attemptIds: readonly string[]): Promise<LockedAttempt[]> {
  const submissions = await tx.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Submission" s
    JOIN "SubmissionAttempt" sa ON sa."submissionId" = s."id"
    JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
    WHERE sa."id" = ANY(${[...attemptIds]}::text[]) AND a."cohortId" = ${cohortId}
    ORDER BY s."id"
    FOR UPDATE OF s`;
  if (submissions.length === 0) return [];
  return tx.$queryRaw<LockedAttempt[]>`
    SELECT sa."submissionId", s."arbeidskravId", sa."id" AS "attemptId", sa."attempt", sa."status"::text AS "status",
           (SELECT max(x."attempt") FROM "SubmissionAttempt" x WHERE x."submissionId" = sa."submissionId") AS "latest",
           a."kind"::text AS "kind", a."title", a."maxAttempts", a."required", a."individualOnly", a."minGroupSize", a."maxGroupSize"
    FROM "SubmissionAttempt" sa
    JOIN "Submission" s ON s."id" = sa."submissionId"
    JOIN "ArbeidskravDefinition" a ON a."id" = s."arbeidskravId"
    WHERE sa."id" = ANY(${[...attemptIds]}::text[]) AND a."cohortId" = ${cohortId}`;
}

/** The e-mail to one member: greeted by name, signed, and linking the arbeidskrav itself (a walk: as the other e-mails). */
function assessmentMail(input: { name: string; arbeidskravId: string; title: string; decision: AssessmentDecision; feedback: string; groupSize: number; last: boolean }) {
  const approved = input.decision === "APPROVED";
  const subject = approved ? `Arbeidskrav godkjent: ${input.title}` : `Arbeidskrav ikke godkjent: ${input.title}`;
  const text = [
    `Hei ${input.name},`,
    "",
    approved
      ? `${input.title} er vurdert og godkjent.${input.groupSize > 1 ? " Godkjenningen gjelder alle i gruppen." : ""}`
      : input.last
        ? `${input.title} er vurdert og ikke godkjent. ${OPTIONAL_LAST_ATTEMPT}`
        : `${input.title} er vurdert og ikke godkjent. Du kan levere på nytt.`,
    "",
    "Tilbakemelding fra faglærer:",
    input.feedback,
    "",
    `Se arbeidskravet: ${env().APP_URL}/student/arbeidskrav/${input.arbeidskravId}`,
    "",
    MAIL_SIGNATURE,
  ].join("\n");
  return { subject, text };
}

interface Decision {
  attempt: LockedAttempt;
  decision: AssessmentDecision;
  feedback: string;
}

/**
 * Takes the members who have not confirmed out of each submission (audited, told by e-mail); the
 * assessment is refused when too few confirmed members are left for the arbeidskrav's smallest
 * group. Returns the enrolments taken out.
 */
async function excludeUnconfirmed(tx: Transaction, viewer: Viewer, attempts: readonly LockedAttempt[], at: Date) {
  const members = await tx.submissionMember.findMany({
    where: { submissionId: { in: attempts.map((attempt) => attempt.submissionId) } },
    orderBy: { enrolment: { user: { name: "asc" } } },
    select: { submissionId: true, enrolmentId: true, confirmedAt: true, enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
  });
  const excluded: string[] = [];
  for (const attempt of attempts) {
    const group = members.filter((member) => member.submissionId === attempt.submissionId);
    const state = group.map((member) => ({ enrolmentId: member.enrolmentId, confirmed: member.confirmedAt !== null }));
    const problem = assessmentGroupProblem(attempt, state);
    if (problem) throw new DomainError(`${attempt.title}: ${problem}`);
    const { excluded: out } = membersAtAssessment(state);
    if (out.length === 0) continue;
    await tx.submissionMember.deleteMany({ where: { submissionId: attempt.submissionId, enrolmentId: { in: out } } });
    for (const enrolmentId of out) {
      const member = group.find((candidate) => candidate.enrolmentId === enrolmentId)!;
      await audit(tx, {
        actorId: viewer.id,
        action: "submission.member_exclude",
        entityType: "Submission",
        entityId: attempt.submissionId,
        before: { members: group.map((row) => row.enrolmentId) },
        after: { removed: enrolmentId, reason: "not confirmed at assessment", attemptId: attempt.attemptId },
      });
      await queueMail(tx, {
        dedupeKey: `group-excluded:${attempt.attemptId}:${enrolmentId}`,
        to: member.enrolment.user.email,
        userId: member.enrolment.userId,
        subject: `Du er ikke med i gruppens innlevering av ${attempt.title}`,
        text: [
          `Hei ${member.enrolment.user.name},`,
          "",
          `Du ble lagt til i en gruppe for ${attempt.title}, men bekreftet ikke at du var med før innleveringen ble vurdert ${formatDateNb(osloDate(at))}.`,
          "Du er derfor tatt ut av gruppen, og vurderingen gjelder ikke deg. Du kan levere arbeidskravet selv.",
          "",
          `Arbeidskravet: ${env().APP_URL}/student/arbeidskrav`,
        ].join("\n"),
      });
      excluded.push(enrolmentId);
    }
  }
  return excluded;
}

/** Refuses when the viewer handed in one of these submissions herself (forvaltningsloven § 6). */
export async function refuseOwnSubmissions(tx: Transaction, viewer: Viewer, submissionIds: readonly string[]) {
  const own = await tx.submissionMember.count({ where: { submissionId: { in: [...submissionIds] }, enrolment: { userId: viewer.id } } });
  if (own > 0) throw new DomainError(OWN_CASE_MESSAGE);
}

/**
 * Writes the decisions (attempts, submissions, audit, member e-mails or letters) in the caller's
 * transaction, after taking unconfirmed members out of each group, and recomputes the
 * standings of everyone concerned last.
 */
async function recordDecisions(tx: Transaction, viewer: Viewer, cohortId: string, decisions: readonly Decision[], action: AuditAction) {
  await refuseOwnSubmissions(tx, viewer, decisions.map((d) => d.attempt.submissionId));
  const at = new Date();
  const excluded = await excludeUnconfirmed(
    tx,
    viewer,
    decisions.map((d) => d.attempt),
    at,
  );
  for (const { attempt, decision, feedback } of decisions) {
    await tx.submissionAttempt.update({
      where: { id: attempt.attemptId },
      data: { status: decision, feedback, assessorId: viewer.id, assessedAt: at },
    });
    await tx.submission.update({ where: { id: attempt.submissionId }, data: { status: decision } });
  }
  const members = await tx.submissionMember.findMany({
    where: { submissionId: { in: decisions.map((d) => d.attempt.submissionId) } },
    orderBy: { enrolment: { user: { name: "asc" } } },
    select: { submissionId: true, enrolmentId: true, enrolment: { select: { userId: true, user: { select: { email: true, name: true } } } } },
  });
  await auditMany(
    tx,
    decisions.map(({ attempt, decision, feedback }) => ({
      actorId: viewer.id,
      action,
      entityType: "SubmissionAttempt",
      entityId: attempt.attemptId,
      before: { status: attempt.status },
      after: {
        status: decision,
        feedback,
        submissionId: attempt.submissionId,
        members: members.filter((m) => m.submissionId === attempt.submissionId).map((m) => m.enrolmentId),
        final: isRejectionDecision({ attempt: attempt.attempt, status: decision }, attempt),
      },
    })),
  );
  const title = decisions.some((d) => isRejectionDecision({ attempt: d.attempt.attempt, status: d.decision }, d.attempt))
    ? await deciderTitle(tx, viewer.id, cohortId)
    : "Faglærer";
  let letters = 0;
  for (const { attempt, decision, feedback } of decisions) {
    const group = members.filter((m) => m.submissionId === attempt.submissionId);
    if (isRejectionDecision({ attempt: attempt.attempt, status: decision }, attempt)) {
      // An enkeltvedtak: a letter to each member (its e-mail carries the news).
      for (const member of group) {
        await issueStudentLetter(tx, {
          enrolmentId: member.enrolmentId,
          facts: finalRejectionFacts({ attempt, names: group.map((m) => m.enrolment.user.name), grounds: feedback, at, corrected: false }),
          decidedBy: { id: viewer.id, name: viewer.name, title },
          about: { type: "SubmissionAttempt", id: attempt.attemptId },
          now: at,
        });
        letters += 1;
      }
      continue;
    }
    // An optional extra's final «ikke godkjent» decides nothing (isRejectionDecision): told by e-mail, that it was the last.
    const last = isFinalRejection({ attempt: attempt.attempt, status: decision }, attempt.maxAttempts);
    for (const member of group) {
      await queueMail(tx, {
        dedupeKey: `arbeidskrav-assessed:${attempt.attemptId}:${member.enrolmentId}`,
        to: member.enrolment.user.email,
        userId: member.enrolment.userId,
        ...assessmentMail({ name: member.enrolment.user.name, arbeidskravId: attempt.arbeidskravId, title: attempt.title, decision, feedback, groupSize: group.length, last }),
      });
    }
  }
  await refreshStandings(
    tx,
    { cohortId, enrolmentIds: [...members.map((member) => member.enrolmentId), ...excluded] },
    {
      actorId: viewer.id,
      cause:
        decisions.length === 1
          ? `${decisions[0]!.attempt.title} er vurdert til ${decisions[0]!.decision === "APPROVED" ? "godkjent" : "ikke godkjent"}`
          : "Arbeidskrav er vurdert",
    },
  );
  // A group's work credited to a member who moved to a later kull (a transfer) counts there only
  // while it stands approved: an assessment of the group's new attempt decides it again.
  await refreshCreditedFrom(tx, decisions.map((d) => d.attempt.submissionId), {
    actorId: viewer.id,
    cause: (title) => `${title} fra det tidligere kullet er vurdert på nytt`,
  });
  return { members, letters };
}

function refusalFor(attempt: LockedAttempt): string | null {
  if (attempt.attempt !== attempt.latest) return `${attempt.title}: det har kommet en ny innlevering. Vurder den nyeste.`;
  if (attempt.status !== "SUBMITTED") return `${attempt.title} er allerede vurdert.`;
  return null;
}

export async function assessSubmission(
  viewer: Viewer,
  input: { cohortId: string; attemptId: string; decision: AssessmentDecision; feedback: string | null },
) {
  await requireCohortStaff(viewer, input.cohortId);
  const feedback = input.feedback?.trim() || (input.decision === "APPROVED" ? "Godkjent." : "");
  if (!feedback) {
    throw new DomainError("Skriv en tilbakemelding som forklarer hva som mangler.", {
      // Not «hva studenten må endre»: on the last hand-in there is nothing more to hand in (a walk).
      feedback: ["Skriv hva som mangler for at arbeidskravet kan godkjennes."],
    });
  }
  return withRetry(() => db().$transaction(async (tx) => {
    const [attempt] = await lockAttempts(tx, input.cohortId, [input.attemptId]);
    if (!attempt) throw new NotFoundError("Fant ikke innleveringen.");
    const refusal = refusalFor(attempt);
    if (refusal) throw new DomainError(refusal);
    const { members, letters } = await recordDecisions(tx, viewer, input.cohortId, [{ attempt, decision: input.decision, feedback }], "submission.assess");
    return { title: attempt.title, decision: input.decision, members: members.length, letters, submissionId: attempt.submissionId };
  }));
}

/** Approves exactly these handed-in ledertreningsoppgaver (the ones the viewer has read). */
export async function approveReadLedertrening(viewer: Viewer, input: { cohortId: string; attemptIds: readonly string[] }) {
  await requireCohortStaff(viewer, input.cohortId);
  const ids = [...new Set(input.attemptIds)];
  if (ids.length === 0) throw new DomainError("Kryss av for de innleveringene du har lest.");
  return withRetry(() => db().$transaction(async (tx) => {
    const attempts = await lockAttempts(tx, input.cohortId, ids);
    if (attempts.length !== ids.length) throw new NotFoundError("Fant ikke alle innleveringene.");
    const refusals = attempts.flatMap((attempt) => {
      if (attempt.kind !== "LEDERTRENING") return [`${attempt.title} er ikke en ledertreningsoppgave og må vurderes for seg.`];
      const refusal = refusalFor(attempt);
      return refusal ? [refusal] : [];
    });
    if (refusals.length > 0) throw new DomainError(`Ingen ble godkjent. ${refusals.join(" ")}`);
    await recordDecisions(
      tx,
      viewer,
      input.cohortId,
      attempts.map((attempt) => ({ attempt, decision: "APPROVED" as const, feedback: "Godkjent." })),
      "submission.assess",
    );
    return { approved: attempts.length };
  }));
}

