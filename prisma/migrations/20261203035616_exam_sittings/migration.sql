-- CreateEnum
CREATE TYPE "ExamKind" AS ENUM ('ORDINARY', 'DEFERRED', 'RESIT');

-- CreateEnum
CREATE TYPE "ExamDeferralReason" AS ENUM ('ILLNESS', 'OTHER');

-- CreateEnum
CREATE TYPE "ExamDeferralStatus" AS ENUM ('REQUESTED', 'GRANTED', 'REFUSED');

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "examDeferralId" TEXT,
ADD COLUMN     "examId" TEXT;

-- AlterTable
-- Hand-edited: the new instants are filled in for the existing exams (09:00 on the first day and
-- 14:00 on the last, Oslo time) before they become NOT NULL.
ALTER TABLE "Exam" ADD COLUMN     "handInAt" TIMESTAMP(3),
ADD COLUMN     "kind" "ExamKind" NOT NULL DEFAULT 'ORDINARY',
ADD COLUMN     "registrationClosesOn" DATE,
ADD COLUMN     "startsAt" TIMESTAMP(3),
ADD COLUMN     "taskText" TEXT,
ADD COLUMN     "taskTitle" TEXT;

UPDATE "Exam" SET
  "startsAt" = (("startsOn" + TIME '09:00') AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'UTC',
  "handInAt" = (("endsOn" + TIME '14:00') AT TIME ZONE 'Europe/Oslo') AT TIME ZONE 'UTC';
ALTER TABLE "Exam" ALTER COLUMN "startsAt" SET NOT NULL, ALTER COLUMN "handInAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "examAttempts" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "examImprovementAttempts" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ExamDeferral" (
    "id" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "reason" "ExamDeferralReason" NOT NULL,
    "explanation" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ExamDeferralStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "grounds" TEXT,
    "sittingId" TEXT,
    "placedRegistrationId" TEXT,

    CONSTRAINT "ExamDeferral_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ExamDeferral_placedRegistrationId_key" ON "ExamDeferral"("placedRegistrationId");

-- CreateIndex
CREATE INDEX "ExamDeferral_registrationId_idx" ON "ExamDeferral"("registrationId");

-- CreateIndex
CREATE INDEX "ExamDeferral_status_requestedAt_idx" ON "ExamDeferral"("status", "requestedAt");

-- CreateIndex
CREATE INDEX "Document_examId_idx" ON "Document"("examId");

-- CreateIndex
CREATE INDEX "Document_examDeferralId_idx" ON "Document"("examDeferralId");

-- CreateIndex
CREATE INDEX "Exam_cohortId_startsAt_idx" ON "Exam"("cohortId", "startsAt");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_examId_fkey" FOREIGN KEY ("examId") REFERENCES "Exam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_examDeferralId_fkey" FOREIGN KEY ("examDeferralId") REFERENCES "ExamDeferral"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "ExamRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "Exam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_placedRegistrationId_fkey" FOREIGN KEY ("placedRegistrationId") REFERENCES "ExamRegistration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Hand-written: the rules of sittings the database can hold on its own ───────────────────────

-- One ordinary sitting per kull; deferred and resit sittings as many as the kull needs.
CREATE UNIQUE INDEX "Exam_one_ordinary_per_cohort" ON "Exam"("cohortId") WHERE "kind" = 'ORDINARY';

-- The hand-in comes after the start, and the stored days are the Oslo calendar days of the two
-- instants (timestamps are stored as UTC).
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_hand_in_after_start" CHECK ("handInAt" > "startsAt");
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_days_are_oslo_days" CHECK (
  (("startsAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo')::date = "startsOn"
  AND (("handInAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo')::date = "endsOn"
);
-- A resit has a registration deadline before its first day; no other sitting has one.
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_registration_deadline" CHECK (
  ("kind" = 'RESIT') = ("registrationClosesOn" IS NOT NULL)
  AND ("registrationClosesOn" IS NULL OR "registrationClosesOn" < "startsOn")
);
ALTER TABLE "Exam" ADD CONSTRAINT "Exam_task_lengths" CHECK (
  ("taskTitle" IS NULL OR length("taskTitle") BETWEEN 1 AND 200)
  AND ("taskText" IS NULL OR length("taskText") BETWEEN 1 AND 20000)
);

-- The study plan's limits on attempts: NTNU's three, one of them to improve a passed grade.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_exam_attempts" CHECK (
  "examAttempts" BETWEEN 1 AND 10 AND "examImprovementAttempts" >= 0 AND "examImprovementAttempts" < "examAttempts"
);

-- "Ikke møtt" and "utsatt" carry no grade (the grade CHECK already allows one only while ADMITTED).

-- A document belongs to exactly one owner, and its kind says which.
ALTER TABLE "Document" DROP CONSTRAINT "Document_one_owner";
ALTER TABLE "Document" ADD CONSTRAINT "Document_one_owner" CHECK (num_nonnulls("applicationId", "submissionAttemptId", "examId", "examDeferralId") = 1);
ALTER TABLE "Document" ADD CONSTRAINT "Document_kind_exam_owner" CHECK (
  (("kind" = 'EXAM_TASK') = ("examId" IS NOT NULL))
  AND (("kind" = 'DEFERRAL_DOCUMENTATION') = ("examDeferralId" IS NOT NULL))
);

-- A deferral request: the student's account is real text; a decision says who, when and why; a
-- grant names the deferred sitting and the registration there.
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_explanation" CHECK (length(btrim("explanation")) BETWEEN 1 AND 4000);
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_decided" CHECK (
  ("status" = 'REQUESTED') = ("decidedById" IS NULL)
  AND ("decidedById" IS NULL) = ("decidedAt" IS NULL)
  AND ("status" <> 'REFUSED' OR length(btrim(coalesce("grounds", ''))) > 0)
  AND (("status" = 'GRANTED') = ("sittingId" IS NOT NULL))
  AND (("status" = 'GRANTED') = ("placedRegistrationId" IS NOT NULL))
);
-- At most one request waiting or granted per registration (a refused one may be followed by a new
-- request with better documentation).
CREATE UNIQUE INDEX "ExamDeferral_one_open_per_registration" ON "ExamDeferral"("registrationId") WHERE "status" IN ('REQUESTED', 'GRANTED');

-- A grant places the student on a DEFERRED sitting of the same kull, registered there.
CREATE FUNCTION exam_deferral_placement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'GRANTED' AND NOT EXISTS (
    SELECT 1
    FROM "ExamRegistration" missed
    JOIN "Exam" missedExam ON missedExam."id" = missed."examId"
    JOIN "ExamRegistration" placed ON placed."id" = NEW."placedRegistrationId"
    JOIN "Exam" sitting ON sitting."id" = placed."examId"
    WHERE missed."id" = NEW."registrationId"
      AND sitting."id" = NEW."sittingId"
      AND sitting."kind" = 'DEFERRED'
      AND sitting."cohortId" = missedExam."cohortId"
      AND sitting."startsAt" > missedExam."startsAt"
      AND placed."enrolmentId" = missed."enrolmentId"
  ) THEN
    RAISE EXCEPTION 'deferral % must place the student on a later DEFERRED sitting of the same kull', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ExamDeferral_placement';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ExamDeferral_placement" BEFORE INSERT OR UPDATE ON "ExamDeferral"
  FOR EACH ROW EXECUTE FUNCTION exam_deferral_placement();
