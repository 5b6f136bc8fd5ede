-- Issue 12 item 6: every read of a sensitive school record (special-student register, consultation
-- cases, home-visit files) is recorded: who (token subject and username), in which role, what
-- (record family and id, or a list and its filter), when and for what purpose. The school's admin
-- lists them (GET /api/school/schools/{schoolId}/sensitive-reads). Rows are added, never changed
-- or removed: the triggers refuse UPDATE, DELETE and TRUNCATE for every role, the service's own
-- included (as audit_log does). Times are UTC.
create table sensitive_read (
  id         bigint generated always as identity primary key,
  at         timestamptz  not null,
  school_id  varchar(40)  not null,
  actor      text         not null,          -- token subject (Keycloak user id)
  username   text,                           -- preferred_username of the token
  roles      text         not null,          -- Gongyu roles of the token, comma-separated
  family     varchar(20)  not null check (family in ('SPECIAL_CARE', 'CONSULTATION', 'HOME_VISIT_FILE')),
  record_id  varchar(40),                    -- the record read; null for a list
  filter     text,                           -- the list's filter, e.g. schoolYear=2026-2027; null for one record
  purpose    varchar(20)  check (purpose in ('FOLLOW_UP', 'COUNSELLING', 'STATISTICS_CHECK', 'OTHER')),
  check ((record_id is null) <> (filter is null))
);

create index sensitive_read_school_at on sensitive_read (school_id, at desc, id desc);

create function sensitive_read_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'sensitive_read is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger sensitive_read_no_update_or_delete
    before update or delete on sensitive_read
    for each row execute function sensitive_read_is_append_only();

create trigger sensitive_read_no_truncate
    before truncate on sensitive_read
    for each statement execute function sensitive_read_is_append_only();
