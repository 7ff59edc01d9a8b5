-- A granted leave withdrawn before its first day (issue 18's routine departures): its own status,
-- and the letter that confirms it. The partial unique index on open leaves and the return CHECK
-- name 'GRANTED', so a withdrawn leave is neither open nor returnable.
ALTER TYPE "LeaveStatus" ADD VALUE 'CANCELLED';
ALTER TYPE "StudentLetterKind" ADD VALUE 'LEAVE_CANCELLED';
