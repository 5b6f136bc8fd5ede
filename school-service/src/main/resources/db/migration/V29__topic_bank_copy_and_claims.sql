-- Issue 17 item 5, ADR 0026: the city's research topic bank (课题库) as this tier receives it
-- (ResearchTopicPublished on gongyu.city.research-topics.v1, highest version per topic), and the
-- school's claims (认领) of its topics. Package org.gongyu.school.topic.
create table research_topic (
  topic_id       varchar(40)    primary key,
  city_id        varchar(40)    not null,
  title          varchar(200)   not null,
  category       varchar(100),
  problem_title  varchar(200),
  capacity       int            not null,
  status         varchar(10)    not null check (status in ('OPEN', 'WITHDRAWN')),
  version        bigint         not null check (version >= 1),
  received_at    timestamptz    not null
);

-- topic_claim: CLAIMED → WITHDRAWN (and claimed again) or CLAIMED → COMPLETED with the result;
-- version + 1 per change, the version of TopicClaimChanged on gongyu.school.topic-claims.v1.
create table topic_claim (
  topic_id        varchar(40)    not null references research_topic (topic_id),
  school_id       varchar(40)    not null,
  status          varchar(10)    not null check (status in ('CLAIMED', 'WITHDRAWN', 'COMPLETED')),
  result_summary  varchar(4000),
  version         bigint         not null check (version >= 1),
  changed_at      timestamptz    not null,
  changed_by      varchar(100)   not null,
  primary key (topic_id, school_id),
  check ((status = 'COMPLETED') = (result_summary is not null))
);
