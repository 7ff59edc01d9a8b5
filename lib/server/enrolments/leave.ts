import "server-only";
// Leave of absence (permisjon), as the adviser registers and decides it (rules:
// lib/domain/enrolment.ts):
// - granted: a LeaveOfAbsence row, a letter (LEAVE_GRANTED) that says what the leave means for the
//   exam, and — from its first day — the status ON_LEAVE: no attendance notices, the exam
//   registration withdrawn, the leave's days never absences. A leave that begins later starts by
//   itself on its first day (the `enrolments.leave` job, startDueLeaves);
// - refused: an enkeltvedtak (LEAVE_REFUSED) with grounds, legal basis and the klage deadline; a
//   klage is decided by another adviser, and taking it grants the leave (grantLeaveAfterKlage);
// - the return: the first day back is registered, the status is ACTIVE again, and a letter says
//   so. Days from the return on count as ordinary days;
// - withdrawn before it began, at the student's request (cancelLeave): status CANCELLED, a letter
//   confirms it, and its days are ordinary days again.
// The letters of a leave's end carry the case (saksnummer) of the decision on the leave.
// Every step locks the enrolment first, is audited (before/after), and recomputes the student's
// standing in the same transaction (refreshStandings last).
import { osloDate } from "@/lib/domain/application-deadline";
import { addDays, compareIsoDates } from "@/lib/domain/dates";
import { requiredAttendanceDays } from "@/lib/domain/eligibility";
import {
  daysOnLeave,
  effectiveLeave,
  enrolmentChangeProblem,
  kullLeaveProblem,
  leaveAfterKlage,
  leaveAfterKlageSentence,
  leaveCancellationProblem,
  leaveDaysAway,
  leaveHasBegun,
  leaveIsOver,
  leaveRequestProblems,
  requestedOnProblem,
  returnDateProblem,
  type EnrolmentStatus,
  type LeavePeriod,
} from "@/lib/domain/enrolment";
import { formatDateNb } from "@/lib/domain/format";
import { sittingName } from "@/lib/domain/exam-sittings";
import { examPhase, formatExamMomentNb } from "@/lib/domain/exam-time";
import { leaveExamSentence } from "@/lib/domain/student-letter";
import { day } from "@/lib/dates";
import type { Database, Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { isStudentOfKull } from "@/lib/server/cohorts/access";
import { canHandleHealthCases, CLASSMATE_HEALTH_MESSAGE } from "@/lib/permissions";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate, toLeavePeriod } from "@/lib/to-domain";
import { lockEnrolment, lockEnrolmentToDecide, requireAdviser, signer, withdrawExamRegistration, type LockedEnrolment } from "./common";

export interface LeaveInput {
  enrolmentId: string;
  from: string;
  to: string;
  reason: string;
  documentation: string | null;
}

/**
 * The letter whose case a leave's end continues (the return, or the leave withdrawn): the first
 * letter about the leave, its grant, or its refusal when a klage reversed it (that klage's letters
 * carry the refusal's case). Both are issued in the transaction that decided the leave, so a
 * granted leave without one is a defect, not a state to work around.
 */
async function leaveCaseLetter(tx: Transaction, enrolmentId: string, leaveId: string): Promise<{ letterId: string }> {
  const letter = await tx.studentLetter.findFirst({
    where: { enrolmentId, aboutType: "LeaveOfAbsence", aboutId: leaveId, kind: { in: ["LEAVE_GRANTED", "LEAVE_REFUSED"] } },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!letter) throw new Error(`leave ${leaveId} has no letter that decided it`);
  return { letterId: letter.id };
}

/** The kull's plan days and its attendance requirement, for what a leave means. */
async function kullFacts(tx: Transaction, cohortId: string) {
  const cohort = await tx.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      endsOn: true,
      completedAt: true,
      attendanceThresholdPercent: true,
      samlinger: { select: { samling: { select: { days: { select: { id: true, date: true } } } } } },
    },
  });
  const seen = new Map<string, string>();
  for (const { samling } of cohort.samlinger) for (const planDay of samling.days) seen.set(planDay.id, isoDate(planDay.date));
  const planDays = [...seen].map(([id, date]) => ({ id, date })).sort((a, b) => compareIsoDates(a.date, b.date));
  const maxAbsences = planDays.length - requiredAttendanceDays(planDays.length, cohort.attendanceThresholdPercent);
  return {
    endsOn: isoDate(cohort.endsOn),
    completedOn: cohort.completedAt ? osloDate(cohort.completedAt) : null,
    percent: cohort.attendanceThresholdPercent,
    planDays,
    maxAbsences,
  };
}

/**
 * The leave's samling days she was away (leaveDaysAway): not attended, not credited from an
 * earlier kull. The letters count these, so a leave over credited days is not said to use the
 * absence the requirement allows.
 */
async function daysAway(tx: Transaction, enrolmentId: string, leaveDayIds: readonly string[]): Promise<number> {
  if (leaveDayIds.length === 0) return 0;
  const [present, credited] = await Promise.all([
    tx.attendance.findMany({ where: { enrolmentId, status: "PRESENT", samlingDayId: { in: [...leaveDayIds] } }, select: { samlingDayId: true } }),
    tx.attendanceCredit.findMany({ where: { enrolmentId, samlingDayId: { in: [...leaveDayIds] } }, select: { samlingDayId: true } }),
  ]);
  return leaveDaysAway(leaveDayIds, new Set([...present, ...credited].map((row) => row.samlingDayId))).length;
}

async function checkRequest(tx: Transaction, enrolment: LockedEnrolment, input: LeaveInput, change: "GRANT_LEAVE" | "REFUSE_LEAVE") {
  const problem = enrolmentChangeProblem(change, enrolment.status);
  if (problem) throw new DomainError(problem);
  const facts = await kullFacts(tx, enrolment.cohortId);
  const closed = kullLeaveProblem(facts);
  if (closed) throw new DomainError(closed);
  const granted = await tx.leaveOfAbsence.findMany({ where: { enrolmentId: enrolment.id, status: "GRANTED" }, select: { fromDate: true, toDate: true, returnedOn: true } });
  const problems = leaveRequestProblems(input, { kullEndsOn: facts.endsOn, granted: granted.map(toLeavePeriod) });
  // One granted leave at a time (and the database's unique index): the return from the open one is
  // registered first, or — if it has not begun — it is withdrawn (cancelLeave).
  const open = granted.find((row) => row.returnedOn === null);
  if (change === "GRANT_LEAVE" && open && !problems.from) {
    problems.from = `Studenten har allerede en innvilget permisjon ${formatDateNb(isoDate(open.fromDate))}–${formatDateNb(isoDate(open.toDate))} som ikke er avsluttet. Én permisjon om gangen: registrer at studenten er tilbake fra den først.`;
  }
  if (Object.keys(problems).length > 0) {
    throw new DomainError(
      "Noe må rettes før permisjonen kan avgjøres. Se feltene som er merket.",
      Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, [message]])),
    );
  }
  return facts;
}

/**
 * Puts a student on leave now: status ON_LEAVE, the exam registration for a sitting not begun
 * withdrawn (both audited; withdrawExamRegistration).
 */
async function startLeave(tx: Transaction, enrolmentId: string, actorId: string | null, leave: { from: string; to: string }, now: Date) {
  await tx.enrolment.update({ where: { id: enrolmentId }, data: { status: "ON_LEAVE" } });
  await audit(tx, {
    actorId,
    action: "enrolment.leave_start",
    entityType: "Enrolment",
    entityId: enrolmentId,
    before: { status: "ACTIVE" },
    after: { status: "ON_LEAVE", leave },
  });
  return withdrawExamRegistration(tx, enrolmentId, actorId, `Permisjon fra ${formatDateNb(leave.from)}`, { keepBegun: true, now });
}

/**
 * A leave's reason is often health data (illness, a sick child, a legeerklæring as documentation):
 * an adviser who is herself a student of the kull neither grants nor refuses a classmate's leave
 * (canHandleHealthCases); a colleague does.
 */
async function refuseClassmate(tx: Transaction, viewer: Viewer, cohortId: string) {
  if (!canHandleHealthCases(viewer, { viewerIsStudentOfKull: await isStudentOfKull(viewer, cohortId, tx) })) throw new DomainError(CLASSMATE_HEALTH_MESSAGE);
}

/** Grants a leave: the letter, and from its first day the status ON_LEAVE. */
export async function grantLeave(viewer: Viewer, input: LeaveInput, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    await refuseClassmate(tx, viewer, enrolment.cohortId);
    const facts = await checkRequest(tx, enrolment, input, "GRANT_LEAVE");
    // Granted after its last day (documented afterwards): its days are leave, and it has ended
    // (as a klage taken after the period ends it, leaveAfterKlage's OVER); she is never put on leave.
    const over = leaveIsOver(input, today);
    const leave = await tx.leaveOfAbsence.create({
      data: {
        enrolmentId: enrolment.id,
        fromDate: day(input.from),
        toDate: day(input.to),
        reason: input.reason.trim(),
        documentation: input.documentation?.trim() || null,
        status: "GRANTED",
        decidedById: viewer.id,
        decidedAt: now,
        ...(over ? { returnedOn: day(addDays(input.to, 1)), ending: "OVER" as const, returnRegisteredById: viewer.id } : {}),
      },
      select: { id: true },
    });
    const started = !over && leaveHasBegun(input, today);
    const exam = started ? await startLeave(tx, enrolment.id, viewer.id, { from: input.from, to: input.to }, now) : { withdrawn: false, kept: false };
    const samlingDays = await daysAway(tx, enrolment.id, daysOnLeave(facts.planDays, [{ from: input.from, to: input.to, returnedOn: null }]));
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: {
        kind: "LEAVE_GRANTED",
        leave: { from: input.from, to: input.to },
        reason: input.reason,
        samlingDays,
        maxAbsences: facts.maxAbsences,
        attendancePercent: facts.percent,
        examWithdrawn: exam.withdrawn,
        examKept: exam.kept,
        over,
      },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "LeaveOfAbsence", id: leave.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "leave.grant",
      entityType: "LeaveOfAbsence",
      entityId: leave.id,
      before: null,
      after: {
        enrolmentId: enrolment.id,
        from: input.from,
        to: input.to,
        reason: input.reason.trim(),
        documentation: input.documentation,
        started,
        ...(over ? { returnedOn: addDays(input.to, 1), ending: "OVER" } : {}),
        samlingDays,
        letterId: letter.id,
      },
    });
    await refreshStandings(
      tx,
      { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] },
      { actorId: viewer.id, cause: `Permisjon ${formatDateNb(input.from)}–${formatDateNb(input.to)}`, now },
    );
    return { leaveId: leave.id, letterId: letter.id, started, samlingDays };
  }));
  await requestJob("mail.deliver");
  return result;
}

/** Refuses a leave: an enkeltvedtak with the adviser's grounds and the right to appeal. */
export async function refuseLeave(viewer: Viewer, input: LeaveInput & { grounds: string }, now = new Date()) {
  requireAdviser(viewer);
  const grounds = input.grounds.trim();
  if (!grounds) throw new DomainError("Skriv begrunnelsen for avslaget.", { grounds: ["Skriv hvorfor permisjonen ikke innvilges. Begrunnelsen står i vedtaket."] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    await refuseClassmate(tx, viewer, enrolment.cohortId);
    await checkRequest(tx, enrolment, input, "REFUSE_LEAVE");
    const leave = await tx.leaveOfAbsence.create({
      data: {
        enrolmentId: enrolment.id,
        fromDate: day(input.from),
        toDate: day(input.to),
        reason: input.reason.trim(),
        documentation: input.documentation?.trim() || null,
        status: "REFUSED",
        grounds,
        decidedById: viewer.id,
        decidedAt: now,
      },
      select: { id: true },
    });
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: { kind: "LEAVE_REFUSED", leave: { from: input.from, to: input.to }, reason: input.reason, grounds },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "LeaveOfAbsence", id: leave.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "leave.refuse",
      entityType: "LeaveOfAbsence",
      entityId: leave.id,
      before: null,
      after: { enrolmentId: enrolment.id, from: input.from, to: input.to, reason: input.reason.trim(), grounds, letterId: letter.id, klageDeadline: letter.klageDeadline },
    });
    return { leaveId: leave.id, letterId: letter.id, klageDeadline: letter.klageDeadline };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * Back from leave: a granted utsatt eksamen the leave took her off (its placed registration
 * WITHDRAWN by withdrawExamRegistration) is hers again while its sitting has not begun: the
 * registration is ADMITTED again (audited). Nothing else re-registers her there (registration
 * for the ordinary sitting is the teaching team's, and a new request needs a pending one). One
 * whose sitting has begun is named in the letter, to take up with the adviser.
 */
async function restoreDeferredPlacements(tx: Transaction, enrolmentId: string, actorId: string, now: Date) {
  const placements = await tx.examDeferral.findMany({
    where: { status: "GRANTED", placedRegistration: { enrolmentId, status: "WITHDRAWN", grade: null } },
    select: { id: true, placedRegistration: { select: { id: true, exam: { select: { id: true, kind: true, title: true, startsAt: true, handInAt: true } } } } },
  });
  const result: { sitting: string; restored: boolean }[] = [];
  for (const placement of placements) {
    const registration = placement.placedRegistration!;
    const restored = examPhase(registration.exam, now) === "BEFORE";
    if (restored) {
      await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "ADMITTED", decidedById: actorId, decidedAt: now } });
      await audit(tx, {
        actorId,
        action: "exam.register",
        entityType: "ExamRegistration",
        entityId: registration.id,
        before: { status: "WITHDRAWN" },
        after: { status: "ADMITTED", examId: registration.exam.id, cause: "Tilbake fra permisjon: innvilget utsatt eksamen", deferralId: placement.id },
      });
    }
    result.push({ sitting: `${sittingName(registration.exam)}, ${formatExamMomentNb(registration.exam.startsAt)}`, restored });
  }
  return result;
}

/** Registers the student's return: the first day back; status ACTIVE, a letter, the standing recomputed. */
export async function registerReturn(viewer: Viewer, input: { enrolmentId: string; returnedOn: string }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    const problem = enrolmentChangeProblem("RETURN", enrolment.status);
    if (problem) throw new DomainError(problem);
    const leave = await tx.leaveOfAbsence.findFirst({
      where: { enrolmentId: enrolment.id, status: "GRANTED", returnedOn: null },
      select: { id: true, fromDate: true, toDate: true, returnedOn: true },
    });
    if (!leave) throw new DomainError("Studenten har ingen permisjon som ikke er avsluttet.");
    const current = toLeavePeriod(leave);
    const dateProblem = returnDateProblem(current, input.returnedOn, today);
    if (dateProblem) throw new DomainError(dateProblem, { returnedOn: [dateProblem] });
    await tx.leaveOfAbsence.update({ where: { id: leave.id }, data: { returnedOn: day(input.returnedOn), ending: "RETURNED", returnRegisteredById: viewer.id } });
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "ACTIVE" } });
    const deferred = await restoreDeferredPlacements(tx, enrolment.id, viewer.id, now);
    const facts = await kullFacts(tx, enrolment.cohortId);
    const samlingDays = await daysAway(tx, enrolment.id, daysOnLeave(facts.planDays, [{ ...current, returnedOn: input.returnedOn }]));
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: { kind: "LEAVE_ENDED", leave: { from: current.from, to: current.to }, returnedOn: input.returnedOn, samlingDays, deferred },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "LeaveOfAbsence", id: leave.id },
      inCaseOf: await leaveCaseLetter(tx, enrolment.id, leave.id),
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "leave.return",
      entityType: "LeaveOfAbsence",
      entityId: leave.id,
      before: { returnedOn: null, enrolmentStatus: "ON_LEAVE" },
      after: { returnedOn: input.returnedOn, enrolmentStatus: "ACTIVE", samlingDays, letterId: letter.id },
    });
    await refreshStandings(
      tx,
      { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] },
      { actorId: viewer.id, cause: `Tilbake fra permisjon ${formatDateNb(input.returnedOn)}`, now },
    );
    return { leaveId: leave.id, letterId: letter.id, samlingDays };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * Withdraws the student's granted leave that has not begun (the student asked to stay): status
 * CANCELLED, a letter that confirms it, the standing recomputed (its days count as ordinary days
 * again). A leave that has begun ends with a registered return instead. The leave's first day is
 * checked under the enrolment's lock, so the `enrolments.leave` job cannot start it in between.
 */
export async function cancelLeave(viewer: Viewer, input: { enrolmentId: string; requestedOn: string }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const requested = requestedOnProblem(input.requestedOn, today);
  if (requested) throw new DomainError(requested, { requestedOn: [requested] });
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolmentToDecide(tx, viewer, input.enrolmentId);
    const leave = await tx.leaveOfAbsence.findFirst({
      where: { enrolmentId: enrolment.id, status: "GRANTED", returnedOn: null },
      select: { id: true, status: true, fromDate: true, toDate: true, returnedOn: true },
    });
    if (!leave) throw new DomainError("Studenten har ingen innvilget permisjon som ikke er avsluttet.");
    const current = toLeavePeriod(leave);
    const problem = leaveCancellationProblem({ status: leave.status, from: current.from, returnedOn: current.returnedOn }, enrolment.status, today);
    if (problem) throw new DomainError(problem);
    await tx.leaveOfAbsence.update({ where: { id: leave.id }, data: { status: "CANCELLED" } });
    const facts = await kullFacts(tx, enrolment.cohortId);
    // The days the leave would have covered: ordinary days again (the letter says how many).
    const samlingDays = daysOnLeave(facts.planDays, [current]).length;
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: { kind: "LEAVE_CANCELLED", leave: { from: current.from, to: current.to }, samlingDays, requestedOn: input.requestedOn },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "LeaveOfAbsence", id: leave.id },
      inCaseOf: await leaveCaseLetter(tx, enrolment.id, leave.id),
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "leave.cancel",
      entityType: "LeaveOfAbsence",
      entityId: leave.id,
      before: { status: "GRANTED", from: current.from, to: current.to },
      after: { status: "CANCELLED", samlingDays, requestedOn: input.requestedOn, letterId: letter.id },
    });
    await refreshStandings(
      tx,
      { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] },
      { actorId: viewer.id, cause: `Permisjonen ${formatDateNb(current.from)}–${formatDateNb(current.to)} er trukket tilbake`, now },
    );
    return { leaveId: leave.id, letterId: letter.id, samlingDays, from: current.from };
  }));
  await requestJob("mail.deliver");
  return result;
}

/**
 * The `enrolments.leave` job: a granted leave whose first day has come starts by itself (status
 * ON_LEAVE, the exam registration for a sitting not begun withdrawn, the standing recomputed;
 * audited with no actor). The letter went out when it was granted; a student taken off the exam
 * now is e-mailed. Each in its own transaction, re-checked under the lock.
 */
export async function startDueLeaves(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const today = osloDate(now);
  const due = await db().leaveOfAbsence.findMany({
    where: { status: "GRANTED", returnedOn: null, fromDate: { lte: day(today) }, enrolment: { status: "ACTIVE" } },
    select: { id: true, enrolmentId: true },
  });
  let started = 0;
  let mailed = 0;
  for (const leave of due) {
    started += await withRetry(() => db().$transaction(async (tx) => {
      const enrolment = await lockEnrolment(tx, leave.enrolmentId);
      const row = await tx.leaveOfAbsence.findUniqueOrThrow({ where: { id: leave.id }, select: { status: true, fromDate: true, toDate: true, returnedOn: true } });
      // Withdrawn (cancelLeave) or ended since the list was read: nothing to start.
      if (enrolment.status !== "ACTIVE" || row.status !== "GRANTED" || row.returnedOn !== null) return 0;
      const current = toLeavePeriod(row);
      const exam = await startLeave(tx, enrolment.id, null, { from: current.from, to: current.to }, now);
      // The grant's letter said she would not be registered while on leave; one registered since
      // (or before) is told now that she is off the exam.
      if (exam.withdrawn) {
        const student = await tx.enrolment.findUniqueOrThrow({ where: { id: enrolment.id }, select: { userId: true, user: { select: { email: true } } } });
        await queueMail(tx, { dedupeKey: `leave-exam-withdrawn:${leave.id}`, to: student.user.email, userId: student.userId, ...leaveBegunExamMail(current) });
        mailed += 1;
      }
      await refreshStandings(
        tx,
        { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] },
        { actorId: null, cause: `Permisjonen begynte ${formatDateNb(current.from)}`, now },
      );
      return 1;
    }));
  }
  if (mailed > 0) await requestJob("mail.deliver");
  return started;
}

/** To a student whose leave began by itself and took her off the exam (startDueLeaves). */
function leaveBegunExamMail(leave: { from: string; to: string }) {
  return {
    subject: "Permisjonen din har begynt: du er meldt av eksamen",
    text: [
      `Permisjonen din fra og med ${formatDateNb(leave.from)} til og med ${formatDateNb(leave.to)} har begynt, og du er derfor meldt av eksamen.`,
      "Kommer du tilbake i tide og fyller kravene, melder faglærerne deg opp igjen.",
      "",
      `Logg inn for å se studieforløpet ditt: ${env().APP_URL}/student/studieforlop`,
    ].join("\n"),
  };
}

/**
 * What taking the klage on each of these leaves would do on `today` (lib/domain/enrolment.ts
 * leaveAfterKlage), from the facts as they stand: the leave, its student's enrolment (status, the
 * day it ended, another leave open) and the kull's completion. Read once for them all; in a
 * transaction after the enrolment's lock, they are the facts the klage is decided on.
 */
export async function leaveKlageOutcomes(client: Database | Transaction, leaveIds: readonly string[], today: string) {
  const rows =
    leaveIds.length === 0
      ? []
      : await client.leaveOfAbsence.findMany({
          where: { id: { in: [...leaveIds] } },
          select: {
            id: true,
            status: true,
            fromDate: true,
            toDate: true,
            enrolment: {
              select: {
                status: true,
                endedOn: true,
                cohort: { select: { completedAt: true } },
                leaves: { where: { status: "GRANTED", returnedOn: null }, select: { id: true } },
              },
            },
          },
        });
  return new Map(
    rows.map((row) => {
      const leave = { from: isoDate(row.fromDate), to: isoDate(row.toDate) };
      const outcome = leaveAfterKlage({
        leave,
        status: row.enrolment.status as EnrolmentStatus,
        kullCompletedOn: row.enrolment.cohort.completedAt ? osloDate(row.enrolment.cohort.completedAt) : null,
        studentEndedOn: row.enrolment.endedOn ? isoDate(row.enrolment.endedOn) : null,
        openLeave: row.enrolment.leaves.length > 0,
        today,
      });
      return [row.id, { leave, refused: row.status === "REFUSED", outcome }] as const;
    }),
  );
}

/**
 * A klage on a refused leave is taken (lib/server/student-letters/appeals.ts): the leave is granted
 * as asked, in the klage's transaction, and what that means now is leaveKlageOutcomes': on leave
 * from now, from its first day (startDueLeaves), or granted and already ended (its days are over,
 * the student has completed or left, or the kull is completed) without the student ever being put
 * on leave. Returns the sentence for the outcome letter.
 */
export async function grantLeaveAfterKlage(tx: Transaction, input: { leaveId: string; decider: Viewer; appealId: string; now: Date }): Promise<string> {
  const row = await tx.leaveOfAbsence.findUnique({ where: { id: input.leaveId }, select: { enrolmentId: true } });
  if (!row) throw new NotFoundError("Fant ikke permisjonssøknaden.");
  const enrolment = await lockEnrolment(tx, row.enrolmentId);
  const { leave: current, refused, outcome } = (await leaveKlageOutcomes(tx, [input.leaveId], osloDate(input.now))).get(input.leaveId)!;
  if (!refused) throw new DomainError("Permisjonen er allerede innvilget.");
  if (outcome.kind === "REFUSED") throw new DomainError(`Klagen kan ikke tas til følge nå: ${outcome.problem}`);
  await tx.leaveOfAbsence.update({
    where: { id: input.leaveId },
    data: {
      status: "GRANTED",
      ...(outcome.kind === "ENDED" ? { returnedOn: day(outcome.returnedOn), ending: outcome.why, returnRegisteredById: input.decider.id } : {}),
    },
  });
  const started = outcome.kind === "START";
  const exam = started ? await startLeave(tx, enrolment.id, input.decider.id, current, input.now) : null;
  await audit(tx, {
    actorId: input.decider.id,
    action: "leave.grant",
    entityType: "LeaveOfAbsence",
    entityId: input.leaveId,
    before: { status: "REFUSED" },
    after: {
      status: "GRANTED",
      cause: "klage",
      appealId: input.appealId,
      started,
      endedWithoutReturn: outcome.kind === "ENDED",
      ...(outcome.kind === "ENDED" ? { returnedOn: outcome.returnedOn, endedBecause: outcome.why } : {}),
    },
  });
  await refreshStandings(
    tx,
    { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] },
    { actorId: input.decider.id, cause: "Klagen på avslag om permisjon er tatt til følge", now: input.now },
  );
  // Put on leave now: the letter says what that did to the exam, as a grant's letter does.
  return exam ? `${leaveAfterKlageSentence(current, outcome)} ${leaveExamSentence(exam)}` : leaveAfterKlageSentence(current, outcome);
}

/** For the adviser's page: the leave that is open now, and how many of the kull's days it covers. */
export function leaveCoverage(planDays: readonly { id: string; date: string }[], leave: LeavePeriod) {
  return { range: effectiveLeave(leave), samlingDays: daysOnLeave(planDays, [leave]).length };
}
