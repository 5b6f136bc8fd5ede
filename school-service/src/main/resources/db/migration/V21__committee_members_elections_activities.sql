-- Issue 17 item 1 (seeds W2, T11, T20, §5.1, readings 12 and 13): what a parent committee does
-- beyond existing. Members and candidates are parents of the school: like every other reference to
-- a parent, only the keyed HMAC of the school's reference is kept (guardian_key, so the key rotation
-- and the pseudonym lookup find the tables in the catalogue); the reference itself is never stored
-- or answered back. None of these rows leaves the school: only COMMITTEE_COVERAGE and
-- CLASS_COMMITTEE_COVERAGE go up, as figures.

-- A grade committee (年级/级部家委会) names its grade.
alter table parent_committee
  add column grade smallint check (grade between 1 and 12),
  add constraint parent_committee_grade_only check (grade is null or level = 'GRADE');

-- Elections (选举): a general election (换届) starts a new term of at most three years, a by-election
-- (补选/调整) fills vacancies inside the current term, at most once per committee and school year.
create table committee_election (
  school_id     varchar(40) not null references school (id),
  committee_id  varchar(40) not null,
  election_id   varchar(40) not null,
  kind          varchar(12) not null check (kind in ('GENERAL', 'BY_ELECTION')),
  type          varchar(16) not null check (type in ('COMPETITIVE', 'NON_COMPETITIVE')),
  electorate    varchar(24) not null check (electorate in ('ALL_PARENTS', 'CLASS_REPRESENTATIVES', 'GRADE_REPRESENTATIVES')),
  nominated_by  varchar(16) not null check (nominated_by in ('HEAD_TEACHER', 'PARENTS', 'SCHOOL')),
  seats         smallint    not null check (seats between 1 and 60),
  held_on       date        not null,
  school_year   char(9)     not null,
  term_ends_on  date        not null check (term_ends_on > held_on and term_ends_on <= held_on + interval '3 years'),
  recorded_at   timestamptz not null,
  primary key (school_id, committee_id, election_id)
);
create unique index committee_by_election_per_year on committee_election (school_id, committee_id, school_year)
  where kind = 'BY_ELECTION';

create table committee_candidate (
  school_id     varchar(40) not null,
  committee_id  varchar(40) not null,
  election_id   varchar(40) not null,
  candidate_no  smallint    not null,
  guardian_key  char(64)    not null,
  class_id      varchar(40),
  role          varchar(16),
  elected       boolean     not null,
  votes         int check (votes >= 0),
  member_id     varchar(50),
  primary key (school_id, committee_id, election_id, candidate_no),
  foreign key (school_id, committee_id, election_id) references committee_election (school_id, committee_id, election_id),
  check (elected = (role is not null) and elected = (member_id is not null))
);

-- Members (委员): the current term of each; a member who left keeps the row with the day and why.
create table committee_member (
  school_id       varchar(40) not null references school (id),
  committee_id    varchar(40) not null,
  member_id       varchar(50) not null,
  guardian_key    char(64)    not null,
  role            varchar(16) not null check (role in ('DIRECTOR', 'DEPUTY_DIRECTOR', 'SECRETARY', 'MEMBER')),
  class_id        varchar(40),
  election_id     varchar(40),
  re_elected      boolean     not null default false,
  term_starts_on  date        not null,
  term_ends_on    date        not null check (term_ends_on > term_starts_on and term_ends_on <= term_starts_on + interval '3 years'),
  left_on         date,
  left_reason     varchar(20) check (left_reason in ('RESIGNED', 'CHILD_LEFT', 'REPLACED', 'TERM_ENDED', 'OTHER')),
  updated_at      timestamptz not null,
  primary key (school_id, committee_id, member_id),
  check ((left_on is null) = (left_reason is null)),
  check (left_on is null or left_on >= term_starts_on)
);
create unique index committee_member_active on committee_member (school_id, committee_id, guardian_key) where left_on is null;

-- What the committee did (seeds W2 7, R14): opinions, supervision, volunteering, reception days,
-- hearings, meetings, training, joint commendations. No participant is recorded, only a count.
create table committee_activity (
  school_id     varchar(40)  not null references school (id),
  committee_id  varchar(40)  not null,
  activity_id   varchar(40)  not null,
  type          varchar(20)  not null check (type in ('OPINION', 'SUPERVISION', 'VOLUNTEER_SERVICE', 'RECEPTION_DAY',
                                                     'HEARING', 'MEETING', 'TRAINING', 'COMMENDATION')),
  held_on       date         not null,
  online        boolean      not null,
  theme         varchar(200) not null,
  attendance    int          not null check (attendance >= 0),
  updated_at    timestamptz  not null,
  primary key (school_id, committee_id, activity_id)
);

-- The yearly declaration that the committee collects no fees of any kind (seeds §5.1: 严禁以家长委员会
-- 名义向家长收取各种费用). Recorded once per committee and school year.
create table committee_fee_declaration (
  school_id     varchar(40) not null references school (id),
  committee_id  varchar(40) not null,
  school_year   char(9)     not null,
  declared_on   date        not null,
  declared_by   varchar(20) not null check (declared_by in ('COMMITTEE_DIRECTOR', 'PRINCIPAL', 'HEAD_TEACHER')),
  text_version  varchar(40) not null,
  recorded_at   timestamptz not null,
  primary key (school_id, committee_id, school_year)
);
