-- A klage on an admission decision that no longer has anything to decide: the applicant was
-- offered a place another way (the waiting list, the adviser's offer) or withdrew the
-- application. The adviser's grounds column says which (Appeal_decided requires it).
ALTER TYPE "AppealStatus" ADD VALUE 'SETTLED';

-- A klage on a student letter is always decided on its merits. Compared as text: a new enum
-- value cannot be used in the transaction that adds it.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_never_settled" CHECK ("status"::text <> 'SETTLED');
