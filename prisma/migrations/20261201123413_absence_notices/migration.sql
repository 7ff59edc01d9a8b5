-- CreateTable
CREATE TABLE "AbsenceNotice" (
    "id" TEXT NOT NULL,
    "enrolmentId" TEXT NOT NULL,
    "samlingDayId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "AbsenceNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AbsenceNotice_samlingDayId_idx" ON "AbsenceNotice"("samlingDayId");

-- CreateIndex
CREATE INDEX "AbsenceNotice_enrolmentId_idx" ON "AbsenceNotice"("enrolmentId");

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_enrolmentId_fkey" FOREIGN KEY ("enrolmentId") REFERENCES "Enrolment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_samlingDayId_fkey" FOREIGN KEY ("samlingDayId") REFERENCES "SamlingDay"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: one active notice per student per day, a reason, and only days in the plan.
CREATE UNIQUE INDEX "AbsenceNotice_one_active_per_day" ON "AbsenceNotice" ("enrolmentId", "samlingDayId") WHERE "withdrawnAt" IS NULL;
ALTER TABLE "AbsenceNotice" ADD CONSTRAINT "AbsenceNotice_reason_present" CHECK (length(btrim("reason")) BETWEEN 1 AND 1000);
CREATE TRIGGER "AbsenceNotice_day_in_plan" BEFORE INSERT OR UPDATE OF "enrolmentId", "samlingDayId" ON "AbsenceNotice"
  FOR EACH ROW EXECUTE FUNCTION attendance_day_in_plan();
