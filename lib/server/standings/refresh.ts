// A student's stored standing toward the exam (Standing), recomputed from the stored facts inside
// the transaction that changes one of them: an attendance registration or correction, an
// assessment, a hand-in, a change of the plan's days, of the arbeidskrav set or of the
// requirements, a new enrolment. The rules are lib/domain (evaluateEligibility through
// evaluateCohortEligibility, then lib/domain/standing.ts); this file only loads, compares, stores
// and tells:
// - a changed status is stored with when and why (shown as "endret" to the student and the staff)
//   and audited (`standing.change`, before and after);
// - attendance notices follow the state (attendanceNoticeStep): a warning on entering a worse
//   state, a short correction when a change lifts the student out of the state they were told
//   about; each notice has its own dedupe key (`attendance-notice:<enrolmentId>:<n>`), so none is
//   ever queued twice. Only active students of a cohort still running are told;
// - a change that makes the exam decision already taken wrong (registered but no longer eligible,
//   refused but eligible now: examDecisionNeeded) tells the student what changed; the staff see
//   "trenger en beslutning" on the exam page.
//
// Concurrency: the standings are locked (FOR UPDATE, in enrolment id order) before the facts are
// read. A second transaction refreshing the same students waits for the first to commit, and then
// reads facts that include the first one's, so the last write is never a stale view. Call it as
// the last thing a transaction locks (after the day, submission or cohort row the use case locks),
// so lock order is the same everywhere.
//
// No `server-only` marker: the demo seed, a plain Node process, computes the demo's standings
// with this same code.
import { attendanceProgress } from "@/lib/domain/attendance-progress";
import { whomToContact } from "@/lib/domain/contacts";
import { IN_KULL } from "@/lib/domain/enrolment";
import { examDecisionNeeded } from "@/lib/domain/exam";
import { decisionRegistration, sittingName } from "@/lib/domain/exam-sittings";
import { examPhase } from "@/lib/domain/exam-time";
import { refusalNoLongerMetText } from "@/lib/domain/next-steps";
import {
  attendanceNoticeStep,
  describeStandingStatus,
  sameStanding,
  standingFromEligibility,
  type AttendanceNotice,
  type AttendanceNoticeState,
  type StandingFacts,
} from "@/lib/domain/standing";
import { osloDate } from "@/lib/domain/application-deadline";
import { eligibilityOutlook, type Eligibility } from "@/lib/domain/eligibility";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { auditMany } from "@/lib/server/audit";
import { cohortContacts } from "@/lib/server/cohorts/contacts";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { inOrder } from "@/lib/server/in-order";
import { MAIL_SIGNATURE, queueMails, type QueuedMail } from "@/lib/server/mail-queue";


export interface RefreshContext {
  /** Who made the change (null: the system, e.g. a sweep or the seed). */
  actorId: string | null;
  /** What changed, in Norwegian for the people who read it: "Oppmøte registrert for 3. desember". */
  cause: string;
  now?: Date;
  /** Queue notices and mails (default true). */
  notify?: boolean;
  /** The app's address in links (default: APP_URL). */
  appUrl?: string;
}

export interface StandingChange {
  enrolmentId: string;
  before: StandingFacts | null;
  after: StandingFacts;
  /** The notice queued, if any. */
  notice: AttendanceNotice | null;
}

interface CohortRow {
  name: string;
  /** ISO date. */
  endsOn: string;
  adviserName: string;
  adviserEmail: string;
  adviserPhone: string;
  academicLeadName: string;
  academicLeadEmail: string;
  academicLeadPhone: string;
  leadName: string | null;
  leadEmail: string | null;
  leadPhone: string | null;
}

interface PersonRow {
  id: string;
  status: string;
  userId: string;
  name: string;
  email: string;
  disabled: boolean;
}

interface StandingRow extends StandingFacts {
  enrolmentId: string;
  notifiedState: AttendanceNoticeState;
  noticeCount: number;
}

/**
 * Recomputes and stores the standings of a cohort's students (all in the kull — active, on leave,
 * completed — or only `enrolmentIds`); returns those whose standing changed. Use inside the
 * transaction that changed the facts: also a leave, a return, and a transfer's credits.
 */
export async function refreshStandings(
  tx: Transaction,
  scope: { cohortId: string; enrolmentIds?: readonly string[] },
  context: RefreshContext,
): Promise<StandingChange[]> {
  const now = context.now ?? new Date();
  const today = osloDate(now);
  const ids = scope.enrolmentIds
    ? [...new Set(scope.enrolmentIds)].sort()
    : (
        await tx.enrolment.findMany({
          where: { cohortId: scope.cohortId, status: { in: [...IN_KULL] } },
          orderBy: { id: "asc" },
          select: { id: true },
        })
      ).map((row) => row.id);
  if (ids.length === 0) return [];

  // A placeholder row for a student never computed, so it can be locked like the others (a
  // concurrent first computation waits on the unique key, then finds the row committed).
  const created = new Set(
    (
      await tx.$queryRaw<{ enrolmentId: string }[]>`
        INSERT INTO "Standing" ("enrolmentId", "status", "attendanceState", "scheduledDays", "attendedDays", "absentDays", "approvedRequired", "requiredTotal")
        SELECT e."id", 'ON_TRACK', 'NONE', 0, 0, 0, 0, 0 FROM "Enrolment" e
        WHERE e."id" = ANY(${ids}::text[]) AND e."cohortId" = ${scope.cohortId}
        ON CONFLICT ("enrolmentId") DO NOTHING
        RETURNING "enrolmentId"`
    ).map((row) => row.enrolmentId),
  );
  const locked = await tx.$queryRaw<StandingRow[]>`
    SELECT s."enrolmentId", s."status"::text AS "status", s."attendanceState"::text AS "attendanceState",
           s."scheduledDays", s."attendedDays", s."absentDays", s."approvedRequired", s."requiredTotal",
           s."notifiedState"::text AS "notifiedState", s."noticeCount"
    FROM "Standing" s JOIN "Enrolment" e ON e."id" = s."enrolmentId"
    WHERE s."enrolmentId" = ANY(${ids}::text[]) AND e."cohortId" = ${scope.cohortId} AND e."status"::text = ANY(${[...IN_KULL]}::text[])
    ORDER BY s."enrolmentId" FOR UPDATE OF s`;
  if (locked.length === 0) return [];
  const lockedIds = locked.map((row) => row.enrolmentId);

  // Fixed statements whatever the number of students (issue 21: an update, and the reads behind
  // it, per student): the facts, the cohort with its contacts, the people; then one UPDATE for
  // every changed standing, one INSERT for the mails and one for the audit entries.
  const [evaluation, [cohort], people] = await inOrder(
    () => evaluateCohortEligibility(tx, scope.cohortId, { today, enrolmentIds: lockedIds }),
    () => tx.$queryRaw<CohortRow[]>`
      SELECT c."name", to_char(c."endsOn", 'YYYY-MM-DD') AS "endsOn",
             p."adviserName", p."adviserEmail", p."adviserPhone", p."academicLeadName", p."academicLeadEmail", p."academicLeadPhone",
             lead."name" AS "leadName", lead."email" AS "leadEmail", lead."phone" AS "leadPhone"
      FROM "Cohort" c JOIN "Programme" p ON p."id" = c."programmeId"
      LEFT JOIN LATERAL (
        SELECT u."name", u."email", u."phone" FROM "CohortTeacher" t JOIN "User" u ON u."id" = t."userId"
        WHERE t."cohortId" = c."id" AND t."academicLead" LIMIT 1
      ) lead ON true
      WHERE c."id" = ${scope.cohortId}`,
    () => tx.$queryRaw<PersonRow[]>`
      SELECT e."id", e."status"::text AS "status", u."id" AS "userId", u."name", u."email", u."disabledAt" IS NOT NULL AS "disabled"
      FROM "Enrolment" e JOIN "User" u ON u."id" = e."userId"
      WHERE e."id" = ANY(${lockedIds}::text[])`,
  );
  if (!cohort) throw new Error(`No cohort ${scope.cohortId}`);
  const personOf = new Map(people.map((person) => [person.id, person]));
  const running = cohort.endsOn >= today;
  const appUrl = (context.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const notify = context.notify !== false;

  const pending = locked.flatMap((row) => {
    const evaluated = evaluation.byEnrolment.get(row.enrolmentId);
    const person = personOf.get(row.enrolmentId);
    if (!evaluated || !person) return [];
    const after = standingFromEligibility(evaluated.eligibility);
    const before: StandingFacts | null = created.has(row.enrolmentId) ? null : pickFacts(row);
    const statusChanged = before !== null && before.status !== after.status;
    const told = notify && running && person.status === "ACTIVE" && !person.disabled;
    const step = attendanceNoticeStep(row.notifiedState, after.attendanceState);
    const notice = told ? step.send : null;
    if (sameStanding(before, after) && notice === null) return [];
    return [{ row, evaluated, person, after, before, statusChanged, told, step, notice }];
  });
  if (pending.length === 0) return [];

  // The exam registrations only of those whose exam decision may have become wrong (rare).
  const asked = pending.filter((item) => item.statusChanged && item.told).map((item) => item.row.enrolmentId);
  const registrations =
    asked.length === 0
      ? []
      : await tx.examRegistration.findMany({
          where: { enrolmentId: { in: asked } },
          select: { enrolmentId: true, examId: true, status: true, grade: true, exam: { select: { title: true, kind: true, startsAt: true, handInAt: true } } },
        });

  const changes: StandingChange[] = [];
  const auditEntries: Parameters<typeof auditMany>[1][number][] = [];
  const mails: QueuedMail[] = [];
  const contacts = () =>
    whomToContact(
      cohortContacts({
        programme: cohort,
        teachers: cohort.leadName === null ? [] : [{ user: { name: cohort.leadName, email: cohort.leadEmail!, phone: cohort.leadPhone } }],
      }),
    );
  for (const { row, evaluated, person, after, before, statusChanged, told, notice } of pending) {
    if (statusChanged) {
      auditEntries.push({
        actorId: context.actorId,
        action: "standing.change",
        entityType: "Enrolment",
        entityId: row.enrolmentId,
        before,
        after: { ...after, cause: context.cause },
      });
    }
    if (notice) {
      mails.push({
        dedupeKey: `attendance-notice:${row.enrolmentId}:${row.noticeCount + 1}`,
        userId: person.userId,
        to: person.email,
        ...attendanceNoticeMail(notice, row.notifiedState, evaluated.eligibility, {
          name: person.name,
          cohortName: cohort.name,
          contacts: contacts(),
          appUrl,
        }),
      });
    }
    if (statusChanged && told) {
      // The registration the decision is about: the latest sitting not withdrawn or deferred.
      const registration = decisionRegistration(
        registrations.filter((item) => item.enrolmentId === row.enrolmentId).map((item) => ({ ...item, startsAt: item.exam.startsAt })),
      );
      const status = registration?.status ?? null;
      const graded = registration?.grade != null;
      const needed = examDecisionNeeded(status, after.status, graded);
      if (needed && examDecisionNeeded(status, before!.status, graded) !== needed) {
        mails.push({
          dedupeKey: `standing-exam:${row.enrolmentId}:${now.getTime()}`,
          userId: person.userId,
          to: person.email,
          subject: "Endring i retten din til å gå opp til eksamen",
          text: [
            `Hei ${person.name},`,
            "",
            `${context.cause}. Nå: du ${describeStandingStatus(eligibilityOutlook(evaluated.eligibility))}. ` +
              `Før: du ${describeStandingStatus(before!.status, "before")}.`,
            needed === "REFUSAL_NEEDED"
              ? `Du er meldt opp til ${sittingName(registration!.exam)}. Faglærerne vurderer nå oppmeldingen din på nytt, og du får beskjed om hva de bestemmer.`
              : examPhase(registration!.exam, now) === "OVER"
                ? // The sitting cannot be given back; the refusal can be lifted (the exam page's «Opphev vedtaket»).
                  `Du fikk tidligere ikke adgang til ${sittingName(registration!.exam)}, som nå er holdt. Faglærerne vurderer nå om vedtaket om ikke adgang skal oppheves, og du får beskjed om hva de bestemmer. Du kan melde deg opp til ny eksamen uansett.`
                : `Du fikk tidligere ikke adgang til eksamen. ${refusalNoLongerMetText(sittingName(registration!.exam))}`,
            "",
            ...evaluated.eligibility.reasons,
            "",
            `Se statusen din: ${appUrl}/student`,
            "",
            MAIL_SIGNATURE,
          ].join("\n"),
        });
      }
    }
    changes.push({ enrolmentId: row.enrolmentId, before, after, notice });
  }

  // One UPDATE for all: a changed status keeps what it was, when and why; a notice moves the
  // state the student was told about and its counter.
  const column = <T,>(pick: (item: (typeof pending)[number]) => T) => pending.map(pick);
  await tx.$executeRaw`
    UPDATE "Standing" s SET
      "status" = u."status"::"StandingStatus",
      "attendanceState" = u."attendanceState"::"AttendanceNoticeState",
      "scheduledDays" = u."scheduledDays", "attendedDays" = u."attendedDays", "absentDays" = u."absentDays",
      "approvedRequired" = u."approvedRequired", "requiredTotal" = u."requiredTotal",
      "computedAt" = ${now},
      "previousStatus" = CASE WHEN u."statusChanged" THEN u."previousStatus"::"StandingStatus" ELSE s."previousStatus" END,
      "changedAt" = CASE WHEN u."statusChanged" THEN ${now} ELSE s."changedAt" END,
      "changeCause" = CASE WHEN u."statusChanged" THEN ${context.cause} ELSE s."changeCause" END,
      "notifiedState" = COALESCE(u."notifiedState"::"AttendanceNoticeState", s."notifiedState"),
      "noticeCount" = COALESCE(u."noticeCount", s."noticeCount")
    FROM unnest(
      ${column((item) => item.row.enrolmentId)}::text[],
      ${column((item) => item.after.status)}::text[],
      ${column((item) => item.after.attendanceState)}::text[],
      ${column((item) => item.after.scheduledDays)}::int[],
      ${column((item) => item.after.attendedDays)}::int[],
      ${column((item) => item.after.absentDays)}::int[],
      ${column((item) => item.after.approvedRequired)}::int[],
      ${column((item) => item.after.requiredTotal)}::int[],
      ${column((item) => item.statusChanged)}::boolean[],
      ${column((item) => (item.statusChanged ? item.before!.status : null))}::text[],
      ${column((item) => (item.notice ? item.step.notified : null))}::text[],
      ${column((item) => (item.notice ? item.row.noticeCount + 1 : null))}::int[]
    ) AS u("enrolmentId", "status", "attendanceState", "scheduledDays", "attendedDays", "absentDays", "approvedRequired",
           "requiredTotal", "statusChanged", "previousStatus", "notifiedState", "noticeCount")
    WHERE s."enrolmentId" = u."enrolmentId"`;
  await queueMails(tx, mails);
  await auditMany(tx, auditEntries);
  return changes;
}

/** Refreshes every cohort whose plan holds one of these samlinger (a shared samling is in two). */
export async function refreshStandingsOfSamlinger(tx: Transaction, samlingIds: readonly string[], context: RefreshContext) {
  const cohorts = await tx.cohortSamling.findMany({
    where: { samlingId: { in: [...samlingIds] } },
    distinct: ["cohortId"],
    orderBy: { cohortId: "asc" },
    select: { cohortId: true },
  });
  const changes: StandingChange[] = [];
  for (const { cohortId } of cohorts) changes.push(...(await refreshStandings(tx, { cohortId }, context)));
  return changes;
}

function pickFacts(row: StandingRow): StandingFacts {
  return {
    status: row.status,
    attendanceState: row.attendanceState,
    scheduledDays: row.scheduledDays,
    attendedDays: row.attendedDays,
    absentDays: row.absentDays,
    approvedRequired: row.approvedRequired,
    requiredTotal: row.requiredTotal,
  };
}

const TOLD_BEFORE: Record<Exclude<AttendanceNoticeState, "NONE">, string> = {
  UNREACHABLE: "at du ikke lenger kunne nå oppmøtekravet",
  LAST_ABSENCE: "at du nesten ikke hadde mer fravær igjen",
};

function attendanceNoticeMail(
  notice: AttendanceNotice,
  toldBefore: AttendanceNoticeState,
  eligibility: Eligibility,
  who: { name: string; cohortName: string; contacts: string; appUrl: string },
): { subject: string; text: string } {
  const { attendance } = eligibility;
  const progress = attendanceProgress(attendance);
  const greeting = `Hei ${who.name},`;
  const link = `Oppmøtet ditt og samlingsdagene som kommer: ${who.appUrl}/student/oppmote`;
  switch (notice) {
    case "UNREACHABLE":
      return {
        subject: `Du kan ikke lenger nå oppmøtekravet på ${attendance.requiredPercent} %`,
        text: [
          greeting,
          "",
          `${progress.soFar} ${progress.rule}`,
          `${progress.outlook} Da har du ikke rett til å gå opp til eksamen med ${who.cohortName}.`,
          "",
          `${who.contacts} De kan fortelle deg hva du kan gjøre videre, for eksempel å fortsette i et senere kull.`,
          "",
          link,
          "",
          MAIL_SIGNATURE,
        ].join("\n"),
      };
    case "LAST_ABSENCE":
      return {
        subject: "Oppmøte: du har nesten ikke mer fravær igjen",
        text: [
          greeting,
          "",
          `${progress.soFar} ${progress.rule}`,
          `${progress.outlook} Har du mer fravær enn det, kan du ikke gå opp til eksamen med ${who.cohortName}.`,
          "",
          link,
          "",
          MAIL_SIGNATURE,
        ].join("\n"),
      };
    case "LIFTED":
      return {
        subject: "Oppmøte: det forrige varselet gjelder ikke lenger",
        text: [
          greeting,
          "",
          `Oppmøtet ditt er rettet eller planen er endret, og varselet vi sendte deg om ${toldBefore === "NONE" ? "oppmøtet" : TOLD_BEFORE[toldBefore]}, gjelder ikke lenger.`,
          "",
          `${progress.soFar} ${progress.rule}`,
          progress.outlook,
          "",
          link,
          "",
          MAIL_SIGNATURE,
        ].join("\n"),
      };
  }
}
