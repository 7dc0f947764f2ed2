-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('DAILY', 'WEEKLY');

-- CreateTable
CREATE TABLE "Watcher" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "frequency" "DigestFrequency" NOT NULL DEFAULT 'DAILY',
    "cursorTx" BIGINT NOT NULL DEFAULT 0,
    "cursor" BIGINT NOT NULL DEFAULT 0,
    "digestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSentAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watcher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" TEXT NOT NULL,
    "watcherId" TEXT NOT NULL,
    "organizationId" TEXT,
    "institutionId" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "requestedFrequency" "DigestFrequency" NOT NULL,
    "requestedLocale" TEXT NOT NULL,
    "startTx" BIGINT NOT NULL DEFAULT 0,
    "start" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WatchToken" (
    "hash" TEXT NOT NULL,
    "watcherId" TEXT NOT NULL,
    "watchId" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchToken_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "Watcher_email_key" ON "Watcher"("email");

-- CreateIndex
CREATE INDEX "Watcher_frequency_digestedAt_idx" ON "Watcher"("frequency", "digestedAt");

-- CreateIndex
CREATE INDEX "Watch_organizationId_idx" ON "Watch"("organizationId");

-- CreateIndex
CREATE INDEX "Watch_institutionId_idx" ON "Watch"("institutionId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_watcherId_organizationId_key" ON "Watch"("watcherId", "organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_watcherId_institutionId_key" ON "Watch"("watcherId", "institutionId");

-- CreateIndex
CREATE INDEX "WatchToken_watcherId_idx" ON "WatchToken"("watcherId");

-- CreateIndex
CREATE INDEX "WatchToken_watchId_idx" ON "WatchToken"("watchId");

-- CreateIndex
CREATE INDEX "WatchToken_expiresAt_idx" ON "WatchToken"("expiresAt");

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_watcherId_fkey" FOREIGN KEY ("watcherId") REFERENCES "Watcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchToken" ADD CONSTRAINT "WatchToken_watcherId_fkey" FOREIGN KEY ("watcherId") REFERENCES "Watcher"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WatchToken" ADD CONSTRAINT "WatchToken_watchId_fkey" FOREIGN KEY ("watchId") REFERENCES "Watch"("id") ON DELETE CASCADE ON UPDATE CASCADE;
