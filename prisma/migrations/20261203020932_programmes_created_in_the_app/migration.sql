-- Programmes are created in the app (issue 18): the code was an enum of the two programmes the
-- demo knew; it becomes text, checked by the same rule as lib/domain/programme.ts. Existing rows
-- keep their codes (the enum's labels are valid codes), and the unique index stays.
ALTER TABLE "Programme" ALTER COLUMN "code" TYPE TEXT USING "code"::text;
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_code_format" CHECK ("code" ~ '^[A-Z][A-Z0-9_-]{1,39}$');

-- DropEnum
DROP TYPE "ProgrammeCode";

-- The programme's own words in an offer of a place (never the legal parts of a letter).
ALTER TABLE "Programme" ADD COLUMN "offerPracticalText" TEXT,
ADD COLUMN "offerWelcomeText" TEXT;
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_offer_texts_length" CHECK (
  length(COALESCE("offerWelcomeText", '')) <= 2000 AND length(COALESCE("offerPracticalText", '')) <= 2000
);

-- The practical paragraph every offer had until now stays in the offers of the existing programmes.
UPDATE "Programme" SET "offerPracticalText" =
  'Studiet har ingen studieavgift, men du må betale semesteravgift det semesteret du tar eksamen. Arbeidsgiveren din kan søke Bufdir om tilskudd til kostnadene.';

