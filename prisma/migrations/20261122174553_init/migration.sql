-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('APPLICANT', 'STUDENT', 'FACULTY', 'ADVISER', 'ADMIN');

-- CreateEnum
CREATE TYPE "ProgrammeCode" AS ENUM ('BARNEVERNLEDELSE', 'INSTITUSJONSLEDELSE');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'DECIDED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "EmployerType" AS ENUM ('MUNICIPAL_CWS', 'INSTITUTION', 'OTHER');

-- CreateEnum
CREATE TYPE "LeaderRole" AS ENUM ('LEADER', 'DEPUTY', 'PROFESSIONAL_LEAD', 'TEAM_LEAD', 'LEADERSHIP_TASKS', 'NONE');

-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('VITNEMAL', 'TJENESTEBEVIS', 'OTHER', 'SUBMISSION');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('OFFER', 'WAITLIST', 'REFUSAL');

-- CreateEnum
CREATE TYPE "OfferAnswer" AS ENUM ('ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "EnrolmentStatus" AS ENUM ('ACTIVE', 'WITHDRAWN', 'COMPLETED');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'ABSENT');

-- CreateEnum
CREATE TYPE "ArbeidskravKind" AS ENUM ('FAGNOTAT', 'LEDERTRENING');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'NOT_APPROVED');

-- CreateEnum
CREATE TYPE "ExamRegistrationStatus" AS ENUM ('ADMITTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT,
    "roles" "Role"[],
    "feideSubject" TEXT,
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInAttempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" TEXT NOT NULL,
    "code" "ProgrammeCode" NOT NULL,
    "name" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "adviserName" TEXT NOT NULL,
    "adviserEmail" TEXT NOT NULL,
    "adviserPhone" TEXT NOT NULL,
    "academicLeadName" TEXT NOT NULL,
    "academicLeadEmail" TEXT NOT NULL,
    "academicLeadPhone" TEXT NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "applicationOpensOn" DATE NOT NULL,
    "applicationDeadline" DATE NOT NULL,
    "offerAnswerDeadline" DATE NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cohort_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Samling" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "notes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Samling_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SamlingDay" (
    "id" TEXT NOT NULL,
    "samlingId" TEXT NOT NULL,
    "date" DATE NOT NULL,

    CONSTRAINT "SamlingDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CohortSamling" (
    "cohortId" TEXT NOT NULL,
    "samlingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,

    CONSTRAINT "CohortSamling_pkey" PRIMARY KEY ("cohortId","samlingId")
);

-- CreateTable
CREATE TABLE "Basisgruppe" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "supervisorId" TEXT,

    CONSTRAINT "Basisgruppe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "fullName" TEXT,
    "birthDate" DATE,
    "phone" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "postalPlace" TEXT,
    "employerCountyCode" TEXT,
    "employerMunicipalityCode" TEXT,
    "motivation" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewStartedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "provisionalCategory" INTEGER,
    "provisionalCategoryReason" TEXT,
    "category" INTEGER,
    "categoryReason" TEXT,
    "categorySetById" TEXT,
    "categorySetAt" TIMESTAMP(3),
    "qualified" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Education" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "institution" TEXT NOT NULL,
    "degree" TEXT NOT NULL,
    "credits" INTEGER NOT NULL,
    "completedYear" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Education_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "employer" TEXT NOT NULL,
    "employerType" "EmployerType" NOT NULL,
    "countyCode" TEXT NOT NULL,
    "municipalityCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "areaOfResponsibility" TEXT NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "superiorTitle" TEXT NOT NULL,
    "personnelCount" INTEGER NOT NULL,
    "professionalResponsibility" BOOLEAN NOT NULL,
    "personnelResponsibility" BOOLEAN NOT NULL,
    "leaderRole" "LeaderRole" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "verificationNote" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "applicationId" TEXT,
    "positionId" TEXT,
    "submissionAttemptId" TEXT,
    "originalName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "storageKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "verificationStatus" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "verificationNote" TEXT,
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Decision" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "waitlistPosition" INTEGER,
    "grounds" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "answerDeadline" DATE,
    "answer" "OfferAnswer",
    "answeredAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "applicationId" TEXT,
    "basisgruppeId" TEXT,
    "status" "EnrolmentStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enrolment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attendance" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "samlingDayId" TEXT NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "note" TEXT,
    "registeredById" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArbeidskravDefinition" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ArbeidskravKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "individualOnly" BOOLEAN NOT NULL DEFAULT false,
    "oralPresentation" BOOLEAN NOT NULL DEFAULT false,
    "minGroupSize" INTEGER NOT NULL DEFAULT 1,
    "maxGroupSize" INTEGER NOT NULL DEFAULT 1,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "ArbeidskravDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "arbeidskravId" TEXT NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionMember" (
    "submissionId" TEXT NOT NULL,
    "arbeidskravId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,

    CONSTRAINT "SubmissionMember_pkey" PRIMARY KEY ("submissionId","enrolmentId")
);

-- CreateTable
CREATE TABLE "SubmissionAttempt" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "text" TEXT,
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "feedback" TEXT,
    "assessorId" TEXT,
    "assessedAt" TIMESTAMP(3),

    CONSTRAINT "SubmissionAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Exam" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "Exam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExamRegistration" (
    "id" TEXT NOT NULL,
    "examId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "status" "ExamRegistrationStatus" NOT NULL DEFAULT 'ADMITTED',
    "admittedById" TEXT NOT NULL,
    "admittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "grade" "Grade",
    "gradedById" TEXT,
    "gradedAt" TIMESTAMP(3),

    CONSTRAINT "ExamRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "User_feideSubject_key" ON "User"("feideSubject");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "SignInAttempt_email_at_idx" ON "SignInAttempt"("email", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_code_key" ON "Programme"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_programmeId_code_key" ON "Cohort"("programmeId", "code");

-- CreateIndex
CREATE INDEX "SamlingDay_date_idx" ON "SamlingDay"("date");

-- CreateIndex
CREATE UNIQUE INDEX "SamlingDay_samlingId_date_key" ON "SamlingDay"("samlingId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "CohortSamling_cohortId_number_key" ON "CohortSamling"("cohortId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Basisgruppe_cohortId_name_key" ON "Basisgruppe"("cohortId", "name");

-- CreateIndex
CREATE INDEX "Application_cohortId_status_idx" ON "Application"("cohortId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Application_applicantId_cohortId_key" ON "Application"("applicantId", "cohortId");

-- CreateIndex
CREATE INDEX "Position_applicationId_idx" ON "Position"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_storageKey_key" ON "Document"("storageKey");

-- CreateIndex
CREATE INDEX "Document_applicationId_idx" ON "Document"("applicationId");

-- CreateIndex
CREATE INDEX "Document_submissionAttemptId_idx" ON "Document"("submissionAttemptId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_applicationId_key" ON "Decision"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_applicationId_key" ON "Enrolment"("applicationId");

-- CreateIndex
CREATE INDEX "Enrolment_cohortId_idx" ON "Enrolment"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_userId_cohortId_key" ON "Enrolment"("userId", "cohortId");

-- CreateIndex
CREATE INDEX "Attendance_samlingDayId_idx" ON "Attendance"("samlingDayId");

-- CreateIndex
CREATE UNIQUE INDEX "Attendance_enrolmentId_samlingDayId_key" ON "Attendance"("enrolmentId", "samlingDayId");

-- CreateIndex
CREATE UNIQUE INDEX "ArbeidskravDefinition_cohortId_number_key" ON "ArbeidskravDefinition"("cohortId", "number");

-- CreateIndex
CREATE INDEX "Submission_arbeidskravId_idx" ON "Submission"("arbeidskravId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_id_arbeidskravId_key" ON "Submission"("id", "arbeidskravId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionMember_enrolmentId_arbeidskravId_key" ON "SubmissionMember"("enrolmentId", "arbeidskravId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionAttempt_submissionId_attempt_key" ON "SubmissionAttempt"("submissionId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "ExamRegistration_examId_enrolmentId_key" ON "ExamRegistration"("examId", "enrolmentId");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_idx" ON "AuditLog"("actorId");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SamlingDay" ADD CONSTRAINT "SamlingDay_samlingId_fkey" FOREIGN KEY ("samlingId") REFERENCES "Samling"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortSamling" ADD CONSTRAINT "CohortSamling_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortSamling" ADD CONSTRAINT "CohortSamling_samlingId_fkey" FOREIGN KEY ("samlingId") REFERENCES "Samling"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Basisgruppe" ADD CONSTRAINT "Basisgruppe_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Basisgruppe" ADD CONSTRAINT "Basisgruppe_supervisorId_fkey" FOREIGN KEY ("supervisorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_categorySetById_fkey" FOREIGN KEY ("categorySetById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Education" ADD CONSTRAINT "Education_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_submissionAttemptId_fkey" FOREIGN KEY ("submissionAttemptId") REFERENCES "SubmissionAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_basisgruppeId_fkey" FOREIGN KEY ("basisgruppeId") REFERENCES "Basisgruppe"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_samlingDayId_fkey" FOREIGN KEY ("samlingDayId") REFERENCES "SamlingDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_arbeidskravId_fkey" FOREIGN KEY ("arbeidskravId") REFERENCES "ArbeidskravDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionMember" ADD CONSTRAINT "SubmissionMember_submissionId_arbeidskravId_fkey" FOREIGN KEY ("submissionId", "arbeidskravId") REFERENCES "Submission"("id", "arbeidskravId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionMember" ADD CONSTRAINT "SubmissionMember_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_assessorId_fkey" FOREIGN KEY ("assessorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_examId_fkey" FOREIGN KEY ("examId") REFERENCES "Exam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_admittedById_fkey" FOREIGN KEY ("admittedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_gradedById_fkey" FOREIGN KEY ("gradedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─────────────────────────────────────────────────────────────────────────────────────────────
-- Hand-written: invariants Prisma's schema language cannot express. The database refuses bad
-- data even when a bug or a manual query gets past the application.
-- ─────────────────────────────────────────────────────────────────────────────────────────────

-- People
ALTER TABLE "User" ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email") AND position('@' in "email") > 1);
ALTER TABLE "User" ADD CONSTRAINT "User_has_role" CHECK (cardinality("roles") >= 1);
ALTER TABLE "User" ADD CONSTRAINT "User_name_present" CHECK (length(btrim("name")) > 0);

-- Cohorts and samlinger
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_credits_positive" CHECK ("credits" > 0);
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_code_term" CHECK ("code" ~ '^[HV][0-9]{4}$');
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_capacity_positive" CHECK ("capacity" > 0);
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_window_order" CHECK ("applicationOpensOn" <= "applicationDeadline" AND "applicationDeadline" <= "offerAnswerDeadline");
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_dates_order" CHECK ("startsOn" <= "endsOn");
ALTER TABLE "CohortSamling" ADD CONSTRAINT "CohortSamling_number_positive" CHECK ("number" >= 1);

-- Applications
ALTER TABLE "Application" ADD CONSTRAINT "Application_category_range" CHECK ("category" IS NULL OR "category" BETWEEN 1 AND 4);
ALTER TABLE "Application" ADD CONSTRAINT "Application_provisional_category_range" CHECK ("provisionalCategory" IS NULL OR "provisionalCategory" BETWEEN 1 AND 4);
ALTER TABLE "Application" ADD CONSTRAINT "Application_submitted_has_time" CHECK ("status" = 'DRAFT' OR "submittedAt" IS NOT NULL);
ALTER TABLE "Application" ADD CONSTRAINT "Application_withdrawn_has_time" CHECK ("status" <> 'WITHDRAWN' OR "withdrawnAt" IS NOT NULL);
ALTER TABLE "Education" ADD CONSTRAINT "Education_credits_range" CHECK ("credits" BETWEEN 0 AND 1000);
ALTER TABLE "Education" ADD CONSTRAINT "Education_year_range" CHECK ("completedYear" BETWEEN 1950 AND 2100);
ALTER TABLE "Position" ADD CONSTRAINT "Position_percent_range" CHECK ("percent" BETWEEN 1 AND 100);
ALTER TABLE "Position" ADD CONSTRAINT "Position_period_order" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Position" ADD CONSTRAINT "Position_personnel_count" CHECK ("personnelCount" BETWEEN 0 AND 10000);
ALTER TABLE "Position" ADD CONSTRAINT "Position_county_code" CHECK ("countyCode" ~ '^[0-9]{2}$');
ALTER TABLE "Position" ADD CONSTRAINT "Position_municipality_code" CHECK ("municipalityCode" ~ '^[0-9]{4}$' AND left("municipalityCode", 2) = "countyCode");
ALTER TABLE "Application" ADD CONSTRAINT "Application_employer_municipality" CHECK ("employerMunicipalityCode" IS NULL OR ("employerCountyCode" IS NOT NULL AND left("employerMunicipalityCode", 2) = "employerCountyCode"));

-- Documents: 1 byte to 10 MiB, owned by exactly one application or one submission attempt
ALTER TABLE "Document" ADD CONSTRAINT "Document_size_range" CHECK ("size" BETWEEN 1 AND 10485760);
ALTER TABLE "Document" ADD CONSTRAINT "Document_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "Document" ADD CONSTRAINT "Document_one_owner" CHECK (num_nonnulls("applicationId", "submissionAttemptId") = 1);
ALTER TABLE "Document" ADD CONSTRAINT "Document_kind_owner" CHECK (("kind" = 'SUBMISSION') = ("submissionAttemptId" IS NOT NULL));

-- Decisions: a waiting-list place exactly for waiting-list decisions, answers only to offers
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_waitlist_position" CHECK (("outcome" = 'WAITLIST') = ("waitlistPosition" IS NOT NULL) AND ("waitlistPosition" IS NULL OR "waitlistPosition" >= 1));
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_answer_only_offer" CHECK ("answer" IS NULL OR "outcome" = 'OFFER');
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_answer_has_time" CHECK (("answer" IS NULL) = ("answeredAt" IS NULL));
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_offer_has_deadline" CHECK ("outcome" <> 'OFFER' OR "answerDeadline" IS NOT NULL);

-- Arbeidskrav and submissions
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_number_range" CHECK ("number" BETWEEN 1 AND 5);
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_group_size" CHECK (1 <= "minGroupSize" AND "minGroupSize" <= "maxGroupSize" AND "maxGroupSize" <= 3);
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_individual" CHECK (NOT "individualOnly" OR "maxGroupSize" = 1);
CREATE UNIQUE INDEX "ArbeidskravDefinition_one_oral_per_cohort" ON "ArbeidskravDefinition" ("cohortId") WHERE "oralPresentation";
ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_attempt_positive" CHECK ("attempt" >= 1);
ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_assessed" CHECK (("status" = 'SUBMITTED') = ("assessedAt" IS NULL));

-- Exam
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_dates_order" CHECK ("startsOn" <= "endsOn");
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_graded" CHECK (("grade" IS NULL) = ("gradedAt" IS NULL));

-- Attendance may only be registered for a day in the student's own cohort plan.
CREATE FUNCTION attendance_day_in_plan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" e
    JOIN "CohortSamling" cs ON cs."cohortId" = e."cohortId"
    JOIN "SamlingDay" d ON d."samlingId" = cs."samlingId"
    WHERE e."id" = NEW."enrolmentId" AND d."id" = NEW."samlingDayId"
  ) THEN
    RAISE EXCEPTION 'samling day % is not in the plan of enrolment %', NEW."samlingDayId", NEW."enrolmentId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Attendance_day_in_plan';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Attendance_day_in_plan" BEFORE INSERT OR UPDATE OF "enrolmentId", "samlingDayId" ON "Attendance"
  FOR EACH ROW EXECUTE FUNCTION attendance_day_in_plan();

-- Capacity: offers that are open or accepted never exceed the cohort's places. The cohort row is
-- locked first, so two advisers making offers at the same moment are serialised.
CREATE FUNCTION decision_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_id text;
  places integer;
  taken integer;
BEGIN
  IF NEW."outcome" <> 'OFFER' OR NEW."answer" IS NOT DISTINCT FROM 'DECLINED' THEN
    RETURN NEW;
  END IF;
  SELECT a."cohortId" INTO cohort_id FROM "Application" a WHERE a."id" = NEW."applicationId";
  SELECT c."capacity" INTO places FROM "Cohort" c WHERE c."id" = cohort_id FOR UPDATE;
  SELECT count(*) INTO taken
  FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId"
  WHERE a."cohortId" = cohort_id AND d."id" <> NEW."id"
    AND d."outcome" = 'OFFER' AND d."answer" IS DISTINCT FROM 'DECLINED';
  IF taken >= places THEN
    RAISE EXCEPTION 'cohort % has no free places (capacity %)', cohort_id, places
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_capacity';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Decision_within_capacity" BEFORE INSERT OR UPDATE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION decision_within_capacity();

-- Capacity: active and completed students never exceed the cohort's places.
CREATE FUNCTION enrolment_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  places integer;
  taken integer;
BEGIN
  IF NEW."status" = 'WITHDRAWN' THEN
    RETURN NEW;
  END IF;
  SELECT c."capacity" INTO places FROM "Cohort" c WHERE c."id" = NEW."cohortId" FOR UPDATE;
  SELECT count(*) INTO taken FROM "Enrolment" e
  WHERE e."cohortId" = NEW."cohortId" AND e."id" <> NEW."id" AND e."status" <> 'WITHDRAWN';
  IF taken >= places THEN
    RAISE EXCEPTION 'cohort % has no free places (capacity %)', NEW."cohortId", places
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_capacity';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Enrolment_within_capacity" BEFORE INSERT OR UPDATE OF "status", "cohortId" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION enrolment_within_capacity();

-- The audit log is append-only: the database refuses to change or remove an entry.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "AuditLog_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
