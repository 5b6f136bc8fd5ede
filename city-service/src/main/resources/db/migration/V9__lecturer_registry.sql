-- Issue 17 item 2, ADR 0024 "Lecturer registry": the city's one registry of public-welfare
-- family-education lecturers (讲师备案, seeds W8, T18, reading 17). Package org.gongyu.city.lecturer.
--
-- lecturer: one row per nominated person. Counties (or the city for city-direct schools,
-- nominated_by_county null) nominate; the city registers (备案) or rejects with a reason, records
-- the day of its training, suspends, reinstates or revokes. version counts every change (+1), and
-- is the version of LecturerRegistryChanged once the lecturer has been registered.
create table lecturer (
  id                   varchar(40)   primary key,
  name                 varchar(100)  not null,
  affiliation          varchar(200),
  expertise            varchar(500),
  age_groups           varchar(30)[] not null default '{}',
  nominated_by_county  varchar(40),
  nominated_at         timestamptz   not null,
  nominated_by         varchar(100)  not null,
  status               varchar(20)   not null
                       check (status in ('NOMINATED', 'REGISTERED', 'REJECTED', 'SUSPENDED', 'REVOKED')),
  status_reason        varchar(1000),
  registered_at        timestamptz,
  trained_on           date,
  version              bigint        not null default 1 check (version >= 1),
  updated_at           timestamptz   not null
);
create index lecturer_by_county on lecturer (nominated_by_county, nominated_at);
create index lecturer_by_status on lecturer (status, name);

-- Team memberships point to registry entries (reading 17): the city lecturer team (市讲师团), a
-- county's public-welfare lecturer team (县区公益讲师团, county_id set) and the advisory group (顾问团).
create table lecturer_team (
  lecturer_id  varchar(40)  not null references lecturer (id),
  team         varchar(20)  not null check (team in ('CITY_TEAM', 'COUNTY_TEAM', 'ADVISORY')),
  county_id    varchar(40)  not null default '',
  check ((team = 'COUNTY_TEAM') = (county_id <> '')),
  primary key (lecturer_id, team, county_id)
);

-- Every nomination and review step. Append-only.
create table lecturer_trail (
  id           bigserial     primary key,
  lecturer_id  varchar(40)   not null,
  at           timestamptz   not null,
  actor        varchar(100)  not null,
  action       varchar(30)   not null,
  version      bigint        not null,
  comment      varchar(1000)
);
create index lecturer_trail_key on lecturer_trail (lecturer_id, id);

create function lecturer_trail_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'lecturer_trail is append-only';
end;
$$;
create trigger lecturer_trail_no_update_or_delete
  before update or delete on lecturer_trail
  for each row execute function lecturer_trail_is_append_only();
create trigger lecturer_trail_no_truncate
  before truncate on lecturer_trail
  for each statement execute function lecturer_trail_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table lecturer_trail from ${runtime_role};
end
$$;

-- T18 in the catalogue: lecturers of a school year's parent-school sessions registered and trained
-- by the city / lecturers of those sessions, 100 % from the first school year. Its place is after the
-- last definition, whatever other migrations appended before it.
insert into indicator_definition (code, name_zh, name_en, kind, period_type, comparator, sensitive, version,
                                  school_types, position)
select 'LECTURER_REGISTRATION', '公益讲师备案培训率', 'Parent-school lecturers registered and trained by the city',
       'RATIO', 'SCHOOL_YEAR', 'AT_LEAST', false, 1, '{}', coalesce(max(position), 0) + 1
from indicator_definition;

insert into indicator_target (code, from_period, value, set_at, set_by)
values ('LECTURER_REGISTRATION', '2024-2025', 1.00, now(), 'default catalogue');
