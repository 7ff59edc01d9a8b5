-- A transfer credits the programme's own coursework only (lib/server/enrolments/credits.ts
-- sourcesOf): the credit's source is a submission in an earlier kull of the same programme as the
-- enrolment it is credited to. Before, the check asked only for "another kull", so work in
-- another programme's kull could have been stored as a credit.
CREATE OR REPLACE FUNCTION arbeidskrav_credit_valid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Enrolment" e
    JOIN "Cohort" nc ON nc."id" = e."cohortId"
    JOIN "ArbeidskravDefinition" t ON t."id" = NEW."arbeidskravId" AND t."cohortId" = e."cohortId" AND t."required"
    JOIN "Submission" s ON s."id" = NEW."sourceSubmissionId" AND s."status" = 'APPROVED'
    JOIN "ArbeidskravDefinition" src ON src."id" = s."arbeidskravId" AND src."kind" = t."kind" AND src."required" AND src."cohortId" <> e."cohortId"
    JOIN "Cohort" oc ON oc."id" = src."cohortId" AND oc."programmeId" = nc."programmeId"
    JOIN "SubmissionMember" m ON m."submissionId" = s."id"
    JOIN "Enrolment" prev ON prev."id" = m."enrolmentId" AND prev."userId" = e."userId"
    WHERE e."id" = NEW."enrolmentId"
  ) THEN
    RAISE EXCEPTION 'credit of submission % to arbeidskrav % is not an approved submission of the same kind by the same student in another kull of the programme', NEW."sourceSubmissionId", NEW."arbeidskravId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ArbeidskravCredit_valid';
  END IF;
  RETURN NEW;
END $$;
