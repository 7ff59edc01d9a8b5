import "server-only";
// What leaves the app after the exam: the results export for FS and the printable protocol.
import { csvText } from "@/lib/csv";
import { osloDate } from "@/lib/domain/application-deadline";
import { GRADE_DESCRIPTIONS } from "@/lib/domain/exam";
import { FS_COLUMNS, fsResultRows, fsTerm, type FsCourse } from "@/lib/domain/exam-results";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { NO_EXAM } from "@/lib/server/exams/lock";


// ─── Export and protocol ────────────────────────────────────────────────────────────────────────

async function registeredStudents(viewer: Viewer, cohortId: string) {
  await requireCohortStaff(viewer, cohortId);
  const exam = await db().exam.findFirst({
    where: { cohortId },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      gradesPublishedAt: true,
      cohort: {
        select: {
          code: true,
          name: true,
          programme: { select: { name: true, credits: true, fsCourseCode: true, fsCourseVersion: true } },
          teachers: { where: { academicLead: true }, select: { user: { select: { name: true } } } },
        },
      },
      registrations: {
        where: { status: "ADMITTED" },
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: {
          grade: true,
          gradedAt: true,
          enrolment: { select: { user: { select: { name: true, email: true } }, application: { select: { birthDate: true } } } },
        },
      },
    },
  });
  if (!exam) throw new NotFoundError(NO_EXAM);
  return exam;
}

function courseOf(programme: { credits: number; fsCourseCode: string; fsCourseVersion: string }): FsCourse {
  return { code: programme.fsCourseCode, version: programme.fsCourseVersion, credits: programme.credits };
}

/**
 * The results for import into FS (Felles studentsystem): UTF-8 with BOM, semicolons, one row per
 * registered student: name, birth date (from the application; empty for a student enrolled
 * without one), e-mail, the programme's course code and version, term (from the exam's first day),
 * the programme's credits, grade, grade date (Oslo).
 */
export async function examResultsCsv(viewer: Viewer, cohortId: string): Promise<{ filename: string; csv: string }> {
  const exam = await registeredStudents(viewer, cohortId);
  const course = courseOf(exam.cohort.programme);
  const rows = fsResultRows(
    course,
    isoDate(exam.startsOn),
    exam.registrations.map((registration) => ({
      name: registration.enrolment.user.name,
      birthDate: registration.enrolment.application?.birthDate ? isoDate(registration.enrolment.application.birthDate) : null,
      email: registration.enrolment.user.email,
      grade: registration.grade,
      gradedOn: registration.gradedAt ? osloDate(registration.gradedAt) : null,
    })),
  );
  return {
    filename: `eksamensresultater-${course.code}-${exam.cohort.code}.csv`,
    csv: csvText([[...FS_COLUMNS], ...rows]),
  };
}

export async function getExamProtocol(viewer: Viewer, cohortId: string, now = new Date()) {
  const exam = await registeredStudents(viewer, cohortId);
  const startsOn = isoDate(exam.startsOn);
  return {
    title: exam.title,
    startsOn,
    endsOn: isoDate(exam.endsOn),
    term: fsTerm(startsOn),
    courseCode: exam.cohort.programme.fsCourseCode,
    courseVersion: exam.cohort.programme.fsCourseVersion,
    cohort: exam.cohort.name,
    programme: exam.cohort.programme.name,
    credits: exam.cohort.programme.credits,
    academicLead: exam.cohort.teachers[0]?.user.name ?? null,
    gradesPublishedAt: exam.gradesPublishedAt,
    printedOn: osloDate(now),
    students: exam.registrations.map((registration, index) => ({
      number: index + 1,
      name: registration.enrolment.user.name,
      birthDate: registration.enrolment.application?.birthDate ? isoDate(registration.enrolment.application.birthDate) : null,
      grade: registration.grade,
      gradeText: registration.grade ? GRADE_DESCRIPTIONS[registration.grade] : null,
    })),
  };
}
