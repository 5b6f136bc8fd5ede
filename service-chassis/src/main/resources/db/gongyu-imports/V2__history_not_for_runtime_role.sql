-- ADR 0013: the runtime role reads and writes import jobs but not this schema's migration history.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke all on table flyway_imports_history from ${runtime_role};
end
$$;
