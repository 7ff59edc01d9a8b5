import "server-only";
// What leaves the app after the exam: the results export for FS and the printable protocol.
import { csvText } from "@/lib/csv";
import { osloDate } from "@/lib/domain/application-deadline";
import { GRADE_DESCRIPTIONS } from "@/lib/domain/exam";
import { FS_COLUMNS, fsResultRows, fsTerm, spreadsheetSafe, type FsCourse } from "@/lib/domain/exam-results";
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
          enrolment: {
            select: {
              user: { select: { name: true, email: true, studentIdentity: { select: { birthDate: true, studentNumber: true, fsPersonNumber: true } } } },
              application: { select: { birthDate: true } },
            },
          },
        },
      },
    },
  });
  if (!exam) throw new NotFoundError(NO_EXAM);
  return exam;
}

/**
 * Who the student is for FS: the registered identity (issue 18), else the birth date from the
 * application. FS identity is shown to the cohort's staff only here, in the protocol and the export
 * (lib/permissions.ts canReadStudentIdentity).
 */
function identityOf(enrolment: {
  user: { studentIdentity: { birthDate: Date; studentNumber: string | null; fsPersonNumber: string | null } | null };
  application: { birthDate: Date | null } | null;
}) {
  const identity = enrolment.user.studentIdentity;
  const birthDate = identity?.birthDate ?? enrolment.application?.birthDate ?? null;
  return { birthDate: birthDate ? isoDate(birthDate) : null, studentNumber: identity?.studentNumber ?? null, fsPersonNumber: identity?.fsPersonNumber ?? null };
}

function courseOf(programme: { credits: number; fsCourseCode: string; fsCourseVersion: string }): FsCourse {
  return { code: programme.fsCourseCode, version: programme.fsCourseVersion, credits: programme.credits };
}

/**
 * The results for import into FS (Felles studentsystem): UTF-8 with BOM, semicolons, one row per
 * registered student: name, birth date, studentnummer and FS-personløpenummer (the registered
 * identity; the birth date from the application when none is registered), e-mail, the programme's course code and version, term (from the exam's first day),
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
      ...identityOf(registration.enrolment),
      email: registration.enrolment.user.email,
      grade: registration.grade,
      gradedOn: registration.gradedAt ? osloDate(registration.gradedAt) : null,
    })),
  ).map((row) => row.map(spreadsheetSafe));
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
      ...identityOf(registration.enrolment),
      grade: registration.grade,
      gradeText: registration.grade ? GRADE_DESCRIPTIONS[registration.grade] : null,
    })),
  };
}
