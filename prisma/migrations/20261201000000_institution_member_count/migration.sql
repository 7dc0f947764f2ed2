-- How many memberships each institution has, kept by triggers on Membership whoever writes (the app, imports, the
-- world loader's COPY). The registry-wide search lists a query's institutions with the most memberships first: counted
-- per row it cost a subquery for every match (69,000 for "university" at world scale, a second); stored and indexed,
-- the list is read in that order from the index until the page is full.
ALTER TABLE "Institution" ADD COLUMN "memberCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Institution" i SET "memberCount" = c.n
FROM (SELECT "institutionId" AS id, count(*)::int AS n FROM "Membership" GROUP BY 1) c
WHERE c.id = i.id;

-- One statement per trigger firing: the changed rows per institution, +1 for new rows and -1 for old ones; an update
-- that moves no membership nets to nothing and touches no institution. In id order, so concurrent writers lock
-- institutions in the same order.
CREATE FUNCTION atlas_institution_member_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE "Institution" SET "memberCount" = 0 WHERE "memberCount" <> 0;
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE "Institution" i SET "memberCount" = i."memberCount" + d.n
    FROM (SELECT "institutionId" AS id, count(*)::int AS n FROM new_rows GROUP BY 1 ORDER BY 1) d WHERE i.id = d.id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "Institution" i SET "memberCount" = i."memberCount" - d.n
    FROM (SELECT "institutionId" AS id, count(*)::int AS n FROM old_rows GROUP BY 1 ORDER BY 1) d WHERE i.id = d.id;
  ELSE
    UPDATE "Institution" i SET "memberCount" = i."memberCount" + d.n
    FROM (
      SELECT id, sum(n)::int AS n FROM (
        SELECT "institutionId" AS id, 1 AS n FROM new_rows UNION ALL SELECT "institutionId", -1 FROM old_rows
      ) x GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1
    ) d WHERE i.id = d.id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Membership_member_count_insert" AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_member_count();
CREATE TRIGGER "Membership_member_count_update" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_member_count();
CREATE TRIGGER "Membership_member_count_delete" AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_member_count();
CREATE TRIGGER "Membership_member_count_truncate" AFTER TRUNCATE ON "Membership"
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_member_count();

CREATE INDEX "Institution_memberCount_sortNameEn_slug_idx" ON "Institution" ("memberCount" DESC, "sortNameEn", slug);
CREATE INDEX "Institution_memberCount_sortNameZh_slug_idx" ON "Institution" ("memberCount" DESC, "sortNameZh", slug);
