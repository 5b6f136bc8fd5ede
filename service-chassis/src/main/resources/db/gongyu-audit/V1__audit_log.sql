-- The service's append-only audit trail: every state-changing request and every refused one.
-- Rows can be added, never changed or removed: the triggers below refuse UPDATE, DELETE and
-- TRUNCATE for every role, the service's own included, and the application has no endpoint
-- that writes here. Times are UTC. No request bodies: they may carry personal data.
create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor      text        not null,          -- token subject (Keycloak user id), or 'anonymous'
    username   text,                          -- preferred_username of the token, when there is one
    roles      text        not null,          -- Gongyu roles of the token, comma-separated
    org_unit   text        not null,          -- school:<id> | county:<id> | city:<id> | none
    action     text        not null,          -- method and route, e.g. PUT /api/school/schools/{schoolId}/classes/{classId}
    target     text        not null,          -- the path requested
    outcome    text        not null check (outcome in ('SUCCEEDED', 'REJECTED', 'DENIED', 'FAILED')),
    status     integer     not null,
    reason     text                           -- why it was denied or rejected, when known
);

create index audit_log_at on audit_log (at);
create index audit_log_actor on audit_log (actor, at);

create function audit_log_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
