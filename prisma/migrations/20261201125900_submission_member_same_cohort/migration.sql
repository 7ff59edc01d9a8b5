-- Hand-written (no change to schema.prisma): a student can only be a member of a submission for
-- an arbeidskrav of their own cohort, so a group hand-in can never pull in someone from another
-- cohort, whatever the application code does. And a hand-in's text stays short (the form allows
-- 5 000 characters; longer work goes in the PDF).
CREATE FUNCTION submission_member_same_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" e
    JOIN "ArbeidskravDefinition" a ON a."cohortId" = e."cohortId"
    WHERE e."id" = NEW."enrolmentId" AND a."id" = NEW."arbeidskravId"
  ) THEN
    RAISE EXCEPTION 'enrolment % is not in the cohort of arbeidskrav %', NEW."enrolmentId", NEW."arbeidskravId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'SubmissionMember_same_cohort';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SubmissionMember_same_cohort" BEFORE INSERT OR UPDATE OF "enrolmentId", "arbeidskravId" ON "SubmissionMember"
  FOR EACH ROW EXECUTE FUNCTION submission_member_same_cohort();

ALTER TABLE "SubmissionAttempt" ADD CONSTRAINT "SubmissionAttempt_text_length" CHECK ("text" IS NULL OR length("text") <= 5000);
