-- An organization's website rests on a source of its own, as an institution's does: a secretariat's change to it
-- (issue 16) credits the source it cites, and the website no longer borrows the source of the record's seed page.

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "websiteQuote" TEXT,
ADD COLUMN     "websiteSourceId" TEXT;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_websiteSourceId_fkey" FOREIGN KEY ("websiteSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
