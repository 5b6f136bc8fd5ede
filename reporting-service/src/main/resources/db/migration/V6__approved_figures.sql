-- Issue 15, ADR 0019: approved figures beside the live ones. A school's sign-off of a period
-- (gongyu.school.sign-offs.v1) brings its figures; the county's review (gongyu.district.period-
-- approvals.v1) approves, returns or reopens it. A figure is approved while the latest review of the
-- (school, period) approves the sign-off version held here; the two topics may arrive in any order.

-- The latest sign-off per (school, period).
create table sign_off (
  school_id     varchar(40) not null,
  period_id     varchar(20) not null,
  version       bigint      not null,
  signed_off_at timestamptz not null,
  primary key (school_id, period_id)
);

-- The figures of that sign-off; keyed indicator and period first, as school_snapshot is.
create table sign_off_figure (
  indicator_code   varchar(60) not null,
  period_id        varchar(20) not null,
  school_id        varchar(40) not null,
  sign_off_version bigint      not null,
  numerator        bigint      not null,
  denominator      bigint      not null,
  snapshot_version bigint      not null,
  primary key (indicator_code, period_id, school_id)
);

-- The county's latest review per (school, period).
create table school_review (
  school_id        varchar(40) not null,
  period_id        varchar(20) not null,
  county_id        varchar(40) not null,
  version          bigint      not null,
  sign_off_version bigint      not null,
  action           varchar(20) not null check (action in ('APPROVED', 'RETURNED', 'REOPENED')),
  reviewed_at      timestamptz not null,
  primary key (school_id, period_id)
);
