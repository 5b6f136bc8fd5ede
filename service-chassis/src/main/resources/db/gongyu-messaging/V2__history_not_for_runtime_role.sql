-- ADR 0013: the runtime role the service connects as writes the outbox and inbox (the relay marks
-- and prunes them) but has no business in this schema's migration history. A service that still
-- connects as the owner has nothing to take away.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke all on table flyway_messaging_history from ${runtime_role};
end
$$;
