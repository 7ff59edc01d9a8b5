import "server-only";
// The facts the rules of a kull's life need (lib/domain/cohort-life.ts), read the same way for
// the adviser's home, a kull's own page and the steps that change it (inside their transaction):
// the stored steps and dates, the plan (samling days, exam, arbeidskrav checked against the kull's
// own requirements), and the counts of applications, offers, students and exam registrations.
import { osloDate } from "@/lib/domain/application-deadline";
import { validateArbeidskravSet } from "@/lib/domain/arbeidskrav";
import {
  archiveProblems,
  cohortPhase,
  NO_OPEN_CASES,
  completionProblems,
  nextCohortStep,
  publicationProblems,
  type CohortLifeFacts,
  type CohortPhase,
  type NextStep,
  type OpenCases,
} from "@/lib/domain/cohort-life";
import { APPEALABLE_LETTER_KINDS } from "@/lib/domain/decision-letter";
import { completionProblem } from "@/lib/domain/enrolment";
import type { IntakeFields } from "@/lib/domain/intake";
import type { Database, Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sittingRecords } from "@/lib/server/exams/records";
import { inOrder } from "@/lib/server/in-order";
import { day } from "@/lib/dates";
import { isoDate, REQUIREMENT_COLUMNS, toRequirements } from "@/lib/to-domain";

export const LIFE_SELECT = {
  id: true,
  programmeId: true,
  code: true,
  name: true,
  capacity: true,
  applicationOpensOn: true,
  applicationDeadline: true,
  offerAnswerDeadline: true,
  waitlistClosesOn: true,
  startsOn: true,
  endsOn: true,
  publishedAt: true,
  completedAt: true,
  archivedAt: true,
  ...REQUIREMENT_COLUMNS,
  programme: { select: { name: true } },
  samlinger: { select: { samling: { select: { days: { select: { id: true, date: true } } } } } },
  arbeidskrav: { select: { number: true, kind: true, individualOnly: true, oralPresentation: true, minGroupSize: true, maxGroupSize: true } },
  // The ordinary sitting (utsatt and ny eksamen come after it; their registrations count in the tally).
  exams: { where: { kind: "ORDINARY" }, take: 1, select: { id: true, startsOn: true, endsOn: true, gradesPublishedAt: true } },
} satisfies Prisma.CohortSelect;

export type LifeRow = Prisma.CohortGetPayload<{ select: typeof LIFE_SELECT }>;

export interface LifeCounts {
  /** All applications, drafts included. */
  applications: number;
  drafts: number;
  /** Sent and not yet decided (not reviewed and under review). */
  undecided: number;
  /** Sent, not reviewed yet (SUBMITTED). */
  notReviewed: number;
  /** Sent and being reviewed (UNDER_REVIEW). */
  underReview: number;
  /** Sent and not withdrawn: not reviewed, under review or decided. */
  sent: number;
  decisions: number;
  openOffers: number;
  acceptedOffers: number;
  /** Active (not withdrawn) students. */
  students: number;
  registered: number;
  registeredWithoutGrade: number;
  /** Active students with a granted leave that has not begun (completionProblems). */
  leavesNotBegun: number;
  /** Active students with neither a registration nor a decision at the ordinary sitting (completionProblems). */
  withoutExamDecision: number;
}

const NO_COUNTS: LifeCounts = {
  applications: 0,
  drafts: 0,
  undecided: 0,
  notReviewed: 0,
  underReview: 0,
  sent: 0,
  decisions: 0,
  openOffers: 0,
  acceptedOffers: 0,
  students: 0,
  registered: 0,
  registeredWithoutGrade: 0,
  leavesNotBegun: 0,
  withoutExamDecision: 0,
};

/** The counts for several cohorts in a fixed number of queries (in order: may run in a transaction). */
export async function loadLifeCounts(client: Database | Transaction, cohortIds: readonly string[]): Promise<Map<string, LifeCounts>> {
  const ids = [...cohortIds];
  const counts = new Map(ids.map((id) => [id, { ...NO_COUNTS }]));
  if (ids.length === 0) return counts;
  const [applications, decisions, enrolments, registrations] = await inOrder(
    () => client.application.groupBy({ by: ["cohortId", "status"], where: { cohortId: { in: ids } }, _count: { _all: true } }),
    () => client.$queryRaw<{ cohortId: string; outcome: string; answer: string | null; count: bigint }[]>`
      SELECT a."cohortId", d."outcome"::text AS "outcome", d."answer"::text AS "answer", count(*) AS "count"
      FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId"
      WHERE a."cohortId" = ANY(${ids}) AND a."status" <> 'WITHDRAWN'
      GROUP BY 1, 2, 3`,
    // The students, and of them those still active with a granted leave not ended: one that has not
    // begun (a leave that has begun makes the student ON_LEAVE).
    () => client.$queryRaw<{ cohortId: string; students: bigint; leavesNotBegun: bigint; withoutExamDecision: bigint }[]>`
      SELECT e."cohortId", count(*) AS "students",
        count(*) FILTER (WHERE e."status" = 'ACTIVE' AND EXISTS (
          SELECT 1 FROM "LeaveOfAbsence" l WHERE l."enrolmentId" = e."id" AND l."status" = 'GRANTED' AND l."returnedOn" IS NULL
        )) AS "leavesNotBegun",
        count(*) FILTER (WHERE e."status" = 'ACTIVE' AND NOT EXISTS (
          SELECT 1 FROM "ExamRegistration" r JOIN "Exam" x ON x."id" = r."examId" WHERE r."enrolmentId" = e."id" AND x."kind" = 'ORDINARY'
        )) AS "withoutExamDecision"
      FROM "Enrolment" e
      WHERE e."cohortId" = ANY(${ids}) AND e."status" <> 'WITHDRAWN'
      GROUP BY 1`,
    () => client.$queryRaw<{ cohortId: string; registered: bigint; ungraded: bigint }[]>`
      SELECT e."cohortId", count(*) AS "registered", count(*) FILTER (WHERE r."grade" IS NULL) AS "ungraded"
      FROM "ExamRegistration" r JOIN "Enrolment" e ON e."id" = r."enrolmentId"
      WHERE e."cohortId" = ANY(${ids}) AND r."status" = 'ADMITTED' AND e."status" <> 'WITHDRAWN'
      GROUP BY 1`,
  );
  for (const row of applications) {
    const entry = counts.get(row.cohortId)!;
    entry.applications += row._count._all;
    if (row.status === "DRAFT") entry.drafts += row._count._all;
    if (row.status === "SUBMITTED" || row.status === "UNDER_REVIEW") entry.undecided += row._count._all;
    if (row.status === "SUBMITTED") entry.notReviewed += row._count._all;
    if (row.status === "UNDER_REVIEW") entry.underReview += row._count._all;
    if (row.status === "SUBMITTED" || row.status === "UNDER_REVIEW" || row.status === "DECIDED") entry.sent += row._count._all;
  }
  for (const row of decisions) {
    const entry = counts.get(row.cohortId)!;
    const n = Number(row.count);
    entry.decisions += n;
    if (row.outcome === "OFFER" && row.answer === null) entry.openOffers += n;
    if (row.outcome === "OFFER" && row.answer === "ACCEPTED") entry.acceptedOffers += n;
  }
  for (const row of enrolments) {
    const entry = counts.get(row.cohortId)!;
    entry.students = Number(row.students);
    entry.leavesNotBegun = Number(row.leavesNotBegun);
    entry.withoutExamDecision = Number(row.withoutExamDecision);
  }
  for (const row of registrations) {
    const entry = counts.get(row.cohortId)!;
    entry.registered = Number(row.registered);
    entry.registeredWithoutGrade = Number(row.ungraded);
  }
  return counts;
}

/** The (outcome, letter kind) pairs a klage can be filed on (lib/domain/decision-letter.ts). */
const APPEALABLE = Object.entries(APPEALABLE_LETTER_KINDS).flatMap(([outcome, kinds]) => kinds.map((kind) => [outcome, kind] as const));

/**
 * The cases still open in each of `cohortIds` on `today` (archiveProblems), in two statements
 * however many kull: the counts with the active students, and their sittings for the completion
 * rule. Requests, klager and klage periods count for every student the kull has had (a withdrawn
 * student's klage is still decided), and for its applicants (a klage on admission); unended leave only for students still in the kull (a
 * transfer or withdrawal ended the place, and the leave with it).
 */
export async function loadOpenCasesOf(client: Database | Transaction, cohortIds: readonly string[], today: string): Promise<Map<string, OpenCases>> {
  const ids = [...cohortIds];
  if (ids.length === 0) return new Map();
  const rows = await client.$queryRaw<{
    cohortId: string;
    deferrals: bigint;
    klager: bigint;
    notices: bigint;
    letters: bigint;
    lastDeadline: Date | null;
    leaves: bigint;
    ahead: bigint;
    lastDay: Date | null;
    unpublished: bigint;
    lastPublished: Date | null;
    active: string[] | null;
  }[]>`
    WITH kull AS (SELECT unnest(${ids}::text[]) AS "id"),
    students AS (SELECT e."id", e."cohortId" FROM "Enrolment" e WHERE e."cohortId" = ANY(${ids}::text[])),
    open_letters AS (
      SELECT s."cohortId", l."klageDeadline" FROM "StudentLetter" l JOIN students s ON s."id" = l."enrolmentId"
      WHERE l."enkeltvedtak" AND l."klageDeadline" >= ${day(today)}
        AND NOT EXISTS (SELECT 1 FROM "StudentAppeal" a WHERE a."letterId" = l."id")
      UNION ALL
      -- The admission's letters too: a refusal or a place on the list may still be appealed.
      SELECT p."cohortId", l."klageDeadline" FROM "DecisionLetter" l JOIN "Decision" d ON d."id" = l."decisionId"
        JOIN "Application" p ON p."id" = d."applicationId"
      WHERE p."cohortId" = ANY(${ids}::text[]) AND p."status" <> 'WITHDRAWN' AND l."klageDeadline" >= ${day(today)}
        AND (d."outcome"::text, l."kind"::text) IN (SELECT * FROM unnest(${APPEALABLE.map(([outcome]) => outcome)}::text[], ${APPEALABLE.map(([, kind]) => kind)}::text[]))
        AND NOT EXISTS (SELECT 1 FROM "Appeal" a WHERE a."letterId" = l."id"))
    SELECT
      k."id" AS "cohortId",
      (SELECT count(*) FROM "ExamDeferral" d JOIN "ExamRegistration" r ON r."id" = d."registrationId" JOIN students s ON s."id" = r."enrolmentId"
        WHERE s."cohortId" = k."id" AND d."status" = 'REQUESTED') AS "deferrals",
      (SELECT count(*) FROM "StudentAppeal" a JOIN students s ON s."id" = a."enrolmentId"
        WHERE s."cohortId" = k."id" AND (a."status" = 'RECEIVED' OR (a."status" = 'UPHELD' AND a."forwardedAt" IS NULL)))
      + (SELECT count(*) FROM "Appeal" a JOIN "Application" p ON p."id" = a."applicationId"
        WHERE p."cohortId" = k."id" AND (a."status" = 'RECEIVED' OR (a."status" = 'UPHELD' AND a."forwardedAt" IS NULL))) AS "klager",
      (SELECT count(*) FROM "CorrectionNotice" n JOIN "SubmissionAttempt" sa ON sa."id" = n."attemptId" JOIN "Submission" sb ON sb."id" = sa."submissionId"
        JOIN "ArbeidskravDefinition" d ON d."id" = sb."arbeidskravId" WHERE d."cohortId" = k."id" AND n."status" = 'PENDING') AS "notices",
      (SELECT count(*) FROM open_letters o WHERE o."cohortId" = k."id") AS "letters",
      (SELECT max(o."klageDeadline") FROM open_letters o WHERE o."cohortId" = k."id") AS "lastDeadline",
      (SELECT count(*) FROM "LeaveOfAbsence" v JOIN "Enrolment" e ON e."id" = v."enrolmentId"
        WHERE e."cohortId" = k."id" AND e."status" IN ('ACTIVE', 'ON_LEAVE')
          AND v."status" = 'GRANTED' AND v."returnedOn" IS NULL) AS "leaves",
      (SELECT count(*) FROM "Exam" x WHERE x."cohortId" = k."id" AND x."endsOn" >= ${day(today)}) AS "ahead",
      (SELECT max(x."endsOn") FROM "Exam" x WHERE x."cohortId" = k."id" AND x."endsOn" >= ${day(today)}) AS "lastDay",
      (SELECT count(*) FROM "Exam" x WHERE x."cohortId" = k."id" AND x."endsOn" < ${day(today)} AND x."gradesPublishedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "ExamRegistration" r WHERE r."examId" = x."id" AND r."status" = 'ADMITTED')) AS "unpublished",
      (SELECT max(x."gradesPublishedAt") FROM "Exam" x WHERE x."cohortId" = k."id") AS "lastPublished",
      (SELECT array_agg(e."id") FROM "Enrolment" e WHERE e."cohortId" = k."id" AND e."status" = 'ACTIVE') AS "active"
    FROM kull k`;
  // Who may complete is the rule's to say (lib/domain/enrolment.ts completionProblem: the best
  // published grade over every sitting), so it is asked per active student, not restated in SQL.
  const sittings = await sittingRecords(client, rows.flatMap((row) => row.active ?? []));
  const unconfirmed = (row: (typeof rows)[number]) =>
    (row.active ?? []).filter((id) => completionProblem({ status: "ACTIVE", sittings: sittings.get(id) ?? [] }) === null).length;
  return new Map(
    rows.map((row) => [
      row.cohortId,
      {
        deferralRequests: Number(row.deferrals),
        openKlager: Number(row.klager),
        pendingNotices: Number(row.notices),
        klagePeriods: { letters: Number(row.letters), lastDeadline: row.lastDeadline ? isoDate(row.lastDeadline) : null },
        unendedLeaves: Number(row.leaves),
        unconfirmedCompletions: unconfirmed(row),
        sittingsAhead: { count: Number(row.ahead), lastDay: row.lastDay ? isoDate(row.lastDay) : null },
        unpublishedSittings: Number(row.unpublished),
        gradesLastPublishedOn: row.lastPublished ? osloDate(row.lastPublished) : null,
      },
    ]),
  );
}

/** The cases still open in one kull on `today` (loadOpenCasesOf). */
export async function loadOpenCases(client: Database | Transaction, cohortId: string, today: string): Promise<OpenCases> {
  return (await loadOpenCasesOf(client, [cohortId], today)).get(cohortId)!;
}

export function intakeFieldsOf(row: LifeRow): IntakeFields {
  return {
    code: row.code,
    name: row.name,
    capacity: row.capacity,
    applicationOpensOn: isoDate(row.applicationOpensOn),
    applicationDeadline: isoDate(row.applicationDeadline),
    offerAnswerDeadline: isoDate(row.offerAnswerDeadline),
    startsOn: isoDate(row.startsOn),
    endsOn: isoDate(row.endsOn),
    waitlistClosesOn: row.waitlistClosesOn ? isoDate(row.waitlistClosesOn) : null,
  };
}

/** Every day of the plan, in date order (a day of a shared samling once). */
function samlingDays(row: LifeRow): { id: string; date: string }[] {
  const byId = new Map(row.samlinger.flatMap(({ samling }) => samling.days.map((d) => [d.id, { id: d.id, date: isoDate(d.date) }] as const)));
  return [...byId.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export interface CohortLife {
  fields: IntakeFields;
  phase: CohortPhase;
  lifeFacts: CohortLifeFacts;
  samlingDays: { id: string; date: string }[];
  exam: { id: string; startsOn: string; endsOn: string; gradesPublished: boolean } | null;
  arbeidskravCount: number;
  publicationProblems: string[];
  completionProblems: string[];
  counts: LifeCounts;
  /** What stands in the way of archiving (null for a completed kull whose open cases were not read). */
  archiveProblems: string[] | null;
  nextStep: NextStep | null;
}

/**
 * The life of one kull on `today`, from its row, counts and open cases (loadOpenCasesOf): phase,
 * what stands in the way, what is next. `openCases` is needed only for a completed kull; null
 * where they were not read, and a completed kull then has no next step.
 */
export function lifeOf(row: LifeRow, counts: LifeCounts | undefined, today: string, openCases: OpenCases | null): CohortLife {
  const fields = intakeFieldsOf(row);
  const days = samlingDays(row);
  const lifeFacts: CohortLifeFacts = {
    published: row.publishedAt !== null,
    completed: row.completedAt !== null,
    archived: row.archivedAt !== null,
    applicationOpensOn: fields.applicationOpensOn,
    applicationDeadline: fields.applicationDeadline,
    startsOn: fields.startsOn,
    endsOn: fields.endsOn,
    lastSamlingDay: days.at(-1)?.date ?? null,
  };
  const phase = cohortPhase(lifeFacts, today);
  const firstExam = row.exams[0];
  const exam = firstExam
    ? { id: firstExam.id, startsOn: isoDate(firstExam.startsOn), endsOn: isoDate(firstExam.endsOn), gradesPublished: firstExam.gradesPublishedAt !== null }
    : null;
  const tally = counts ?? NO_COUNTS;
  const publication =
    phase === "DRAFT"
      ? publicationProblems({
          phase,
          today,
          applicationDeadline: fields.applicationDeadline,
          startsOn: fields.startsOn,
          endsOn: fields.endsOn,
          samlingDays: days.map((d) => d.date),
          exam: exam ? { startsOn: exam.startsOn, endsOn: exam.endsOn } : null,
          arbeidskravCount: row.arbeidskrav.length,
          arbeidskravProblems: validateArbeidskravSet(row.arbeidskrav, toRequirements(row).arbeidskrav),
        })
      : [];
  const completion = completionProblems({
    phase,
    registered: tally.registered,
    registeredWithoutGrade: tally.registeredWithoutGrade,
    leavesNotBegun: tally.leavesNotBegun,
    withoutExamDecision: tally.withoutExamDecision,
    gradesPublished: exam ? exam.gradesPublished : null,
  });
  // A kull that is not completed has no open cases to read: archiveProblems names its phase.
  const archiving = phase === "COMPLETED" && !openCases ? null : archiveProblems(phase, openCases ?? NO_OPEN_CASES, today);
  const nextStep = nextCohortStep({
    phase,
    archiveProblems: archiving,
    today,
    applicationOpensOn: fields.applicationOpensOn,
    applicationDeadline: fields.applicationDeadline,
    startsOn: fields.startsOn,
    publicationProblems: publication,
    undecidedApplications: tally.undecided,
    openOffers: tally.openOffers,
    students: tally.students,
    nextSamlingDay: days.find((d) => d.date >= today)?.date ?? null,
    exam: exam
      ? {
          startsOn: exam.startsOn,
          endsOn: exam.endsOn,
          registered: tally.registered,
          registeredWithoutGrade: tally.registeredWithoutGrade,
          gradesPublished: exam.gradesPublished,
          withoutExamDecision: tally.withoutExamDecision,
        }
      : null,
  });
  return {
    fields,
    phase,
    lifeFacts,
    samlingDays: days,
    exam,
    arbeidskravCount: row.arbeidskrav.length,
    publicationProblems: publication,
    completionProblems: completion,
    counts: tally,
    archiveProblems: archiving,
    nextStep,
  };
}

/**
 * The lives of kull as the adviser's pages show them: `lifeOf` each, with the open cases of the
 * completed ones read in one batch (two statements, and none when no kull is completed), so a
 * completed kull's next step says whether it can be archived.
 */
export async function livesWithOpenCases(client: Database | Transaction, rows: readonly LifeRow[], counts: Map<string, LifeCounts>, today: string): Promise<Map<string, CohortLife>> {
  const lives = new Map(rows.map((row) => [row.id, lifeOf(row, counts.get(row.id), today, null)]));
  const completed = rows.filter((row) => lives.get(row.id)!.phase === "COMPLETED");
  const open = await loadOpenCasesOf(client, completed.map((row) => row.id), today);
  for (const row of completed) lives.set(row.id, lifeOf(row, counts.get(row.id), today, open.get(row.id)!));
  return lives;
}

/** Where the adviser does the next step (lib/domain/cohort-life.ts StepTarget), as a link. */
export function nextStepHref(cohortId: string, life: Pick<CohortLife, "nextStep" | "samlingDays">, today: string): string | null {
  switch (life.nextStep?.target) {
    case "INTAKE":
      return `/veileder/kull/${cohortId}`;
    case "PLAN":
      return `/kull/${cohortId}/plan`;
    case "ADMISSION":
      return `/veileder/opptak/${cohortId}`;
    case "EXAM":
      return `/kull/${cohortId}/eksamen`;
    case "ATTENDANCE": {
      const day = life.samlingDays.find((d) => d.date === today);
      return day ? `/kull/${cohortId}/oppmote/${day.id}` : `/kull/${cohortId}/oppmote`;
    }
    default:
      return null;
  }
}
