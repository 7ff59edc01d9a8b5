import "server-only";
// Which records are about one person: the one answer to "what does the audit log say about
// her?", shared by the innsyn export and the audit viewer's person filter. The audit log names
// the record an entry is about (entityType, entityId), not the person; a person's records are
// her account, her applications and what hangs on them, her enrolments and what hangs on those.
// An entry about a record deleted since (retention) is found by its application id only while
// the application exists; the retention entries hold ids and counts, no person.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/client";

type Reader = Pick<
  Database,
  | "application"
  | "document"
  | "decision"
  | "appeal"
  | "documentationRequest"
  | "position"
  | "enrolment"
  | "submissionMember"
  | "submissionAttempt"
  | "examRegistration"
  | "examDeferral"
  | "leaveOfAbsence"
  | "studentLetter"
  | "studentAppeal"
  | "attendance"
  | "absenceNotice"
  | "attendanceCredit"
  | "arbeidskravCredit"
  | "calendarFeed"
>;

/** entityType → the ids of that type that are about the person. */
export type SubjectRecords = Record<string, string[]>;

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

export async function recordsAbout(reader: Reader, userId: string): Promise<SubjectRecords> {
  const [applications, enrolments] = await Promise.all([
    reader.application.findMany({ where: { applicantId: userId }, select: { id: true } }),
    reader.enrolment.findMany({ where: { userId }, select: { id: true } }),
  ]);
  const applicationIds = ids(applications);
  const enrolmentIds = ids(enrolments);
  const byApplication = { applicationId: { in: applicationIds } };
  const byEnrolment = { enrolmentId: { in: enrolmentIds } };
  const submissions = await reader.submissionMember.findMany({ where: byEnrolment, select: { submissionId: true } });
  const submissionIds = [...new Set(submissions.map((row) => row.submissionId))];
  const [documents, decisions, appeals, requests, positions, attempts, registrations, deferrals, leaves, letters, studentAppeals, attendance, notices, attendanceCredits, arbeidskravCredits, feeds] =
    await Promise.all([
      reader.document.findMany({
        where: {
          OR: [
            { applicationId: { in: applicationIds } },
            { submissionAttempt: { submissionId: { in: submissionIds } } },
            { examDeferral: { registration: byEnrolment } },
          ],
        },
        select: { id: true },
      }),
      reader.decision.findMany({ where: byApplication, select: { id: true } }),
      reader.appeal.findMany({ where: byApplication, select: { id: true } }),
      reader.documentationRequest.findMany({ where: byApplication, select: { id: true } }),
      reader.position.findMany({ where: byApplication, select: { id: true } }),
      reader.submissionAttempt.findMany({ where: { submissionId: { in: submissionIds } }, select: { id: true } }),
      reader.examRegistration.findMany({ where: byEnrolment, select: { id: true } }),
      reader.examDeferral.findMany({ where: { registration: byEnrolment }, select: { id: true } }),
      reader.leaveOfAbsence.findMany({ where: byEnrolment, select: { id: true } }),
      reader.studentLetter.findMany({ where: { userId }, select: { id: true } }),
      reader.studentAppeal.findMany({ where: byEnrolment, select: { id: true } }),
      reader.attendance.findMany({ where: byEnrolment, select: { id: true } }),
      reader.absenceNotice.findMany({ where: byEnrolment, select: { id: true } }),
      reader.attendanceCredit.findMany({ where: byEnrolment, select: { id: true } }),
      reader.arbeidskravCredit.findMany({ where: byEnrolment, select: { id: true } }),
      reader.calendarFeed.findMany({ where: { userId }, select: { id: true } }),
    ]);
  const records: SubjectRecords = {
    User: [userId],
    Application: applicationIds,
    Enrolment: enrolmentIds,
    Submission: submissionIds,
    Document: ids(documents),
    Decision: ids(decisions),
    Appeal: ids(appeals),
    DocumentationRequest: ids(requests),
    Position: ids(positions),
    SubmissionAttempt: ids(attempts),
    ExamRegistration: ids(registrations),
    ExamDeferral: ids(deferrals),
    LeaveOfAbsence: ids(leaves),
    StudentLetter: ids(letters),
    StudentAppeal: ids(studentAppeals),
    Attendance: ids(attendance),
    AbsenceNotice: ids(notices),
    AttendanceCredit: ids(attendanceCredits),
    ArbeidskravCredit: ids(arbeidskravCredits),
    CalendarFeed: ids(feeds),
  };
  for (const [type, list] of Object.entries(records)) if (list.length === 0) delete records[type];
  return records;
}

/** The audit log's `where` for entries about these records. */
export function auditEntriesAbout(records: SubjectRecords): Prisma.AuditLogWhereInput {
  return { OR: Object.entries(records).map(([entityType, entityIds]) => ({ entityType, entityId: { in: entityIds } })) };
}
