-- Issue 13 item 1: every record family the school keeps can be corrected (with a reason) or
-- withdrawn (with a reason); the trail keeps every version. One row per version of a record:
-- CREATED, CORRECTED, WITHDRAWN, with who did it, when, why, and the record's content as the school
-- reads it (the school tier's own answer: no notes, no student or guardian references). A withdrawn
-- record leaves its family's table (so no figure counts it) and stays readable from here.
-- Rows are added, never changed or removed: triggers refuse UPDATE, DELETE and TRUNCATE for every
-- role, and the runtime role has no UPDATE, DELETE or TRUNCATE on it (as V8 does for the others).
create table record_version (
  id         bigint generated always as identity primary key,
  school_id  varchar(40)  not null,
  family     varchar(40)  not null,
  record_id  varchar(200) not null,
  version    integer      not null check (version >= 1),
  action     varchar(10)  not null check (action in ('CREATED', 'CORRECTED', 'WITHDRAWN')),
  reason     varchar(500),
  actor      text,                           -- preferred_username (or subject) of the token; null for a baseline of an older record
  at         timestamptz  not null,
  content    jsonb        not null,
  unique (school_id, family, record_id, version)
);

create index record_version_withdrawn on record_version (school_id, family) where action = 'WITHDRAWN';

create function record_version_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'record_version is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger record_version_no_update_or_delete
    before update or delete on record_version
    for each row execute function record_version_is_append_only();

create trigger record_version_no_truncate
    before truncate on record_version
    for each statement execute function record_version_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table record_version from ${runtime_role};
end
$$;
