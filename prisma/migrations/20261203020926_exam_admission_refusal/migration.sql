-- AlterEnum
ALTER TYPE "ExamRegistrationStatus" ADD VALUE 'REFUSED';

-- Hand-written instead of Prisma's drop-and-add: the columns keep their data under names that say
-- what they hold now, who decided the current status (admitted or refused) and when.
ALTER TABLE "ExamRegistration" RENAME COLUMN "admittedById" TO "decidedById";
ALTER TABLE "ExamRegistration" RENAME COLUMN "admittedAt" TO "decidedAt";
ALTER TABLE "ExamRegistration" RENAME CONSTRAINT "ExamRegistration_admittedById_fkey" TO "ExamRegistration_decidedById_fkey";
