import "server-only";
// Completion: a student with a passing grade on the kull's exam, once the grades are published,
// is marked COMPLETED with a confirming letter (lib/domain/enrolment.ts completionProblem refuses
// anyone without one). One transaction with its audit entry and the standing recomputed.
import { osloDate } from "@/lib/domain/application-deadline";
import { completionProblem } from "@/lib/domain/enrolment";
import { day } from "@/lib/dates";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { DomainError } from "@/lib/server/errors";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { examRegistrationOf, lockEnrolment, requireAdviser, signer } from "./common";

export async function completeStudent(viewer: Viewer, input: { enrolmentId: string }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await db().$transaction(async (tx) => {
    const enrolment = await lockEnrolment(tx, input.enrolmentId);
    const registration = await examRegistrationOf(tx, enrolment.id);
    const problem = completionProblem({
      status: enrolment.status,
      registration: registration ? { status: registration.status, grade: registration.grade } : null,
      gradesPublished: registration?.exam.gradesPublishedAt != null,
    });
    if (problem) throw new DomainError(problem);
    const programme = await tx.cohort.findUniqueOrThrow({ where: { id: enrolment.cohortId }, select: { programme: { select: { credits: true, fsCourseCode: true } } } });
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", endedOn: day(today) } });
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: {
        kind: "COMPLETION_CONFIRMED",
        exam: { title: registration!.exam.title, startsOn: isoDate(registration!.exam.startsOn) },
        grade: registration!.grade!,
        credits: programme.programme.credits,
        courseCode: programme.programme.fsCourseCode,
      },
      decidedBy: await signer(tx, viewer, enrolment.cohortId),
      about: { type: "Enrolment", id: enrolment.id },
      now,
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "enrolment.complete",
      entityType: "Enrolment",
      entityId: enrolment.id,
      before: { status: enrolment.status },
      after: { status: "COMPLETED", endedOn: today, grade: registration!.grade, letterId: letter.id },
    });
    await refreshStandings(tx, { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] }, { actorId: viewer.id, cause: "Fullført med bestått eksamen", now });
    return { letterId: letter.id, grade: registration!.grade! };
  });
  await requestJob("mail.deliver");
  return result;
}
