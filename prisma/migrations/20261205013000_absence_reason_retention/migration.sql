-- The reason a student gives in an absence notice is erased by the `privacy.retention` job a
-- period after the samling day (lib/domain/retention.ts): it is often health data, and a notice
-- is never the basis of a decision. The notice stays; the erasure is recorded.
ALTER TABLE "AbsenceNotice" ALTER COLUMN "reason" DROP NOT NULL;
ALTER TABLE "AbsenceNotice" ADD COLUMN "reasonErasedAt" TIMESTAMP(3);

-- Erased exactly when the reason is gone: a notice is never sent without one.
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_reason_erased"
  CHECK (("reason" IS NULL) = ("reasonErasedAt" IS NOT NULL));

-- The job finds the notices still holding a reason by their day.
CREATE INDEX "AbsenceNotice_holding_reason_idx" ON "AbsenceNotice" ("samlingDayId") WHERE "reason" IS NOT NULL;
