import "server-only";
// Registration for ny eksamen (a RESIT sitting): by the student on their exam page, or by an
// adviser or admin for them, until the end of the sitting's registration day (Oslo). The rule is
// lib/domain/exam-sittings.ts resitRegistrationProblem, decided inside the transaction with the
// sitting and the student's enrolment locked and eligibility evaluated there (the one evaluator,
// lib/server/cohorts/eligibility.ts): the right to sit follows from the course, attempts are
// limited by the study plan (Programme.examAttempts), a pass may be improved
// Programme.examImprovementAttempts times, and no result may be outstanding at another sitting.
// Every registration is audited and confirmed by e-mail; the student may withdraw until the
// deadline (no attempt used).
import { deadlineEnd, osloDate } from "@/lib/domain/application-deadline";
import { canAdmitToExam } from "@/lib/domain/exam";
import { attemptSummary, isImprovementAttempt, resitRegistrationProblem, sittingName } from "@/lib/domain/exam-sittings";
import { formatExamMomentNb } from "@/lib/domain/exam-time";
import { formatDateNb } from "@/lib/domain/format";
import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isStaff } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { isCohortStaff } from "@/lib/server/cohorts/access";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { db } from "@/lib/server/db";
import { AccessDeniedError, DomainError, NotFoundError } from "@/lib/server/errors";
import { lockExam } from "@/lib/server/exams/lock";
import { sittingRecords } from "@/lib/server/exams/records";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";

const NOT_FOUND = "Fant ikke eksamenen.";

/** Whose registration this is: the viewer's own (a student), or a student an adviser names. */
async function resolveEnrolment(viewer: Viewer, examId: string, enrolmentId: string | undefined) {
  const exam = await db().exam.findUnique({ where: { id: examId }, select: { cohortId: true } });
  if (!exam) throw new NotFoundError(NOT_FOUND);
  if (enrolmentId === undefined) {
    if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
    const own = await db().enrolment.findFirst({ where: { userId: viewer.id, cohortId: exam.cohortId, status: { not: "WITHDRAWN" } }, select: { id: true } });
    if (!own) throw new NotFoundError(NOT_FOUND);
    return { cohortId: exam.cohortId, enrolmentId: own.id, byStudent: true };
  }
  // On the student's behalf: the study administration (advisers, admins), for a student of the kull.
  if (!(await isCohortStaff(viewer, exam.cohortId))) throw new NotFoundError(NOT_FOUND);
  if (!isStaff(viewer)) throw new AccessDeniedError("Det er studieveilederen som melder studenter opp til ny eksamen.");
  return { cohortId: exam.cohortId, enrolmentId, byStudent: false };
}

/** The enrolment, locked; one that has left the kull for a later one sits the exam there. */
async function lockEnrolment(tx: Transaction, cohortId: string, enrolmentId: string, byStudent: boolean) {
  const [row] = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT "id", "status"::text AS "status" FROM "Enrolment" WHERE "id" = ${enrolmentId} AND "cohortId" = ${cohortId} AND "status" <> 'WITHDRAWN' FOR UPDATE`;
  if (!row) throw new NotFoundError("Fant ikke studenten i kullet.");
  if (row.status === "TRANSFERRED") {
    throw new DomainError(
      byStudent ? "Du er overført til et senere kull, og går opp til eksamen med det kullet." : "Studenten er overført til et senere kull, og går opp til eksamen med det kullet.",
    );
  }
  return { onLeave: row.status === "ON_LEAVE" };
}

/** Registers the student (the viewer, or `enrolmentId` for an adviser) for this ny eksamen. */
export async function registerForResit(viewer: Viewer, input: { examId: string; enrolmentId?: string }, now = new Date()) {
  const who = await resolveEnrolment(viewer, input.examId, input.enrolmentId);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, who.cohortId, input.examId);
    const { onLeave } = await lockEnrolment(tx, who.cohortId, who.enrolmentId, who.byStudent);
    const [evaluation, records, cohort, person] = await Promise.all([
      evaluateCohortEligibility(tx, who.cohortId, { today: osloDate(now), enrolmentIds: [who.enrolmentId] }),
      sittingRecords(tx, [who.enrolmentId]),
      tx.cohort.findUniqueOrThrow({ where: { id: who.cohortId }, select: { programme: { select: { examAttempts: true, examImprovementAttempts: true } } } }),
      tx.enrolment.findUniqueOrThrow({ where: { id: who.enrolmentId }, select: { userId: true, user: { select: { name: true, email: true } } } }),
    ]);
    const history = records.get(who.enrolmentId) ?? [];
    const rules = { attempts: cohort.programme.examAttempts, improvements: cohort.programme.examImprovementAttempts };
    const eligibility = evaluation.byEnrolment.get(who.enrolmentId)!.eligibility;
    const problem = resitRegistrationProblem({
      sitting: { examId: exam.id, kind: exam.kind, startsAt: exam.startsAt, registrationClosesOn: exam.registrationClosesOn ? isoDate(exam.registrationClosesOn) : null },
      records: history,
      eligible: canAdmitToExam(eligibility),
      onLeave,
      rules,
      now,
    });
    if (problem) throw new DomainError(who.byStudent ? problem.message : `${person.user.name} kan ikke meldes opp. ${problem.staffMessage}`);
    const earlier = history.filter((record) => record.examId !== exam.id);
    const improvement = isImprovementAttempt(earlier);
    const summary = attemptSummary(earlier, rules);
    const existing = history.find((record) => record.examId === exam.id) ?? null;
    const registration = await tx.examRegistration.upsert({
      where: { examId_enrolmentId: { examId: exam.id, enrolmentId: who.enrolmentId } },
      create: { examId: exam.id, enrolmentId: who.enrolmentId, status: "ADMITTED", decidedById: viewer.id, decidedAt: now },
      update: { status: "ADMITTED", decidedById: viewer.id, decidedAt: now },
      select: { id: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.register",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: existing ? { status: existing.status } : null,
      after: {
        status: "ADMITTED",
        examId: exam.id,
        enrolmentId: who.enrolmentId,
        kind: "RESIT",
        by: who.byStudent ? "student" : "adviser",
        eligibility: eligibility.status,
        attemptsUsed: summary.used,
        improvement,
      },
    });
    await queueMail(tx, {
      dedupeKey: `exam-registered:${registration.id}:${now.getTime()}`,
      to: person.user.email,
      userId: person.userId,
      subject: `Du er meldt opp til ny eksamen: ${exam.title}`,
      text: [
        `Hei, ${person.user.name}.`,
        "",
        who.byStudent ? "Du har meldt deg opp til ny eksamen." : `${viewer.name} har meldt deg opp til ny eksamen.`,
        `${sittingName(exam)}: start ${formatExamMomentNb(exam.startsAt)}, innlevering senest ${formatExamMomentNb(exam.handInAt)} (norsk tid).`,
        improvement
          ? "Du har bestått eksamen fra før og tar den for å forbedre karakteren. Den beste karakteren teller."
          : `Dette blir forsøk nummer ${summary.used + 1} av ${rules.attempts}.`,
        exam.registrationClosesOn ? `Du kan melde deg av til og med ${formatDateNb(isoDate(exam.registrationClosesOn))} uten at det teller som et forsøk.` : "",
        "",
        `Se detaljene her: ${env().APP_URL}/student/eksamen`,
      ]
        .filter((line, index, lines) => line !== "" || lines[index - 1] !== "")
        .join("\n"),
    });
    return { registrationId: registration.id, name: person.user.name, improvement, attempt: summary.used + 1, of: rules.attempts };
  });
}

/** The student withdraws from a ny eksamen until its registration deadline: no attempt is used. */
export async function withdrawFromResit(viewer: Viewer, input: { examId: string }, now = new Date()) {
  const who = await resolveEnrolment(viewer, input.examId, undefined);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, who.cohortId, input.examId);
    if (exam.kind !== "RESIT" || !exam.registrationClosesOn) throw new NotFoundError(NOT_FOUND);
    const last = isoDate(exam.registrationClosesOn);
    if (now.getTime() >= deadlineEnd(last).getTime()) {
      throw new DomainError(`Fristen for å melde seg av gikk ut ${formatDateNb(last)}. Leverer du ikke, registreres eksamen som «ikke møtt».`);
    }
    const registration = await tx.examRegistration.findUnique({
      where: { examId_enrolmentId: { examId: exam.id, enrolmentId: who.enrolmentId } },
      select: { id: true, status: true, grade: true },
    });
    if (!registration || registration.status !== "ADMITTED" || registration.grade) throw new DomainError("Du er ikke meldt opp til denne eksamenen.");
    await tx.examRegistration.update({ where: { id: registration.id }, data: { status: "WITHDRAWN" } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.withdraw",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { status: "ADMITTED" },
      after: { status: "WITHDRAWN", examId: exam.id, kind: exam.kind, by: "student" },
    });
  });
}
