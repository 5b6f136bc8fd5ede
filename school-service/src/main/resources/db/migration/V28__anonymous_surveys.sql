-- Issue 17 item 5, ADR 0026 "Anonymous surveys, counts upward only": the city's questionnaires to
-- parents and students (seeds W10, W16) as this tier receives them, the answers a school collects,
-- and what it has sent upward. Package org.gongyu.school.survey.
--
-- survey: the copy of SurveyPublished (gongyu.city.surveys.v1), the highest version per survey.
create table survey (
  survey_id    varchar(40)   primary key,
  city_id      varchar(40)   not null,
  county_id    varchar(40),
  title        varchar(200)  not null,
  purpose      varchar(20)   not null,
  audience     varchar(20)   not null,
  questions    jsonb         not null,
  opens_on     date          not null,
  closes_on    date          not null,
  status       varchar(10)   not null check (status in ('OPEN', 'CLOSED')),
  version      bigint        not null check (version >= 1),
  received_at  timestamptz   not null
);

-- survey_response: one questionnaire as answered. Anonymous by construction: no parent, student,
-- class, staff or device key, no time of day — only the answers ({"Q1": ["A"], "Q2": ["A","C"]}),
-- the grade if the school wants it, and the day it was entered (which says when, not who). The
-- columns are pinned by SurveyResponsesIT; a key added here would fail it.
create table survey_response (
  id          bigserial     primary key,
  survey_id   varchar(40)   not null references survey (survey_id),
  school_id   varchar(40)   not null,
  grade       smallint      check (grade between 1 and 12),
  answers     jsonb         not null,
  entered_on  date          not null
);
create index survey_response_by_school on survey_response (survey_id, school_id);

-- survey_publication: the last SurveyResultsPublished of each school and survey (counts only, small
-- cells withheld); version + 1 on every publication.
create table survey_publication (
  survey_id     varchar(40)   not null references survey (survey_id),
  school_id     varchar(40)   not null,
  version       bigint        not null check (version >= 1),
  responses     bigint        not null,
  published_at  timestamptz   not null,
  published_by  varchar(100)  not null,
  primary key (survey_id, school_id)
);
