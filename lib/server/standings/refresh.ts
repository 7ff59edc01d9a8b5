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
import { examDecisionNeeded } from "@/lib/domain/exam";
import { decisionRegistration, sittingName } from "@/lib/domain/exam-sittings";
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
import type { Eligibility } from "@/lib/domain/eligibility";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { auditMany } from "@/lib/server/audit";
import { COHORT_ACADEMIC_LEAD, cohortContacts, PROGRAMME_CONTACT_FIELDS } from "@/lib/server/cohorts/contacts";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { inOrder } from "@/lib/server/in-order";
import { queueMail } from "@/lib/server/mail-queue";
import { isoDate } from "@/lib/to-domain";

const SIGNATURE = "Hilsen studieadministrasjonen, NTNU";

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

interface StandingRow extends StandingFacts {
  enrolmentId: string;
  notifiedState: AttendanceNoticeState;
  noticeCount: number;
}

/**
 * Recomputes and stores the standings of a cohort's students (all who have not withdrawn, or only
 * `enrolmentIds`); returns those whose standing changed. Use inside the transaction that changed
 * the facts.
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
          where: { cohortId: scope.cohortId, status: { not: "WITHDRAWN" } },
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
    WHERE s."enrolmentId" = ANY(${ids}::text[]) AND e."cohortId" = ${scope.cohortId} AND e."status" <> 'WITHDRAWN'
    ORDER BY s."enrolmentId" FOR UPDATE OF s`;
  if (locked.length === 0) return [];
  const lockedIds = locked.map((row) => row.enrolmentId);

  const [evaluation, cohort, people] = await inOrder(
    () => evaluateCohortEligibility(tx, scope.cohortId, { today, enrolmentIds: lockedIds }),
    () => tx.cohort.findUniqueOrThrow({
      where: { id: scope.cohortId },
      select: { name: true, endsOn: true, programme: { select: { name: true, ...PROGRAMME_CONTACT_FIELDS } }, teachers: COHORT_ACADEMIC_LEAD },
    }),
    () => tx.enrolment.findMany({
      where: { id: { in: lockedIds } },
      select: {
        id: true,
        status: true,
        user: { select: { id: true, name: true, email: true, disabledAt: true } },
        examRegistrations: { select: { examId: true, status: true, grade: true, exam: { select: { title: true, kind: true, startsAt: true } } } },
      },
    }),
  );
  const personOf = new Map(people.map((person) => [person.id, person]));
  const running = isoDate(cohort.endsOn) >= today;
  const appUrl = (context.appUrl ?? env().APP_URL).replace(/\/$/, "");
  const notify = context.notify !== false;

  const changes: StandingChange[] = [];
  const auditEntries: Parameters<typeof auditMany>[1][number][] = [];
  for (const row of locked) {
    const evaluated = evaluation.byEnrolment.get(row.enrolmentId);
    const person = personOf.get(row.enrolmentId);
    if (!evaluated || !person) continue;
    const after = standingFromEligibility(evaluated.eligibility);
    const fresh = created.has(row.enrolmentId);
    const before: StandingFacts | null = fresh ? null : pickFacts(row);
    const statusChanged = before !== null && before.status !== after.status;

    const told = notify && running && person.status === "ACTIVE" && person.user.disabledAt === null;
    const step = attendanceNoticeStep(row.notifiedState, after.attendanceState);
    const notice = told ? step.send : null;
    if (sameStanding(before, after) && notice === null) continue;

    await tx.standing.update({
      where: { enrolmentId: row.enrolmentId },
      data: {
        ...after,
        computedAt: now,
        ...(statusChanged ? { previousStatus: before!.status, changedAt: now, changeCause: context.cause } : {}),
        ...(notice ? { notifiedState: step.notified, noticeCount: row.noticeCount + 1 } : {}),
      },
    });
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
      await queueMail(tx, {
        dedupeKey: `attendance-notice:${row.enrolmentId}:${row.noticeCount + 1}`,
        userId: person.user.id,
        to: person.user.email,
        ...attendanceNoticeMail(notice, row.notifiedState, evaluated.eligibility, {
          name: person.user.name,
          cohortName: cohort.name,
          contacts: whomToContact(cohortContacts(cohort)),
          appUrl,
        }),
      });
    }
    if (statusChanged && told) {
      // The registration the decision is about: the latest sitting not withdrawn or deferred.
      const registration = decisionRegistration(person.examRegistrations.map((item) => ({ ...item, startsAt: item.exam.startsAt })));
      const status = registration?.status ?? null;
      const graded = registration?.grade != null;
      const needed = examDecisionNeeded(status, after.status, graded);
      if (needed && examDecisionNeeded(status, before!.status, graded) !== needed) {
        await queueMail(tx, {
          dedupeKey: `standing-exam:${row.enrolmentId}:${now.getTime()}`,
          userId: person.user.id,
          to: person.user.email,
          subject: "Endring i retten din til å gå opp til eksamen",
          text: [
            `Hei ${person.user.name},`,
            "",
            `${context.cause}. Etter denne endringen ${describeStandingStatus(after.status)}, ` +
              `og før var det slik at du ${describeStandingStatus(before!.status)}.`,
            needed === "REFUSAL_NEEDED"
              ? `Du er meldt opp til ${sittingName(registration!.exam)}. Faglærerne vurderer nå oppmeldingen din på nytt, og du får beskjed om hva de bestemmer.`
              : "Du fikk tidligere ikke adgang til eksamen. Faglærerne vurderer nå saken din på nytt, og du får beskjed om hva de bestemmer.",
            "",
            ...evaluated.eligibility.reasons,
            "",
            `Se statusen din: ${appUrl}/student`,
            "",
            SIGNATURE,
          ].join("\n"),
        });
      }
    }
    changes.push({ enrolmentId: row.enrolmentId, before, after, notice });
  }
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
          SIGNATURE,
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
          SIGNATURE,
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
          SIGNATURE,
        ].join("\n"),
      };
  }
}
