-- CreateTable
CREATE TABLE "StudentIdentity" (
    "userId" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "studentNumber" TEXT,
    "fsPersonNumber" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "StudentIdentity_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "StudentIdentity_studentNumber_key" ON "StudentIdentity"("studentNumber");

-- CreateIndex
CREATE UNIQUE INDEX "StudentIdentity_fsPersonNumber_key" ON "StudentIdentity"("fsPersonNumber");

-- AddForeignKey
ALTER TABLE "StudentIdentity" ADD CONSTRAINT "StudentIdentity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudentIdentity" ADD CONSTRAINT "StudentIdentity_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the formats FS takes (lib/domain/student-identity.ts), and an audit of who changed it.
ALTER TABLE "StudentIdentity" ADD CONSTRAINT "StudentIdentity_student_number_format" CHECK ("studentNumber" IS NULL OR "studentNumber" ~ '^[0-9]{6}$');
ALTER TABLE "StudentIdentity" ADD CONSTRAINT "StudentIdentity_fs_person_number_format" CHECK ("fsPersonNumber" IS NULL OR "fsPersonNumber" ~ '^[0-9]{1,10}$');
ALTER TABLE "StudentIdentity" ADD CONSTRAINT "StudentIdentity_birth_date_range" CHECK ("birthDate" BETWEEN DATE '1900-01-01' AND DATE '2100-01-01');
