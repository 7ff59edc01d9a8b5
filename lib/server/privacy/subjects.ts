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
  | "correctionNoticeRecipient"
  | "attendance"
  | "absenceNotice"
  | "attendanceCredit"
  | "arbeidskravCredit"
  | "mailMessage"
  | "calendarFeed"
>;

/** entityType → the ids of that type that are about the person. */
export type SubjectRecords = Record<string, string[]>;

const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

export async function recordsAbout(reader: Reader, userId: string): Promise<SubjectRecords> {
  // One query after the other: the reader may be a transaction (the export), which is one
  // connection and runs one query at a time.
  const applicationIds = ids(await reader.application.findMany({ where: { applicantId: userId }, select: { id: true } }));
  const enrolmentIds = ids(await reader.enrolment.findMany({ where: { userId }, select: { id: true } }));
  const byApplication = { applicationId: { in: applicationIds } };
  const byEnrolment = { enrolmentId: { in: enrolmentIds } };
  const members = await reader.submissionMember.findMany({ where: byEnrolment, select: { submissionId: true } });
  const submissionIds = [...new Set(members.map((row) => row.submissionId))];
  const records: SubjectRecords = { User: [userId], Application: applicationIds, Enrolment: enrolmentIds, Submission: submissionIds };
  records.Document = ids(
    await reader.document.findMany({
      where: {
        OR: [
          { applicationId: { in: applicationIds } },
          { submissionAttempt: { submissionId: { in: submissionIds } } },
          { examDeferral: { registration: byEnrolment } },
        ],
      },
      select: { id: true },
    }),
  );
  records.Decision = ids(await reader.decision.findMany({ where: byApplication, select: { id: true } }));
  records.Appeal = ids(await reader.appeal.findMany({ where: byApplication, select: { id: true } }));
  records.DocumentationRequest = ids(await reader.documentationRequest.findMany({ where: byApplication, select: { id: true } }));
  records.Position = ids(await reader.position.findMany({ where: byApplication, select: { id: true } }));
  records.SubmissionAttempt = ids(await reader.submissionAttempt.findMany({ where: { submissionId: { in: submissionIds } }, select: { id: true } }));
  records.ExamRegistration = ids(await reader.examRegistration.findMany({ where: byEnrolment, select: { id: true } }));
  records.ExamDeferral = ids(await reader.examDeferral.findMany({ where: { registration: byEnrolment }, select: { id: true } }));
  records.LeaveOfAbsence = ids(await reader.leaveOfAbsence.findMany({ where: byEnrolment, select: { id: true } }));
  records.StudentLetter = ids(await reader.studentLetter.findMany({ where: { userId }, select: { id: true } }));
  records.StudentAppeal = ids(await reader.studentAppeal.findMany({ where: byEnrolment, select: { id: true } }));
  // A forhåndsvarsel she got: the notice (sent, withdrawn: the group's) and her own uttalelse
  // (audited on her recipient row, never on the notice, so a group member's words stay hers).
  const noticed = await reader.correctionNoticeRecipient.findMany({ where: byEnrolment, select: { id: true, noticeId: true } });
  records.CorrectionNotice = [...new Set(noticed.map((row) => row.noticeId))];
  records.CorrectionNoticeRecipient = ids(noticed);
  records.Attendance = ids(await reader.attendance.findMany({ where: byEnrolment, select: { id: true } }));
  records.AbsenceNotice = ids(await reader.absenceNotice.findMany({ where: byEnrolment, select: { id: true } }));
  records.AttendanceCredit = ids(await reader.attendanceCredit.findMany({ where: byEnrolment, select: { id: true } }));
  records.ArbeidskravCredit = ids(await reader.arbeidskravCredit.findMany({ where: byEnrolment, select: { id: true } }));
  records.CalendarFeed = ids(await reader.calendarFeed.findMany({ where: { userId }, select: { id: true } }));
  // E-mail to her account (an administrator's «send again» is logged against the message).
  records.MailMessage = ids(await reader.mailMessage.findMany({ where: { userId }, select: { id: true } }));
  for (const [type, list] of Object.entries(records)) if (list.length === 0) delete records[type];
  return records;
}

/** The audit log's `where` for entries about these records. */
export function auditEntriesAbout(records: SubjectRecords): Prisma.AuditLogWhereInput {
  return { OR: Object.entries(records).map(([entityType, entityIds]) => ({ entityType, entityId: { in: entityIds } })) };
}
