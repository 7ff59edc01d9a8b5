-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "publishedAt" TIMESTAMP(3);

-- Every kull made before this change was visible to applicants: it counts as published then.
UPDATE "Cohort" SET "publishedAt" = "createdAt";

-- The life of a kull goes one way (lib/domain/cohort-life.ts): completed after published,
-- archived after completed.
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_completed_after_published" CHECK ("completedAt" IS NULL OR "publishedAt" IS NOT NULL);
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_archived_after_completed" CHECK ("archivedAt" IS NULL OR "completedAt" IS NOT NULL);

-- A draft takes no applications, whatever the code that writes them (the use case says so in
-- Norwegian first; this is the last line of defence).
CREATE FUNCTION application_needs_published_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Cohort" c WHERE c."id" = NEW."cohortId" AND c."publishedAt" IS NOT NULL) THEN
    RAISE EXCEPTION 'cohort % is not published', NEW."cohortId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Application_published_cohort';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Application_published_cohort" BEFORE INSERT OR UPDATE OF "cohortId" ON "Application"
  FOR EACH ROW EXECUTE FUNCTION application_needs_published_cohort();
