-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "sendingSince" TIMESTAMP(3);

-- A message has one outcome: sent or given up, never both.
ALTER TABLE "MailMessage" ADD CONSTRAINT "MailMessage_one_outcome" CHECK ("sentAt" IS NULL OR "failedAt" IS NULL);
