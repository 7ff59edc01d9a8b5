import "server-only";
// What leaves the app after a sitting: the results export for FS and the printable protocol, one
// per sitting (the ordinary one when no examId is given). Both carry the grade that counts: the
// best of every sitting the student has sat (lib/domain/exam-sittings.ts countingGrade, over the
// grades recorded so far, published or not), beside the student's result at this sitting.
import { csvText } from "@/lib/csv";
import { osloDate } from "@/lib/domain/application-deadline";
import { GRADE_DESCRIPTIONS, type Grade } from "@/lib/domain/exam";
import { FS_COLUMNS, fsResultRows, fsTerm, type FsCourse } from "@/lib/domain/exam-results";
import { countingGrade, EXAM_KIND_LABELS, sittingOutcome, SITTING_OUTCOME_LABELS } from "@/lib/domain/exam-sittings";
import { requireCohortStaff } from "@/lib/server/cohorts/access";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/viewer";
import { isoDate } from "@/lib/to-domain";
import { NO_EXAM } from "@/lib/server/exams/lock";
import { sittingRecords } from "@/lib/server/exams/records";

// ─── Export and protocol ────────────────────────────────────────────────────────────────────────

async function sittingResults(viewer: Viewer, cohortId: string, examId: string | null) {
  await requireCohortStaff(viewer, cohortId);
  const exam = await db().exam.findFirst({
    where: examId ? { cohortId, id: examId } : { cohortId, kind: "ORDINARY" },
    select: {
      id: true,
      kind: true,
      title: true,
      startsOn: true,
      endsOn: true,
      startsAt: true,
      handInAt: true,
      gradesPublishedAt: true,
      cohort: {
        select: {
          code: true,
          name: true,
          programme: { select: { name: true, credits: true, fsCourseCode: true, fsCourseVersion: true } },
          teachers: { where: { academicLead: true }, select: { user: { select: { name: true } } } },
        },
      },
      // Those who were to sit it: registered (with or without a result) or "ikke møtt".
      registrations: {
        where: { status: { in: ["ADMITTED", "NOT_ATTENDED"] } },
        orderBy: { enrolment: { user: { name: "asc" } } },
        select: {
          enrolmentId: true,
          status: true,
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
  if (!exam) throw new NotFoundError(examId ? "Fant ikke eksamenen." : NO_EXAM);
  const records = await sittingRecords(db(), exam.registrations.map((registration) => registration.enrolmentId));
  const students = exam.registrations.map((registration) => {
    const history = records.get(registration.enrolmentId) ?? [];
    const counting = countingGrade(history);
    const from = counting ? history.find((record) => record.examId === counting.examId)! : null;
    const outcome = sittingOutcome(registration);
    return {
      name: registration.enrolment.user.name,
      ...identityOf(registration.enrolment),
      email: registration.enrolment.user.email,
      /** This sitting's result. */
      result: outcome === "GRADED" ? registration.grade : outcome === "NOT_ATTENDED" ? ("NOT_ATTENDED" as const) : null,
      gradedOn: registration.gradedAt ? osloDate(registration.gradedAt) : null,
      counting: counting && from ? { grade: counting.grade, gradedOn: counting.gradedOn, sittingStartsOn: from.startsOn, kind: from.kind, here: from.examId === exam.id } : null,
    };
  });
  return { exam, students };
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
 * One sitting's results for import into FS (Felles studentsystem): UTF-8 with BOM, semicolons, one
 * row per student registered for it: name, birth date, studentnummer and FS-personløpenummer (the
 * registered identity; the birth date from the application when none is registered), e-mail, the
 * programme's course code and version, the term of the sitting the counting grade is from, the
 * programme's credits, the counting grade and its date (Oslo), which sitting, and the result at
 * this sitting.
 */
export async function examResultsCsv(viewer: Viewer, cohortId: string, examId: string | null = null): Promise<{ filename: string; csv: string }> {
  const { exam, students } = await sittingResults(viewer, cohortId, examId);
  const course = courseOf(exam.cohort.programme);
  const rows = fsResultRows(
    course,
    { kind: exam.kind, startsOn: isoDate(exam.startsOn) },
    students.map((student) => ({
      name: student.name,
      birthDate: student.birthDate,
      studentNumber: student.studentNumber,
      fsPersonNumber: student.fsPersonNumber,
      email: student.email,
      grade: student.counting?.grade ?? null,
      gradedOn: student.counting?.gradedOn ?? null,
      gradeSittingStartsOn: student.counting?.sittingStartsOn ?? null,
      result: student.result,
    })),
  );
  const suffix = exam.kind === "ORDINARY" ? "" : `-${exam.kind === "RESIT" ? "ny" : "utsatt"}-${isoDate(exam.startsOn)}`;
  return {
    filename: `eksamensresultater-${course.code}-${exam.cohort.code}${suffix}.csv`,
    csv: csvText([[...FS_COLUMNS], ...rows]),
  };
}

export async function getExamProtocol(viewer: Viewer, cohortId: string, now = new Date(), examId: string | null = null) {
  const { exam, students } = await sittingResults(viewer, cohortId, examId);
  const startsOn = isoDate(exam.startsOn);
  const gradeText = (grade: Grade | null) => (grade ? `${grade} (${GRADE_DESCRIPTIONS[grade]})` : null);
  return {
    id: exam.id,
    kind: exam.kind,
    kindLabel: EXAM_KIND_LABELS[exam.kind],
    title: exam.title,
    startsOn,
    endsOn: isoDate(exam.endsOn),
    startsAt: exam.startsAt,
    handInAt: exam.handInAt,
    term: fsTerm(startsOn),
    courseCode: exam.cohort.programme.fsCourseCode,
    courseVersion: exam.cohort.programme.fsCourseVersion,
    cohort: exam.cohort.name,
    programme: exam.cohort.programme.name,
    credits: exam.cohort.programme.credits,
    academicLead: exam.cohort.teachers[0]?.user.name ?? null,
    gradesPublishedAt: exam.gradesPublishedAt,
    printedOn: osloDate(now),
    students: students.map((student, index) => {
      const grade = student.result === "NOT_ATTENDED" ? null : student.result;
      const counting = student.counting;
      return {
        number: index + 1,
        name: student.name,
        birthDate: student.birthDate,
        studentNumber: student.studentNumber,
        fsPersonNumber: student.fsPersonNumber,
        /** This sitting's grade (null: "ikke møtt" or not set). */
        grade,
        gradeText: student.result === "NOT_ATTENDED" ? SITTING_OUTCOME_LABELS.NOT_ATTENDED : gradeText(grade),
        /** The grade that counts when it is from another sitting (null: this one's, or none). */
        countingElsewhere:
          counting && !counting.here ? `${counting.grade} (${EXAM_KIND_LABELS[counting.kind].toLowerCase()}, ${fsTerm(counting.sittingStartsOn).toLowerCase()})` : null,
      };
    }),
  };
}
