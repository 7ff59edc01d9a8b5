-- CreateEnum
CREATE TYPE "StudentLetterKind" AS ENUM ('ARBEIDSKRAV_NOT_APPROVED', 'EXAM_ADMISSION_REFUSED', 'KLAGE_REVERSED', 'KLAGE_UPHELD', 'DECISION_CHANGED');

-- CreateTable
CREATE TABLE "StudentLetter" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "StudentLetterKind" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "enkeltvedtak" BOOLEAN NOT NULL,
    "grounds" TEXT,
    "legalBasis" TEXT,
    "madeAvailableOn" DATE NOT NULL,
    "klageDeadline" DATE,
    "decidedById" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "aboutType" TEXT NOT NULL,
    "aboutId" TEXT NOT NULL,

    CONSTRAINT "StudentLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudentAppeal" (
    "id" TEXT NOT NULL,
    "letterId" TEXT NOT NULL,
    "letterDecidedById" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "AppealStatus" NOT NULL DEFAULT 'RECEIVED',
    "grounds" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "forwardedAt" TIMESTAMP(3),
    "outcomeLetterId" TEXT,

    CONSTRAINT "StudentAppeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StudentLetter_userId_madeAvailableOn_idx" ON "StudentLetter"("userId", "madeAvailableOn");

-- CreateIndex
CREATE INDEX "StudentLetter_aboutType_aboutId_idx" ON "StudentLetter"("aboutType", "aboutId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentLetter_id_decidedById_key" ON "StudentLetter"("id", "decidedById");

-- CreateIndex
CREATE UNIQUE INDEX "StudentAppeal_letterId_key" ON "StudentAppeal"("letterId");

-- CreateIndex
CREATE UNIQUE INDEX "StudentAppeal_outcomeLetterId_key" ON "StudentAppeal"("outcomeLetterId");

-- CreateIndex
CREATE INDEX "StudentAppeal_status_filedAt_idx" ON "StudentAppeal"("status", "filedAt");

-- CreateIndex
CREATE INDEX "StudentAppeal_enrolmentId_idx" ON "StudentAppeal"("enrolmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_id_userId_key" ON "Enrolment"("id", "userId");

-- AddForeignKey
ALTER TABLE "StudentLetter" ADD CONSTRAINT "StudentLetter_enrolmentId_userId_fkey" FOREIGN KEY ("enrolmentId", "userId") REFERENCES "Enrolment"("id", "userId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentLetter" ADD CONSTRAINT "StudentLetter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentLetter" ADD CONSTRAINT "StudentLetter_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_letterId_letterDecidedById_fkey" FOREIGN KEY ("letterId", "letterDecidedById") REFERENCES "StudentLetter"("id", "decidedById") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_outcomeLetterId_fkey" FOREIGN KEY ("outcomeLetterId") REFERENCES "StudentLetter"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ─── Hand-written ──────────────────────────────────────────────────────────────────────────────

-- A letter is never changed and never removed: a new outcome is a new letter.
CREATE FUNCTION student_letter_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StudentLetter is never changed: % is not allowed', TG_OP
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'StudentLetter_unchangeable';
END $$;
CREATE TRIGGER "StudentLetter_no_update_or_delete" BEFORE UPDATE OR DELETE ON "StudentLetter"
  FOR EACH ROW EXECUTE FUNCTION student_letter_unchangeable();
CREATE TRIGGER "StudentLetter_no_truncate" BEFORE TRUNCATE ON "StudentLetter"
  FOR EACH STATEMENT EXECUTE FUNCTION student_letter_unchangeable();

-- An enkeltvedtak states its grounds, its legal basis and the klage deadline; any other letter
-- gives no right to appeal.
ALTER TABLE "StudentLetter" ADD CONSTRAINT "StudentLetter_enkeltvedtak_complete" CHECK (
  ("enkeltvedtak" AND "grounds" IS NOT NULL AND length(btrim("grounds")) > 0
                  AND "legalBasis" IS NOT NULL AND length(btrim("legalBasis")) > 0
                  AND "klageDeadline" IS NOT NULL AND "klageDeadline" > "madeAvailableOn")
  OR (NOT "enkeltvedtak" AND "klageDeadline" IS NULL)
);

-- A klage is decided by someone other than the one who made the decision it is about.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_decided_by_someone_else"
  CHECK ("decidedById" IS NULL OR "decidedById" <> "letterDecidedById");
-- Decided exactly when it is no longer waiting, with grounds; forwarded only when upheld.
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_decision_complete" CHECK (
  ("status" = 'RECEIVED' AND "decidedById" IS NULL AND "decidedAt" IS NULL AND "grounds" IS NULL AND "outcomeLetterId" IS NULL)
  OR ("status" <> 'RECEIVED' AND "decidedById" IS NOT NULL AND "decidedAt" IS NOT NULL AND "grounds" IS NOT NULL AND "outcomeLetterId" IS NOT NULL)
);
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_forwarded_only_upheld" CHECK ("forwardedAt" IS NULL OR "status" = 'UPHELD');
ALTER TABLE "StudentAppeal" ADD CONSTRAINT "StudentAppeal_text_length" CHECK (length("text") BETWEEN 1 AND 10000);

-- A klage is on an enkeltvedtak, by the student the letter is to.
CREATE FUNCTION student_appeal_on_own_enkeltvedtak() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM "StudentLetter" l
    WHERE l."id" = NEW."letterId" AND l."enkeltvedtak" AND l."enrolmentId" = NEW."enrolmentId"
  ) THEN
    RAISE EXCEPTION 'letter % is not an enkeltvedtak to enrolment %', NEW."letterId", NEW."enrolmentId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'StudentAppeal_on_own_enkeltvedtak';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "StudentAppeal_on_own_enkeltvedtak" BEFORE INSERT OR UPDATE OF "letterId", "enrolmentId" ON "StudentAppeal"
  FOR EACH ROW EXECUTE FUNCTION student_appeal_on_own_enkeltvedtak();
