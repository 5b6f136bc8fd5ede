-- Issue 17 item 5, ADR 0026 "Anonymous surveys, counts upward only": the city's questionnaires to
-- parents and students (问卷调查, seeds W10 and W16) and what schools send back. Package
-- org.gongyu.city.survey.
--
-- survey: one questionnaire. DRAFT while city staff build it, OPEN once published to the schools
-- (of one county, county_id, or of the whole city, null), CLOSED when no more answers are taken.
-- questions: [{code, text, kind SINGLE|MULTIPLE|SCALE, options: [{code, label}]}]. version + 1 on
-- every change; the published versions are those of SurveyPublished.
create table survey (
  id          varchar(40)   primary key,
  county_id   varchar(40),
  title       varchar(200)  not null,
  purpose     varchar(20)   not null check (purpose in ('PROBLEM_DISCOVERY', 'SATISFACTION')),
  audience    varchar(20)   not null check (audience in ('PARENTS', 'STUDENTS')),
  questions   jsonb         not null,
  opens_on    date          not null,
  closes_on   date          not null check (closes_on >= opens_on),
  status      varchar(10)   not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
  version     bigint        not null default 1 check (version >= 1),
  created_at  timestamptz   not null,
  created_by  varchar(100)  not null,
  updated_at  timestamptz   not null
);
create index survey_by_status on survey (status, opens_on desc);

-- survey_school_result: the latest SurveyResultsPublished of each school (highest version). Counts
-- only, small cells already withheld by the school (null in questions[].options[].count); no
-- response, respondent or class ever reaches this database.
create table survey_school_result (
  survey_id     varchar(40)   not null references survey (id),
  school_id     varchar(40)   not null,
  county_id     varchar(40),
  school_name   varchar(200),
  responses     bigint        not null check (responses >= 0),
  questions     jsonb         not null,
  version       bigint        not null check (version >= 1),
  published_at  timestamptz   not null,
  received_at   timestamptz   not null,
  primary key (survey_id, school_id)
);
create index survey_school_result_by_county on survey_school_result (survey_id, county_id);
