import "server-only";
// Grades A–F on an active registration (a changed grade needs a reason; every grade is audited),
// and their publication to the students.
import { isGrade, type Grade } from "@/lib/domain/exam";
import { env } from "@/lib/env";
import { audit } from "@/lib/server/audit";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { queueMail } from "@/lib/server/mail";
import type { Viewer } from "@/lib/server/viewer";

import { lockExam } from "@/lib/server/exams/lock";

// ─── Grades ─────────────────────────────────────────────────────────────────────────────────────

export async function setGrade(
  viewer: Viewer,
  input: { cohortId: string; enrolmentId: string; grade: Grade; reason: string | null },
) {
  await requireCohortStaff(viewer, input.cohortId);
  if (!isGrade(input.grade)) throw new DomainError("Velg en karakter fra A til F.", { grade: ["Velg en karakter fra A til F."] });
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId);
    const [registration] = await tx.$queryRaw<{ id: string; status: string; grade: Grade | null }[]>`
      SELECT r."id", r."status"::text AS "status", r."grade"::text AS "grade" FROM "ExamRegistration" r
      JOIN "Enrolment" e ON e."id" = r."enrolmentId"
      WHERE r."examId" = ${exam.id} AND r."enrolmentId" = ${input.enrolmentId} AND e."cohortId" = ${input.cohortId}
      FOR UPDATE OF r`;
    if (!registration || registration.status !== "ADMITTED") {
      throw new DomainError("Studenten er ikke meldt opp til eksamen og kan ikke få karakter.");
    }
    if (registration.grade === input.grade) return { grade: input.grade, changed: false, corrected: false };
    const correction = registration.grade !== null;
    if (correction && !input.reason) {
      throw new DomainError(`Karakteren er allerede satt til ${registration.grade}. Skriv hvorfor den endres.`, {
        reason: ["Skriv en begrunnelse for endringen."],
      });
    }
    const gradedAt = new Date();
    const updated = await tx.examRegistration.update({
      where: { id: registration.id },
      data: { grade: input.grade, gradedById: viewer.id, gradedAt },
      select: { enrolment: { select: { userId: true, user: { select: { name: true, email: true } } } } },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: correction ? "exam.correct_grade" : "exam.grade",
      entityType: "ExamRegistration",
      entityId: registration.id,
      before: { grade: registration.grade },
      after: { grade: input.grade, ...(correction ? { reason: input.reason } : {}) },
    });
    // Once the grades are published, a student hears of a new or changed grade at once.
    if (exam.gradesPublishedAt) {
      await queueMail(tx, {
        dedupeKey: `exam-grade:${registration.id}:${gradedAt.getTime()}`,
        to: updated.enrolment.user.email,
        userId: updated.enrolment.userId,
        ...gradeMail(exam.title, correction),
      });
    }
    return { grade: input.grade, changed: true, corrected: correction, name: updated.enrolment.user.name };
  });
}

function gradeMail(title: string, corrected: boolean) {
  return {
    subject: corrected ? `Karakteren din er endret: ${title}` : `Karakteren din er klar: ${title}`,
    text: [
      corrected ? `Karakteren din på ${title} er endret.` : `Karakteren din på ${title} er publisert.`,
      "",
      `Logg inn for å se den: ${env().APP_URL}/student`,
    ].join("\n"),
  };
}

/**
 * Publishes the exam's grades to its students, from now on. Students with a grade are e-mailed;
 * a grade set later is visible (and e-mailed) at once.
 */
export async function publishGrades(viewer: Viewer, input: { cohortId: string }) {
  await requireCohortStaff(viewer, input.cohortId);
  return db().$transaction(async (tx) => {
    const exam = await lockExam(tx, input.cohortId);
    if (exam.gradesPublishedAt) throw new DomainError("Karakterene er allerede publisert.");
    const graded = await tx.examRegistration.findMany({
      where: { examId: exam.id, status: "ADMITTED", grade: { not: null } },
      select: { id: true, enrolment: { select: { userId: true, user: { select: { email: true } } } } },
    });
    if (graded.length === 0) throw new DomainError("Ingen har fått karakter ennå, så det er ingenting å publisere.");
    const publishedAt = new Date();
    await tx.exam.update({ where: { id: exam.id }, data: { gradesPublishedAt: publishedAt } });
    await audit(tx, {
      actorId: viewer.id,
      action: "exam.publish_grades",
      entityType: "Exam",
      entityId: exam.id,
      before: { gradesPublishedAt: null },
      after: { gradesPublishedAt: publishedAt.toISOString(), graded: graded.length },
    });
    for (const registration of graded) {
      await queueMail(tx, {
        dedupeKey: `exam-grades-published:${registration.id}`,
        to: registration.enrolment.user.email,
        userId: registration.enrolment.userId,
        ...gradeMail(exam.title, false),
      });
    }
    return { published: graded.length };
  });
}

