-- AlterTable
ALTER TABLE "StudentLetterOpening" ALTER COLUMN "openedAt" DROP NOT NULL;

-- ─── Hand-written ──────────────────────────────────────────────────────────────────────────────

-- Letters made before the app kept openings: she has had them (by e-mail and under Brev), so they
-- are not «ny» to her, and when she opened them is not known (null) rather than «ikke åpnet».
INSERT INTO "StudentLetterOpening" ("letterId", "openedAt")
  SELECT "id", NULL FROM "StudentLetter"
  ON CONFLICT ("letterId") DO NOTHING;
