import "server-only";
// The facts the rules of a kull's life need (lib/domain/cohort-life.ts), read the same way for
// the adviser's home, a kull's own page and the steps that change it (inside their transaction):
// the stored steps and dates, the plan (samling days, exam, arbeidskrav checked against the kull's
// own requirements), and the counts of applications, offers, students and exam registrations.
import { osloDate } from "@/lib/domain/application-deadline";
import { validateArbeidskravSet } from "@/lib/domain/arbeidskrav";
import {
  cohortPhase,
  completionProblems,
  nextCohortStep,
  publicationProblems,
  type CohortLifeFacts,
  type CohortPhase,
  type NextStep,
  type OpenCases,
} from "@/lib/domain/cohort-life";
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
    () => client.enrolment.groupBy({ by: ["cohortId"], where: { cohortId: { in: ids }, status: { not: "WITHDRAWN" } }, _count: { _all: true } }),
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
  for (const row of enrolments) counts.get(row.cohortId)!.students = row._count._all;
  for (const row of registrations) {
    const entry = counts.get(row.cohortId)!;
    entry.registered = Number(row.registered);
    entry.registeredWithoutGrade = Number(row.ungraded);
  }
  return counts;
}

/**
 * The cases still open in a kull on `today` (archiveProblems), in three statements: the counts,
 * and the active students with their sittings for the completion rule. Requests, klager
 * and klage periods count for every student the kull has had (a withdrawn student's klage is
 * still decided); unended leave only for students still in the kull (a transfer or withdrawal
 * ended the place, and the leave with it).
 */
export async function loadOpenCases(client: Database | Transaction, cohortId: string, today: string): Promise<OpenCases> {
  const rows = await client.$queryRaw<{
    deferrals: bigint;
    klager: bigint;
    letters: bigint;
    lastDeadline: Date | null;
    leaves: bigint;
    ahead: bigint;
    lastDay: Date | null;
    unpublished: bigint;
    lastPublished: Date | null;
  }[]>`
    WITH students AS (SELECT e."id" FROM "Enrolment" e WHERE e."cohortId" = ${cohortId})
    SELECT
      (SELECT count(*) FROM "ExamDeferral" d JOIN "ExamRegistration" r ON r."id" = d."registrationId"
        WHERE r."enrolmentId" IN (SELECT "id" FROM students) AND d."status" = 'REQUESTED') AS "deferrals",
      (SELECT count(*) FROM "StudentAppeal" a
        WHERE a."enrolmentId" IN (SELECT "id" FROM students)
          AND (a."status" = 'RECEIVED' OR (a."status" = 'UPHELD' AND a."forwardedAt" IS NULL))) AS "klager",
      (SELECT count(*) FROM "StudentLetter" l
        WHERE l."enrolmentId" IN (SELECT "id" FROM students) AND l."enkeltvedtak" AND l."klageDeadline" >= ${day(today)}
          AND NOT EXISTS (SELECT 1 FROM "StudentAppeal" a WHERE a."letterId" = l."id")) AS "letters",
      (SELECT max(l."klageDeadline") FROM "StudentLetter" l
        WHERE l."enrolmentId" IN (SELECT "id" FROM students) AND l."enkeltvedtak" AND l."klageDeadline" >= ${day(today)}
          AND NOT EXISTS (SELECT 1 FROM "StudentAppeal" a WHERE a."letterId" = l."id")) AS "lastDeadline",
      (SELECT count(*) FROM "LeaveOfAbsence" v JOIN "Enrolment" e ON e."id" = v."enrolmentId"
        WHERE e."cohortId" = ${cohortId} AND e."status" IN ('ACTIVE', 'ON_LEAVE')
          AND v."status" = 'GRANTED' AND v."returnedOn" IS NULL) AS "leaves",
      (SELECT count(*) FROM "Exam" x WHERE x."cohortId" = ${cohortId} AND x."endsOn" >= ${day(today)}) AS "ahead",
      (SELECT max(x."endsOn") FROM "Exam" x WHERE x."cohortId" = ${cohortId} AND x."endsOn" >= ${day(today)}) AS "lastDay",
      (SELECT count(*) FROM "Exam" x WHERE x."cohortId" = ${cohortId} AND x."endsOn" < ${day(today)} AND x."gradesPublishedAt" IS NULL
        AND EXISTS (SELECT 1 FROM "ExamRegistration" r WHERE r."examId" = x."id" AND r."status" = 'ADMITTED')) AS "unpublished",
      (SELECT max(x."gradesPublishedAt") FROM "Exam" x WHERE x."cohortId" = ${cohortId}) AS "lastPublished"`;
  const row = rows[0]!;
  // Who may complete is the rule's to say (lib/domain/enrolment.ts completionProblem: the best
  // published grade over every sitting), so it is asked per active student, not restated in SQL.
  const active = await client.enrolment.findMany({ where: { cohortId, status: "ACTIVE" }, select: { id: true, status: true } });
  const sittings = await sittingRecords(client, active.map((enrolment) => enrolment.id));
  const unconfirmedCompletions = active.filter((enrolment) => completionProblem({ status: enrolment.status, sittings: sittings.get(enrolment.id) ?? [] }) === null).length;
  return {
    deferralRequests: Number(row.deferrals),
    openKlager: Number(row.klager),
    klagePeriods: { letters: Number(row.letters), lastDeadline: row.lastDeadline ? isoDate(row.lastDeadline) : null },
    unendedLeaves: Number(row.leaves),
    unconfirmedCompletions,
    sittingsAhead: { count: Number(row.ahead), lastDay: row.lastDay ? isoDate(row.lastDay) : null },
    unpublishedSittings: Number(row.unpublished),
    gradesLastPublishedOn: row.lastPublished ? osloDate(row.lastPublished) : null,
  };
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
  nextStep: NextStep | null;
}

/** The life of one kull on `today`, from its row and counts: phase, what stands in the way, what is next. */
export function lifeOf(row: LifeRow, counts: LifeCounts | undefined, today: string): CohortLife {
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
    gradesPublished: exam ? exam.gradesPublished : null,
  });
  const nextStep = nextCohortStep({
    phase,
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
      ? { startsOn: exam.startsOn, endsOn: exam.endsOn, registered: tally.registered, registeredWithoutGrade: tally.registeredWithoutGrade, gradesPublished: exam.gradesPublished }
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
    nextStep,
  };
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
