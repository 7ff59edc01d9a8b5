-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "endUnknown" BOOLEAN NOT NULL DEFAULT false;

-- Hand-written: "not yet said whether it ended" and an end date cannot both hold. Existing rows
-- keep their meaning (a null end date = still employed) through the default.
ALTER TABLE "Position" ADD CONSTRAINT "Position_end_unknown_without_date" CHECK (NOT "endUnknown" OR "endDate" IS NULL);
