-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "waitlistClosesOn" DATE;

-- Hand-written: a waiting list closes after the application deadline (one that closed by then
-- would be closed before a decision could be sent) and no later than the kull's last day
-- (lib/domain/admission-decisions.ts, waitlistClosingDateProblem, says the same for the form).
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_waitlist_closes_on" CHECK (
  "waitlistClosesOn" IS NULL OR ("waitlistClosesOn" > "applicationDeadline" AND "waitlistClosesOn" <= "endsOn"));
