-- Issue 15 / ADR 0019 "Periods and sign-off": a school admin signs off a period (完成上报); the
-- county's reviews arrive as events. Aggregates and staff usernames only, no personal data.
--   sign_off         one row per signed-off version of a (school, period): immutable
--   sign_off_figure  the figure of every indicator of the period in that version: immutable
--   sign_off_review  every county review received (SchoolPeriodReviewed), kept as received: immutable
--   sign_off_state   where each (school, period) stands now; the lock is "state in (SIGNED_OFF, APPROVED)"
--   late_submission  a write refused by the lock, kept aside until the school re-applies or discards it
create table sign_off (
  school_id      varchar(40) not null references school (id),
  period_id      varchar(20) not null,
  version        bigint      not null check (version >= 1),
  signed_off_at  timestamptz not null,
  signed_off_by  text,                 -- preferred_username (or subject) of the school admin
  primary key (school_id, period_id, version)
);

create table sign_off_figure (
  school_id        varchar(40) not null,
  period_id        varchar(20) not null,
  version          bigint      not null,
  indicator_code   varchar(60) not null,
  numerator        bigint      not null,
  denominator      bigint      not null,
  snapshot_version bigint      not null,
  primary key (school_id, period_id, version, indicator_code),
  foreign key (school_id, period_id, version) references sign_off (school_id, period_id, version)
);

create table sign_off_review (
  school_id         varchar(40)  not null,
  period_id         varchar(20)  not null,
  review_version    bigint       not null check (review_version >= 1),
  sign_off_version  bigint       not null,
  county_id         varchar(40)  not null,
  action            varchar(10)  not null check (action in ('APPROVED', 'RETURNED', 'REOPENED')),
  comment           varchar(2000),
  reviewed_at       timestamptz  not null,
  received_at       timestamptz  not null,
  applied           boolean      not null, -- false: a review of an older sign-off version or not newer than the one applied
  primary key (school_id, period_id, review_version)
);

create table sign_off_state (
  school_id         varchar(40) not null references school (id),
  period_id         varchar(20) not null,
  state             varchar(12) not null check (state in ('SIGNED_OFF', 'APPROVED', 'RETURNED', 'REOPENED')),
  sign_off_version  bigint      not null,
  review_version    bigint      not null default 0, -- the highest review version applied (0: none yet)
  comment           varchar(2000),
  updated_at        timestamptz not null,
  primary key (school_id, period_id)
);

create index sign_off_state_in_force on sign_off_state (school_id) where state in ('SIGNED_OFF', 'APPROVED');

-- The request as received (query string and body) may name students and guardians: it is sealed with
-- the school's field key like every personal-data column (FieldCipher; re-sealed by the key rotation,
-- which finds every bytea column of a table with school_id) and set to null once re-applied or discarded.
create table late_submission (
  id               bigint generated always as identity primary key,
  school_id        varchar(40)  not null references school (id),
  family           varchar(40)  not null,
  period_id        varchar(20)  not null,
  sign_off_version bigint       not null,
  method           varchar(10)  not null,
  items            integer      not null,
  received_at      timestamptz  not null,
  received_by      text,
  request          bytea,
  status           varchar(10)  not null default 'KEPT' check (status in ('KEPT', 'APPLIED', 'DISCARDED')),
  settled_at       timestamptz,
  settled_by       text,
  check ((status = 'KEPT') = (request is not null))
);

create index late_submission_of_school on late_submission (school_id, received_at);

create function sign_off_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger sign_off_no_update_or_delete before update or delete on sign_off
    for each row execute function sign_off_is_append_only();
create trigger sign_off_no_truncate before truncate on sign_off
    for each statement execute function sign_off_is_append_only();
create trigger sign_off_figure_no_update_or_delete before update or delete on sign_off_figure
    for each row execute function sign_off_is_append_only();
create trigger sign_off_figure_no_truncate before truncate on sign_off_figure
    for each statement execute function sign_off_is_append_only();
create trigger sign_off_review_no_update_or_delete before update or delete on sign_off_review
    for each row execute function sign_off_is_append_only();
create trigger sign_off_review_no_truncate before truncate on sign_off_review
    for each statement execute function sign_off_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table sign_off, sign_off_figure, sign_off_review from ${runtime_role};
end
$$;
