import "server-only";
// Results at one sitting (the ordinary one when no examId is given): a grade A–F, or "ikke møtt"
// (did not hand in, or withdrew after the start: an attempt without a grade). A changed result
// needs a reason; every result is audited. Publication is per sitting: students see a sitting's
// results from then on (a result set later is visible, and e-mailed, at once).
import { osloDate } from "@/lib/domain/application-deadline";
import { examDecisionNeeded, isGrade, type Grade } from "@/lib/domain/exam";
import { EXAM_KIND_LABELS, sittingName, sittingOutcome } from "@/lib/domain/exam-sittings";
import { resultsNotYetProblem } from "@/lib/domain/exam-time";
import { gradeRights, gradeRightsText } from "@/lib/domain/klage";
import { env } from "@/lib/env";
import type { Transaction } from "@/lib/db/client";
import { isOwnCase, OWN_CASE_MESSAGE } from "@/lib/permissions";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";

import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";
import { lockExam } from "@/lib/server/exams/lock";
import { sittingRecords } from "@/lib/server/exams/records";
import { reviewCompletionAfterResultChange } from "@/lib/server/enrolments/completion";
import { deciderTitle } from "@/lib/server/student-letters/issue";
import { LOCKING_TRANSACTION, withRetry } from "@/lib/server/transactions";

/** A grade, or "ikke møtt". */
export type SittingResultInput = Grade | "NOT_ATTENDED";

export const NOT_ATTENDED_LABEL = "Ikke møtt";

function resultText(result: SittingResultInput | null): string {
  return result === "NOT_ATTENDED" ? "ikke møtt" : (result ?? "ingen");
}

// ─── Results ────────────────────────────────────────────────────────────────────────────────────

/** The kull's row, FOR UPDATE as lib/server/enrolments/common.ts lockEnrolment takes it: first of the kull's locks. */
async function lockKullRow(tx: Transaction, cohortId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Cohort" WHERE "id" = ${cohortId} FOR UPDATE`;
}

export const DECIDE_ADMISSION_FIRST =
  "Studenten er oppmeldt, men fyller ikke lenger kravene for å gå opp til eksamen (Trenger nytt vedtak). Avgjør adgangen før resultatet settes: vedta «ikke adgang», eller rett det som gjør at kravene ikke er oppfylt.";

export async function setGrade(
  viewer: Viewer,
  input: { cohortId: string; examId?: string | null; enrolmentId: string; grade: SittingResultInput; reason: string | null },
  now = new Date(),
) {
  await requireCohortStaff(viewer, input.cohortId);
  if (input.grade !== "NOT_ATTENDED" && !isGrade(input.grade)) {
    throw new DomainError("Velg en karakter fra A til F, eller «ikke møtt».", { grade: ["Velg en karakter fra A til F, eller «ikke møtt»."] });
  }
  return withRetry(() => db().$transaction(async (tx) => {
    // Locks in the one order of the kull's changes: the kull's row (as an enrolment change and the
    // capacity check of a student made active again take it), the sitting, the student's
    // enrolment (as deferrals and registration take it before a registration), the registration.
    // A completion registered at the same moment waits for this result and reads it.
    await lockKullRow(tx, input.cohortId);
    const exam = await lockExam(tx, input.cohortId, input.examId);
    const notYet = resultsNotYetProblem(exam, now);
    if (notYet) throw new DomainError(notYet, { grade: [notYet] });
    const [enrolment] = await tx.$queryRaw<{ status: string; userId: string }[]>`
      SELECT "status"::text AS "status", "userId" FROM "Enrolment" WHERE "id" = ${input.enrolmentId} AND "cohortId" = ${input.cohortId} FOR UPDATE`;
    const [registration] = await tx.$queryRaw<{ id: string; status: string; grade: Grade | null }[]>`
      SELECT r."id", r."status"::text AS "status", r."grade"::text AS "grade" FROM "ExamRegistration" r
      JOIN "Enrolment" e ON e."id" = r."enrolmentId"
      WHERE r."examId" = ${exam.id} AND r."enrolmentId" = ${input.enrolmentId} AND e."cohortId" = ${input.cohortId}
      FOR UPDATE OF r`;
    if (!registration || (registration.status !== "ADMITTED" && registration.status !== "NOT_ATTENDED")) {
      throw new DomainError("Studenten er ikke meldt opp til eksamen og kan ikke få karakter.");
    }
    // Nobody grades their own exam (forvaltningsloven § 6).
    if (enrolment && isOwnCase(viewer, [enrolment.userId])) throw new DomainError(OWN_CASE_MESSAGE);
    const before: SittingResultInput | null = registration.status === "NOT_ATTENDED" ? "NOT_ATTENDED" : registration.grade;
    if (before === input.grade) return { grade: input.grade, changed: false, corrected: false, completion: null };
    // A completed student's sittings as they stand before the change: what the confirmation was given on.
    const completedBefore = enrolment?.status === "COMPLETED" ? ((await sittingRecords(tx, [input.enrolmentId])).get(input.enrolmentId) ?? []) : null;
    // A grade means the student handed in: not while a request for utsatt eksamen waits.
    if (input.grade !== "NOT_ATTENDED") {
      const waiting = await tx.examDeferral.count({ where: { registrationId: registration.id, status: "REQUESTED" } });
      if (waiting > 0) throw new DomainError("Studenten har søkt om utsatt eksamen. Søknaden må avgjøres før karakteren settes.");
    }
    const correction = before !== null;
    // The first result waits while «Trenger nytt vedtak» stands (lib/domain/exam.ts
    // examDecisionNeeded): a registered student no longer meets the requirements, and whether they
    // may sit the exam at all is decided first — a grade (or an attempt used by «ikke møtt") for a
    // student without the right to sit would stand without an enkeltvedtak either way.
    if (!correction) {
      const evaluation = await evaluateCohortEligibility(tx, input.cohortId, { today: osloDate(now), enrolmentIds: [input.enrolmentId] });
      const eligibility = evaluation.byEnrolment.get(input.enrolmentId)?.eligibility;
      if (eligibility && examDecisionNeeded("ADMITTED", eligibility.status) === "REFUSAL_NEEDED") {
        throw new DomainError(DECIDE_ADMISSION_FIRST);
      }
    }
    if (correction && !input.reason) {
      throw new DomainError(`Resultatet er allerede satt til ${resultText(before)}. Skriv hvorfor det endres.`, {
        reason: ["Skriv en begrunnelse for endringen."],
      });
    }
    const gradedAt = now;
    const updated = await tx.examRegistration.update({
      where: { id: registration.id },
      data:
        input.grade === "NOT_ATTENDED"
          ? { status: "NOT_ATTENDED", grade: null, gradedById: viewer.id, gradedAt }
          : { status: "ADMITTED", grade: input.grade, gradedById: viewer.id, gradedAt },
      select: { enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: correction ? "exam.correct_grade" : "exam.grade",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { grade: registration.grade, status: registration.status },
      after: {
        grade: input.grade === "NOT_ATTENDED" ? null : input.grade,
        status: input.grade === "NOT_ATTENDED" ? "NOT_ATTENDED" : "ADMITTED",
        examId: exam.id,
        kind: exam.kind,
        ...(correction ? { reason: input.reason } : {}),
      },
    });
    // Once the sitting's results are published, a student hears of a new or changed one at once.
    if (exam.gradesPublishedAt) {
      const graded = input.grade !== "NOT_ATTENDED";
      await queueMail(tx, {
        dedupeKey: `exam-grade:${registration.id}:${gradedAt.getTime()}`,
        to: updated.enrolment.user.email,
        userId: updated.enrolment.userId,
        ...gradeMail(sittingName(exam), {
          corrected: correction,
          notAttended: !graded,
          reason: correction ? input.reason : null,
          // A first grade published today: its rights run from today.
          rights: graded && !correction ? gradeRightsText(gradeRights(osloDate(gradedAt)), await adviserOf(tx, input.cohortId)) : null,
        }),
      });
    }
    const completion = completedBefore
      ? await reviewCompletionAfterResultChange(tx, {
          enrolmentId: input.enrolmentId,
          cohortId: input.cohortId,
          before: completedBefore,
          sitting: sittingName(exam),
          why: input.reason,
          decidedBy: { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, input.cohortId) },
          now: gradedAt,
        })
      : null;
    return { grade: input.grade, changed: true, corrected: correction, name: updated.enrolment.user.name, completion: completion?.kind ?? null };
  }, LOCKING_TRANSACTION));
}

/** The programme's study adviser, to whom a student writes about a grade. */
async function adviserOf(tx: Transaction, cohortId: string) {
  const { programme } = await tx.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { programme: { select: { adviserName: true, adviserEmail: true } } } });
  return { name: programme.adviserName, email: programme.adviserEmail };
}

/**
 * The e-mail about a result: a change says why (the reason staff gave), and a grade tells of the
 * rights to its grounds and to klage, with their last days (lib/domain/klage.ts gradeRights).
 */
function gradeMail(title: string, result: { corrected: boolean; notAttended: boolean; reason: string | null; rights: string | null }) {
  const what = result.notAttended ? "Resultatet ditt" : "Karakteren din";
  return {
    subject: result.corrected ? `${what} er endret: ${title}` : result.notAttended ? `Resultatet ditt er registrert: ${title}` : `Karakteren din er klar: ${title}`,
    text: [
      result.corrected
        ? `${what} på ${title} er endret.${result.reason ? ` Begrunnelse for endringen: ${result.reason}` : ""}`
        : result.notAttended
          ? `Du er registrert med «ikke møtt» på ${title}. Det teller som et forsøk.`
          : `Karakteren din på ${title} er publisert.`,
      "",
      `Logg inn for å se den, og karakteren som teller: ${env().APP_URL}/student/eksamen`,
      ...(result.rights ? ["", result.rights] : []),
    ].join("\n"),
  };
}

/**
 * Publishes one sitting's results to its students, from now on. Students with a result are
 * e-mailed; a result set later is visible (and e-mailed) at once.
 */
export async function publishGrades(viewer: Viewer, input: { cohortId: string; examId?: string | null }, now = new Date()) {
  await requireCohortStaff(viewer, input.cohortId);
  return withRetry(() => db().$transaction(async (tx) => {
    await lockKullRow(tx, input.cohortId);
    const exam = await lockExam(tx, input.cohortId, input.examId);
    if (exam.gradesPublishedAt) throw new DomainError("Karakterene er allerede publisert.");
    const notYet = resultsNotYetProblem(exam, now);
    if (notYet) throw new DomainError(notYet);
    const results = await tx.examRegistration.findMany({
      where: { examId: exam.id, OR: [{ status: "ADMITTED", grade: { not: null } }, { status: "NOT_ATTENDED" }] },
      select: { id: true, status: true, grade: true, enrolmentId: true, enrolment: { select: { userId: true, user: { select: { email: true } } } } },
    });
    if (results.length === 0) throw new DomainError("Ingen har fått karakter ennå, så det er ingenting å publisere.");
    // A completed student's result here (a ny eksamen to improve the grade) counts from now on: its
    // completion is reviewed as for a changed grade, on the sittings as they stood before.
    const completed = (
      await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Enrolment" WHERE "id" = ANY(${results.map((row) => row.enrolmentId)}::text[]) AND "status" = 'COMPLETED' ORDER BY "id" FOR UPDATE`
    ).map((row) => row.id);
    const before = completed.length > 0 ? await sittingRecords(tx, completed) : new Map();
    const publishedAt = now;
    await tx.exam.update({ where: { id: exam.id }, data: { gradesPublishedAt: publishedAt } });
    if (completed.length > 0) {
      const decidedBy = { id: viewer.id, name: viewer.name, title: await deciderTitle(tx, viewer.id, input.cohortId) };
      for (const enrolmentId of completed) {
        await reviewCompletionAfterResultChange(tx, { enrolmentId, cohortId: input.cohortId, before: before.get(enrolmentId) ?? [], sitting: sittingName(exam), why: null, decidedBy, now: publishedAt });
      }
    }
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.publish_grades",
      entityType: "Exam",
      entityId: exam.id,
      before: { gradesPublishedAt: null },
      after: { gradesPublishedAt: publishedAt.toISOString(), graded: results.length, kind: exam.kind },
    });
    const rights = gradeRightsText(gradeRights(osloDate(publishedAt)), await adviserOf(tx, input.cohortId));
    for (const registration of results) {
      const notAttended = sittingOutcome(registration) === "NOT_ATTENDED";
      await queueMail(tx, {
        dedupeKey: `exam-grades-published:${registration.id}`,
        to: registration.enrolment.user.email,
        userId: registration.enrolment.userId,
        ...gradeMail(sittingName(exam), { corrected: false, notAttended, reason: null, rights: notAttended ? null : rights }),
      });
    }
    return { published: results.length, kindLabel: EXAM_KIND_LABELS[exam.kind] };
  }, LOCKING_TRANSACTION));
}
