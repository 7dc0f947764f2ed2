-- The directory of the world's universities (issue 15): each institution's entry and its staff's email domains.
ALTER TABLE "Institution"
  ADD COLUMN "directoryId" TEXT,
  ADD COLUMN "emailDomains" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
  ADD COLUMN "nonStaffDomains" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

CREATE UNIQUE INDEX "Institution_directoryId_key" ON "Institution"("directoryId");
CREATE INDEX "Institution_emailDomains_idx" ON "Institution" USING GIN ("emailDomains");
