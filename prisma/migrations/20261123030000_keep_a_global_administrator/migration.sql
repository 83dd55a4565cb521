-- The directory always keeps at least one Global Administrator, enforced by the database so that
-- no race between requests (or server instances) can remove the last one. A statement that
-- removes such an assignment (directly, or by deleting its user) takes one transaction-level
-- advisory lock, then looks with a fresh snapshot: a concurrent removal has either committed
-- (and is seen) or waits for this transaction to end.

CREATE FUNCTION "keep_a_global_administrator"() RETURNS trigger
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM removed WHERE "role" = 'GLOBAL_ADMINISTRATOR') THEN
    RETURN NULL;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('authgate:global-administrators'));
  IF NOT EXISTS (SELECT 1 FROM "DirectoryRoleAssignment" WHERE "role" = 'GLOBAL_ADMINISTRATOR') THEN
    RAISE EXCEPTION 'lastGlobalAdministrator: the directory must keep at least one Global Administrator'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "DirectoryRoleAssignment_keep_a_global_administrator_on_delete"
AFTER DELETE ON "DirectoryRoleAssignment"
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION "keep_a_global_administrator"();

CREATE TRIGGER "DirectoryRoleAssignment_keep_a_global_administrator_on_update"
AFTER UPDATE ON "DirectoryRoleAssignment"
REFERENCING OLD TABLE AS removed
FOR EACH STATEMENT EXECUTE FUNCTION "keep_a_global_administrator"();
