-- Issue 17 item 4 (seeds W12, W11): school-guard duty and social practice bases. Neither feeds an
-- indicator; a change is still dated on its day, so a signed-off period refuses it (ADR 0019).

-- School-guard duty (护学岗, W12): who stands guard (security guards, teachers, parent volunteers)
-- and the duties of each day's ARRIVAL and DISMISSAL slots. A member's reference is kept only as
-- the keyed HMAC of the school's reference, in guardian_key whatever the member's kind (so key
-- rotation and the personal-data guard find it), and never answered back.
create table guard_duty_member (
  school_id    varchar(40) not null,
  member_id    varchar(40) not null,
  kind         varchar(20) not null,
  guardian_key char(64)    not null,
  signed_up_on date        not null,
  voluntary    boolean,
  left_on      date,
  updated_at   timestamptz not null,
  primary key (school_id, member_id)
);

-- One duty: a day, a slot, the members on it (member ids of guard_duty_member).
create table guard_duty (
  school_id  varchar(40)   not null,
  duty_id    varchar(40)   not null,
  duty_date  date          not null,
  slot       varchar(10)   not null,
  members    varchar(40)[] not null check (cardinality(members) >= 1),
  updated_at timestamptz   not null,
  primary key (school_id, duty_id)
);
create index guard_duty_day on guard_duty (school_id, duty_date, slot);

-- Social practice education bases (社会实践教育基地) of the school's resource catalogue (W11): counts only.
create table practice_base (
  school_id    varchar(40)  not null,
  base_id      varchar(40)  not null,
  name         varchar(200) not null,
  base_type    varchar(20)  not null,
  partner_unit varchar(200) not null,
  agreement_on date,
  courses      int          not null check (courses >= 0),
  active       boolean      not null,
  updated_at   timestamptz  not null,
  primary key (school_id, base_id)
);
