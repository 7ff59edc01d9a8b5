-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Hand-written
ALTER TABLE "Session" ADD CONSTRAINT "Session_seen_within_life" CHECK ("lastSeenAt" <= "expiresAt");
