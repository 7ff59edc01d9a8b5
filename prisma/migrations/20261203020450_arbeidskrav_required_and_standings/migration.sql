-- CreateEnum
CREATE TYPE "StandingStatus" AS ENUM ('ELIGIBLE', 'ON_TRACK', 'NOT_ELIGIBLE');

-- CreateEnum
CREATE TYPE "AttendanceNoticeState" AS ENUM ('NONE', 'LAST_ABSENCE', 'UNREACHABLE');

-- AlterTable
ALTER TABLE "ArbeidskravDefinition" ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ArbeidskravTemplate" ADD COLUMN     "required" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Standing" (
    "enrolmentId" TEXT NOT NULL,
    "status" "StandingStatus" NOT NULL,
    "attendanceState" "AttendanceNoticeState" NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "attendedDays" INTEGER NOT NULL,
    "absentDays" INTEGER NOT NULL,
    "approvedRequired" INTEGER NOT NULL,
    "requiredTotal" INTEGER NOT NULL,
    "previousStatus" "StandingStatus",
    "changedAt" TIMESTAMP(3),
    "changeCause" TEXT,
    "notifiedState" "AttendanceNoticeState" NOT NULL DEFAULT 'NONE',
    "noticeCount" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Standing_pkey" PRIMARY KEY ("enrolmentId")
);

-- CreateIndex
CREATE INDEX "Standing_status_idx" ON "Standing"("status");

-- AddForeignKey
ALTER TABLE "Standing" ADD CONSTRAINT "Standing_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: counts that can never be negative or exceed the plan.
ALTER TABLE "Standing" ADD CONSTRAINT "Standing_counts_check" CHECK (
  "scheduledDays" >= 0 AND "attendedDays" >= 0 AND "absentDays" >= 0
  AND "attendedDays" + "absentDays" <= "scheduledDays"
  AND "approvedRequired" >= 0 AND "requiredTotal" >= 0 AND "noticeCount" >= 0
);

-- Hand-written: an optional extra arbeidskrav is never the one presented orally.
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_optional_not_oral_check"
  CHECK ("required" OR NOT "oralPresentation");
ALTER TABLE "ArbeidskravTemplate" ADD CONSTRAINT "ArbeidskravTemplate_optional_not_oral_check"
  CHECK ("required" OR NOT "oralPresentation");

-- Hand-written: a set may hold optional extras beside the required items, and a saved set is
-- renumbered in two steps (moved out of the way by +1000 first), so the upper bound goes.
ALTER TABLE "ArbeidskravDefinition" DROP CONSTRAINT "ArbeidskravDefinition_number_positive";
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_number_positive" CHECK ("number" >= 1);
