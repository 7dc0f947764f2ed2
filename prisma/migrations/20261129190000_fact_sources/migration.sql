-- Each fact rests on the source that gave it (schema.prisma, Source / Membership / Institution).

-- AlterTable
ALTER TABLE "Institution" ADD COLUMN     "cityQuote" TEXT,
ADD COLUMN     "citySourceId" TEXT,
ADD COLUMN     "rorQuote" TEXT,
ADD COLUMN     "rorSourceId" TEXT,
ADD COLUMN     "websiteQuote" TEXT,
ADD COLUMN     "websiteSourceId" TEXT,
ADD COLUMN     "wikidataQuote" TEXT,
ADD COLUMN     "wikidataSourceId" TEXT;

-- AlterTable
ALTER TABLE "InstitutionName" ADD COLUMN     "quote" TEXT;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_citySourceId_fkey" FOREIGN KEY ("citySourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_websiteSourceId_fkey" FOREIGN KEY ("websiteSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_rorSourceId_fkey" FOREIGN KEY ("rorSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Institution" ADD CONSTRAINT "Institution_wikidataSourceId_fkey" FOREIGN KEY ("wikidataSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: a source an approval created ("change-<request id>") was stamped seen on the approval day; the proposer
-- cited it when they sent the request, the only reading date known.
UPDATE "Source" s
SET "seenOn" = cr."createdAt"::date
FROM "ChangeRequest" cr
WHERE s."key" = 'change-' || cr."id";

-- Data: approved profile changes cited nothing. What they changed is credited to the request itself (the
-- institution's staff saying so on that day), not to the page the record was seeded from.
INSERT INTO "Source" ("id", "key", "kind", "title", "publisher", "url", "language", "seenOn", "institutionId", "createdAt")
SELECT 'src' || cr."id", 'change-' || cr."id", 'DOCUMENT', 'Stated by the institution''s staff in a change request',
       NULL, NULL, 'en', cr."createdAt"::date, cr."institutionId", CURRENT_TIMESTAMP
FROM "ChangeRequest" cr
WHERE cr."kind" = 'INSTITUTION_UPDATE' AND cr."status" = 'APPROVED'
ON CONFLICT ("key") DO NOTHING;

-- The latest approved profile change that set each fact to its current value gets the credit for it …
WITH changed AS (
  SELECT cr."institutionId", f.fact, cr."proposed" ->> f.fact AS value, s."id" AS "sourceId", cr."createdAt"
  FROM "ChangeRequest" cr
  JOIN "Source" s ON s."key" = 'change-' || cr."id"
  CROSS JOIN (VALUES ('city'), ('website'), ('rorId'), ('wikidataId')) AS f(fact)
  WHERE cr."kind" = 'INSTITUTION_UPDATE' AND cr."status" = 'APPROVED'
    AND (cr."proposed" ->> f.fact) IS DISTINCT FROM (cr."before" ->> f.fact)
),
latest AS (
  SELECT DISTINCT ON ("institutionId", fact) "institutionId", fact, value, "sourceId"
  FROM changed ORDER BY "institutionId", fact, "createdAt" DESC
)
UPDATE "Institution" i SET
  "citySourceId" = COALESCE((SELECT l."sourceId" FROM latest l WHERE l."institutionId" = i."id" AND l.fact = 'city' AND l.value = i."city"), i."citySourceId"),
  "websiteSourceId" = COALESCE((SELECT l."sourceId" FROM latest l WHERE l."institutionId" = i."id" AND l.fact = 'website' AND l.value = i."website"), i."websiteSourceId"),
  "rorSourceId" = COALESCE((SELECT l."sourceId" FROM latest l WHERE l."institutionId" = i."id" AND l.fact = 'rorId' AND l.value = i."rorId"), i."rorSourceId"),
  "wikidataSourceId" = COALESCE((SELECT l."sourceId" FROM latest l WHERE l."institutionId" = i."id" AND l.fact = 'wikidataId' AND l.value = i."wikidataId"), i."wikidataSourceId");

-- … and likewise for an official name an approval re-created (it lost its source then).
WITH named AS (
  SELECT DISTINCT ON (cr."institutionId", n.locale) cr."institutionId", n.locale, cr."proposed" ->> n.field AS name, s."id" AS "sourceId"
  FROM "ChangeRequest" cr
  JOIN "Source" s ON s."key" = 'change-' || cr."id"
  CROSS JOIN (VALUES ('en', 'nameEn'), ('zh', 'nameZh')) AS n(locale, field)
  WHERE cr."kind" = 'INSTITUTION_UPDATE' AND cr."status" = 'APPROVED'
    AND (cr."proposed" ->> n.field) IS DISTINCT FROM (cr."before" ->> n.field)
  ORDER BY cr."institutionId", n.locale, cr."createdAt" DESC
)
UPDATE "InstitutionName" x SET "sourceId" = named."sourceId"
FROM named
WHERE x."institutionId" = named."institutionId" AND x."locale" = named.locale AND x."name" = named.name
  AND x."kind" = 'OFFICIAL' AND x."sourceId" IS NULL;

-- Every other fact stays credited to what the page showed for it until now: the institution's own source.
UPDATE "Institution" SET
  "citySourceId" = CASE WHEN "city" IS NOT NULL THEN COALESCE("citySourceId", "sourceId") END,
  "websiteSourceId" = CASE WHEN "website" IS NOT NULL THEN COALESCE("websiteSourceId", "sourceId") END,
  "rorSourceId" = CASE WHEN "rorId" IS NOT NULL THEN COALESCE("rorSourceId", "sourceId") END,
  "wikidataSourceId" = CASE WHEN "wikidataId" IS NOT NULL THEN COALESCE("wikidataSourceId", "sourceId") END;

UPDATE "InstitutionName" x SET "sourceId" = i."sourceId"
FROM "Institution" i
WHERE x."institutionId" = i."id" AND x."sourceId" IS NULL;
