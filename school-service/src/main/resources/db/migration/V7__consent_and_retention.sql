-- Issue 12 item 7: guardian consent for the sensitive record families, and the retention purge.
-- A consent is given per student (as the same keyed HMAC the records hold) and category; it is
-- withdrawn by recording the day and basis, never deleted. A special-student entry or a consultation
-- case is created only while the student's guardian consent for its category stands (when
-- gongyu.school.consent.required is on).
create table guardian_consent (
  id               bigint generated always as identity primary key,
  school_id        varchar(40) not null references school (id),
  student_key      char(64)    not null,
  category         varchar(16) not null check (category in ('SPECIAL_CARE', 'CONSULTATION')),
  given_on         date        not null,
  basis            varchar(16) not null check (basis in ('WRITTEN', 'ELECTRONIC', 'ORAL_RECORDED')),
  recorded_at      timestamptz not null,
  recorded_by      text        not null,
  withdrawn_on     date        check (withdrawn_on >= given_on),
  withdrawal_basis varchar(16) check (withdrawal_basis in ('WRITTEN', 'ELECTRONIC', 'ORAL_RECORDED')),
  withdrawn_at     timestamptz,
  withdrawn_by     text,
  check ((withdrawn_on is null) = (withdrawal_basis is null))
);
create index guardian_consent_student on guardian_consent (school_id, student_key, category);

-- When a record's personal data was removed by the retention purge (null: not purged). The counts
-- the published figures rest on stay (the row stays; only notes and the student link go).
alter table special_student add column purged_at timestamptz;
alter table consultation_case add column purged_at timestamptz;
alter table home_visit_file add column purged_at timestamptz;

-- One row per purge run: what it anonymised (for operators and the tests).
create table retention_purge (
  id                bigint generated always as identity primary key,
  ran_at            timestamptz not null,
  special_students  integer     not null,
  consultations     integer     not null,
  home_visit_files  integer     not null
);
