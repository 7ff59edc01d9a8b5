-- AlterEnum: the stored standing tells «short by a decision» (a required arbeidskrav finally not
-- approved) from «on track» (lib/domain/standing.ts standingFromEligibility). Rows stored before
-- stay ON_TRACK until the student's next refresh; storedOutlook reads them right meanwhile, since
-- the rule cannot be written again here in SQL.
ALTER TYPE "StandingStatus" ADD VALUE 'SHORT_BY_DECISION' BEFORE 'NOT_ELIGIBLE';
