-- The city's counties (县区). Published as CountyRegistered on gongyu.city.counties.v1.
create table county (
  id         varchar(40)  primary key,
  city_id    varchar(40)  not null,
  name       varchar(200) not null,
  version    bigint       not null check (version >= 1),
  updated_at timestamptz  not null
);
create index county_city on county (city_id);

-- The indicator catalogue. `version` increases with every change of a definition; the startup
-- publisher sends IndicatorDefined for every row whose published_version is behind. Targets that
-- differ per period will get their own table (code, period_id, target) keyed to this one.
create table indicator_definition (
  code              varchar(60)   primary key,
  name_zh           varchar(200)  not null,
  name_en           varchar(200)  not null,
  kind              varchar(30)   not null,
  period_type       varchar(30)   not null,
  target            numeric(14,4) not null,
  comparator        varchar(20)   not null,
  sensitive         boolean       not null,
  version           bigint        not null check (version >= 1),
  published_version bigint        not null default 0,
  check (published_version <= version)
);

insert into indicator_definition (code, name_zh, name_en, kind, period_type, target, comparator, sensitive, version)
values ('PLATFORM_REGISTRATION', '数字家长学校家长注册率', 'Digital parent-school registration rate',
        'RATIO', 'SEMESTER', 0.60, 'AT_LEAST', false, 1);

-- Latest version of each county's rollup (also of counties the city does not know yet).
create table county_rollup (
  county_id              varchar(40) not null,
  indicator_code         varchar(60) not null,
  period_id              varchar(40) not null,
  numerator              bigint      not null check (numerator >= 0),
  denominator            bigint      not null check (denominator >= 0),
  schools_reporting      int         not null check (schools_reporting >= 0),
  schools_expected       int         not null check (schools_expected >= 0),
  schools_meeting_target int         not null check (schools_meeting_target >= 0),
  version                bigint      not null check (version >= 1),
  as_of                  timestamptz not null,
  primary key (county_id, indicator_code, period_id)
);
create index county_rollup_indicator_period on county_rollup (indicator_code, period_id);

-- One row per (city, indicator, period). Version 0 is the placeholder a first recompute inserts
-- to have a row to lock; it never outlives its transaction unpublished and is never served.
create table city_rollup (
  city_id                varchar(40) not null,
  indicator_code         varchar(60) not null,
  period_id              varchar(40) not null,
  numerator              bigint      not null default 0,
  denominator            bigint      not null default 0,
  counties_reporting     int         not null default 0,
  counties_expected      int         not null default 0,
  schools_reporting      int         not null default 0,
  schools_expected       int         not null default 0,
  schools_meeting_target int         not null default 0,
  version                bigint      not null default 0,
  as_of                  timestamptz,
  lineage                jsonb       not null default '[]',
  primary key (city_id, indicator_code, period_id)
);
