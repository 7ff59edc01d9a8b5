-- CreateTable
CREATE TABLE "StudentLetterOpening" (
    "letterId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudentLetterOpening_pkey" PRIMARY KEY ("letterId")
);

-- AddForeignKey
ALTER TABLE "StudentLetterOpening" ADD CONSTRAINT "StudentLetterOpening_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "StudentLetter"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ─── Hand-written ──────────────────────────────────────────────────────────────────────────────

-- The first opening is a fact: written once (INSERT … ON CONFLICT DO NOTHING), never moved.
-- Not closed in an archived kull (archived-kull.test.ts, NOT_CLOSED): reading one's letters is
-- not a change to the kull's record.
CREATE FUNCTION student_letter_opening_unchangeable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'StudentLetterOpening is written once: UPDATE is not allowed'
    USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'StudentLetterOpening_unchangeable';
END $$;
CREATE TRIGGER "StudentLetterOpening_no_update" BEFORE UPDATE ON "StudentLetterOpening"
  FOR EACH ROW EXECUTE FUNCTION student_letter_opening_unchangeable();
