-- Whether the registry has something about an institution (lib/data/institutions/listed.ts): made from its own
-- sources or by an admin (no directory entry), or a directory university with a membership, a founding role or a
-- person the sources name. Asked of every matched row by institution search's coverage facet and filter, the
-- type-ahead's order, the sitemap and the home page's counts: computed per row, three EXISTS each, it cost over a
-- second per search at world scale (bench of 2026-11-30). Kept here by triggers instead, whoever writes.
ALTER TABLE "Institution" ADD COLUMN "listed" BOOLEAN NOT NULL DEFAULT true;

CREATE FUNCTION atlas_institution_has_entries(institution TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "Membership" WHERE "institutionId" = institution)
      OR EXISTS (SELECT 1 FROM "OrganizationFounder" WHERE "institutionId" = institution)
      OR EXISTS (SELECT 1 FROM "OrganizationPerson" WHERE "institutionId" = institution)
$$;

-- A new row, or one whose directory entry changes (a merge, an admin unlinking it): the registry's own records
-- are listed without looking further. A new row cannot have entries yet (their foreign keys need it first), so
-- inserting never looks either: the directory's ten thousand rows load as fast as without the column.
CREATE FUNCTION atlas_institution_listed_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."directoryId" IS NULL THEN
    NEW.listed := true;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.listed := false;
  ELSE
    NEW.listed := atlas_institution_has_entries(NEW.id);
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Institution_listed" BEFORE INSERT OR UPDATE OF "directoryId" ON "Institution"
  FOR EACH ROW EXECUTE FUNCTION atlas_institution_listed_row();

-- Institutions that may have lost their last entry: recomputed after locking their rows first. Each statement of
-- this function takes a fresh snapshot, so a concurrent transaction that added an entry and held the row is seen
-- once it commits, and the institution is not wrongly unlisted.
CREATE FUNCTION atlas_institutions_recheck(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Institution" WHERE id = ANY(ids) AND "directoryId" IS NOT NULL AND listed ORDER BY id FOR UPDATE;
  UPDATE "Institution" SET listed = atlas_institution_has_entries(id)
    WHERE id = ANY(ids) AND "directoryId" IS NOT NULL AND listed;
END $$;

-- An entry naming institutions was added, moved or removed: one statement per firing over the changed rows. Adding
-- only ever lists. An update matters only when it moves an entry to another institution (a merge): editing a
-- membership's dates, role or confirmation lists and unlists nobody and reads no other table (a render holding
-- those tables never delays an edit).
CREATE FUNCTION atlas_institution_entries_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE "Institution" SET listed = true
      WHERE id IN (SELECT "institutionId" FROM new_rows WHERE "institutionId" IS NOT NULL) AND NOT listed;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "Institution" SET listed = true
      WHERE id IN (SELECT n."institutionId" FROM new_rows n JOIN old_rows o ON o.id = n.id
                   WHERE n."institutionId" IS DISTINCT FROM o."institutionId" AND n."institutionId" IS NOT NULL)
        AND NOT listed;
    PERFORM atlas_institutions_recheck(ARRAY(
      SELECT DISTINCT o."institutionId" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE n."institutionId" IS DISTINCT FROM o."institutionId" AND o."institutionId" IS NOT NULL));
  ELSE
    PERFORM atlas_institutions_recheck(ARRAY(
      SELECT DISTINCT "institutionId" FROM old_rows WHERE "institutionId" IS NOT NULL));
  END IF;
  RETURN NULL;
END $$;

-- PostgreSQL allows transition tables on single-event triggers only: three per table. (TRUNCATE is left out:
-- only the world generator truncates, and it truncates the institutions with them.)
CREATE TRIGGER "Membership_listed_insert" AFTER INSERT ON "Membership" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "Membership_listed_update" AFTER UPDATE ON "Membership"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "Membership_listed_delete" AFTER DELETE ON "Membership" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationFounder_listed_insert" AFTER INSERT ON "OrganizationFounder"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationFounder_listed_update" AFTER UPDATE ON "OrganizationFounder"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationFounder_listed_delete" AFTER DELETE ON "OrganizationFounder"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationPerson_listed_insert" AFTER INSERT ON "OrganizationPerson"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationPerson_listed_update" AFTER UPDATE ON "OrganizationPerson"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();
CREATE TRIGGER "OrganizationPerson_listed_delete" AFTER DELETE ON "OrganizationPerson"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas_institution_entries_changed();

UPDATE "Institution" SET listed = atlas_institution_has_entries(id) WHERE "directoryId" IS NOT NULL;

CREATE INDEX "Institution_listed_idx" ON "Institution"("listed");
