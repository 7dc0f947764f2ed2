-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "wikidataId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Organization_wikidataId_key" ON "Organization"("wikidataId");
