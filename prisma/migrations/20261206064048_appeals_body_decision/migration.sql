-- CreateEnum
CREATE TYPE "AppealsBodyOutcome" AS ENUM ('UPHELD', 'REVERSED', 'QUASHED');

-- CreateTable
CREATE TABLE "AppealsBodyDecision" (
    "id" TEXT NOT NULL,
    "appealId" TEXT,
    "studentAppealId" TEXT,
    "forwardedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "AppealsBodyOutcome" NOT NULL,
    "decidedOn" DATE NOT NULL,
    "reference" TEXT,
    "summary" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppealsBodyDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AppealsBodyDecision_appealId_forwardedAt_key" ON "AppealsBodyDecision"("appealId", "forwardedAt");

-- CreateIndex
CREATE UNIQUE INDEX "AppealsBodyDecision_studentAppealId_forwardedAt_key" ON "AppealsBodyDecision"("studentAppealId", "forwardedAt");

-- AddForeignKey
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_appealId_fkey" FOREIGN KEY ("appealId") REFERENCES "Appeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_studentAppealId_fkey" FOREIGN KEY ("studentAppealId") REFERENCES "StudentAppeal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A klagenemnd's decision answers exactly one klage: an applicant's or a student's.
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_one_klage"
  CHECK (("appealId" IS NULL) <> ("studentAppealId" IS NULL));
-- Its grounds are always given, and a case number is text or nothing.
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_summary_given" CHECK (length(btrim("summary")) > 0);
ALTER TABLE "AppealsBodyDecision" ADD CONSTRAINT "AppealsBodyDecision_reference_given" CHECK ("reference" IS NULL OR length(btrim("reference")) > 0);
-- Not closed when a kull is archived (see *_archived_kull_closed_to_writes): the klagenemnd decides
-- when it decides, and a stadfestet changes nothing of the kull's record; carrying out a reversal
-- writes the record's closed tables, and waits until the kull is brought back from the archive.
