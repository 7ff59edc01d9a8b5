-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('OFFER', 'WAITLIST', 'REFUSAL', 'WAITLIST_OFFER', 'KLAGE_UPHELD');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('RECEIVED', 'REVERSED', 'UPHELD');

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'APPEAL';

-- AlterEnum
ALTER TYPE "OfferAnswer" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "assessedCategory" INTEGER,
ADD COLUMN     "qualificationGrounds" TEXT,
ADD COLUMN     "qualifiedAt" TIMESTAMP(3),
ADD COLUMN     "qualifiedById" TEXT;

-- CreateTable
CREATE TABLE "DecisionLetter" (
    "id" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "madeAvailableOn" DATE NOT NULL,
    "klageDeadline" DATE,
    "answerDeadline" DATE,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DecisionLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentationRequest" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "DocumentationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RankingMove" (
    "id" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "toRank" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RankingMove_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "decisionId" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "documentId" TEXT,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "AppealStatus" NOT NULL DEFAULT 'RECEIVED',
    "grounds" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "forwardedAt" TIMESTAMP(3),

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DecisionLetter_decisionId_version_key" ON "DecisionLetter"("decisionId", "version");

-- CreateIndex
CREATE INDEX "DocumentationRequest_applicationId_idx" ON "DocumentationRequest"("applicationId");

-- CreateIndex
CREATE INDEX "RankingMove_cohortId_createdAt_idx" ON "RankingMove"("cohortId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_documentId_key" ON "Appeal"("documentId");

-- CreateIndex
CREATE INDEX "Appeal_applicationId_idx" ON "Appeal"("applicationId");

-- CreateIndex
CREATE INDEX "Appeal_status_filedAt_idx" ON "Appeal"("status", "filedAt");

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_qualifiedById_fkey" FOREIGN KEY ("qualifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionLetter" ADD CONSTRAINT "DecisionLetter_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DecisionLetter" ADD CONSTRAINT "DecisionLetter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentationRequest" ADD CONSTRAINT "DocumentationRequest_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentationRequest" ADD CONSTRAINT "DocumentationRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingMove" ADD CONSTRAINT "RankingMove_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingMove" ADD CONSTRAINT "RankingMove_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingMove" ADD CONSTRAINT "RankingMove_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "DecisionLetter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ─── Hand-written ──────────────────────────────────────────────────────────────────────────────

-- Letters already sent move into the letter archive before the column goes.
INSERT INTO "DecisionLetter" ("id", "decisionId", "version", "kind", "subject", "body", "madeAvailableOn", "createdById", "createdAt")
SELECT 'l' || substr(md5(d."id"), 1, 24), d."id", 1, d."outcome"::text::"LetterKind",
       CASE d."outcome" WHEN 'OFFER' THEN 'Tilbud om studieplass' WHEN 'WAITLIST' THEN 'Plass på venteliste' ELSE 'Avslag på søknad om opptak' END,
       d."letter", COALESCE(d."sentAt", d."decidedAt")::date, d."decidedById", COALESCE(d."sentAt", d."decidedAt")
FROM "Decision" d;
ALTER TABLE "Decision" DROP COLUMN "letter";

-- Capacity: only open and accepted offers take a place (declined and expired ones free it).
CREATE OR REPLACE FUNCTION decision_within_capacity() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cohort_id text;
  places integer;
  taken integer;
BEGIN
  IF NEW."outcome" <> 'OFFER' OR (NEW."answer" IS NOT NULL AND NEW."answer" <> 'ACCEPTED') THEN
    RETURN NEW;
  END IF;
  SELECT a."cohortId" INTO cohort_id FROM "Application" a WHERE a."id" = NEW."applicationId";
  SELECT c."capacity" INTO places FROM "Cohort" c WHERE c."id" = cohort_id FOR UPDATE;
  SELECT count(*) INTO taken
  FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId"
  WHERE a."cohortId" = cohort_id AND d."id" <> NEW."id"
    AND d."outcome" = 'OFFER' AND (d."answer" IS NULL OR d."answer" = 'ACCEPTED');
  IF taken >= places THEN
    RAISE EXCEPTION 'cohort % has no free places (capacity %)', cohort_id, places
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_capacity';
  END IF;
  RETURN NEW;
END $$;

ALTER TABLE "Application" ADD CONSTRAINT "Application_assessed_category_range" CHECK ("assessedCategory" IS NULL OR "assessedCategory" BETWEEN 1 AND 4);
CREATE INDEX "Application_cohortId_assessedCategory_idx" ON "Application"("cohortId", "assessedCategory");

-- An override of the category and a "not qualified" need written grounds.
ALTER TABLE "Application" ADD CONSTRAINT "Application_category_override_reason" CHECK ("category" IS NULL OR length(btrim(COALESCE("categoryReason", ''))) > 0);
ALTER TABLE "Application" ADD CONSTRAINT "Application_not_qualified_grounds" CHECK ("qualified" IS DISTINCT FROM false OR length(btrim(COALESCE("qualificationGrounds", ''))) > 0);

ALTER TABLE "DecisionLetter" ADD CONSTRAINT "DecisionLetter_version_positive" CHECK ("version" >= 1);
ALTER TABLE "DocumentationRequest" ADD CONSTRAINT "DocumentationRequest_message" CHECK (length(btrim("message")) BETWEEN 1 AND 4000);
ALTER TABLE "RankingMove" ADD CONSTRAINT "RankingMove_rank_positive" CHECK ("toRank" >= 1);
ALTER TABLE "RankingMove" ADD CONSTRAINT "RankingMove_reason" CHECK (length(btrim("reason")) BETWEEN 1 AND 2000);

ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_text" CHECK (length(btrim("text")) BETWEEN 1 AND 10000);
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decided" CHECK (("status" = 'RECEIVED') = ("decidedAt" IS NULL) AND ("status" = 'RECEIVED' OR length(btrim(COALESCE("grounds", ''))) > 0));
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_forwarded_only_upheld" CHECK ("forwardedAt" IS NULL OR "status" = 'UPHELD');
CREATE UNIQUE INDEX "Appeal_one_open_per_decision" ON "Appeal" ("decisionId") WHERE "status" = 'RECEIVED';
