-- AlterEnum
ALTER TYPE "AppealStatus" ADD VALUE 'DISMISSED';

-- AlterEnum
ALTER TYPE "StudentLetterKind" ADD VALUE 'KLAGE_DISMISSED';

-- An avvisning is ours to make only of a klage that came after the deadline, and such a klage
-- reaches the app only by staff registering it (the portal takes none after the deadline): so a
-- dismissed klage was registered by staff, and was not taken up under § 31 (no lateReason).
-- Compared as text: a value added to an enum cannot be used in the transaction that adds it.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_dismissed_only_registered_late" CHECK (
  "status"::text <> 'DISMISSED' OR ("registeredById" IS NOT NULL AND "lateReason" IS NULL)
);

-- An admission klage is never dismissed here (the adviser registers a late one only with a
-- § 31 reason).
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_never_dismissed" CHECK ("status"::text <> 'DISMISSED');
