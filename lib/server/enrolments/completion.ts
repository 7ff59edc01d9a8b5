import "server-only";
// Completion: a student whose grade that counts (the best over every sitting: ordinary, utsatt,
// ny eksamen) is a published pass is marked COMPLETED with a confirming letter
// (lib/domain/enrolment.ts completionProblem refuses anyone without one). One transaction with its audit entry and the standing recomputed.
import { osloDate } from "@/lib/domain/application-deadline";
import { completionProblem, completionSitting } from "@/lib/domain/enrolment";
import { day } from "@/lib/dates";
import { requestJob } from "@/lib/jobs/queue";
import { audit } from "@/lib/server/audit";
import { db } from "@/lib/server/db";
import { withRetry } from "@/lib/server/transactions";
import { DomainError } from "@/lib/server/errors";
import { refreshStandings } from "@/lib/server/standings/refresh";
import { issueStudentLetter } from "@/lib/server/student-letters/issue";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { sittingRecords } from "@/lib/server/exams/records";
import { lockEnrolment, requireAdviser, signer } from "./common";

export async function completeStudent(viewer: Viewer, input: { enrolmentId: string }, now = new Date()) {
  requireAdviser(viewer);
  const today = osloDate(now);
  const result = await withRetry(() => db().$transaction(async (tx) => {
    const enrolment = await lockEnrolment(tx, input.enrolmentId);
    const sittings = (await sittingRecords(tx, [enrolment.id])).get(enrolment.id) ?? [];
    const problem = completionProblem({ status: enrolment.status, sittings });
    if (problem) throw new DomainError(problem);
    const counting = completionSitting(sittings)!;
    const exam = await tx.exam.findUniqueOrThrow({ where: { id: counting.examId }, select: { title: true, startsOn: true } });
    const programme = await tx.cohort.findUniqueOrThrow({ where: { id: enrolment.cohortId }, select: { programme: { select: { credits: true, fsCourseCode: true } } } });
    await tx.enrolment.update({ where: { id: enrolment.id }, data: { status: "COMPLETED", endedOn: day(today) } });
    const letter = await issueStudentLetter(tx, {
      enrolmentId: enrolment.id,
      facts: {
        kind: "COMPLETION_CONFIRMED",
        exam: { title: exam.title, startsOn: isoDate(exam.startsOn) },
        grade: counting.grade!,
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
      after: { status: "COMPLETED", endedOn: today, grade: counting.grade, examId: counting.examId, letterId: letter.id },
    });
    await refreshStandings(tx, { cohortId: enrolment.cohortId, enrolmentIds: [enrolment.id] }, { actorId: viewer.id, cause: "Fullført med bestått eksamen", now });
    return { letterId: letter.id, grade: counting.grade! };
  }));
  await requestJob("mail.deliver");
  return result;
}
