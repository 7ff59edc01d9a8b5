// The records the access matrix aims at, found in the demo data by who owns them (the ids change
// with every seed). A record that the demo data lacks is NO_SUCH_ID: the probe still runs, and a
// refusal must still leave everything as it was.
import type pg from "pg";
import { NO_SUCH_ID } from "./http";

export interface Targets {
  /** Sofie Søker's draft application to the open intake, and its parts (a document of hers). */
  application: string;
  education: string;
  position: string;
  document: string;
  /** The open intake (a cohort that takes applications today). */
  openIntake: string;
  /** Sofie's application with an offer (answerOffer), its newest letter and her refused one. */
  offeredApplication: string;
  decisionLetter: string;
  refusedApplication: string;
  /** The intake decided six days ago (ranking export). */
  decidedIntake: string;
  /** Sander Student: his kull, enrolment, a coming samling day, his absence notice and a letter. */
  studentCohort: string;
  studentEnrolment: string;
  comingDay: string;
  absenceNotice: string;
  studentLetter: string;
  /** A forhåndsvarsel in Sander's kull (Lars Varsel's): not Sander's own, so a student of another kull is refused it as unknown. */
  studentNotice: string;
  /** An arbeidskrav of Sander's kull, and the Gruppe trio's group hand-in there. */
  arbeidskrav: string;
  groupSubmission: string;
  /** A ny eksamen (H2023) and the ordinary exam of Sander's kull. */
  resit: string;
  studentExam: string;
  /** The kull Hanne teaches and Frida does not (institusjonsledelse), and records of it. */
  staffCohort: string;
  staffSamling: string;
  staffDay: string;
  staffEnrolment: string;
  staffAttempt: string;
  staffExam: string;
  staffExamDocument: string;
  staffAppeal: string;
  /** An admission klage (Áile's, filed in the portal). */
  admissionAppeal: string;
  /** A forhåndsvarsel in that kull (none in the demo: NO_SUCH_ID). */
  staffNotice: string;
  /** Another kull to copy a plan from. */
  otherCohort: string;
  /** An account nobody signs in with (manage-users targets). */
  bystander: string;
  /** Sofie Søker herself (the innsyn export of a person). */
  applicantUser: string;
  /** The demo's e-mail the mail server never took (an administrator sends it again). */
  undeliveredMail: string;
}

async function one(client: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await client.query<{ id: string }>(sql, params);
  return rows[0]?.id ?? NO_SUCH_ID;
}

const userId = `SELECT id FROM "User" WHERE email = $1`;

export async function findTargets(client: pg.Client): Promise<Targets> {
  const sofie = await one(client, userId, ["soker@demo.no"]);
  const sander = await one(client, userId, ["student@demo.no"]);
  const anne = await one(client, userId, ["anne.gruppe@demo.no"]);
  const hanne = await one(client, userId, ["hanne.faglaerer@demo.no"]);
  const frida = await one(client, userId, ["faglaerer@demo.no"]);

  const application = await one(client, `SELECT id FROM "Application" WHERE "applicantId" = $1 AND status = 'DRAFT' ORDER BY "createdAt" DESC`, [sofie]);
  const offeredApplication = await one(
    client,
    `SELECT a.id FROM "Application" a JOIN "Decision" d ON d."applicationId" = a.id WHERE a."applicantId" = $1 AND d.outcome = 'OFFER'`,
    [sofie],
  );
  const studentEnrolment = await one(client, `SELECT id FROM "Enrolment" WHERE "userId" = $1 AND status = 'ACTIVE' ORDER BY "createdAt" DESC`, [sander]);
  const studentCohort = await one(client, `SELECT "cohortId" AS id FROM "Enrolment" WHERE id = $1`, [studentEnrolment]);
  const staffCohort = await one(
    client,
    `SELECT c.id FROM "Cohort" c
      WHERE EXISTS (SELECT 1 FROM "CohortTeacher" t WHERE t."cohortId" = c.id AND t."userId" = $1)
        AND NOT EXISTS (SELECT 1 FROM "CohortTeacher" t WHERE t."cohortId" = c.id AND t."userId" = $2)
      ORDER BY (SELECT count(*) FROM "Enrolment" e WHERE e."cohortId" = c.id AND e.status = 'ACTIVE') DESC, c."startsOn" DESC`,
    [hanne, frida],
  );
  const staffSamling = await one(client, `SELECT "samlingId" AS id FROM "CohortSamling" WHERE "cohortId" = $1 ORDER BY number`, [staffCohort]);

  return {
    application,
    education: await one(client, `SELECT id FROM "Education" WHERE "applicationId" = $1`, [application]),
    position: await one(client, `SELECT id FROM "Position" WHERE "applicationId" = $1`, [application]),
    document: await one(
      client,
      `SELECT d.id FROM "Document" d JOIN "Application" a ON a.id = d."applicationId" WHERE a."applicantId" = $1 ORDER BY (a.id = $2) DESC, d."uploadedAt"`,
      [sofie, application],
    ),
    openIntake: await one(client, `SELECT "cohortId" AS id FROM "Application" WHERE id = $1`, [application]),
    offeredApplication,
    decisionLetter: await one(
      client,
      `SELECT l.id FROM "DecisionLetter" l JOIN "Decision" d ON d.id = l."decisionId" WHERE d."applicationId" = $1 ORDER BY l.version DESC`,
      [offeredApplication],
    ),
    refusedApplication: await one(
      client,
      `SELECT a.id FROM "Application" a JOIN "Decision" d ON d."applicationId" = a.id WHERE a."applicantId" = $1 AND d.outcome = 'REFUSAL'`,
      [sofie],
    ),
    decidedIntake: await one(client, `SELECT "cohortId" AS id FROM "Application" WHERE id = $1`, [offeredApplication]),
    studentCohort,
    studentEnrolment,
    comingDay: await one(
      client,
      `SELECT d.id FROM "SamlingDay" d JOIN "CohortSamling" cs ON cs."samlingId" = d."samlingId"
        WHERE cs."cohortId" = $1 AND d.date > now() + interval '2 days' ORDER BY d.date`,
      [studentCohort],
    ),
    absenceNotice: await one(client, `SELECT id FROM "AbsenceNotice" WHERE "enrolmentId" = $1 AND "withdrawnAt" IS NULL`, [studentEnrolment]),
    studentLetter: await one(client, `SELECT id FROM "StudentLetter" WHERE "userId" = $1 ORDER BY "decidedAt"`, [sander]),
    studentNotice: await one(
      client,
      `SELECT r."noticeId" AS id FROM "CorrectionNoticeRecipient" r JOIN "Enrolment" e ON e.id = r."enrolmentId" WHERE e."cohortId" = $1`,
      [studentCohort],
    ),
    arbeidskrav: await one(client, `SELECT id FROM "ArbeidskravDefinition" WHERE "cohortId" = $1 ORDER BY number DESC`, [studentCohort]),
    groupSubmission: await one(
      client,
      `SELECT m."submissionId" AS id FROM "SubmissionMember" m JOIN "Enrolment" e ON e.id = m."enrolmentId"
        WHERE e."userId" = $1 AND (SELECT count(*) FROM "SubmissionMember" o WHERE o."submissionId" = m."submissionId") > 1`,
      [anne],
    ),
    resit: await one(client, `SELECT id FROM "Exam" WHERE kind = 'RESIT' ORDER BY "startsOn" DESC`),
    studentExam: await one(client, `SELECT id FROM "Exam" WHERE "cohortId" = $1 AND kind = 'ORDINARY'`, [studentCohort]),
    staffCohort,
    staffSamling,
    staffDay: await one(client, `SELECT id FROM "SamlingDay" WHERE "samlingId" = $1 ORDER BY date`, [staffSamling]),
    staffEnrolment: await one(client, `SELECT id FROM "Enrolment" WHERE "cohortId" = $1 ORDER BY "createdAt"`, [staffCohort]),
    staffAttempt: await one(
      client,
      `SELECT a.id FROM "SubmissionAttempt" a JOIN "Submission" s ON s.id = a."submissionId"
        JOIN "ArbeidskravDefinition" k ON k.id = s."arbeidskravId" WHERE k."cohortId" = $1`,
      [staffCohort],
    ),
    staffExam: await one(client, `SELECT id FROM "Exam" WHERE "cohortId" = $1 ORDER BY "startsOn"`, [staffCohort]),
    staffExamDocument: await one(
      client,
      `SELECT d.id FROM "Document" d JOIN "Exam" x ON x.id = d."examId" WHERE x."cohortId" = $1`,
      [staffCohort],
    ),
    staffAppeal: await one(
      client,
      `SELECT a.id FROM "StudentAppeal" a JOIN "Enrolment" e ON e.id = a."enrolmentId" WHERE e."cohortId" = $1`,
      [staffCohort],
    ),
    admissionAppeal: await one(client, `SELECT id FROM "Appeal" ORDER BY "filedAt"`),
    staffNotice: await one(
      client,
      `SELECT n.id FROM "CorrectionNotice" n JOIN "SubmissionAttempt" a ON a.id = n."attemptId" JOIN "Submission" s ON s.id = a."submissionId"
        JOIN "ArbeidskravDefinition" k ON k.id = s."arbeidskravId" WHERE k."cohortId" = $1`,
      [staffCohort],
    ),
    otherCohort: await one(client, `SELECT id FROM "Cohort" WHERE id <> $1 ORDER BY "startsOn"`, [staffCohort]),
    bystander: await one(client, `SELECT id FROM "User" WHERE "passwordHash" IS NULL AND NOT ('ADMIN' = ANY(roles)) ORDER BY "createdAt"`),
    applicantUser: sofie,
    undeliveredMail: await one(client, `SELECT id FROM "MailMessage" WHERE "dedupeKey" = 'password-changed:demo-soker'`),
  };
}
