-- An archived kull is a closed record: what happened in it (its plan, team and groups, the
-- students' enrolments, leave, attendance and absence notices, arbeidskrav, hand-ins and
-- assessments, exams, registrations, deferrals, letters and klager) is never changed again. The
-- use cases say so in Norwegian first (lib/server/cohorts/closed-record.ts turns this refusal
-- into the message); this is the line every write crosses, whatever the code that writes.
--
-- The way back is a step a person takes: «Hent fram fra arkivet» (lib/server/intakes/life.ts)
-- clears archivedAt, with a reason in the audit log, and the kull can be corrected again.
--
-- Not closed:
-- - "Standing", a cache recomputed from the facts (the facts cannot change, so neither can it);
-- - the admission records (applications, decisions and their letters), which have rules of
--   their own: a decision is made once, and the intake facts are locked (intakeLockedReason);
-- - rows written by the database itself for a statement that was already let through (a
--   foreign key's cascade or SET NULL: pg_trigger_depth() > 1), so deleting an account the
--   retention job may delete still works;
-- - the retention job, which erases what the law says must go, from archived kull too: it says
--   so with SET LOCAL app.closed_record_writer = 'retention' in its own transactions (a later
--   data migration that must correct archived rows says 'migration').

-- Whether the kull that `ref` (an id, found by `path`) belongs to is archived. It takes a KEY SHARE
-- lock on the kull's row, the weakest there is: it waits for nothing but FOR UPDATE, which only
-- archiving and restoring take (lib/server/intakes/life.ts). So a write that has passed this check
-- holds archiving back until it commits (the archiving then sees it among the open cases), and a
-- write that comes while a kull is being archived waits, then reads the archived row and is
-- refused. In READ COMMITTED a locked row is read as it is after the other's commit.
CREATE FUNCTION cohort_record_archived(path text, ref text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  archived_at timestamp(3);
BEGIN
  IF ref IS NULL THEN
    RETURN false;
  END IF;
  CASE path
    WHEN 'cohort' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "Cohort" c WHERE c."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'enrolment' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "Enrolment" e JOIN "Cohort" c ON c."id" = e."cohortId"
                         WHERE e."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'arbeidskrav' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "ArbeidskravDefinition" d JOIN "Cohort" c ON c."id" = d."cohortId"
                         WHERE d."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'submission' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "Submission" s JOIN "ArbeidskravDefinition" d ON d."id" = s."arbeidskravId"
                         JOIN "Cohort" c ON c."id" = d."cohortId"
                         WHERE s."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'attempt' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "SubmissionAttempt" a JOIN "Submission" s ON s."id" = a."submissionId"
                         JOIN "ArbeidskravDefinition" d ON d."id" = s."arbeidskravId" JOIN "Cohort" c ON c."id" = d."cohortId"
                         WHERE a."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'exam' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "Exam" x JOIN "Cohort" c ON c."id" = x."cohortId"
                         WHERE x."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'registration' THEN
      FOR archived_at IN SELECT c."archivedAt" FROM "ExamRegistration" r JOIN "Enrolment" e ON e."id" = r."enrolmentId"
                         JOIN "Cohort" c ON c."id" = e."cohortId"
                         WHERE r."id" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
    WHEN 'samling' THEN
      -- A samling shared by two kull is closed when either is archived: its days are the
      -- archived kull's plan, and its attendance refers to them.
      FOR archived_at IN SELECT c."archivedAt" FROM "CohortSamling" cs JOIN "Cohort" c ON c."id" = cs."cohortId"
                         WHERE cs."samlingId" = ref FOR KEY SHARE OF c LOOP
        IF archived_at IS NOT NULL THEN RETURN true; END IF;
      END LOOP;
  END CASE;
  RETURN false;
END $$;

-- The row trigger: TG_ARGV[0] is the path to the kull, TG_ARGV[1] the column that holds the id.
CREATE FUNCTION cohort_record_closed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_ref text;
  new_ref text;
BEGIN
  IF pg_trigger_depth() > 1 OR current_setting('app.closed_record_writer', true) IN ('retention', 'migration') THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    old_ref := to_jsonb(OLD) ->> TG_ARGV[1];
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_ref := to_jsonb(NEW) ->> TG_ARGV[1];
  END IF;
  IF cohort_record_archived(TG_ARGV[0], old_ref)
     OR (new_ref IS DISTINCT FROM old_ref AND cohort_record_archived(TG_ARGV[0], new_ref)) THEN
    RAISE EXCEPTION 'the kull is archived: % on "%" is refused', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_archived_closed';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER "CohortSamling_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "CohortSamling"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "CohortTeacher_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "CohortTeacher"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "Basisgruppe_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Basisgruppe"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "Enrolment_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Enrolment"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "ArbeidskravDefinition_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "ArbeidskravDefinition"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "Exam_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Exam"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('cohort', 'cohortId');
CREATE TRIGGER "SamlingDay_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "SamlingDay"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('samling', 'samlingId');
CREATE TRIGGER "LeaveOfAbsence_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "LeaveOfAbsence"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "ArbeidskravCredit_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "ArbeidskravCredit"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "AttendanceCredit_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "AttendanceCredit"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "Attendance_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Attendance"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "AbsenceNotice_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "AbsenceNotice"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "ExamRegistration_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "ExamRegistration"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "StudentLetter_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "StudentLetter"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "StudentAppeal_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "StudentAppeal"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "SubmissionMember_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "SubmissionMember"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('enrolment', 'enrolmentId');
CREATE TRIGGER "Submission_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Submission"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('arbeidskrav', 'arbeidskravId');
CREATE TRIGGER "SubmissionAttempt_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "SubmissionAttempt"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('submission', 'submissionId');
CREATE TRIGGER "AssessmentChange_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "AssessmentChange"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('attempt', 'attemptId');
CREATE TRIGGER "ExamDeferral_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "ExamDeferral"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('registration', 'registrationId');

-- The kull's own row: archived, nothing on it changes but the step back (archivedAt cleared),
-- and it is never deleted.
CREATE FUNCTION cohort_archived_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."archivedAt" IS NULL OR pg_trigger_depth() > 1 THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'DELETE'
     OR NEW."archivedAt" IS NOT NULL
     OR (to_jsonb(NEW) - 'archivedAt' - 'updatedAt') <> (to_jsonb(OLD) - 'archivedAt' - 'updatedAt') THEN
    RAISE EXCEPTION 'the kull is archived: % on "Cohort" is refused', TG_OP
      USING ERRCODE = 'check_violation', CONSTRAINT = 'Cohort_archived_closed';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Cohort_closed_when_archived" BEFORE UPDATE OR DELETE ON "Cohort"
  FOR EACH ROW EXECUTE FUNCTION cohort_archived_unchanged();
