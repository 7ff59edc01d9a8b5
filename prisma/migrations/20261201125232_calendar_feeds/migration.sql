-- CreateTable
CREATE TABLE "CalendarFeed" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReadAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeed_tokenHash_key" ON "CalendarFeed"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeed_userId_idx" ON "CalendarFeed"("userId");

-- AddForeignKey
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the stored hash is a hex SHA-256, at most one active feed per user, and a feed is
-- revoked after it was made.
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_token_hash_hex" CHECK ("tokenHash" ~ '^[0-9a-f]{64}$');
ALTER TABLE "CalendarFeed" ADD CONSTRAINT "CalendarFeed_revoked_after_created" CHECK ("revokedAt" IS NULL OR "revokedAt" >= "createdAt");
CREATE UNIQUE INDEX "CalendarFeed_one_active_per_user" ON "CalendarFeed" ("userId") WHERE "revokedAt" IS NULL;
