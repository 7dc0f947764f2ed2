-- Every instance's job engine listens on "atlas_audit" (lib/jobs/change-listener.ts) and wakes the webhook sweep,
-- so an approved change is delivered within seconds instead of at the next minute's tick. NOTIFY inside a
-- transaction is delivered when it commits and never when it rolls back, and PostgreSQL folds the same
-- notification raised many times in one transaction into one: a statement-level trigger is enough.
CREATE FUNCTION atlas_audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atlas_audit', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "AuditEvent_notify" AFTER INSERT ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_audit_notify();
