-- Issue 5: the demonstration-school programme (示范学校创建, workflow W1 of seed 001).
-- Packages: demonstration (state machine, trail), demonstration.programme, demonstration.assessment,
-- demonstration.title. Changes after this file go into new migrations, never into this one.

-- Standards issued by the city (gongyu.city.demonstration-standards.v1); every version is kept,
-- because each programme keeps the version it started with.
create table demonstration_standard (
  standard_id  varchar(60) not null,
  version      bigint      not null check (version >= 1),
  published_at timestamptz not null,
  rubric       jsonb       not null,
  primary key (standard_id, version)
);

-- A county's programme: target, period, application window, the standard version it keeps.
create table demonstration_programme (
  id                   varchar(60)   primary key,
  county_id            varchar(40)   not null references county (id),
  name                 varchar(200)  not null,
  target               int           not null check (target > 0),
  starts_on            date          not null,
  ends_on              date          not null,
  application_opens_on date          not null,
  application_deadline date          not null,
  creation_months      int           not null check (creation_months between 1 and 36),
  title_validity_years int           not null check (title_validity_years between 1 and 10),
  consensus_margin     numeric(8,2)  not null check (consensus_margin >= 0),
  standard_id          varchar(60)   not null,
  standard_version     bigint        not null,
  version              bigint        not null check (version >= 1),
  updated_at           timestamptz   not null,
  check (starts_on <= ends_on),
  check (application_opens_on <= application_deadline),
  foreign key (standard_id, standard_version) references demonstration_standard (standard_id, version)
);
create index demonstration_programme_county on demonstration_programme (county_id);

-- The breakdown table (分解表): titles per 学区; xuequ_key '' stands for the schools directly under
-- the county (直属).
create table demonstration_quota (
  programme_id varchar(60) not null references demonstration_programme (id),
  xuequ_key    varchar(40) not null,
  quota        int         not null check (quota >= 0),
  primary key (programme_id, xuequ_key)
);

-- The creation arrangement (安排表): the schools each 学区 selected, and the year they create in.
create table demonstration_arrangement (
  programme_id varchar(60) not null references demonstration_programme (id),
  school_id    varchar(40) not null references school (id),
  xuequ_key    varchar(40) not null,
  planned_year int         not null,
  primary key (programme_id, school_id)
);

-- One application per school and programme; its status is the state machine's (DemonstrationStatus).
create table demonstration_application (
  id               uuid         primary key,
  programme_id     varchar(60)  not null references demonstration_programme (id),
  county_id        varchar(40)  not null references county (id),
  school_id        varchar(40)  not null,
  xuequ_key        varchar(40)  not null,
  status           varchar(20)  not null,
  version          bigint       not null check (version >= 1),
  applied_at       timestamptz  not null,
  baseline         jsonb        not null default '[]',
  plan             text         not null,
  creation_ends_on date,
  round            int          not null default 0 check (round >= 0),
  final_score      numeric(8,2),
  updated_at       timestamptz  not null,
  unique (programme_id, school_id)
);
create index demonstration_application_county on demonstration_application (county_id, status);
create index demonstration_application_school on demonstration_application (school_id);

-- Each self-evaluation round the school submitted (items as sent: criterion, self-score, narrative, evidence).
create table demonstration_self_evaluation (
  application_id   uuid          not null references demonstration_application (id),
  round            int           not null check (round >= 1),
  submitted_at     timestamptz   not null,
  standard_id      varchar(60)   not null,
  standard_version bigint        not null,
  items            jsonb         not null,
  self_total       numeric(8,2)  not null,
  primary key (application_id, round)
);

-- The county's assessor panel (评估专家): Keycloak usernames with the county-assessor role, and
-- where they work or worked (for conflict detection).
create table demonstration_assessor (
  county_id         varchar(40)  not null references county (id),
  username          varchar(100) not null,
  name              varchar(200) not null,
  home_school_id    varchar(40),
  former_school_ids jsonb        not null default '[]',
  active            boolean      not null default true,
  version           bigint       not null check (version >= 1),
  updated_at        timestamptz  not null,
  primary key (county_id, username)
);

-- An assessor on an application's round: ASSIGNED until they declare, then CLEARED or RECUSED.
create table demonstration_assignment (
  application_id     uuid         not null references demonstration_application (id),
  round              int          not null check (round >= 1),
  assessor           varchar(100) not null,
  status             varchar(20)  not null,
  assigned_at        timestamptz  not null,
  assigned_by        varchar(100) not null,
  declared_at        timestamptz,
  declared_conflicts jsonb        not null default '[]',
  statement          text,
  submitted_at       timestamptz,
  primary key (application_id, round, assessor)
);
create index demonstration_assignment_assessor on demonstration_assignment (assessor);

-- On-site scores: one per assessor and criterion; every change is also a trail row.
create table demonstration_score (
  application_id uuid          not null references demonstration_application (id),
  round          int           not null,
  assessor       varchar(100)  not null,
  criterion_code varchar(40)   not null,
  points         numeric(8,2)  not null check (points >= 0),
  comment        text          not null,
  updated_at     timestamptz   not null,
  primary key (application_id, round, assessor, criterion_code)
);

-- The agreed score and note for a criterion whose assessors' scores differ by more than the margin.
create table demonstration_consensus (
  application_id uuid          not null references demonstration_application (id),
  round          int           not null,
  criterion_code varchar(40)   not null,
  points         numeric(8,2)  not null check (points >= 0),
  note           text          not null,
  agreed_by      varchar(100)  not null,
  agreed_at      timestamptz   not null,
  primary key (application_id, round, criterion_code)
);

-- A title awarded to an application; it counts while the application holds it (TITLED,
-- REINSPECTING, RECTIFYING) and valid_until has not passed.
create table demonstration_title (
  application_id         uuid         primary key references demonstration_application (id),
  programme_id           varchar(60)  not null references demonstration_programme (id),
  county_id              varchar(40)  not null references county (id),
  school_id              varchar(40)  not null,
  xuequ_key              varchar(40)  not null,
  awarded_on             date         not null,
  valid_until            date         not null,
  reinspection_on        date,
  rectification_deadline date,
  ended_on               date,
  updated_at             timestamptz  not null,
  check (awarded_on <= valid_until)
);
create index demonstration_title_county on demonstration_title (county_id, programme_id);

-- The history of every application: each transition, assignment, declaration and score change.
-- Append-only: the triggers refuse UPDATE, DELETE and TRUNCATE.
create table demonstration_trail (
  id             bigserial    primary key,
  application_id uuid         not null references demonstration_application (id),
  at             timestamptz  not null,
  actor          varchar(100) not null,
  action         varchar(60)  not null,
  from_status    varchar(20),
  to_status      varchar(20),
  detail         jsonb        not null default '{}'
);
create index demonstration_trail_application on demonstration_trail (application_id, id);

create function demonstration_trail_is_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'demonstration_trail is append-only';
end;
$$;
create trigger demonstration_trail_no_update_or_delete
  before update or delete on demonstration_trail
  for each row execute function demonstration_trail_is_append_only();
create trigger demonstration_trail_no_truncate
  before truncate on demonstration_trail
  for each statement execute function demonstration_trail_is_append_only();
