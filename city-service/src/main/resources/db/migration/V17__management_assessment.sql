-- Issue 17 item 7, ADR 0028: the city's management assessment of counties (管理考核) as versioned
-- scoring schemes over indicator figures. A scheme has immutable versions (a change is the next
-- version); a run computes a version for a school year over the county rollups the city holds and
-- keeps, immutably, the version it used, the figures (periods, numerators, denominators) and the
-- points and explanation of every county and item. Issuing a new version never changes a run.

-- The tables are those of every tier that assesses (org.gongyu.chassis.assessment.AssessmentStore):
-- owner_id is the assessing unit, here the city.
create table assessment_scheme (
  owner_id varchar(40) not null,
  id       varchar(60) not null,
  version  bigint      not null check (version >= 1),
  primary key (owner_id, id)
);
comment on column assessment_scheme.version is 'the latest version';

create table assessment_scheme_version (
  owner_id     varchar(40)  not null,
  scheme_id    varchar(60)  not null,
  version      bigint       not null check (version >= 1),
  title_zh     varchar(200) not null,
  title_en     varchar(200) not null,
  total_points numeric(8,2) not null check (total_points > 0),
  scheme       jsonb        not null,
  issued_at    timestamptz  not null,
  issued_by    varchar(200) not null,
  primary key (owner_id, scheme_id, version),
  foreign key (owner_id, scheme_id) references assessment_scheme (owner_id, id)
);
comment on column assessment_scheme_version.scheme is 'the ScoringScheme as issued: items, indicator kinds, weights, rules';

create table assessment_run (
  id             bigint generated always as identity primary key,
  owner_id       varchar(40)  not null,
  scheme_id      varchar(60)  not null,
  scheme_version bigint       not null,
  period_id      varchar(40)  not null,
  computed_at    timestamptz  not null,
  computed_by    varchar(200) not null,
  units          int          not null check (units >= 0),
  results        jsonb        not null,
  foreign key (owner_id, scheme_id, scheme_version) references assessment_scheme_version (owner_id, scheme_id, version)
);
create index assessment_run_scheme on assessment_run (owner_id, scheme_id, id);
comment on column assessment_run.results is 'per county: the figures used, points and explanation per item, total, rank; and the county names then';

create function assessment_is_immutable() returns trigger
language plpgsql as $$
begin
  raise exception 'an issued scheme version and a computed assessment are immutable (% on %)', tg_op, tg_table_name;
end $$;

create trigger assessment_scheme_version_immutable
  before update or delete on assessment_scheme_version
  for each row execute function assessment_is_immutable();
create trigger assessment_scheme_version_no_truncate
  before truncate on assessment_scheme_version
  for each statement execute function assessment_is_immutable();
create trigger assessment_run_immutable
  before update or delete on assessment_run
  for each row execute function assessment_is_immutable();
create trigger assessment_run_no_truncate
  before truncate on assessment_run
  for each statement execute function assessment_is_immutable();

-- ADR 0013: for the runtime role the versions and runs are append-only by privilege as well.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table assessment_scheme_version, assessment_run from ${runtime_role};
end
$$;
