-- AlterTable
ALTER TABLE "SubmissionMember" ADD COLUMN     "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "addedById" TEXT,
ADD COLUMN     "confirmedAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "SubmissionMember" ADD CONSTRAINT "SubmissionMember_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written. Members of existing submissions were chosen before anyone could confirm: they
-- count as confirmed from the day the work was handed in.
UPDATE "SubmissionMember" m SET "confirmedAt" = s."createdAt", "addedAt" = s."createdAt"
FROM "Submission" s WHERE s."id" = m."submissionId";

-- A member who has not confirmed was added by someone (the one who hands in confirms by doing it).
ALTER TABLE "SubmissionMember" ADD CONSTRAINT "SubmissionMember_unconfirmed_was_added"
  CHECK ("confirmedAt" IS NOT NULL OR "addedById" IS NOT NULL);

-- A group never shrinks below its arbeidskrav's smallest size when a member leaves (checked at
-- commit, so a leave and an add in one transaction are judged together). A submission that is
-- itself being removed is not judged.
CREATE FUNCTION submission_member_min_group_size() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  smallest integer;
  members integer;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Submission" s WHERE s."id" = OLD."submissionId") THEN
    RETURN NULL;
  END IF;
  SELECT CASE WHEN a."individualOnly" THEN 1 ELSE a."minGroupSize" END INTO smallest
  FROM "ArbeidskravDefinition" a WHERE a."id" = OLD."arbeidskravId";
  SELECT count(*) INTO members FROM "SubmissionMember" m WHERE m."submissionId" = OLD."submissionId";
  IF members < smallest THEN
    RAISE EXCEPTION 'submission % would have % members; arbeidskrav % needs at least %', OLD."submissionId", members, OLD."arbeidskravId", smallest
      USING ERRCODE = 'check_violation', CONSTRAINT = 'SubmissionMember_min_group_size';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "SubmissionMember_min_group_size" AFTER DELETE ON "SubmissionMember"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION submission_member_min_group_size();
