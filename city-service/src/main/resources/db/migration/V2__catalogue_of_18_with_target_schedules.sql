-- Issue 4: the whole default catalogue (18 indicators, docs/indicators.md) with the school types
-- each applies to and a target schedule per indicator instead of one fixed target.

alter table indicator_definition
  add column school_types varchar(40)[] not null default '{}',
  add column position     int;

comment on column indicator_definition.school_types is
  'registry school types the indicator applies to; empty = every type';
comment on column indicator_definition.position is 'place in the catalogue (docs/indicators.md order)';

-- The target schedule: from `from_period` (a period of the indicator's type) on, until a later
-- step, the target is `value`; null = no fixed target ("rising"). A step may only be added or
-- changed for a period that has not started, so a published period's target never changes.
create table indicator_target (
  code        varchar(60)   not null references indicator_definition (code),
  from_period varchar(40)   not null,
  value       numeric(14,4) check (value is null or value >= 0),
  set_at      timestamptz   not null,
  set_by      varchar(200)  not null,
  primary key (code, from_period)
);

insert into indicator_definition (code, name_zh, name_en, kind, period_type, target, comparator, sensitive, version)
values
  ('PARENT_LEARNING_PER_CAPITA', '家长平台人均学习次数', 'Platform learning sessions per registered parent',
   'PER_CAPITA', 'SCHOOL_YEAR', 4, 'AT_LEAST', false, 1),
  ('RESOURCES_RECOMMENDED', '年度推荐家庭教育学习资源数', 'Family-education resources recommended in the year',
   'COUNT', 'CALENDAR_YEAR', 20, 'AT_LEAST', false, 1),
  ('COLLECTIVE_SESSIONS', '家长学校集体授课', 'Collective parent-school sessions',
   'COUNT', 'SEMESTER', 1, 'AT_LEAST', false, 1),
  ('CLASS_SESSIONS', '家长学校分班授课', 'Classes with class-based parent-school sessions',
   'RATIO', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('PARENT_SCHOOL_ESTABLISHED', '家长学校建成率', 'Parent schools established',
   'SCHOOL_THRESHOLD', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('HEAD_TRAINING', '家长学校负责人培训率', 'Parent-school heads trained',
   'RATIO', 'SCHOOL_YEAR', 1.00, 'AT_LEAST', false, 1),
  ('INSTRUCTOR_COVERAGE', '校校有家庭教育指导师', 'Schools with a certified family-education instructor',
   'SCHOOL_THRESHOLD', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('COMMITTEE_COVERAGE', '家长委员会建成率', 'Schools with a parent committee in term',
   'SCHOOL_THRESHOLD', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('PARENT_CONTACT', '每学期家长直接联系覆盖率', 'Direct parent contact in the semester',
   'RATIO', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('HOME_VISIT_3Y', '三年入户家访覆盖率', 'In-home visits over the 3-year cycle',
   'RATIO', 'PROGRAMME_CYCLE', 1.00, 'AT_LEAST', false, 1),
  ('VISIT_FILES', '家访建档率(一人一档)', 'Home-visit files (one file per student)',
   'RATIO', 'SEMESTER', 1.00, 'AT_LEAST', false, 1),
  ('SPECIAL_CARE', '特殊群体学生关爱覆盖率', 'Care for left-behind and special-needs students',
   'RATIO', 'SEMESTER', 1.00, 'AT_LEAST', true, 1),
  ('CONSULTATION_OUTREACH', '个案咨询信息推送覆盖率', 'Consultation-service information reaching families',
   'RATIO', 'SCHOOL_YEAR', 1.00, 'AT_LEAST', false, 1),
  ('CONSULTATION_RESOLUTION', '个案咨询问题解决率', 'Consultation cases resolved',
   'RATIO', 'SCHOOL_YEAR', 0, 'AT_LEAST', true, 1),
  ('SIX_ONES_PARTICIPATION', '"六个一"亲子活动参与率', '"Six ones" parent-child activity participation',
   'RATIO', 'SCHOOL_YEAR', 0.80, 'AT_LEAST', false, 1),
  ('SUGGESTIONS_RESOLVED', '家长意见建议办结率', 'Parent suggestions resolved',
   'RATIO', 'SCHOOL_YEAR', 0, 'AT_LEAST', false, 1),
  ('DEMONSTRATION_SCHOOLS', '协同育人示范学校数', 'Co-education demonstration schools',
   'COUNT', 'PROGRAMME_CYCLE', 100, 'AT_LEAST', false, 1);

update indicator_definition set school_types =
  '{PRIMARY,JUNIOR_SECONDARY,NINE_YEAR,SENIOR_SECONDARY,COMPLETE_SECONDARY,VOCATIONAL,SPECIAL_EDUCATION}'
where code = 'SIX_ONES_PARTICIPATION';

update indicator_definition d set position = o.position
from (values ('PLATFORM_REGISTRATION', 1), ('PARENT_LEARNING_PER_CAPITA', 2), ('RESOURCES_RECOMMENDED', 3),
             ('COLLECTIVE_SESSIONS', 4), ('CLASS_SESSIONS', 5), ('PARENT_SCHOOL_ESTABLISHED', 6), ('HEAD_TRAINING', 7),
             ('INSTRUCTOR_COVERAGE', 8), ('COMMITTEE_COVERAGE', 9), ('PARENT_CONTACT', 10), ('HOME_VISIT_3Y', 11),
             ('VISIT_FILES', 12), ('SPECIAL_CARE', 13), ('CONSULTATION_OUTREACH', 14), ('CONSULTATION_RESOLUTION', 15),
             ('SIX_ONES_PARTICIPATION', 16), ('SUGGESTIONS_RESOLVED', 17), ('DEMONSTRATION_SCHOOLS', 18))
  as o (code, position)
where d.code = o.code;

-- One step per indicator from the earliest period of its type. The targets of the two "rising"
-- indicators have no value; the placeholder 0 in the old column above goes with the column.
insert into indicator_target (code, from_period, value, set_at, set_by)
select code,
       case period_type when 'SEMESTER' then '2024-2025-1' when 'SCHOOL_YEAR' then '2024-2025'
                        when 'CALENDAR_YEAR' then '2024' when 'PROGRAMME_CYCLE' then '2024-2027' end,
       case when code in ('CONSULTATION_RESOLUTION', 'SUGGESTIONS_RESOLVED') then null else target end,
       now(), 'default catalogue'
from indicator_definition;

alter table indicator_definition
  drop column target,
  alter column position set not null;

-- Everything goes out again on gongyu.city.catalogue.v2 at the next start. The one definition of
-- v1 gets a higher version whether or not this database published it (a consumer may have kept
-- version 1 from another run), so a consumer that kept its v1 version takes the v2 one.
update indicator_definition set version = version + 1 where code = 'PLATFORM_REGISTRATION';
update indicator_definition set published_version = 0;
