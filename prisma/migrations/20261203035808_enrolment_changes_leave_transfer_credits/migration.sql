-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('GRANTED', 'REFUSED');

-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "endReason" TEXT,
ADD COLUMN     "endedOn" DATE,
ADD COLUMN     "placeReleasedAt" TIMESTAMP(3),
ADD COLUMN     "transferredFromId" TEXT;

-- CreateTable
CREATE TABLE "LeaveOfAbsence" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "documentation" TEXT,
    "status" "LeaveStatus" NOT NULL,
    "grounds" TEXT,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "returnedOn" DATE,
    "returnRegisteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaveOfAbsence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArbeidskravCredit" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "arbeidskravId" TEXT NOT NULL,
    "sourceSubmissionId" TEXT NOT NULL,
    "creditedById" TEXT NOT NULL,
    "creditedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArbeidskravCredit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceCredit" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "samlingDayId" TEXT NOT NULL,
    "sourceAttendanceId" TEXT NOT NULL,
    "creditedById" TEXT NOT NULL,
    "creditedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendanceCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeaveOfAbsence_enrolmentId_idx" ON "LeaveOfAbsence"("enrolmentId");

-- CreateIndex
CREATE INDEX "ArbeidskravCredit_arbeidskravId_idx" ON "ArbeidskravCredit"("arbeidskravId");

-- CreateIndex
CREATE UNIQUE INDEX "ArbeidskravCredit_enrolmentId_arbeidskravId_key" ON "ArbeidskravCredit"("enrolmentId", "arbeidskravId");

-- CreateIndex
CREATE UNIQUE INDEX "ArbeidskravCredit_enrolmentId_sourceSubmissionId_key" ON "ArbeidskravCredit"("enrolmentId", "sourceSubmissionId");

-- CreateIndex
CREATE INDEX "AttendanceCredit_samlingDayId_idx" ON "AttendanceCredit"("samlingDayId");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceCredit_enrolmentId_samlingDayId_key" ON "AttendanceCredit"("enrolmentId", "samlingDayId");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceCredit_enrolmentId_sourceAttendanceId_key" ON "AttendanceCredit"("enrolmentId", "sourceAttendanceId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_transferredFromId_key" ON "Enrolment"("transferredFromId");

-- AddForeignKey
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_transferredFromId_fkey" FOREIGN KEY ("transferredFromId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_returnRegisteredById_fkey" FOREIGN KEY ("returnRegisteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArbeidskravCredit" ADD CONSTRAINT "ArbeidskravCredit_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArbeidskravCredit" ADD CONSTRAINT "ArbeidskravCredit_arbeidskravId_fkey" FOREIGN KEY ("arbeidskravId") REFERENCES "ArbeidskravDefinition"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArbeidskravCredit" ADD CONSTRAINT "ArbeidskravCredit_sourceSubmissionId_fkey" FOREIGN KEY ("sourceSubmissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArbeidskravCredit" ADD CONSTRAINT "ArbeidskravCredit_creditedById_fkey" FOREIGN KEY ("creditedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCredit" ADD CONSTRAINT "AttendanceCredit_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCredit" ADD CONSTRAINT "AttendanceCredit_samlingDayId_fkey" FOREIGN KEY ("samlingDayId") REFERENCES "SamlingDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCredit" ADD CONSTRAINT "AttendanceCredit_sourceAttendanceId_fkey" FOREIGN KEY ("sourceAttendanceId") REFERENCES "Attendance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceCredit" ADD CONSTRAINT "AttendanceCredit_creditedById_fkey" FOREIGN KEY ("creditedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Hand-written: the rules of enrolment changes the database holds on its own ────────────────

-- An end date only on an enrolment that has ended; a place released only by one that has left.
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_ended_on_only_when_ended" CHECK ("endedOn" IS NULL OR "status" IN ('WITHDRAWN', 'COMPLETED', 'TRANSFERRED'));
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_place_released_only_when_left" CHECK ("placeReleasedAt" IS NULL OR "status" IN ('WITHDRAWN', 'TRANSFERRED'));
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_end_reason_length" CHECK ("endReason" IS NULL OR length("endReason") <= 2000);
ALTER TABLE "Enrolment" ADD CONSTRAINT "Enrolment_not_transferred_from_itself" CHECK ("transferredFromId" IS NULL OR "transferredFromId" <> "id");

-- A transfer continues the same person's studies in a later kull of the same programme.
CREATE FUNCTION enrolment_transfer_same_person() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."transferredFromId" IS NULL THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" prev
    JOIN "Cohort" oc ON oc."id" = prev."cohortId"
    JOIN "Cohort" nc ON nc."id" = NEW."cohortId"
    WHERE prev."id" = NEW."transferredFromId" AND prev."userId" = NEW."userId"
      AND oc."programmeId" = nc."programmeId" AND nc."startsOn" > oc."startsOn"
  ) THEN
    RAISE EXCEPTION 'enrolment % is no transfer of the same person to a later kull of the same programme', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Enrolment_transfer_same_person';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Enrolment_transfer_same_person" BEFORE INSERT OR UPDATE OF "transferredFromId", "userId", "cohortId" ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION enrolment_transfer_same_person();

-- Leave: dates in order, a year at most, a refusal with grounds, a return only on a granted leave
-- and not before it began; one granted leave without a return per enrolment.
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_dates_order" CHECK ("fromDate" <= "toDate" AND "toDate" < "fromDate" + 365);
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_reason" CHECK (length(btrim("reason")) BETWEEN 1 AND 2000);
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_documentation_length" CHECK ("documentation" IS NULL OR length("documentation") <= 200);
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_refusal_grounds" CHECK ("status" <> 'REFUSED' OR length(btrim(COALESCE("grounds", ''))) > 0);
ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_return" CHECK (
  ("returnedOn" IS NULL AND "returnRegisteredById" IS NULL)
  OR ("status" = 'GRANTED' AND "returnedOn" >= "fromDate" AND "returnRegisteredById" IS NOT NULL)
);
CREATE UNIQUE INDEX "LeaveOfAbsence_one_open_per_enrolment" ON "LeaveOfAbsence" ("enrolmentId") WHERE "status" = 'GRANTED' AND "returnedOn" IS NULL;

-- An arbeidskrav credit: a required item of the enrolment's own kull, credited by an approved
-- submission of the same kind handed in by the same person in another kull.
CREATE FUNCTION arbeidskrav_credit_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" e
    JOIN "ArbeidskravDefinition" t ON t."id" = NEW."arbeidskravId" AND t."cohortId" = e."cohortId" AND t."required"
    JOIN "Submission" s ON s."id" = NEW."sourceSubmissionId" AND s."status" = 'APPROVED'
    JOIN "ArbeidskravDefinition" src ON src."id" = s."arbeidskravId" AND src."kind" = t."kind" AND src."required" AND src."cohortId" <> e."cohortId"
    JOIN "SubmissionMember" m ON m."submissionId" = s."id"
    JOIN "Enrolment" prev ON prev."id" = m."enrolmentId" AND prev."userId" = e."userId"
    WHERE e."id" = NEW."enrolmentId"
  ) THEN
    RAISE EXCEPTION 'credit of submission % to arbeidskrav % is not an approved submission of the same kind by the same student in another kull', NEW."sourceSubmissionId", NEW."arbeidskravId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ArbeidskravCredit_valid';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ArbeidskravCredit_valid" BEFORE INSERT OR UPDATE ON "ArbeidskravCredit"
  FOR EACH ROW EXECUTE FUNCTION arbeidskrav_credit_valid();

-- An attendance credit: a day of the enrolment's own plan, credited by a PRESENT registration of
-- the same person in another kull.
CREATE FUNCTION attendance_credit_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" e
    JOIN "SamlingDay" d ON d."id" = NEW."samlingDayId"
    JOIN "CohortSamling" cs ON cs."samlingId" = d."samlingId" AND cs."cohortId" = e."cohortId"
    JOIN "Attendance" a ON a."id" = NEW."sourceAttendanceId" AND a."status" = 'PRESENT'
    JOIN "Enrolment" prev ON prev."id" = a."enrolmentId" AND prev."userId" = e."userId" AND prev."cohortId" <> e."cohortId"
    WHERE e."id" = NEW."enrolmentId"
  ) THEN
    RAISE EXCEPTION 'credit of attendance % for day % is not a presence of the same student in another kull, for a day of the plan', NEW."sourceAttendanceId", NEW."samlingDayId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'AttendanceCredit_valid';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "AttendanceCredit_valid" BEFORE INSERT OR UPDATE ON "AttendanceCredit"
  FOR EACH ROW EXECUTE FUNCTION attendance_credit_valid();

-- The exam is for students in the kull: never one who left, nor one on leave.
CREATE OR REPLACE FUNCTION exam_registration_in_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Exam" x
    JOIN "Enrolment" e ON e."cohortId" = x."cohortId"
    WHERE x."id" = NEW."examId" AND e."id" = NEW."enrolmentId" AND e."status" IN ('ACTIVE', 'COMPLETED')
  ) THEN
    RAISE EXCEPTION 'enrolment % is not an active student of the cohort of exam %', NEW."enrolmentId", NEW."examId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ExamRegistration_in_cohort';
  END IF;
  RETURN NEW;
END $$;

-- Capacity, students: those in the kull (active, on leave, completed) never exceed its places. A
-- student who left (withdrawn, transferred) no longer holds one.
CREATE OR REPLACE FUNCTION enrolment_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  places integer;
  taken integer;
BEGIN
  IF NEW."status" NOT IN ('ACTIVE', 'ON_LEAVE', 'COMPLETED') THEN
    RETURN NEW;
  END IF;
  SELECT c."capacity" INTO places FROM "Cohort" c WHERE c."id" = NEW."cohortId" FOR UPDATE;
  SELECT count(*) INTO taken FROM "Enrolment" e
  WHERE e."cohortId" = NEW."cohortId" AND e."id" <> NEW."id" AND e."status" IN ('ACTIVE', 'ON_LEAVE', 'COMPLETED');
  IF taken >= places THEN
    RAISE EXCEPTION 'cohort % has no free places (capacity %)', NEW."cohortId", places
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_capacity';
  END IF;
  RETURN NEW;
END $$;

-- Capacity, admission: the places taken are the open offers, the accepted ones whose student has
-- not given the place back (Enrolment.placeReleasedAt: left before the waiting list closed), and
-- the students transferred in from an earlier kull (a transfer counts toward the new kull's
-- places), unless they too gave theirs back. Same count as placesTaken in
-- lib/server/admission/places.ts.
CREATE OR REPLACE FUNCTION decision_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_id text;
  places integer;
  taken integer;
  transferred integer;
BEGIN
  IF NEW."outcome" <> 'OFFER' OR (NEW."answer" IS NOT NULL AND NEW."answer" <> 'ACCEPTED') THEN
    RETURN NEW;
  END IF;
  SELECT a."cohortId" INTO cohort_id FROM "Application" a WHERE a."id" = NEW."applicationId";
  SELECT c."capacity" INTO places FROM "Cohort" c WHERE c."id" = cohort_id FOR UPDATE;
  SELECT count(*) INTO taken
  FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId"
  LEFT JOIN "Enrolment" e ON e."applicationId" = d."applicationId"
  WHERE a."cohortId" = cohort_id AND d."id" <> NEW."id"
    AND d."outcome" = 'OFFER' AND (d."answer" IS NULL OR (d."answer" = 'ACCEPTED' AND e."placeReleasedAt" IS NULL));
  SELECT count(*) INTO transferred FROM "Enrolment" e
  WHERE e."cohortId" = cohort_id AND e."transferredFromId" IS NOT NULL AND e."placeReleasedAt" IS NULL;
  IF taken + transferred >= places THEN
    RAISE EXCEPTION 'cohort % has no free places (capacity %)', cohort_id, places
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_capacity';
  END IF;
  RETURN NEW;
END $$;
