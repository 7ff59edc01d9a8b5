-- AlterTable
ALTER TABLE "AppealsBodyDecision" ADD COLUMN     "followUpNote" TEXT,
ADD COLUMN     "followedUpAt" TIMESTAMP(3),
ADD COLUMN     "followedUpById" TEXT;

-- AddForeignKey
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_followedUpById_fkey" FOREIGN KEY ("followedUpById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A follow-up is of a reversal not carried out, and says when, by whom and what was done.
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_follow_up_complete" CHECK (
  ("followedUpAt" IS NULL AND "followedUpById" IS NULL AND "followUpNote" IS NULL)
  OR ("followedUpAt" IS NOT NULL AND "followedUpById" IS NOT NULL AND length(btrim("followUpNote")) > 0 AND "notCarriedOut" IS NOT NULL)
);
