import "server-only";
// Fraværsmelding: a student sends a notice for a samling day of their own plan, and may withdraw
// it before the day (rules: lib/domain/absence-notice.ts). The faculty read the notices on the
// day's attendance page. A notice never changes attendance or the exam rule.
//
// Ownership is part of every query (the viewer's own active enrolment); someone else's day or
// notice is "not found". The database adds its own guards: one active notice per student per day
// (partial unique index) and only days in the student's plan (trigger).
import { osloDate } from "@/lib/domain/application-deadline";
import { absenceNoticeProblem, absenceNoticeWithdrawProblem } from "@/lib/domain/absence-notice";
import { daysOnLeave } from "@/lib/domain/enrolment";
import { formatDateNb } from "@/lib/domain/format";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, toLeavePeriod } from "@/lib/to-domain";

const DAY_NOT_FOUND = "Fant ikke samlingsdagen i planen din.";
const NOTICE_NOT_FOUND = "Fant ikke fraværsmeldingen.";

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function sendAbsenceNotice(viewer: Viewer, input: { samlingDayId: string; reason: string }, now = new Date()) {
  const today = osloDate(now);
  try {
    return await db().$transaction(async (tx) => {
      // The viewer's enrolment in the kull (active, or on leave: a notice for a day after the
      // leave) whose plan holds this day, locked so two notices for the same day from two tabs are
      // decided one after the other.
      const rows = await tx.$queryRaw<{ enrolmentId: string; date: Date; credited: boolean; registeredPresent: boolean }[]>`
        SELECT e."id" AS "enrolmentId", d."date",
               EXISTS (SELECT 1 FROM "AttendanceCredit" c WHERE c."enrolmentId" = e."id" AND c."samlingDayId" = d."id") AS "credited",
               EXISTS (SELECT 1 FROM "Attendance" a WHERE a."enrolmentId" = e."id" AND a."samlingDayId" = d."id" AND a."status" = 'PRESENT') AS "registeredPresent"
        FROM "Enrolment" e
        JOIN "CohortSamling" cs ON cs."cohortId" = e."cohortId"
        JOIN "SamlingDay" d ON d."samlingId" = cs."samlingId"
        WHERE e."userId" = ${viewer.id} AND e."status" IN ('ACTIVE', 'ON_LEAVE') AND d."id" = ${input.samlingDayId}
        ORDER BY e."id"
        LIMIT 1
        FOR UPDATE OF e`;
      const found = rows[0];
      if (!found) throw new NotFoundError(DAY_NOT_FOUND);
      const date = isoDate(found.date);
      const leaves = await tx.leaveOfAbsence.findMany({
        where: { enrolmentId: found.enrolmentId, status: "GRANTED" },
        select: { fromDate: true, toDate: true, returnedOn: true },
      });
      const onLeave = daysOnLeave([{ id: input.samlingDayId, date }], leaves.map(toLeavePeriod)).length > 0;
      const problem = absenceNoticeProblem(date, today, { credited: found.credited, registeredPresent: found.registeredPresent, onLeave });
      if (problem) throw new DomainError(problem, { samlingDayId: [problem] });
      const existing = await tx.absenceNotice.findFirst({
        where: { enrolmentId: found.enrolmentId, samlingDayId: input.samlingDayId, withdrawnAt: null },
        select: { id: true },
      });
      if (existing) throw duplicate(date);
      const notice = await tx.absenceNotice.create({
        data: { enrolmentId: found.enrolmentId, samlingDayId: input.samlingDayId, reason: input.reason, createdAt: now },
        select: { id: true, samlingDayId: true, reason: true, createdAt: true },
      });
      // The reason's length, not its words: the log is kept five years, the reason only a few
      // months (lib/domain/retention.ts), and it is often health data.
      await audit(tx, {
        actorId: viewer.id,
        action: "absence_notice.send",
        entityType: "AbsenceNotice",
        entityId: notice.id,
        after: { id: notice.id, samlingDayId: notice.samlingDayId, createdAt: notice.createdAt, reasonLength: input.reason.length, enrolmentId: found.enrolmentId, date },
      });
      return { ...notice, date };
    });
  } catch (error) {
    // A notice for the same day sent at the very same moment from somewhere else.
    if (isUniqueViolation(error)) throw duplicate(null);
    throw error;
  }
}

function duplicate(date: string | null) {
  const message = date
    ? `Du har allerede meldt fravær for ${formatDateNb(date)}. Trekk den tilbake først hvis du vil skrive en ny.`
    : "Du har allerede meldt fravær for denne dagen.";
  return new DomainError(message, { samlingDayId: [message] });
}

export async function withdrawAbsenceNotice(viewer: Viewer, noticeId: string, now = new Date()) {
  const today = osloDate(now);
  return db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; date: Date; withdrawnAt: Date | null }[]>`
      SELECT n."id", d."date", n."withdrawnAt"
      FROM "AbsenceNotice" n
      JOIN "Enrolment" e ON e."id" = n."enrolmentId"
      JOIN "SamlingDay" d ON d."id" = n."samlingDayId"
      WHERE n."id" = ${noticeId} AND e."userId" = ${viewer.id}
      FOR UPDATE OF n`;
    const notice = rows[0];
    if (!notice) throw new NotFoundError(NOTICE_NOT_FOUND);
    const date = isoDate(notice.date);
    if (notice.withdrawnAt) throw new DomainError(`Fraværsmeldingen for ${formatDateNb(date)} er allerede trukket tilbake.`);
    const problem = absenceNoticeWithdrawProblem(date, today);
    if (problem) throw new DomainError(problem);
    await tx.absenceNotice.update({ where: { id: notice.id }, data: { withdrawnAt: now } });
    await audit(tx, {
      actorId: viewer.id,
      action: "absence_notice.withdraw",
      entityType: "AbsenceNotice",
      entityId: notice.id,
      before: { withdrawnAt: null, date },
      after: { withdrawnAt: now },
    });
    return { id: notice.id, date };
  });
}
