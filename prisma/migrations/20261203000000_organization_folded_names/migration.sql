-- Organizations' names in lower case, stored. A substring search tested `"searchNames" ILIKE pattern`, which for a
-- multibyte database lower-cases each row's names again on every test (PostgreSQL's ILIKE is lower() of both sides,
-- then LIKE): `q=medical` tests 7,627 rows twice (the match's recheck and the rank), 10-12 ms of its 25-30 (world
-- database). The search now tests `"searchNamesFolded" LIKE lower(pattern)`, the same rows; the trigram index moves to
-- this column (pg_trgm's trigrams are lower case anyway, so typo matching finds what it found).
ALTER TABLE "Organization" ADD COLUMN "searchNamesFolded" TEXT GENERATED ALWAYS AS (lower("searchNames")) STORED;
CREATE INDEX "Organization_searchNamesFolded_trgm_idx" ON "Organization" USING GIN ("searchNamesFolded" gin_trgm_ops);
DROP INDEX "Organization_searchNames_trgm_idx";
