-- Issue 5: the demonstration-school standard (示范学校建设/认定标准, att. 4 of seed 001) the city
-- issues to the counties. A standard has immutable versions; a change is a new version. Each
-- version is published once as StandardPublished on gongyu.city.demonstration-standards.v1: the
-- startup publisher sends every version above `published_version` (those a migration made), a
-- version issued through the API goes out in its own transaction.

create table demonstration_standard (
  id                varchar(60) primary key,
  version           bigint      not null check (version >= 1),
  published_version bigint      not null default 0,
  check (published_version <= version)
);
comment on column demonstration_standard.version is 'the latest version';
comment on column demonstration_standard.published_version is 'every version up to this one has been published';

-- One row per version; only published_at is ever set afterwards (null → the publishing instant).
create table demonstration_standard_version (
  standard_id  varchar(60)  not null references demonstration_standard (id),
  version      bigint       not null check (version >= 1),
  title_zh     varchar(200) not null,
  title_en     varchar(200) not null,
  pass_mark    numeric(8,2) not null check (pass_mark > 0),
  created_at   timestamptz  not null,
  created_by   varchar(200) not null,
  published_at timestamptz,
  primary key (standard_id, version)
);

-- Task areas (任务) in order.
create table demonstration_standard_area (
  standard_id varchar(60)  not null,
  version     bigint       not null,
  code        varchar(20)  not null,
  position    int          not null,
  name_zh     varchar(200) not null,
  name_en     varchar(200) not null,
  primary key (standard_id, version, code),
  unique (standard_id, version, position),
  foreign key (standard_id, version) references demonstration_standard_version (standard_id, version)
);

-- Criteria (sub-tasks) in order within their area; the points of all criteria are the full mark.
create table demonstration_standard_criterion (
  standard_id       varchar(60)   not null,
  version           bigint        not null,
  area_code         varchar(20)   not null,
  code              varchar(40)   not null,
  position          int           not null,
  name_zh           varchar(200)  not null,
  name_en           varchar(200)  not null,
  points            numeric(8,2)  not null check (points > 0),
  evidence_required varchar(2000) not null,
  indicator_codes   varchar(60)[] not null default '{}',
  primary key (standard_id, version, code),
  unique (standard_id, version, area_code, position),
  foreign key (standard_id, version, area_code) references demonstration_standard_area (standard_id, version, code)
);

-- Versions are immutable: nothing is updated but a version's published_at (once, from null),
-- nothing is deleted or truncated.
create function demonstration_standard_is_immutable() returns trigger
language plpgsql as $$
begin
  raise exception 'a demonstration-standard version is immutable (% on %)', tg_op, tg_table_name;
end $$;

create function demonstration_standard_version_only_published() returns trigger
language plpgsql as $$
begin
  if old.published_at is null and new.published_at is not null
     and (new.standard_id, new.version, new.title_zh, new.title_en, new.pass_mark, new.created_at, new.created_by)
         is not distinct from
         (old.standard_id, old.version, old.title_zh, old.title_en, old.pass_mark, old.created_at, old.created_by) then
    return new;
  end if;
  raise exception 'a demonstration-standard version is immutable: only its published_at is set, once';
end $$;

create trigger demonstration_standard_version_published_only
  before update on demonstration_standard_version
  for each row execute function demonstration_standard_version_only_published();
create trigger demonstration_standard_version_no_delete
  before delete on demonstration_standard_version
  for each row execute function demonstration_standard_is_immutable();
create trigger demonstration_standard_area_immutable
  before update or delete on demonstration_standard_area
  for each row execute function demonstration_standard_is_immutable();
create trigger demonstration_standard_criterion_immutable
  before update or delete on demonstration_standard_criterion
  for each row execute function demonstration_standard_is_immutable();
create trigger demonstration_standard_version_no_truncate
  before truncate on demonstration_standard_version
  for each statement execute function demonstration_standard_is_immutable();
create trigger demonstration_standard_area_no_truncate
  before truncate on demonstration_standard_area
  for each statement execute function demonstration_standard_is_immutable();
create trigger demonstration_standard_criterion_no_truncate
  before truncate on demonstration_standard_criterion
  for each statement execute function demonstration_standard_is_immutable();

-- The default standard: the 4 task areas of seed 001 × their 3 sub-tasks, 100 points, pass at 80.
-- Indicator codes tie a criterion to the catalogue figures an assessor can look at.
insert into demonstration_standard (id, version, published_version) values ('DEMO-SCHOOL', 1, 0);

insert into demonstration_standard_version (standard_id, version, title_zh, title_en, pass_mark, created_at, created_by)
values ('DEMO-SCHOOL', 1, '协同育人示范学校建设标准', 'Home-school-society co-education demonstration-school standard',
        80, now(), 'default standard');

insert into demonstration_standard_area (standard_id, version, code, position, name_zh, name_en)
values
  ('DEMO-SCHOOL', 1, 'A1', 1, '家庭教育指导', 'Family-education guidance'),
  ('DEMO-SCHOOL', 1, 'A2', 2, '家长委员会建设', 'Parent-committee building'),
  ('DEMO-SCHOOL', 1, 'A3', 3, '全员家访', 'Home visits by all teachers'),
  ('DEMO-SCHOOL', 1, 'A4', 4, '开放办学', 'Open schooling');

insert into demonstration_standard_criterion
  (standard_id, version, area_code, code, position, name_zh, name_en, points, evidence_required, indicator_codes)
values
  -- A1 家庭教育指导: 30
  ('DEMO-SCHOOL', 1, 'A1', 'A1.1', 1, '家长学校', 'Parent school', 12,
   '家长学校章程和工作制度,家庭教育指导委员会及专人负责的组织架构,家庭教育指导师团队名册(至少1名持证指导师);每学期至少1次集体授课、每班至少2次分班授课的计划、课件、签到和授课记录;家长学校负责人参加协同育人培训的证明',
   '{PARENT_SCHOOL_ESTABLISHED,COLLECTIVE_SESSIONS,CLASS_SESSIONS,HEAD_TRAINING,INSTRUCTOR_COVERAGE}'),
  ('DEMO-SCHOOL', 1, 'A1', 'A1.2', 2, '数字家长学校', 'Digital parent school', 10,
   '数字家长学校平台的注册统计(家长注册率不低于60%)、家长年人均学习不少于4次的平台学习统计、年度推荐不少于20个家庭教育学习资源的清单',
   '{PLATFORM_REGISTRATION,PARENT_LEARNING_PER_CAPITA,RESOURCES_RECOMMENDED}'),
  ('DEMO-SCHOOL', 1, 'A1', 'A1.3', 3, '个案咨询', 'Case consultation', 8,
   '个案咨询服务信息向全体家长推送的记录,预约咨询的流程和指导师安排,问题发现与解决的汇总统计(不含学生和家长个人信息),留守儿童和特殊学生关爱档案与帮扶计划的建档汇总',
   '{CONSULTATION_OUTREACH,CONSULTATION_RESOLUTION,SPECIAL_CARE}'),
  -- A2 家长委员会建设: 25
  ('DEMO-SCHOOL', 1, 'A2', 'A2.1', 1, '组建', 'Formation', 8,
   '班级、年级、学校家长委员会的组建方案,自愿参与、民主推荐、大会选举的选举记录,各级家委会的组成和任期(一般三年)及改选记录',
   '{COMMITTEE_COVERAGE}'),
  ('DEMO-SCHOOL', 1, 'A2', 'A2.2', 2, '职能', 'Functions', 9,
   '家委会对学校重要事项提出意见建议和监督的记录,协助组织家长会、家长学校活动、家长接待日的记录,家长意见建议的受理和办结台账',
   '{COMMITTEE_COVERAGE,SUGGESTIONS_RESOLVED}'),
  ('DEMO-SCHOOL', 1, 'A2', 'A2.3', 3, '管理', 'Management', 8,
   '家委会工作制度、职责和行为规范,固定活动场所,家长通讯群组信息发布管理规定;家委会不以任何名义向家长收取费用的制度规定和学校检查记录',
   '{COMMITTEE_COVERAGE}'),
  -- A3 全员家访: 25
  ('DEMO-SCHOOL', 1, 'A3', 'A3.1', 1, '家访前', 'Before the visits', 7,
   '学校全员家访方案,家访小组组建与分工,动员部署会记录,家访培训(标准和流程、纪律和安全要求)的通知、课件和签到',
   '{PARENT_CONTACT,HOME_VISIT_3Y}'),
  ('DEMO-SCHOOL', 1, 'A3', 'A3.2', 2, '家访中', 'During the visits', 10,
   '按家访操作手册开展家访的记录汇总:每学期与每位学生家长至少1次直接联系、三年内每位学生至少1次入户家访的覆盖统计,重点家访对象的走访安排',
   '{PARENT_CONTACT,HOME_VISIT_3Y}'),
  ('DEMO-SCHOOL', 1, 'A3', 'A3.3', 3, '家访后', 'After the visits', 8,
   '学生家访信息档案(一人一档)的建档统计,家访情况向任课教师共享和向学校反馈的记录,留守儿童和特殊学生名册的跟踪随访与解困帮扶汇总',
   '{VISIT_FILES}'),
  -- A4 开放办学: 20
  ('DEMO-SCHOOL', 1, 'A4', 'A4.1', 1, '社会资源', 'Social resources and bases', 7,
   '社会实践教育基地的共建协议和社会资源目录清单,与基地共同开发的社会实践课程,邀请劳动模范等先进人物进校园的活动记录',
   '{}'),
  ('DEMO-SCHOOL', 1, 'A4', 'A4.2', 2, '开放活动', 'Open events', 7,
   '家长会、学校开放日、家长接待日的年度安排和活动记录,家长进课堂和"六个一"亲子活动的开展情况与参与统计',
   '{SIX_ONES_PARTICIPATION}'),
  ('DEMO-SCHOOL', 1, 'A4', 'A4.3', 3, '家长志愿者', 'Parent volunteers', 6,
   '家长志愿者队伍的组建方案和人数统计,志愿服务(护学岗、活动保障等)的排班表和服务记录',
   '{}');
