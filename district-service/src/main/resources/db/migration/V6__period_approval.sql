-- Issue 15 items 2 and 6, ADR 0019 "Approval chain": the county reviews each school's latest
-- sign-off of a period and submits the period to the city. Package org.gongyu.district.approval.
--
-- period_sign_off: one row per (school, period): the latest PeriodSignedOff received (highest
-- version wins; figures as signed off) and the county's review of it. state: SIGNED_OFF (awaiting
-- review), APPROVED, RETURNED, REOPENED. review_version counts the SchoolPeriodReviewed events of
-- the (school, period); version is the row's optimistic version (+1 on every change).
create table period_sign_off (
  school_id               varchar(40)  not null,
  period_id               varchar(40)  not null,
  county_id               varchar(40)  not null references county (id),
  sign_off_version        bigint       not null check (sign_off_version >= 1),
  signed_off_at           timestamptz  not null,
  figures                 jsonb        not null default '[]',
  received_at             timestamptz  not null,
  state                   varchar(20)  not null check (state in ('SIGNED_OFF', 'APPROVED', 'RETURNED', 'REOPENED')),
  reviewed_at             timestamptz,
  reviewed_by             varchar(100),
  review_comment          varchar(1000),
  review_version          bigint       not null default 0,
  version                 bigint       not null default 1,
  primary key (school_id, period_id)
);
create index period_sign_off_county on period_sign_off (county_id, period_id);

-- county_period_submission: the county's submission of a period to the city (CountyPeriodSubmission,
-- version per (county, period)) and the city's latest decision as received (CountyPeriodDecided,
-- highest version wins).
create table county_period_submission (
  county_id                 varchar(40)  not null references county (id),
  period_id                 varchar(40)  not null,
  status                    varchar(20)  not null check (status in ('SUBMITTED', 'WITHDRAWN')),
  submission_version        bigint       not null check (submission_version >= 1),
  schools                   jsonb        not null default '[]',
  reason                    varchar(2000),
  at                        timestamptz  not null,
  by_user                   varchar(100) not null,
  city_decision             varchar(20)  check (city_decision in ('ACCEPTED', 'RETURNED')),
  city_decision_version     bigint       not null default 0,
  city_submission_version   bigint,
  city_comment              varchar(1000),
  city_decided_at           timestamptz,
  version                   bigint       not null default 1,
  primary key (county_id, period_id)
);

-- The trail of every step: sign-offs received, reviews, submissions, withdrawals, city decisions.
-- school_id null for the county's own steps. Append-only (trigger, and by privilege below).
create table approval_trail (
  id               bigserial     primary key,
  county_id        varchar(40)   not null,
  period_id        varchar(40)   not null,
  school_id        varchar(40),
  at               timestamptz   not null,
  actor            varchar(100)  not null,
  action           varchar(30)   not null,
  version          bigint,
  comment          varchar(2000)
);
create index approval_trail_period on approval_trail (county_id, period_id, school_id, id);

create function approval_trail_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'approval_trail is append-only';
end;
$$;
create trigger approval_trail_no_update_or_delete
  before update or delete on approval_trail
  for each row execute function approval_trail_is_append_only();
create trigger approval_trail_no_truncate
  before truncate on approval_trail
  for each statement execute function approval_trail_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table approval_trail from ${runtime_role};
end
$$;
