-- AlterEnum
-- The new values get their own migration: PostgreSQL will not use an enum value in the
-- transaction that adds it, and the next migration's CHECKs use them.
ALTER TYPE "ExamRegistrationStatus" ADD VALUE 'NOT_ATTENDED';
ALTER TYPE "ExamRegistrationStatus" ADD VALUE 'DEFERRED';

-- AlterEnum
ALTER TYPE "DocumentKind" ADD VALUE 'EXAM_TASK';
ALTER TYPE "DocumentKind" ADD VALUE 'DEFERRAL_DOCUMENTATION';
