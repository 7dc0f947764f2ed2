-- The type-ahead (lib/data/search/suggest.ts) compares names with case, spaces and punctuation folded away,
-- so "Eurasia Pacific Uninet" finds "Eurasia-Pacific Uninet" and "epu" finds "EPU". The punctuation is
-- listed rather than taken from a character class, because the classes of a C.UTF-8 database do not
-- reliably know Chinese characters as letters; the same function folds the query, so both sides agree.
CREATE FUNCTION atlas_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(t),
    '[\s!-/:-@\[-`{-~\u00a0-\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+',
    ' ', 'g'))
$$;

-- Exact and prefix matches walk a B-tree (text_pattern_ops: LIKE 'x%' in any collation); substrings,
-- word prefixes and typos use the trigram indexes.
CREATE INDEX "OrganizationName_fold_idx" ON "OrganizationName" (atlas_fold(name) text_pattern_ops);
CREATE INDEX "OrganizationName_fold_trgm_idx" ON "OrganizationName" USING GIN (atlas_fold(name) gin_trgm_ops);
CREATE INDEX "OrganizationName_acronym_fold_idx" ON "OrganizationName" (atlas_fold(acronym) text_pattern_ops);
CREATE INDEX "Organization_acronym_fold_idx" ON "Organization" (atlas_fold(acronym) text_pattern_ops);
CREATE INDEX "InstitutionName_fold_idx" ON "InstitutionName" (atlas_fold(name) text_pattern_ops);
CREATE INDEX "InstitutionName_fold_trgm_idx" ON "InstitutionName" USING GIN (atlas_fold(name) gin_trgm_ops);
