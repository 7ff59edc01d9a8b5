-- The health data of a request for utsatt eksamen (the student's account and the documentation)
-- is erased by the privacy.retention job once its period after the final decision has passed
-- (lib/domain/retention.ts). The request row stays as the case, with its reason, decision,
-- grounds and letters; the account becomes NULL and the time of erasure is kept.
ALTER TABLE "ExamDeferral" ADD COLUMN     "healthDataErasedAt" TIMESTAMP(3),
ALTER COLUMN "explanation" DROP NOT NULL;

-- Erased exactly when the account is gone, and never while the request waits for a decision.
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_health_data_erased"
  CHECK (("explanation" IS NULL) = ("healthDataErasedAt" IS NOT NULL));
ALTER TABLE "ExamDeferral" ADD CONSTRAINT "ExamDeferral_erased_when_decided"
  CHECK ("healthDataErasedAt" IS NULL OR "status" <> 'REQUESTED');
