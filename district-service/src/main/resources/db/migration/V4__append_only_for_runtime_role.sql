-- Issue 12 item 5, ADR 0013: the service connects as a runtime role that owns nothing and reads and
-- writes rows only; the owner of the database runs the migrations. For the runtime role the trails
-- below are append-only by privilege (as well as by trigger where they have one): it can add and
-- read rows, never change, delete or truncate them, and it cannot disable a trigger (only an owner
-- can). Nor does it touch the migration history. A deployment whose service still connects as the
-- owner has nothing to take away (the triggers still hold).
--   demonstration_trail  the history of every demonstration application (V3)
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table demonstration_trail from ${runtime_role};
  revoke all on table flyway_schema_history from ${runtime_role};
end
$$;
