-- ShedLock's table (the standard shape), so that a job runs once across a service's instances
-- (ADR 0031). Services that notify made it earlier with the notification tables (db/gongyu-notify
-- V1) and keep it: hence "if not exists".
create table if not exists shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);

-- ADR 0013: the runtime role reads and writes this table but not this schema's migration history.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke all on table flyway_scheduling_history from ${runtime_role};
end
$$;
