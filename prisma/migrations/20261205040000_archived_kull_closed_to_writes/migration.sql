-- An archived kull is a closed record: what happened in it (its plan and samlinger, team and
-- groups, the students' enrolments, leave, attendance and absence notices, arbeidskrav, hand-ins
-- and assessments, exams and their documents, registrations, deferrals, letters and klager) is
-- never changed again. The use cases say so in Norwegian (lib/server/transactions.ts
-- databaseRefusal turns this refusal into ARCHIVED_KULL_MESSAGE); this is the line every write
-- crosses, whatever the code that writes.
--
-- The way back is a step a person takes: «Hent kullet fram fra arkivet» (lib/server/intakes/life.ts)
-- clears archivedAt, with a reason in the audit log, and the kull can be corrected again.
--
-- Not closed:
-- - "Standing", a cache recomputed from the facts (the facts cannot change, so neither can it);
-- - the admission records (applications, decisions and their letters, ranking moves), which have
--   rules of their own: a decision is made once, and the intake facts are locked
--   (intakeLockedReason);
-- - rows written by the database itself for a statement that was already let through (a
--   foreign key's cascade or SET NULL: pg_trigger_depth() > 1);
-- - the retention job, which erases what the law says must go, from archived kull too: it says
--   so with SET LOCAL app.closed_record_writer = 'retention' in its own transactions (a later
--   data migration that must correct archived rows says 'migration').
--
-- Archiving and a write at the same moment: every checked write takes a shared advisory lock on
-- its kull (kull_archive_lock_key) before it reads archivedAt; archiving and restoring take the
-- same lock exclusively. Shared locks never wait for one another, and an advisory lock never
-- waits for a row lock, so the check adds no waiting and no deadlock between ordinary writes.
-- Archiving waits for the writes in flight (and then counts them among the open cases); a write
-- that comes while a kull is being archived waits, then reads the kull as archived (each query
-- of a PL/pgSQL function takes a new snapshot in READ COMMITTED) and is refused.

-- The advisory lock key of a kull (one place, so the app and the tests name the same lock).
CREATE FUNCTION kull_archive_lock_key(cohort_id text) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$
  SELECT hashtextextended('kull-archive:' || cohort_id, 0)
$$;

-- The kull (or, for a shared samling, kull) that `ref` (an id, found by `path`) belongs to.
CREATE FUNCTION cohort_record_cohorts(path text, ref text) RETURNS SETOF text LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF ref IS NULL THEN
    RETURN;
  END IF;
  CASE path
    WHEN 'cohort' THEN
      RETURN NEXT ref;
    WHEN 'enrolment' THEN
      RETURN QUERY SELECT e."cohortId" FROM "Enrolment" e WHERE e."id" = ref;
    WHEN 'arbeidskrav' THEN
      RETURN QUERY SELECT d."cohortId" FROM "ArbeidskravDefinition" d WHERE d."id" = ref;
    WHEN 'submission' THEN
      RETURN QUERY SELECT d."cohortId" FROM "Submission" s JOIN "ArbeidskravDefinition" d ON d."id" = s."arbeidskravId" WHERE s."id" = ref;
    WHEN 'attempt' THEN
      RETURN QUERY SELECT d."cohortId" FROM "SubmissionAttempt" a JOIN "Submission" s ON s."id" = a."submissionId"
        JOIN "ArbeidskravDefinition" d ON d."id" = s."arbeidskravId" WHERE a."id" = ref;
    WHEN 'exam' THEN
      RETURN QUERY SELECT x."cohortId" FROM "Exam" x WHERE x."id" = ref;
    WHEN 'registration' THEN
      RETURN QUERY SELECT e."cohortId" FROM "ExamRegistration" r JOIN "Enrolment" e ON e."id" = r."enrolmentId" WHERE r."id" = ref;
    WHEN 'deferral' THEN
      RETURN QUERY SELECT e."cohortId" FROM "ExamDeferral" d JOIN "ExamRegistration" r ON r."id" = d."registrationId"
        JOIN "Enrolment" e ON e."id" = r."enrolmentId" WHERE d."id" = ref;
    WHEN 'samling' THEN
      -- A samling shared by two kull is closed when either is archived: its days are the
      -- archived kull's plan, and its attendance refers to them.
      RETURN QUERY SELECT cs."cohortId" FROM "CohortSamling" cs WHERE cs."samlingId" = ref;
    ELSE
      RAISE EXCEPTION 'cohort_record_cohorts: unknown path %', path;
  END CASE;
END $$;

-- Whether `ref`'s kull is archived, read after taking the shared advisory lock on each of its
-- kull (in id order).
CREATE FUNCTION cohort_record_archived(path text, ref text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ids text[];
  id text;
BEGIN
  ids := ARRAY(SELECT DISTINCT c FROM cohort_record_cohorts(path, ref) AS c ORDER BY 1);
  FOREACH id IN ARRAY ids LOOP
    PERFORM pg_advisory_xact_lock_shared(kull_archive_lock_key(id));
  END LOOP;
  RETURN EXISTS (SELECT 1 FROM "Cohort" c WHERE c."id" = ANY(ids) AND c."archivedAt" IS NOT NULL);
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
CREATE TRIGGER "Samling_closed_when_archived" BEFORE INSERT OR UPDATE OR DELETE ON "Samling"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('samling', 'id');
-- A document belongs to the kull's record through one of three columns (an application's
-- documents are the admission's, and not closed).
CREATE TRIGGER "Document_closed_when_archived_exam" BEFORE INSERT OR UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('exam', 'examId');
CREATE TRIGGER "Document_closed_when_archived_attempt" BEFORE INSERT OR UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('attempt', 'submissionAttemptId');
CREATE TRIGGER "Document_closed_when_archived_deferral" BEFORE INSERT OR UPDATE OR DELETE ON "Document"
  FOR EACH ROW EXECUTE FUNCTION cohort_record_closed('deferral', 'examDeferralId');

-- The kull's own row: archived, nothing on it changes but the step back (archivedAt cleared),
-- and it is never deleted.
CREATE FUNCTION cohort_archived_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."archivedAt" IS NULL OR pg_trigger_depth() > 1 OR current_setting('app.closed_record_writer', true) = 'migration' THEN
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
