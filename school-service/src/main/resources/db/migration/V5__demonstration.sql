-- Issue 5: a school's side of the demonstration-school programme (示范学校创建, W1 of seed 001).
-- Package org.gongyu.school.demonstration. The county (district-service) owns the programme and the
-- application's state machine; this tier keeps copies of both and owns the school's own writing:
-- the application form (申报表) and the self-evaluation (自查自评) drafts.

-- The county programmes, latest version each (gongyu.district.demonstration.v1). Every programme
-- is kept, not only those of counties with a school registered here: the programme and registry
-- topics are not ordered against each other, so a programme can arrive before its schools do.
-- Programmes carry no personal data.
create table demonstration_programme (
  id                   varchar(60)  primary key,
  county_id            varchar(40)  not null,
  name                 varchar(200) not null,
  target               int          not null,
  starts_on            date,
  ends_on              date,
  application_opens_on date         not null,
  application_deadline date         not null,
  creation_months      int          not null,
  title_validity_years int          not null,
  standard_id          varchar(60)  not null,
  standard_version     bigint       not null,
  rubric               jsonb        not null,
  quotas               jsonb        not null default '[]',
  version              bigint       not null check (version >= 1),
  updated_at           timestamptz  not null,
  check (application_opens_on <= application_deadline)
);
create index demonstration_programme_county on demonstration_programme (county_id);

-- The school's applications. status .. reason mirror the county's DemonstrationStatusChanged
-- (highest version wins; version 0 = nothing heard from the county yet). A self-evaluation round
-- is open for drafting while open_round > submitted_round; a submission freezes it, a deferral by
-- the county opens the next one.
create table demonstration_application (
  id                     uuid          primary key,
  school_id              varchar(40)   not null references school (id),
  programme_id           varchar(60)   not null references demonstration_programme (id),
  county_id              varchar(40)   not null,
  applied_at             timestamptz   not null,
  baseline               jsonb         not null,
  plan                   text          not null,
  status                 varchar(20)   not null,
  version                bigint        not null check (version >= 0),
  status_at              timestamptz,
  creation_ends_on       date,
  final_score            numeric(8,2),
  title_valid_until      date,
  rectification_deadline date,
  reason                 text,
  open_round             int           not null default 1 check (open_round >= 1),
  submitted_round        int           not null default 0 check (submitted_round >= 0),
  updated_at             timestamptz   not null,
  unique (school_id, programme_id),
  check (submitted_round <= open_round)
);
create index demonstration_application_programme on demonstration_application (programme_id);

-- Self-evaluation items per round and criterion: the draft of the open round, the frozen items of
-- each submitted one. A new round starts as a copy of the previous round's items.
create table demonstration_self_evaluation_item (
  application_id uuid          not null references demonstration_application (id),
  round          int           not null check (round >= 1),
  criterion_code varchar(40)   not null,
  self_score     numeric(8,2)  not null check (self_score >= 0),
  narrative      varchar(2000) not null,
  evidence       jsonb         not null,
  updated_at     timestamptz   not null,
  primary key (application_id, round, criterion_code)
);

-- Each submitted round (what SelfEvaluationSubmitted carried, besides the items above).
create table demonstration_submission (
  application_id   uuid          not null references demonstration_application (id),
  round            int           not null check (round >= 1),
  submitted_at     timestamptz   not null,
  standard_id      varchar(60)   not null,
  standard_version bigint        not null,
  self_total       numeric(8,2)  not null,
  primary key (application_id, round)
);
