-- CreateTable
CREATE TABLE "CohortTeacher" (
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "academicLead" BOOLEAN NOT NULL DEFAULT false,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CohortTeacher_pkey" PRIMARY KEY ("cohortId","userId")
);

-- CreateIndex
CREATE INDEX "CohortTeacher_userId_idx" ON "CohortTeacher"("userId");

-- AddForeignKey
ALTER TABLE "CohortTeacher" ADD CONSTRAINT "CohortTeacher_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CohortTeacher" ADD CONSTRAINT "CohortTeacher_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one academic lead per cohort.
CREATE UNIQUE INDEX "CohortTeacher_one_academic_lead" ON "CohortTeacher" ("cohortId") WHERE "academicLead";
