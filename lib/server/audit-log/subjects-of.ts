import "server-only";
// Whom (or which kull) each entry on a page of the audit log is about: the log names a record
// (entityType, entityId), and a page of «Vedtak: avslag» said nothing of who was refused (a walk).
// The reverse of lib/server/privacy/subjects.ts, for the 50 entries shown: one query per kind of
// record on the page. A record deleted since (retention) is about nobody the app still knows.
import { db } from "@/lib/server/db";

type Names = [id: string, about: string][];
type Resolver = (ids: string[]) => Promise<Names>;

const byPerson = { select: { name: true } } as const;
const enrolmentPerson = { select: { user: byPerson, cohort: { select: { name: true } } } } as const;

function applicant(application: { fullName: string | null; applicant: { name: string } }): string {
  return application.fullName ?? application.applicant.name;
}
function student(enrolment: { user: { name: string }; cohort: { name: string } }): string {
  return `${enrolment.user.name} (${enrolment.cohort.name})`;
}
function group(members: { enrolment: { user: { name: string } } }[]): string {
  return members.map((member) => member.enrolment.user.name).join(", ");
}

const application = { select: { fullName: true, applicant: byPerson } } as const;

/** The records that belong to one studierett: about its student, in the kull. */
type ByEnrolment = (args: { where: { id: { in: string[] } }; select: { id: true; enrolment: typeof enrolmentPerson } }) => Promise<
  { id: string; enrolment: { user: { name: string }; cohort: { name: string } } }[]
>;
const viaEnrolment =
  (find: ByEnrolment): Resolver =>
  async (ids) =>
    (await find({ where: { id: { in: ids } }, select: { id: true, enrolment: enrolmentPerson } })).map((row) => [row.id, student(row.enrolment)]);
const members = { select: { enrolment: { select: { user: byPerson } } }, orderBy: { enrolment: { user: { name: "asc" } } } } as const;

/** For each kind of record: its ids → who it is about, in words. */
const RESOLVERS: Record<string, Resolver> = {
  User: async (ids) => (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((row) => [row.id, row.name]),
  Application: async (ids) =>
    (await db().application.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, applicant: byPerson } })).map((row) => [row.id, applicant(row)]),
  Decision: async (ids) => (await db().decision.findMany({ where: { id: { in: ids } }, select: { id: true, application } })).map((row) => [row.id, applicant(row.application)]),
  Appeal: async (ids) => (await db().appeal.findMany({ where: { id: { in: ids } }, select: { id: true, application } })).map((row) => [row.id, applicant(row.application)]),
  DocumentationRequest: async (ids) =>
    (await db().documentationRequest.findMany({ where: { id: { in: ids } }, select: { id: true, application } })).map((row) => [row.id, applicant(row.application)]),
  Position: async (ids) => (await db().position.findMany({ where: { id: { in: ids } }, select: { id: true, application } })).map((row) => [row.id, applicant(row.application)]),
  Document: async (ids) =>
    (
      await db().document.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          application,
          submissionAttempt: { select: { submission: { select: { members } } } },
          examDeferral: { select: { registration: { select: { enrolment: enrolmentPerson } } } },
        },
      })
    ).flatMap((row): Names => {
      if (row.application) return [[row.id, applicant(row.application)]];
      if (row.submissionAttempt) return [[row.id, group(row.submissionAttempt.submission.members)]];
      if (row.examDeferral) return [[row.id, student(row.examDeferral.registration.enrolment)]];
      return [];
    }),
  Enrolment: async (ids) => (await db().enrolment.findMany({ where: { id: { in: ids } }, select: { id: true, ...enrolmentPerson.select } })).map((row) => [row.id, student(row)]),
  ExamRegistration: viaEnrolment((args) => db().examRegistration.findMany(args)),
  ExamDeferral: async (ids) =>
    (await db().examDeferral.findMany({ where: { id: { in: ids } }, select: { id: true, registration: { select: { enrolment: enrolmentPerson } } } })).map((row) => [
      row.id,
      student(row.registration.enrolment),
    ]),
  LeaveOfAbsence: viaEnrolment((args) => db().leaveOfAbsence.findMany(args)),
  StudentAppeal: viaEnrolment((args) => db().studentAppeal.findMany(args)),
  CorrectionNoticeRecipient: viaEnrolment((args) => db().correctionNoticeRecipient.findMany(args)),
  Attendance: viaEnrolment((args) => db().attendance.findMany(args)),
  AbsenceNotice: viaEnrolment((args) => db().absenceNotice.findMany(args)),
  AttendanceCredit: viaEnrolment((args) => db().attendanceCredit.findMany(args)),
  ArbeidskravCredit: viaEnrolment((args) => db().arbeidskravCredit.findMany(args)),
  StudentLetter: async (ids) => (await db().studentLetter.findMany({ where: { id: { in: ids } }, select: { id: true, user: byPerson } })).map((row) => [row.id, row.user.name]),
  CalendarFeed: async (ids) => (await db().calendarFeed.findMany({ where: { id: { in: ids } }, select: { id: true, user: byPerson } })).map((row) => [row.id, row.user.name]),
  MailMessage: async (ids) =>
    (await db().mailMessage.findMany({ where: { id: { in: ids } }, select: { id: true, to: true, user: byPerson } })).map((row) => [row.id, row.user?.name ?? row.to]),
  Submission: async (ids) => (await db().submission.findMany({ where: { id: { in: ids } }, select: { id: true, members } })).map((row) => [row.id, group(row.members)]),
  SubmissionAttempt: async (ids) =>
    (await db().submissionAttempt.findMany({ where: { id: { in: ids } }, select: { id: true, submission: { select: { members } } } })).map((row) => [row.id, group(row.submission.members)]),
  CorrectionNotice: async (ids) =>
    (
      await db().correctionNotice.findMany({
        where: { id: { in: ids } },
        select: { id: true, recipients: { select: { enrolment: { select: { user: byPerson } } }, orderBy: { enrolment: { user: { name: "asc" } } } } },
      })
    ).map((row) => [row.id, group(row.recipients)]),
  Cohort: async (ids) =>
    (await db().cohort.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, programme: { select: { name: true } } } })).map((row) => [
      row.id,
      `${row.programme.name}, ${row.name}`,
    ]),
};

/** "entityType:entityId" → whom or what the entry is about, for the entries given. */
export async function subjectsOf(entries: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> {
  const idsByType = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!Object.hasOwn(RESOLVERS, entry.entityType)) continue;
    const ids = idsByType.get(entry.entityType) ?? new Set<string>();
    ids.add(entry.entityId);
    idsByType.set(entry.entityType, ids);
  }
  const subjects = new Map<string, string>();
  // One kind after the other: a page holds a handful of kinds, and the pool is shared.
  for (const [type, ids] of idsByType) {
    for (const [id, about] of await RESOLVERS[type]!([...ids])) if (about) subjects.set(`${type}:${id}`, about);
  }
  return subjects;
}
