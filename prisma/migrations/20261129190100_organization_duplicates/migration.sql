-- Duplicate organizations (issue 13 §1): a proposed new organization is compared with the registry's names,
-- acronyms and former names, and may be recorded as a membership of an existing organization instead.

-- CreateEnum
CREATE TYPE "MergeOutcome" AS ENUM ('MEMBERSHIP_CREATED', 'MEMBERSHIP_UPDATED', 'NOTHING_TO_CHANGE');

-- AlterTable
ALTER TABLE "ChangeRequest" ADD COLUMN "mergeOutcome" "MergeOutcome";

-- A name as compared for duplicates: lower case, "&" read as "and", punctuation, hyphens, quotes and brackets
-- (ASCII and CJK) as spaces, the word "the" dropped. "The Eurasia-Pacific Uninet" and "Eurasia Pacific
-- Uninet" have the same key. Written with explicit characters rather than [:alnum:], whose meaning for
-- non-ASCII letters depends on the database's locale.
CREATE FUNCTION atlas_name_key(name TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(regexp_replace(
  regexp_replace(lower(name), '&', ' and ', 'g'),
  '[[:punct:][:space:]‐‑‒–—―・·“”‘’「」『』《》〈〉（）【】、，。：；！？]+', ' ', 'g'),
  '(^| )the( |$)', ' ', 'g'));

-- The key without the words most organizations' names share ("university", "alliance", "of" …): two names
-- alike only in those ("University Alliance of the Silk Road", "University Alliance of Belt and Road") are
-- different organizations.
CREATE FUNCTION atlas_name_core(name TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(regexp_replace(atlas_name_key(name),
  '(^| )(of|and|for|in|on|university|universities|medical|college|colleges|school|schools|institute|institutes|academy|alliance|network|association|consortium|federation|union|international|education|cooperation|council|organization|organizations|league|programme|program)(?= |$)',
  ' ', 'g'), ' +', ' ', 'g'));

-- Both stored with each name, so a comparison rechecks stored text rather than running the regular expressions
-- again for every candidate row (at 75,000 names that was seconds); the key by trigram, so "similar to this
-- key" is answered from the index at world scale.
ALTER TABLE "OrganizationName"
  ADD COLUMN "nameKey" TEXT GENERATED ALWAYS AS (atlas_name_key("name")) STORED,
  ADD COLUMN "nameCore" TEXT GENERATED ALWAYS AS (atlas_name_core("name")) STORED;
CREATE INDEX "OrganizationName_nameKey_trgm_idx" ON "OrganizationName" USING GIN ("nameKey" gin_trgm_ops);
-- Acronyms compared without case.
CREATE INDEX "Organization_acronym_lower_idx" ON "Organization" (lower("acronym"));
CREATE INDEX "OrganizationName_acronym_lower_idx" ON "OrganizationName" (lower("acronym"));
