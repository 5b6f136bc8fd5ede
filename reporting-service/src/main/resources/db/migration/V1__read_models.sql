-- Read models of reporting-service. Every row is a copy of the latest version some tier published;
-- nothing here is owned or computed by reporting. Each table keeps the event's version so that
-- stale, duplicated or replayed events (version not newer than stored) change nothing.

-- Org structure: counties of the city (gongyu.city.counties.v1).
create table county (
  county_id varchar(40)  primary key,
  city_id   varchar(40)  not null,
  name      varchar(200) not null,
  version   bigint       not null
);

-- Schools of the counties' registries (gongyu.district.school-registry.v1).
create table school (
  school_id   varchar(40)  primary key,
  county_id   varchar(40)  not null,
  xuequ_id    varchar(40),
  name        varchar(200) not null,
  school_type varchar(40),
  version     bigint       not null
);
-- The county view reads one county's schools through this index, never the whole table.
create index school_by_county on school (county_id, school_id);

-- Indicator catalogue (gongyu.city.catalogue.v1).
create table indicator (
  code        varchar(60)    primary key,
  name_zh     varchar(200)   not null,
  name_en     varchar(200)   not null,
  kind        varchar(30)    not null,
  period_type varchar(30)    not null,
  target      numeric,        -- as published (keeps its scale: 0.60 stays 0.60)
  comparator  varchar(20),
  sensitive   boolean        not null,
  version     bigint         not null
);

-- Latest school figure per (school, indicator, period) (gongyu.school.indicator-snapshots.v1).
create table school_snapshot (
  indicator_code varchar(60) not null,
  period_id      varchar(20) not null,
  school_id      varchar(40) not null,
  numerator      bigint      not null,
  denominator    bigint      not null,
  version        bigint      not null,
  as_of          timestamptz not null,
  primary key (indicator_code, period_id, school_id)
);

-- Latest county rollup per (county, indicator, period) (gongyu.district.indicator-rollups.v1).
-- Keyed indicator and period first: the city view reads all counties of one (indicator, period).
create table county_rollup (
  indicator_code         varchar(60) not null,
  period_id              varchar(20) not null,
  county_id              varchar(40) not null,
  numerator              bigint      not null,
  denominator            bigint      not null,
  schools_reporting      integer     not null,
  schools_expected       integer     not null,
  schools_meeting_target integer     not null,
  version                bigint      not null,
  as_of                  timestamptz not null,
  primary key (indicator_code, period_id, county_id)
);

-- The school snapshot versions the stored county rollup was computed from; replaced with it.
create table county_rollup_lineage (
  indicator_code varchar(60) not null,
  period_id      varchar(20) not null,
  county_id      varchar(40) not null,
  school_id      varchar(40) not null,
  version        bigint      not null,
  primary key (indicator_code, period_id, county_id, school_id),
  foreign key (indicator_code, period_id, county_id)
    references county_rollup (indicator_code, period_id, county_id) on delete cascade
);

-- Latest city rollup per (city, indicator, period) (gongyu.city.indicator-rollups.v1).
create table city_rollup (
  indicator_code         varchar(60) not null,
  period_id              varchar(20) not null,
  city_id                varchar(40) not null,
  numerator              bigint      not null,
  denominator            bigint      not null,
  counties_reporting     integer     not null,
  counties_expected      integer     not null,
  schools_reporting      integer     not null,
  schools_expected       integer     not null,
  schools_meeting_target integer     not null,
  version                bigint      not null,
  as_of                  timestamptz not null,
  primary key (indicator_code, period_id, city_id)
);

-- The county rollup versions the stored city rollup was computed from; replaced with it.
create table city_rollup_lineage (
  indicator_code varchar(60) not null,
  period_id      varchar(20) not null,
  city_id        varchar(40) not null,
  county_id      varchar(40) not null,
  version        bigint      not null,
  primary key (indicator_code, period_id, city_id, county_id),
  foreign key (indicator_code, period_id, city_id)
    references city_rollup (indicator_code, period_id, city_id) on delete cascade
);
