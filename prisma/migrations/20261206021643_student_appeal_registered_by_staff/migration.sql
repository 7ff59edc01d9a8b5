-- AlterTable
ALTER TABLE "StudentAppeal" ADD COLUMN     "lateReason" TEXT,
ADD COLUMN     "registeredById" TEXT;

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A klage is taken up after its deadline only by staff registering it, with why (forvaltningsloven
-- § 31): the portal refuses a late klage from the student.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_late_only_by_staff" CHECK ("lateReason" IS NULL OR ("registeredById" IS NOT NULL AND btrim("lateReason") <> ''));
