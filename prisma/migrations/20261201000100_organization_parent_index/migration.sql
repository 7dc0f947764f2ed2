-- An organization's page lists its child organizations (WHERE "parentId" = …): without an index every page read all
-- 75,000 organizations of the world database to find them (97 ms, most of a first visit's database time).
CREATE INDEX "Organization_parentId_idx" ON "Organization"("parentId");

-- An institution's page lists the people the sources name at it (WHERE "institutionId" = …), likewise unindexed.
CREATE INDEX "OrganizationPerson_institutionId_idx" ON "OrganizationPerson"("institutionId");
