-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'INVITATION', 'EMAIL_CHANGE');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "emailVerifiedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "userId" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "AccountToken_expiresAt_idx" ON "AccountToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written
-- Accounts that exist before e-mail verification was introduced keep working as before: they
-- count as verified (their people were signing in and getting mail already).
UPDATE "User" SET "emailVerifiedAt" = "createdAt" WHERE "emailVerifiedAt" IS NULL;

ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_hash_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_expires_after_created" CHECK ("expiresAt" > "createdAt");
-- The links about an address name it, in lower case like User.email.
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_email_for_address_links" CHECK (
  ("purpose" NOT IN ('EMAIL_VERIFICATION', 'EMAIL_CHANGE') OR "email" IS NOT NULL)
  AND ("email" IS NULL OR ("email" = lower("email") AND position('@' in "email") > 1))
);
