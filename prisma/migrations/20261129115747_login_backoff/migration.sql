-- Sign-in throttling backs off (each lock of a key lasts twice the one before) and its rows are purged once
-- they mean nothing any more.
ALTER TABLE "LoginThrottle" ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lockouts" INTEGER NOT NULL DEFAULT 0;

-- Rows from before: kept for a day after their window or lock (the longest window allowed is a day).
UPDATE "LoginThrottle" SET "expiresAt" = GREATEST("windowStart", "lockedUntil") + interval '1 day';

-- CreateIndex
CREATE INDEX "LoginThrottle_expiresAt_idx" ON "LoginThrottle"("expiresAt");
