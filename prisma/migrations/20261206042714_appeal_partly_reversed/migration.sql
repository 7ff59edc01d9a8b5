-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "partly" BOOLEAN NOT NULL DEFAULT false;

-- Only a klage taken can be taken in part.
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_partly_only_reversed" CHECK (NOT "partly" OR "status" = 'REVERSED');

-- The klager already taken with a waiting-list place: their audit entry holds the decision after it.
UPDATE "Appeal" a SET "partly" = true
WHERE a."status" = 'REVERSED'
  AND EXISTS (
    SELECT 1 FROM "AuditLog" l
    WHERE l."action" = 'appeal.reverse' AND l."entityType" = 'Appeal' AND l."entityId" = a."id"
      AND l."after" -> 'decision' ->> 'outcome' = 'WAITLIST'
  );
