-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "lateReason" TEXT,
ADD COLUMN     "registeredById" TEXT;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A klage is taken up after its deadline only by an adviser registering it, with why
-- (forvaltningsloven § 31): the portal refuses a late klage from the applicant.
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_late_only_by_adviser" CHECK ("lateReason" IS NULL OR ("registeredById" IS NOT NULL AND btrim("lateReason") <> ''));
