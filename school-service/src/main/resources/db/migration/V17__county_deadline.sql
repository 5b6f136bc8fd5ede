-- Issue 15 item 5, ADR 0019 "Notifications": the counties' reporting deadlines as they publish them
-- (ReportingDeadlineSet, highest version per county and period), so that the school's admins are
-- reminded to sign off before the deadline and told when it has passed without a sign-off.
create table county_deadline (
  county_id    varchar(40) not null,
  period_id    varchar(20) not null,
  deadline     timestamptz not null,
  version      bigint      not null check (version >= 1),
  received_at  timestamptz not null,
  primary key (county_id, period_id)
);
