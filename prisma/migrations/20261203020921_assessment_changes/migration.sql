-- CreateEnum
CREATE TYPE "AssessmentChangeCause" AS ENUM ('CORRECTION', 'KLAGE');

-- CreateTable
CREATE TABLE "AssessmentChange" (
    "id" TEXT NOT NULL,
    "attemptId" TEXT NOT NULL,
    "cause" "AssessmentChangeCause" NOT NULL,
    "fromStatus" "SubmissionStatus" NOT NULL,
    "toStatus" "SubmissionStatus" NOT NULL,
    "reason" TEXT NOT NULL,
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssessmentChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssessmentChange_attemptId_idx" ON "AssessmentChange"("attemptId");

-- AddForeignKey
ALTER TABLE "AssessmentChange" ADD CONSTRAINT "AssessmentChange_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "SubmissionAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssessmentChange" ADD CONSTRAINT "AssessmentChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
