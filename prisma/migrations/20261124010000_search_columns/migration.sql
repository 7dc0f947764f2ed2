-- Search at world scale. The old search read the whole "searchText" (introductions included) for every
-- substring and similarity test and worked out display names per matched row. Now:
-- - "searchVector": full text of "searchText", stored, plus every pair of neighbouring Chinese, Japanese
--   or Korean characters as a token, so a two-character query such as 联盟 is found through the index;
-- - "searchNames" (organizations): names, acronyms and former names only: substrings and typos are
--   matched against these, through a trigram index (institutions' "searchText" is already names only);
-- - "sortNameEn"/"sortNameZh": the name shown in each language, for sorting without a subquery per row.
-- Triggers keep the names and sort names current whatever writes the names (the app, the seed, COPY).

-- Neighbouring pairs of CJK characters in `t`, as tsvector tokens.
CREATE FUNCTION atlas_cjk_bigrams(t TEXT) RETURNS tsvector LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT substr(r[1], i, 2))), ''::tsvector)
  FROM regexp_matches(t, '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,}', 'g') AS r,
       generate_series(1, char_length(r[1]) - 1) AS i
$$;

ALTER TABLE "Organization"
  ADD COLUMN "searchNames" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "sortNameEn" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "sortNameZh" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "searchText") || atlas_cjk_bigrams("searchText")) STORED;
ALTER TABLE "Institution"
  ADD COLUMN "sortNameEn" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "sortNameZh" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "searchText") || atlas_cjk_bigrams("searchText")) STORED;

-- Every name and acronym of an organization, current and former, one a line.
CREATE FUNCTION atlas_organization_search_names(org TEXT, org_acronym TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(DISTINCT t, E'\n'), '') FROM (
    SELECT unnest(ARRAY[n.name, n.acronym]) AS t FROM "OrganizationName" n WHERE n."organizationId" = org
    UNION ALL SELECT org_acronym
  ) x WHERE t <> ''
$$;

-- Set-based (joins, not a subquery per row) so that a bulk load refreshing every row stays fast even
-- while the loader has dropped the secondary indexes. The sort names follow pickName (lib/names.ts): a
-- current official name in that language, else the current official English one, else the first by
-- language; former and other names only when nothing official is current.
CREATE FUNCTION atlas_refresh_organization_search(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  WITH k AS (SELECT DISTINCT id FROM unnest(ids) AS k(id)),
  n AS (SELECT n.* FROM "OrganizationName" n JOIN k ON k.id = n."organizationId"),
  texts AS (
    SELECT id, string_agg(DISTINCT t, E'\n') AS names FROM (
      SELECT n."organizationId" AS id, unnest(ARRAY[n.name, n.acronym]) AS t FROM n
      UNION ALL SELECT o.id, o.acronym FROM "Organization" o JOIN k ON k.id = o.id
    ) x WHERE t <> '' GROUP BY id),
  en AS (SELECT DISTINCT ON (n."organizationId") n."organizationId" AS id, n.name FROM n
    ORDER BY n."organizationId", (n.kind = 'OFFICIAL' AND n."validUntil" IS NULL) DESC, (n.locale = 'en') DESC, n.locale, n.id),
  zh AS (SELECT DISTINCT ON (n."organizationId") n."organizationId" AS id, n.name FROM n
    ORDER BY n."organizationId", (n.kind = 'OFFICIAL' AND n."validUntil" IS NULL) DESC, (n.locale = 'zh') DESC, (n.locale = 'en') DESC, n.locale, n.id)
  UPDATE "Organization" o SET "searchNames" = coalesce(texts.names, ''), "sortNameEn" = coalesce(en.name, ''), "sortNameZh" = coalesce(zh.name, '')
  FROM k LEFT JOIN texts ON texts.id = k.id LEFT JOIN en ON en.id = k.id LEFT JOIN zh ON zh.id = k.id
  WHERE o.id = k.id
$$;

CREATE FUNCTION atlas_refresh_institution_search(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  WITH k AS (SELECT DISTINCT id FROM unnest(ids) AS k(id)),
  n AS (SELECT n.* FROM "InstitutionName" n JOIN k ON k.id = n."institutionId"),
  en AS (SELECT DISTINCT ON (n."institutionId") n."institutionId" AS id, n.name FROM n
    ORDER BY n."institutionId", (n.kind = 'OFFICIAL') DESC, (n.locale = 'en') DESC, n.locale, n.id),
  zh AS (SELECT DISTINCT ON (n."institutionId") n."institutionId" AS id, n.name FROM n
    ORDER BY n."institutionId", (n.kind = 'OFFICIAL') DESC, (n.locale = 'zh') DESC, (n.locale = 'en') DESC, n.locale, n.id)
  UPDATE "Institution" i SET "sortNameEn" = coalesce(en.name, ''), "sortNameZh" = coalesce(zh.name, '')
  FROM k LEFT JOIN en ON en.id = k.id LEFT JOIN zh ON zh.id = k.id
  WHERE i.id = k.id
$$;

-- Statement-level triggers with transition tables: one refresh per statement, so a bulk COPY of names
-- costs one UPDATE, not one per row.
CREATE FUNCTION atlas_organization_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atlas_refresh_organization_search(ARRAY(SELECT DISTINCT "organizationId" FROM changed));
  RETURN NULL;
END $$;
CREATE TRIGGER "OrganizationName_search_insert" AFTER INSERT ON "OrganizationName" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_organization_names_changed();
CREATE TRIGGER "OrganizationName_search_update" AFTER UPDATE ON "OrganizationName" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_organization_names_changed();
CREATE TRIGGER "OrganizationName_search_delete" AFTER DELETE ON "OrganizationName" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_organization_names_changed();

CREATE FUNCTION atlas_institution_names_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM atlas_refresh_institution_search(ARRAY(SELECT DISTINCT "institutionId" FROM changed));
  RETURN NULL;
END $$;
CREATE TRIGGER "InstitutionName_search_insert" AFTER INSERT ON "InstitutionName" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_names_changed();
CREATE TRIGGER "InstitutionName_search_update" AFTER UPDATE ON "InstitutionName" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_names_changed();
CREATE TRIGGER "InstitutionName_search_delete" AFTER DELETE ON "InstitutionName" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_names_changed();

-- The organization's own acronym is one of its search names.
CREATE FUNCTION atlas_organization_acronym_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchNames" := atlas_organization_search_names(NEW.id, NEW.acronym);
  RETURN NEW;
END $$;
CREATE TRIGGER "Organization_search_acronym" BEFORE UPDATE OF acronym ON "Organization"
  FOR EACH ROW WHEN (NEW.acronym IS DISTINCT FROM OLD.acronym) EXECUTE FUNCTION atlas_organization_acronym_changed();

-- Existing rows.
SELECT atlas_refresh_organization_search(ARRAY(SELECT id FROM "Organization"));
SELECT atlas_refresh_institution_search(ARRAY(SELECT id FROM "Institution"));

-- The new columns replace the expression indexes and the trigram index over organizations' full text.
DROP INDEX "Organization_search_fts_idx";
DROP INDEX "Institution_search_fts_idx";
DROP INDEX "Organization_search_trgm_idx";
CREATE INDEX "Organization_searchVector_idx" ON "Organization" USING GIN ("searchVector");
CREATE INDEX "Institution_searchVector_idx" ON "Institution" USING GIN ("searchVector");
CREATE INDEX "Organization_searchNames_trgm_idx" ON "Organization" USING GIN ("searchNames" gin_trgm_ops);
CREATE INDEX "Organization_sortNameEn_slug_idx" ON "Organization" ("sortNameEn", slug);
CREATE INDEX "Organization_sortNameZh_slug_idx" ON "Organization" ("sortNameZh", slug);
CREATE INDEX "Institution_sortNameEn_slug_idx" ON "Institution" ("sortNameEn", slug);
CREATE INDEX "Institution_sortNameZh_slug_idx" ON "Institution" ("sortNameZh", slug);
