-- How a granted leave ended, stored with its end (returnedOn), so that the end reads as what
-- happened (lib/domain/enrolment.ts leaveEndNote): «tilbake» only for a return, the last day it
-- covered for a leave ended by a withdrawal or transfer, or granted on a klage after the student
-- completed or left, or the kull was completed.
CREATE TYPE "LeaveEnding" AS ENUM ('RETURNED', 'OVER', 'STUDENT_COMPLETED', 'STUDENT_WITHDRAWN', 'STUDENT_TRANSFERRED', 'KULL_COMPLETED');

ALTER TABLE "LeaveOfAbsence" ADD COLUMN "ending" "LeaveEnding";

-- The leaves ended so far, from what the audit log says of them (archived kull are closed
-- records; this correction says so, migration 20261205040000).
SET app.closed_record_writer = 'migration';

-- Granted on a klage and ended at once: the audit entry names why (leaveAfterKlage).
UPDATE "LeaveOfAbsence" l SET "ending" = (a."after"->>'endedBecause')::"LeaveEnding"
FROM "AuditLog" a
WHERE l."returnedOn" IS NOT NULL AND a."entityType" = 'LeaveOfAbsence' AND a."entityId" = l."id"
  AND a."action" = 'leave.grant' AND a."after" ? 'endedBecause';

-- Ended by the enrolment's end: closeOpenLeave ends it the day the student left (and writes its
-- cause into the return's entry); a registered return's entry has no cause.
UPDATE "LeaveOfAbsence" l
SET "ending" = CASE e."status" WHEN 'WITHDRAWN' THEN 'STUDENT_WITHDRAWN' ELSE 'STUDENT_TRANSFERRED' END::"LeaveEnding"
FROM "Enrolment" e
WHERE l."returnedOn" IS NOT NULL AND l."ending" IS NULL AND e."id" = l."enrolmentId" AND e."status" IN ('WITHDRAWN', 'TRANSFERRED')
  AND (
    EXISTS (
      SELECT 1 FROM "AuditLog" a
      WHERE a."entityType" = 'LeaveOfAbsence' AND a."entityId" = l."id" AND a."action" = 'leave.return' AND a."after" ? 'cause'
    )
    OR (l."returnedOn" = e."endedOn" AND NOT EXISTS (
      SELECT 1 FROM "AuditLog" a
      WHERE a."entityType" = 'LeaveOfAbsence' AND a."entityId" = l."id" AND a."action" = 'leave.return'
    ))
  );

-- Every other end is a registered return.
UPDATE "LeaveOfAbsence" SET "ending" = 'RETURNED' WHERE "returnedOn" IS NOT NULL AND "ending" IS NULL;

RESET app.closed_record_writer;

ALTER TABLE "LeaveOfAbsence" ADD CONSTRAINT "LeaveOfAbsence_ending_with_end" CHECK (("returnedOn" IS NULL) = ("ending" IS NULL));
