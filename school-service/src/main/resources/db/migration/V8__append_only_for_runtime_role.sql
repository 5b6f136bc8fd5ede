-- Issue 12 item 5, ADR 0013: the service connects as a runtime role that owns nothing and reads and
-- writes rows only; the owner of the database runs the migrations. For the runtime role the trails
-- below are append-only by privilege (as well as by trigger where they have one): it can add and
-- read rows, never change, delete or truncate them, and it cannot disable a trigger (only an owner
-- can). Nor does it touch the migration history. A deployment whose service still connects as the
-- owner has nothing to take away (the triggers still hold).
--   sensitive_read      who read which sensitive record (V6)
--   indicator_snapshot  every snapshot version derived; a correction is a new version (V1)
--   retention_purge     one row per purge run (V7)
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table sensitive_read, indicator_snapshot, retention_purge from ${runtime_role};
  revoke all on table flyway_schema_history from ${runtime_role};
end
$$;
