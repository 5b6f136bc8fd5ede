-- Issue 15 items 2 and 6, ADR 0019 "Approval chain", city tier: the counties' submissions of a
-- period and the city's decisions on them. Package org.gongyu.city.approval.
--
-- county_submission: one row per (county, period): the latest CountyPeriodSubmission received
-- (highest submission_version wins; also of counties the city does not know yet) and the city's
-- latest decision on it (decision_version counts the CountyPeriodDecided events of the (county,
-- period); decided_submission_version is the submission it was about). version is the row's
-- optimistic version (+1 on every change).
create table county_submission (
  county_id                   varchar(40)   not null,
  period_id                   varchar(40)   not null,
  status                      varchar(20)   not null check (status in ('SUBMITTED', 'WITHDRAWN')),
  submission_version          bigint        not null check (submission_version >= 1),
  schools                     jsonb         not null default '[]',
  reason                      varchar(2000),
  submitted_at                timestamptz   not null,
  received_at                 timestamptz   not null,
  decision                    varchar(20)   check (decision in ('ACCEPTED', 'RETURNED')),
  decided_submission_version  bigint,
  decision_comment            varchar(1000),
  decided_at                  timestamptz,
  decided_by                  varchar(100),
  decision_version            bigint        not null default 0,
  version                     bigint        not null default 1,
  primary key (county_id, period_id)
);
create index county_submission_period on county_submission (period_id);

-- The trail: submissions and withdrawals received, the city's decisions. Append-only.
create table county_submission_trail (
  id                  bigserial     primary key,
  county_id           varchar(40)   not null,
  period_id           varchar(40)   not null,
  at                  timestamptz   not null,
  actor               varchar(100)  not null,
  action              varchar(30)   not null,
  submission_version  bigint        not null,
  comment             varchar(2000)
);
create index county_submission_trail_key on county_submission_trail (county_id, period_id, id);

create function county_submission_trail_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'county_submission_trail is append-only';
end;
$$;
create trigger county_submission_trail_no_update_or_delete
  before update or delete on county_submission_trail
  for each row execute function county_submission_trail_is_append_only();
create trigger county_submission_trail_no_truncate
  before truncate on county_submission_trail
  for each statement execute function county_submission_trail_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table county_submission_trail from ${runtime_role};
end
$$;
