-- Counties of the city, copied from city-service (gongyu.city.counties.v1); latest version wins.
create table county (
  id      varchar(40)  primary key,
  city_id varchar(40)  not null,
  name    varchar(200) not null,
  version bigint       not null check (version >= 1)
);

-- Indicator catalogue, copied from city-service (gongyu.city.catalogue.v1); latest version wins.
create table indicator_definition (
  code        varchar(60)   primary key,
  name_zh     varchar(200)  not null,
  name_en     varchar(200)  not null,
  kind        varchar(30)   not null,
  period_type varchar(30)   not null,
  target      numeric(14,4) not null,
  comparator  varchar(20)   not null,
  sensitive   boolean       not null,
  version     bigint        not null check (version >= 1)
);

-- 学区: optional grouping of a county's schools. Ids are unique across counties.
create table xuequ (
  id         varchar(40)  primary key,
  county_id  varchar(40)  not null references county (id),
  name       varchar(200) not null,
  version    bigint       not null check (version >= 1),
  updated_at timestamptz  not null,
  unique (county_id, id)
);

-- The school registry owned by the county bureaus. A school belongs to one county; its 学区, if
-- any, must be in the same county (composite foreign key).
create table school (
  id          varchar(40)  primary key,
  county_id   varchar(40)  not null references county (id),
  xuequ_id    varchar(40),
  name        varchar(200) not null,
  school_type varchar(30)  not null,
  version     bigint       not null check (version >= 1),
  updated_at  timestamptz  not null,
  foreign key (county_id, xuequ_id) references xuequ (county_id, id)
);
create index school_county on school (county_id, id);

-- Latest snapshot version per (school, indicator, period), also for schools not (yet) registered.
create table school_snapshot (
  school_id      varchar(40)  not null,
  indicator_code varchar(60)  not null,
  period_id      varchar(40)  not null,
  numerator      bigint       not null check (numerator >= 0),
  denominator    bigint       not null check (denominator >= 0),
  version        bigint       not null check (version >= 1),
  as_of          timestamptz  not null,
  primary key (school_id, indicator_code, period_id)
);

-- One row per (county, indicator, period). Version 0 is the placeholder a first recompute inserts
-- to have a row to lock; it is never published nor served.
create table county_rollup (
  county_id              varchar(40) not null references county (id),
  indicator_code         varchar(60) not null,
  period_id              varchar(40) not null,
  numerator              bigint      not null default 0,
  denominator            bigint      not null default 0,
  schools_reporting      int         not null default 0,
  schools_expected       int         not null default 0,
  schools_meeting_target int         not null default 0,
  version                bigint      not null default 0,
  as_of                  timestamptz,
  lineage                jsonb       not null default '[]',
  primary key (county_id, indicator_code, period_id)
);
create index county_rollup_indicator on county_rollup (indicator_code);
