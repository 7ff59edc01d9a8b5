-- AlterTable
ALTER TABLE "AppealsBodyDecision" ADD COLUMN     "notCarriedOut" TEXT;

-- Only a reversal is carried out, so only a reversal can have failed to be; its reason is text.
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_not_carried_out_only_reversed"
  CHECK ("notCarriedOut" IS NULL OR ("outcome" = 'REVERSED' AND length(btrim("notCarriedOut")) > 0));
