-- Hand-written (no change to schema.prisma): the exam's rules the database can hold on its own.

-- A grade belongs to an active registration: a student who is not (or no longer) registered for
-- the exam cannot have one.
ALTER TABLE "ExamRegistration" ADD CONSTRAINT "ExamRegistration_grade_only_admitted" CHECK ("grade" IS NULL OR "status" = 'ADMITTED');

-- A registration is for a student of the exam's own cohort, and never for a withdrawn student.
-- (Who is ELIGIBLE is decided by lib/domain inside the registering transaction, with the
-- enrolments locked; see lib/server/cohorts/exam.ts.)
CREATE FUNCTION exam_registration_in_cohort() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1
    FROM "Exam" x
    JOIN "Enrolment" e ON e."cohortId" = x."cohortId"
    WHERE x."id" = NEW."examId" AND e."id" = NEW."enrolmentId" AND e."status" <> 'WITHDRAWN'
  ) THEN
    RAISE EXCEPTION 'enrolment % is not an active student of the cohort of exam %', NEW."enrolmentId", NEW."examId"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ExamRegistration_in_cohort';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ExamRegistration_in_cohort" BEFORE INSERT OR UPDATE OF "examId", "enrolmentId" ON "ExamRegistration"
  FOR EACH ROW EXECUTE FUNCTION exam_registration_in_cohort();

-- A note on a day's attendance is a short remark ("kom kl. 11").
ALTER TABLE "Attendance" ADD CONSTRAINT "Attendance_note_length" CHECK ("note" IS NULL OR length("note") <= 500);

-- A submission has no more members than its arbeidskrav allows (1 when it is individual, at most
-- 3): a group of four is refused by the database too, whatever the hand-in code does. The
-- submission row is locked first, so two members added at once are counted one after the other.
CREATE FUNCTION submission_member_group_size() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  allowed integer;
  members integer;
BEGIN
  PERFORM 1 FROM "Submission" s WHERE s."id" = NEW."submissionId" FOR UPDATE;
  SELECT CASE WHEN a."individualOnly" THEN 1 ELSE a."maxGroupSize" END INTO allowed
  FROM "ArbeidskravDefinition" a WHERE a."id" = NEW."arbeidskravId";
  SELECT count(*) INTO members FROM "SubmissionMember" m
  WHERE m."submissionId" = NEW."submissionId" AND m."enrolmentId" <> NEW."enrolmentId";
  IF members + 1 > allowed THEN
    RAISE EXCEPTION 'submission % would have % members; arbeidskrav % allows %', NEW."submissionId", members + 1, NEW."arbeidskravId", allowed
      USING ERRCODE = 'check_violation', CONSTRAINT = 'SubmissionMember_group_size';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "SubmissionMember_group_size" BEFORE INSERT OR UPDATE OF "submissionId", "enrolmentId" ON "SubmissionMember"
  FOR EACH ROW EXECUTE FUNCTION submission_member_group_size();
