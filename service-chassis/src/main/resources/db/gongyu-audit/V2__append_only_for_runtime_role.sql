-- ADR 0013: the service connects as a runtime role that owns nothing and reads and writes rows
-- only; the owner runs the migrations. For that role audit_log is append-only by privilege as well
-- as by trigger: it can add and read rows, never change, delete or truncate them, and it cannot
-- disable the triggers (only an owner can). Nor does it touch this schema's migration history.
-- A service that still connects as the owner has nothing to take away.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table audit_log from ${runtime_role};
  revoke all on table flyway_audit_history from ${runtime_role};
end
$$;
