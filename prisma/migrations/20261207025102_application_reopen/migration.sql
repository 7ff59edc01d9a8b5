-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "reopenedAt" TIMESTAMP(3);
