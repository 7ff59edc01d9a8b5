-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "arbeidskravTotal" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "attendanceThresholdPercent" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "fagnotatCount" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "individualFagnotatMin" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "ledertreningCount" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "oralCount" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "arbeidskravTotal" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "attendanceThresholdPercent" INTEGER NOT NULL DEFAULT 80,
ADD COLUMN     "fagnotatCount" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "individualFagnotatMin" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "ledertreningCount" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "oralCount" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ArbeidskravTemplate" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "ArbeidskravKind" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "individualOnly" BOOLEAN NOT NULL DEFAULT false,
    "oralPresentation" BOOLEAN NOT NULL DEFAULT false,
    "minGroupSize" INTEGER NOT NULL DEFAULT 1,
    "maxGroupSize" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ArbeidskravTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArbeidskravTemplate_programmeId_number_key" ON "ArbeidskravTemplate"("programmeId", "number");

-- AddForeignKey
ALTER TABLE "ArbeidskravTemplate" ADD CONSTRAINT "ArbeidskravTemplate_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the requirements are data, so the database checks they make sense, and the
-- constraints that hard-coded today's study plan (five arbeidskrav, one oral) give way to them.
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_requirements" CHECK (
  "attendanceThresholdPercent" BETWEEN 1 AND 100
  AND "arbeidskravTotal" BETWEEN 0 AND 20
  AND "fagnotatCount" >= 0 AND "ledertreningCount" >= 0
  AND "fagnotatCount" + "ledertreningCount" = "arbeidskravTotal"
  AND "oralCount" BETWEEN 0 AND "arbeidskravTotal"
  AND "individualFagnotatMin" BETWEEN 0 AND "fagnotatCount");
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_requirements" CHECK (
  "attendanceThresholdPercent" BETWEEN 1 AND 100
  AND "arbeidskravTotal" BETWEEN 0 AND 20
  AND "fagnotatCount" >= 0 AND "ledertreningCount" >= 0
  AND "fagnotatCount" + "ledertreningCount" = "arbeidskravTotal"
  AND "oralCount" BETWEEN 0 AND "arbeidskravTotal"
  AND "individualFagnotatMin" BETWEEN 0 AND "fagnotatCount");

ALTER TABLE "ArbeidskravDefinition" DROP CONSTRAINT "ArbeidskravDefinition_number_range";
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_number_positive" CHECK ("number" BETWEEN 1 AND 20);
DROP INDEX "ArbeidskravDefinition_one_oral_per_cohort";

ALTER TABLE "ArbeidskravTemplate" ADD CONSTRAINT "ArbeidskravTemplate_number_positive" CHECK ("number" BETWEEN 1 AND 20);
ALTER TABLE "ArbeidskravTemplate" ADD CONSTRAINT "ArbeidskravTemplate_group_size" CHECK (1 <= "minGroupSize" AND "minGroupSize" <= "maxGroupSize" AND "maxGroupSize" <= 3);
ALTER TABLE "ArbeidskravTemplate" ADD CONSTRAINT "ArbeidskravTemplate_individual" CHECK (NOT "individualOnly" OR "maxGroupSize" = 1);
