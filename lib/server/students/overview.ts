import "server-only";
// What a student sees about their own studies: schedule, attendance, arbeidskrav with feedback,
// whether they may sit the exam (the rule in lib/domain/eligibility.ts) and the grade.
import { osloDate } from "@/lib/domain/application-deadline";
import { studentArbeidskravStanding } from "@/lib/domain/arbeidskrav";
import type { Eligibility } from "@/lib/domain/eligibility";
import { db } from "@/lib/server/db";
import { AccessDeniedError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { evaluateCohortEligibility } from "@/lib/server/cohorts/eligibility";

export async function getStudentOverview(viewer: Viewer, now = new Date()) {
  if (!viewer.roles.includes("STUDENT")) throw new AccessDeniedError();
  const today = osloDate(now);
  const enrolments = await db().enrolment.findMany({
    where: { userId: viewer.id, status: { not: "WITHDRAWN" } },
    orderBy: { cohort: { startsOn: "desc" } },
    select: {
      id: true,
      status: true,
      basisgruppe: { select: { name: true, supervisor: { select: { name: true, email: true } } } },
      cohort: {
        select: {
          id: true,
          code: true,
          name: true,
          programme: { select: { name: true } },
          samlinger: {
            orderBy: { number: "asc" },
            select: {
              number: true,
              samling: {
                select: {
                  title: true,
                  location: true,
                  days: { orderBy: { date: "asc" }, select: { id: true, date: true } },
                },
              },
            },
          },
          arbeidskrav: {
            orderBy: { number: "asc" },
            select: { id: true, number: true, kind: true, title: true, description: true, dueDate: true, oralPresentation: true, individualOnly: true, maxGroupSize: true },
          },
          exams: { select: { id: true, title: true, startsOn: true, endsOn: true, gradesPublishedAt: true } },
        },
      },
      attendance: { select: { samlingDayId: true, status: true } },
      submissionMembers: {
        select: {
          submission: {
            select: {
              arbeidskravId: true,
              status: true,
              members: { select: { enrolment: { select: { user: { select: { name: true } } } } } },
              attempts: {
                orderBy: { attempt: "asc" },
                select: { attempt: true, submittedAt: true, status: true, feedback: true, assessedAt: true },
              },
            },
          },
        },
      },
      examRegistrations: { select: { examId: true, status: true, grade: true, gradedAt: true } },
    },
  });

  // The verdict comes from the one place that decides it (also for faculty and exam registration).
  const evaluations = await Promise.all(
    enrolments.map((enrolment) => evaluateCohortEligibility(db(), enrolment.cohort.id, { today, enrolmentIds: [enrolment.id] })),
  );
  return enrolments.map((enrolment, enrolmentIndex) => {
    const attendanceByDay = new Map(enrolment.attendance.map((row) => [row.samlingDayId, row.status]));
    const submissions = new Map(enrolment.submissionMembers.map(({ submission }) => [submission.arbeidskravId, submission]));
    const samlinger = enrolment.cohort.samlinger.map(({ number, samling }) => ({
      number,
      title: samling.title,
      location: samling.location,
      days: samling.days.map((samlingDay) => ({
        date: isoDate(samlingDay.date),
        attendance: attendanceByDay.get(samlingDay.id) ?? null,
      })),
    }));
    const standing = new Map(
      studentArbeidskravStanding(
        enrolment.cohort.arbeidskrav.map((definition) => definition.id),
        [...submissions.values()].map(({ arbeidskravId, status }) => ({ arbeidskravId, status })),
      ).map(({ id, status }) => [id, status]),
    );
    const arbeidskrav = enrolment.cohort.arbeidskrav.map((definition) => {
      const submission = submissions.get(definition.id) ?? null;
      return {
        ...definition,
        dueDate: isoDate(definition.dueDate),
        status: standing.get(definition.id) ?? "NOT_SUBMITTED",
        groupMembers: submission && submission.members.length > 1 ? submission.members.map((m) => m.enrolment.user.name) : [],
        attempts: submission?.attempts ?? [],
      };
    });
    const { requirements, byEnrolment } = evaluations[enrolmentIndex]!;
    const eligibility: Eligibility = byEnrolment.get(enrolment.id)!.eligibility;
    const exam = enrolment.cohort.exams[0] ?? null;
    const registration = exam ? enrolment.examRegistrations.find((row) => row.examId === exam.id && row.status === "ADMITTED") ?? null : null;
    return {
      enrolmentId: enrolment.id,
      status: enrolment.status,
      cohort: { id: enrolment.cohort.id, code: enrolment.cohort.code, name: enrolment.cohort.name, programme: enrolment.cohort.programme.name },
      basisgruppe: enrolment.basisgruppe,
      samlinger,
      arbeidskrav,
      eligibility,
      requirements,
      exam: exam
        ? {
            title: exam.title,
            startsOn: isoDate(exam.startsOn),
            endsOn: isoDate(exam.endsOn),
            // A grade reaches the student only once the exam's grades are published.
            registration: registration
              ? {
                  status: registration.status,
                  grade: exam.gradesPublishedAt ? registration.grade : null,
                  gradeUnpublished: registration.grade !== null && !exam.gradesPublishedAt,
                }
              : null,
          }
        : null,
      today,
    };
  });
}

export type StudentOverview = Awaited<ReturnType<typeof getStudentOverview>>[number];
