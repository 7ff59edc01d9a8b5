-- The placement check of a granted request for utsatt eksamen runs when what it checks changes
-- (the request's status, its registration, the sitting and the registration there), not on every
-- update: erasing the health data (explanation, healthDataErasedAt) of a grant made long ago must
-- not fail because a sitting was moved since, which would stop the retention job at that row.
DROP TRIGGER "ExamDeferral_placement" ON "ExamDeferral";
CREATE TRIGGER "ExamDeferral_placement"
  BEFORE INSERT OR UPDATE OF "status", "registrationId", "sittingId", "placedRegistrationId" ON "ExamDeferral"
  FOR EACH ROW EXECUTE FUNCTION exam_deferral_placement();
