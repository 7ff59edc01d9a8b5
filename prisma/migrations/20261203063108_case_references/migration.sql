-- Case references (saksnummer): Decision.caseNumber's sequence numbers admission's decisions and
-- students' cases alike, so a number names one case (lib/domain/case-reference.ts formats
-- "2026/00042").
-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "caseNumber" SERIAL NOT NULL,
ADD COLUMN     "caseYear" INTEGER NOT NULL DEFAULT (date_part('year'::text, timezone('Europe/Oslo'::text, now())))::integer;

-- AlterTable
-- (Added empty, filled below, then required: the letters that exist get their cases first.)
ALTER TABLE "StudentLetter" ADD COLUMN     "caseNumber" INTEGER,
ADD COLUMN     "caseYear" INTEGER;

-- Cases that existed before: numbered in the order they were decided (admission's decisions and
-- students' enkeltvedtak together), in the year of that day in Oslo. A letter that answers a
-- student's enkeltvedtak (a klage's outcome, a decision that no longer stands) carries its case.
WITH opened AS (
  SELECT 'D' AS kind, "id", "decidedAt" AS at FROM "Decision"
  UNION ALL
  SELECT 'L', "id", "decidedAt" FROM "StudentLetter" WHERE "enkeltvedtak"
), numbered AS (
  SELECT kind, "id", (date_part('year', timezone('Europe/Oslo', at AT TIME ZONE 'UTC')))::integer AS year,
         (row_number() OVER (ORDER BY at, kind, "id"))::integer AS n
  FROM opened
)
UPDATE "Decision" d SET "caseYear" = numbered.year, "caseNumber" = numbered.n
FROM numbered WHERE numbered.kind = 'D' AND numbered."id" = d."id";

-- Letters are never changed (a trigger refuses it); these new columns are filled once, here.
ALTER TABLE "StudentLetter" DISABLE TRIGGER "StudentLetter_no_update_or_delete";

WITH opened AS (
  SELECT 'D' AS kind, "id", "decidedAt" AS at FROM "Decision"
  UNION ALL
  SELECT 'L', "id", "decidedAt" FROM "StudentLetter" WHERE "enkeltvedtak"
), numbered AS (
  SELECT kind, "id", (date_part('year', timezone('Europe/Oslo', at AT TIME ZONE 'UTC')))::integer AS year,
         (row_number() OVER (ORDER BY at, kind, "id"))::integer AS n
  FROM opened
)
UPDATE "StudentLetter" l SET "caseYear" = numbered.year, "caseNumber" = numbered.n
FROM numbered WHERE numbered.kind = 'L' AND numbered."id" = l."id";

-- A klage's outcome letter: the case of the letter appealed.
UPDATE "StudentLetter" l SET "caseYear" = appealed."caseYear", "caseNumber" = appealed."caseNumber"
FROM "StudentAppeal" a JOIN "StudentLetter" appealed ON appealed."id" = a."letterId"
WHERE a."outcomeLetterId" = l."id";

-- A decision that no longer stands: the case of the latest enkeltvedtak before it about the same record.
UPDATE "StudentLetter" l SET ("caseYear", "caseNumber") = (
  SELECT e."caseYear", e."caseNumber" FROM "StudentLetter" e
  WHERE e."enkeltvedtak" AND e."enrolmentId" = l."enrolmentId" AND e."aboutType" = l."aboutType" AND e."aboutId" = l."aboutId" AND e."decidedAt" <= l."decidedAt"
  ORDER BY e."decidedAt" DESC, e."id" DESC LIMIT 1
)
WHERE l."kind" = 'DECISION_CHANGED' AND EXISTS (
  SELECT 1 FROM "StudentLetter" e
  WHERE e."enkeltvedtak" AND e."enrolmentId" = l."enrolmentId" AND e."aboutType" = l."aboutType" AND e."aboutId" = l."aboutId" AND e."decidedAt" <= l."decidedAt"
);

-- Any other letter (none is expected) opens a case of its own.
UPDATE "StudentLetter" SET "caseNumber" = nextval('"Decision_caseNumber_seq"'),
  "caseYear" = (date_part('year', timezone('Europe/Oslo', "decidedAt" AT TIME ZONE 'UTC')))::integer
WHERE "caseNumber" IS NULL;

ALTER TABLE "StudentLetter" ENABLE TRIGGER "StudentLetter_no_update_or_delete";

SELECT setval('"Decision_caseNumber_seq"', GREATEST(
  (SELECT COALESCE(MAX("caseNumber"), 0) FROM "Decision"),
  (SELECT COALESCE(MAX("caseNumber"), 0) FROM "StudentLetter"),
  1
));

ALTER TABLE "StudentLetter" ALTER COLUMN "caseNumber" SET NOT NULL, ALTER COLUMN "caseYear" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Decision_caseNumber_key" ON "Decision"("caseNumber");

-- CreateIndex
CREATE INDEX "StudentLetter_caseNumber_idx" ON "StudentLetter"("caseNumber");

-- A case is opened once: among the letters that open one (the enkeltvedtak), a number is unique.
CREATE UNIQUE INDEX "StudentLetter_caseNumber_opened_key" ON "StudentLetter"("caseNumber") WHERE "enkeltvedtak";

-- Numbers are positive (the sequence never restarts; the format pads to five digits, more show as
-- they are) and the year is a plausible year.
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_caseNumber_range" CHECK ("caseNumber" BETWEEN 1 AND 99999999 AND "caseYear" BETWEEN 2000 AND 2999);
ALTER TABLE "StudentLetter" ADD CONSTRAINT "StudentLetter_caseNumber_range" CHECK ("caseNumber" BETWEEN 1 AND 99999999 AND "caseYear" BETWEEN 2000 AND 2999);
