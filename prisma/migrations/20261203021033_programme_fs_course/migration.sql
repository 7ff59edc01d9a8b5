-- AlterTable
-- Generated as one ADD COLUMN … NOT NULL; written in three steps by hand so that existing rows get
-- their programme's code before the column becomes required (the end state is the same).
ALTER TABLE "Programme" ADD COLUMN     "fsCourseCode" TEXT,
ADD COLUMN     "fsCourseVersion" TEXT NOT NULL DEFAULT '1';

-- Hand-written: the course codes of the two programmes, in NTNU's format (three letters and four
-- digits). They replace the placeholder BVL6000 that the FS export used for every programme.
UPDATE "Programme" SET "fsCourseCode" = CASE "code"
  WHEN 'BARNEVERNLEDELSE' THEN 'BVL6001'
  WHEN 'INSTITUSJONSLEDELSE' THEN 'BIL6001'
END;

ALTER TABLE "Programme" ALTER COLUMN "fsCourseCode" SET NOT NULL;

-- The formats FS accepts (lib/domain/exam-results.ts says the same for forms).
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_fs_course_code" CHECK ("fsCourseCode" ~ '^[A-ZÆØÅ]{2,5}[0-9]{3,4}$');
ALTER TABLE "Programme" ADD CONSTRAINT "Programme_fs_course_version" CHECK ("fsCourseVersion" ~ '^[0-9A-Z]{1,3}$');
