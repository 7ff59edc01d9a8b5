-- CreateEnum
CREATE TYPE "CorrectionNoticeStatus" AS ENUM ('PENDING', 'CARRIED_OUT', 'WITHDRAWN');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StudentLetterKind" ADD VALUE 'CORRECTION_NOTICE';
ALTER TYPE "StudentLetterKind" ADD VALUE 'CORRECTION_NOTICE_WITHDRAWN';

-- CreateTable
CREATE TABLE "CorrectionNotice" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "sentById" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "respondBy" DATE NOT NULL,
    "status" "CorrectionNoticeStatus" NOT NULL DEFAULT 'PENDING',
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "closingNote" TEXT,

    CONSTRAINT "CorrectionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectionNoticeRecipient" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "response" TEXT,
    "respondedAt" TIMESTAMP(3),

    CONSTRAINT "CorrectionNoticeRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CorrectionNotice_attemptId_idx" ON "CorrectionNotice"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectionNoticeRecipient_letterId_key" ON "CorrectionNoticeRecipient"("letterId");

-- CreateIndex
CREATE INDEX "CorrectionNoticeRecipient_enrolmentId_idx" ON "CorrectionNoticeRecipient"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "CorrectionNoticeRecipient_noticeId_enrolmentId_key" ON "CorrectionNoticeRecipient"("noticeId", "enrolmentId");

-- AddForeignKey
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "SubmissionAttempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNoticeRecipient" ADD CONSTRAINT "CorrectionNoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "CorrectionNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNoticeRecipient" ADD CONSTRAINT "CorrectionNoticeRecipient_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionNoticeRecipient" ADD CONSTRAINT "CorrectionNoticeRecipient_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "StudentLetter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One notice waiting per attempt: a second is refused while the first is undecided.
CREATE UNIQUE INDEX "CorrectionNotice_one_pending_per_attempt" ON "CorrectionNotice"("attemptId") WHERE "status" = 'PENDING';

-- A notice gives its reason; a decided one says by whom and when, and only a withdrawn one a note.
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_reason_given" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "CorrectionNotice" ADD CONSTRAINT "CorrectionNotice_closed_complete" CHECK (
  ("status" = 'PENDING' AND "closedAt" IS NULL AND "closedById" IS NULL AND "closingNote" IS NULL)
  OR ("status" <> 'PENDING' AND "closedAt" IS NOT NULL AND "closedById" IS NOT NULL AND ("closingNote" IS NULL OR "status" = 'WITHDRAWN'))
);

-- An uttalelse has its words and its time, or neither.
ALTER TABLE "CorrectionNoticeRecipient" ADD CONSTRAINT "CorrectionNoticeRecipient_response_complete" CHECK (
  ("response" IS NULL AND "respondedAt" IS NULL) OR (length(btrim("response")) > 0 AND "respondedAt" IS NOT NULL)
);

-- A notice is part of the kull's record: closed when the kull is archived, like the assessment it
-- is about (20261205040000_archived_kull_closed_to_writes).
CREATE TRIGGER "CorrectionNotice_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "CorrectionNotice"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('attempt', 'attemptId');
CREATE TRIGGER "CorrectionNoticeRecipient_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "CorrectionNoticeRecipient"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
