-- Home contacts and visits (家访/家校联系), home-visit files (一人一档), the special-student register
-- (留守儿童/特殊学生) and "six ones" activities (六个一). Students appear only as student_key, a keyed
-- HMAC of the school's reference (Pseudonymizer): countable, never readable. Free text about a
-- family (special_student.notes) is AES-GCM ciphertext (FieldCipher), never plaintext.

-- One direct contact with a student's family. Batches are idempotent by external_id.
create table home_contact (
  school_id    varchar(40)  not null references school (id),
  external_id  varchar(100) not null,
  class_id     varchar(40)  not null,
  student_key  char(64)     not null,
  contact_date date         not null,
  mode         varchar(10)  not null check (mode in ('IN_HOME', 'PHONE', 'WECHAT', 'AT_SCHOOL')),
  priority     boolean      not null,
  received_at  timestamptz  not null,
  primary key (school_id, external_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);
create index home_contact_class on home_contact (school_id, class_id, student_key);
create index home_contact_date on home_contact (school_id, contact_date);

-- One home-visit file per student, opened once.
create table home_visit_file (
  school_id   varchar(40) not null references school (id),
  student_key char(64)    not null,
  class_id    varchar(40) not null,
  opened_on   date        not null,
  received_at timestamptz not null,
  primary key (school_id, student_key),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);
create index home_visit_file_class on home_visit_file (school_id, class_id);

-- The special-student register (highly sensitive): one row per entry, corrected in place by PUT;
-- every figure it yields is versioned in indicator_snapshot.
create table special_student (
  school_id          varchar(40) not null references school (id),
  entry_id           varchar(40) not null,
  class_id           varchar(40) not null,
  student_key        char(64)    not null,
  category           varchar(16) not null check (category in ('LEFT_BEHIND', 'SPECIAL_NEEDS', 'HARDSHIP', 'OTHER')),
  registered_on      date        not null,
  care_file_on       date        check (care_file_on >= registered_on),
  assistance_plan_on date        check (assistance_plan_on >= registered_on),
  closed_on          date        check (closed_on >= registered_on),
  notes              bytea,
  updated_at         timestamptz not null,
  primary key (school_id, entry_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);

-- One family's participation in one of the "six ones" activities.
create table six_ones_participation (
  school_id     varchar(40)  not null references school (id),
  external_id   varchar(100) not null,
  class_id      varchar(40)  not null,
  student_key   char(64)     not null,
  activity      varchar(10)  not null check (activity in ('SONG', 'PLAY', 'BOOK', 'FILM', 'CHARITY', 'HIKE')),
  activity_date date         not null,
  received_at   timestamptz  not null,
  primary key (school_id, external_id),
  foreign key (school_id, class_id) references school_class (school_id, class_id)
);
create index six_ones_participation_class on six_ones_participation (school_id, class_id, student_key);
create index six_ones_participation_date on six_ones_participation (school_id, activity_date);
