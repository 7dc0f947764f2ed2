-- "Suggest a correction" (issue 15 §3): a visitor's correction of an organization's or an institution's page.

-- CreateEnum
CREATE TYPE "CorrectionStatus" AS ENUM ('OPEN', 'IN_REVIEW', 'CLOSED');

-- CreateTable
CREATE TABLE "Correction" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT,
    "institutionId" TEXT,
    "what" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "email" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "statusTokenHash" TEXT NOT NULL,
    "status" "CorrectionStatus" NOT NULL DEFAULT 'OPEN',
    "closedReason" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "changeRequestId" TEXT,
    "emailErasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Correction_pkey" PRIMARY KEY ("id")
);

-- About exactly one record: an organization or an institution. A trigger rather than a CHECK constraint: Prisma's
-- WebAssembly schema engine (scripts/migrate.ts check) fails on any CHECK constraint when it replays migrations.
CREATE FUNCTION correction_is_about_one_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF num_nonnulls(NEW."organizationId", NEW."institutionId") <> 1 THEN
    RAISE EXCEPTION 'A correction is about exactly one organization or institution' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Correction_one_record"
  BEFORE INSERT OR UPDATE ON "Correction"
  FOR EACH ROW EXECUTE FUNCTION correction_is_about_one_record();

-- CreateIndex
CREATE UNIQUE INDEX "Correction_statusTokenHash_key" ON "Correction"("statusTokenHash");

-- CreateIndex
CREATE INDEX "Correction_institutionId_status_createdAt_idx" ON "Correction"("institutionId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Correction_status_createdAt_idx" ON "Correction"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Correction_changeRequestId_idx" ON "Correction"("changeRequestId");

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Correction" ADD CONSTRAINT "Correction_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
