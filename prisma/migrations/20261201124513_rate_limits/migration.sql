-- DropTable
DROP TABLE "SignInAttempt";

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_resetAt_idx" ON "RateLimit"("resetAt");

-- Hand-written
ALTER TABLE "RateLimit" ADD CONSTRAINT "RateLimit_count_positive" CHECK ("count" >= 0);
ALTER TABLE "RateLimit" ADD CONSTRAINT "RateLimit_key_present" CHECK (length("key") BETWEEN 1 AND 512);
