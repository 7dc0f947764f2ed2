-- How many institutions there are of each kind, country and coverage, kept by triggers on Institution whoever writes
-- (the app, imports, the world loader, and the triggers that keep "listed"). A list filtered without text (country=CN,
-- coverage=directory) counted its total and three facets over every institution on each cache miss, 50-60 ms at world
-- scale; summed from these rows (a few thousand at most) they are exact and cost a millisecond.
CREATE TABLE "InstitutionFacetCount" (
    "kind" "InstitutionKind" NOT NULL,
    "country" CHAR(2) NOT NULL,
    "listed" BOOLEAN NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "InstitutionFacetCount_pkey" PRIMARY KEY ("kind","country","listed")
);

-- One statement per trigger firing: the changed rows per (kind, country, listed), +1 for new rows and -1 for old ones;
-- an update that moves no institution between counters (most do: a name, a website, the member count) nets to nothing
-- and touches no counter. In key order, so concurrent writers lock the counters in the same order.
CREATE FUNCTION atlas_institution_facets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "InstitutionFacetCount";
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    INSERT INTO "InstitutionFacetCount" (kind, country, listed, n)
      SELECT kind, country, listed, count(*) FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (kind, country, listed) DO UPDATE SET n = "InstitutionFacetCount".n + EXCLUDED.n;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "InstitutionFacetCount" c SET n = c.n - d.n FROM (
      SELECT kind, country, listed, count(*) AS n FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ) d WHERE c.kind = d.kind AND c.country = d.country AND c.listed = d.listed;
  ELSE
    INSERT INTO "InstitutionFacetCount" (kind, country, listed, n)
      SELECT kind, country, listed, sum(sign)::int FROM (
        SELECT kind, country, listed, 1 AS sign FROM new_rows
        UNION ALL SELECT kind, country, listed, -1 FROM old_rows
      ) d GROUP BY 1, 2, 3 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (kind, country, listed) DO UPDATE SET n = "InstitutionFacetCount".n + EXCLUDED.n;
  END IF;
  DELETE FROM "InstitutionFacetCount" WHERE n = 0;
  RETURN NULL;
END $$;

CREATE TRIGGER "Institution_facets_insert" AFTER INSERT ON "Institution" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_facets_changed();
CREATE TRIGGER "Institution_facets_update" AFTER UPDATE ON "Institution" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_facets_changed();
CREATE TRIGGER "Institution_facets_delete" AFTER DELETE ON "Institution" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_facets_changed();
CREATE TRIGGER "Institution_facets_truncate" AFTER TRUNCATE ON "Institution"
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_facets_changed();

INSERT INTO "InstitutionFacetCount" (kind, country, listed, n)
  SELECT kind, country, listed, count(*) FROM "Institution" GROUP BY 1, 2, 3;

-- The same lists' page of hits: filtered by country, it was read in name order from the name index, skipping the other
-- countries' rows (country=CN, coverage=directory: 6,800 rows and 410 ms under load for one page of 20); read from
-- the country's own range of these it takes 2 ms. They serve a lookup by country alone too, as the index they replace.
DROP INDEX "Institution_country_idx";
CREATE INDEX "Institution_country_sortNameEn_slug_idx" ON "Institution"("country", "sortNameEn", "slug");
CREATE INDEX "Institution_country_sortNameZh_slug_idx" ON "Institution"("country", "sortNameZh", "slug");
