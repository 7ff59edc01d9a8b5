-- AlterTable
ALTER TABLE "Exam" ADD COLUMN     "gradesPublishedAt" TIMESTAMP(3);
