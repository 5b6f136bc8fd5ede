-- Copy of the county's school registry (owned by district-service, consumed from
-- gongyu.district.school-registry.v1). Only registered schools accept records.
create table school (
  id               varchar(40)  primary key,
  county_id        varchar(40)  not null,
  xuequ_id         varchar(40),
  name             varchar(200) not null,
  school_type      varchar(40)  not null,
  registry_version bigint       not null,
  updated_at       timestamptz  not null
);

-- Classes and their enrolment for one school year. The denominator of enrolment-based indicators.
create table school_class (
  school_id   varchar(40)  not null references school (id),
  class_id    varchar(40)  not null,
  school_year char(9)      not null,
  grade       smallint     not null check (grade between 1 and 12),
  name        varchar(100) not null,
  enrolment   integer      not null check (enrolment >= 0),
  updated_at  timestamptz  not null,
  primary key (school_id, class_id)
);
create index school_class_year on school_class (school_id, school_year);

-- Guardian registrations on the external digital parent-school platform (数字家长学校), one row per
-- platform record. student_key and guardian_key are keyed HMACs of the platform's references:
-- they allow counting distinct students without storing any identifier of a minor or parent.
create table platform_registration (
  school_id     varchar(40)  not null,
  external_id   varchar(100) not null,
  class_id      varchar(40)  not null,
  student_key   char(64)     not null,
  guardian_key  char(64)     not null,
  registered_at timestamptz  not null,
  received_at   timestamptz  not null,
  primary key (school_id, external_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);
create index platform_registration_class on platform_registration (school_id, class_id, student_key);

-- Every snapshot version the school has derived; a correction is a new version, never an update.
create table indicator_snapshot (
  school_id      varchar(40) not null references school (id),
  indicator_code varchar(60) not null,
  period_id      varchar(20) not null,
  version        bigint      not null check (version >= 1),
  numerator      bigint      not null check (numerator >= 0),
  denominator    bigint      not null check (denominator >= 0),
  as_of          timestamptz not null,
  primary key (school_id, indicator_code, period_id, version)
);
