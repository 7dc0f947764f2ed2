-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" TEXT,
ADD COLUMN     "organizationConfirmedAt" TIMESTAMP(3),
ADD COLUMN     "organizationQuote" TEXT,
ADD COLUMN     "organizationSourceId" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "institutionId" TEXT,
ADD COLUMN     "organizationId" TEXT;

-- CreateTable
CREATE TABLE "ImportDraft" (
    "id" TEXT NOT NULL,
    "institutionId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "sourceUrl" TEXT,
    "sourceTitle" TEXT,
    "rows" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportDraft_institutionId_createdAt_idx" ON "ImportDraft"("institutionId", "createdAt");

-- CreateIndex
CREATE INDEX "InstitutionName_name_trgm_idx" ON "InstitutionName" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Membership_institutionId_confirmedAt_idx" ON "Membership"("institutionId", "confirmedAt");

-- CreateIndex
CREATE INDEX "OrganizationName_name_trgm_idx" ON "OrganizationName" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organizationSourceId_fkey" FOREIGN KEY ("organizationSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportDraft" ADD CONSTRAINT "ImportDraft_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
