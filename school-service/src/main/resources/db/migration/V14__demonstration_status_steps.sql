-- Issue 13 item 2: every status step the county took on an application (accepted, declined with
-- its reason, assessment started, awarded, rectification, revoked, ...), as received from
-- DemonstrationStatusChanged, so that the school's timeline shows the whole path and not only the
-- latest status (demonstration_application keeps that one, highest version wins). One row per
-- (application, version): a redelivered or duplicated event finds its row there and adds nothing;
-- a late one (a lower version after a higher) still gets its row, and readers order by version.
-- Append-only: no personal data, only what the county wrote for the school (status, dates, score,
-- note). Package org.gongyu.school.demonstration.
create table demonstration_status_step (
  application_id         uuid          not null references demonstration_application (id),
  version                bigint        not null check (version >= 1),
  status                 varchar(20)   not null,
  previous_status        varchar(20),
  at                     timestamptz   not null,
  creation_ends_on       date,
  final_score            numeric(8,2),
  title_valid_until      date,
  rectification_deadline date,
  reason                 text,
  received_at            timestamptz   not null,
  primary key (application_id, version)
);

-- Applications mirrored before this table existed keep the one step the school tier knew.
insert into demonstration_status_step (application_id, version, status, previous_status, at, creation_ends_on, final_score,
  title_valid_until, rectification_deadline, reason, received_at)
select id, version, status, null, coalesce(status_at, updated_at), creation_ends_on, final_score, title_valid_until,
  rectification_deadline, reason, updated_at
from demonstration_application where version > 0;

create function demonstration_status_step_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'demonstration_status_step is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger demonstration_status_step_no_update_or_delete
    before update or delete on demonstration_status_step
    for each row execute function demonstration_status_step_is_append_only();

create trigger demonstration_status_step_no_truncate
    before truncate on demonstration_status_step
    for each statement execute function demonstration_status_step_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table demonstration_status_step from ${runtime_role};
end
$$;
