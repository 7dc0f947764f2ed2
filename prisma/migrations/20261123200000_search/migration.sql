-- Full-text search over names, acronyms, former names and introductions in any language. The simple
-- configuration keeps words as written (no English stemming of other languages); the trigram indexes
-- (declared in schema.prisma) cover partial words, typos and scripts written without spaces, such as Chinese.
-- Prisma cannot express an index on an expression, so these live here only.
CREATE INDEX "Organization_search_fts_idx" ON "Organization" USING GIN (to_tsvector('simple', "searchText"));
CREATE INDEX "Institution_search_fts_idx" ON "Institution" USING GIN (to_tsvector('simple', "searchText"));
