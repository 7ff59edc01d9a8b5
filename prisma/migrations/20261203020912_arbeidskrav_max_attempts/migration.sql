-- AlterTable
ALTER TABLE "ArbeidskravDefinition" ADD COLUMN     "maxAttempts" INTEGER NOT NULL DEFAULT 2;

-- Hand-written: the study plan allows a handful of hand-ins at most (today two: the first and one
-- resubmission; lib/domain/coursework.ts).
ALTER TABLE "ArbeidskravDefinition" ADD CONSTRAINT "ArbeidskravDefinition_max_attempts" CHECK ("maxAttempts" BETWEEN 1 AND 9);
