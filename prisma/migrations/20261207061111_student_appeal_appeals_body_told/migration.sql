-- AlterTable
ALTER TABLE "StudentAppeal" ADD COLUMN     "appealsBodyToldAt" TIMESTAMP(3),
ADD COLUMN     "appealsBodyToldById" TEXT,
ADD COLUMN     "decisionChangedAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_appealsBodyToldById_fkey" FOREIGN KEY ("appealsBodyToldById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Told: when and by whom together, and only of a change that was made.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_appeals_body_told" CHECK (
  ("appealsBodyToldAt" IS NULL) = ("appealsBodyToldById" IS NULL)
  AND ("appealsBodyToldAt" IS NULL OR "decisionChangedAt" IS NOT NULL)
);
