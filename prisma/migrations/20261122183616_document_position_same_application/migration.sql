-- DropForeignKey
ALTER TABLE "Document" DROP CONSTRAINT "Document_positionId_fkey";

-- AlterTable
ALTER TABLE "Session" DROP COLUMN "lastSeenAt";

-- CreateIndex
CREATE UNIQUE INDEX "Position_id_applicationId_key" ON "Position"("id", "applicationId");

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_positionId_applicationId_fkey" FOREIGN KEY ("positionId", "applicationId") REFERENCES "Position"("id", "applicationId") ON DELETE NO ACTION ON UPDATE CASCADE;
