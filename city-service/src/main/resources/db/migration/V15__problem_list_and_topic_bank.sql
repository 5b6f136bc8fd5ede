-- Issue 17 item 5, ADR 0026: the city's list of prominent problems (问题清单, seeds W10: compiled
-- from surveys and consultations) and its research topic bank (课题库) with the schools' claims
-- (认领). Package org.gongyu.city.topic.
--
-- prominent_problem: a problem compiled by city staff; source SURVEY (with the survey and question
-- it came from), CONSULTATION or OTHER; OPEN while it stands, RESOLVED when the city closes it.
create table prominent_problem (
  id             varchar(40)    primary key,
  title          varchar(200)   not null,
  category       varchar(100)   not null,
  source         varchar(20)    not null check (source in ('SURVEY', 'CONSULTATION', 'OTHER')),
  survey_id      varchar(40)    references survey (id),
  question_code  varchar(10),
  description    varchar(2000),
  status         varchar(10)    not null check (status in ('OPEN', 'RESOLVED')),
  version        bigint         not null default 1,
  created_at     timestamptz    not null,
  created_by     varchar(100)   not null,
  check ((source = 'SURVEY') = (survey_id is not null))
);

-- research_topic: a topic of the bank; OPEN to claim, WITHDRAWN when the city takes it back.
-- Every change is ResearchTopicPublished on gongyu.city.research-topics.v1 (version = this version).
create table research_topic (
  id          varchar(40)    primary key,
  title       varchar(200)   not null,
  category    varchar(100)   not null,
  problem_id  varchar(40)    references prominent_problem (id),
  capacity    int            not null check (capacity between 1 and 1000),
  description varchar(2000),
  status      varchar(10)    not null check (status in ('OPEN', 'WITHDRAWN')),
  version     bigint         not null default 1,
  created_at  timestamptz    not null,
  created_by  varchar(100)   not null
);

-- topic_claim: the latest TopicClaimChanged of each school and topic (highest version).
create table topic_claim (
  topic_id        varchar(40)    not null,
  school_id       varchar(40)    not null,
  county_id       varchar(40),
  school_name     varchar(200),
  status          varchar(10)    not null check (status in ('CLAIMED', 'WITHDRAWN', 'COMPLETED')),
  result_summary  varchar(4000),
  version         bigint         not null,
  changed_at      timestamptz    not null,
  received_at     timestamptz    not null,
  primary key (topic_id, school_id)
);
