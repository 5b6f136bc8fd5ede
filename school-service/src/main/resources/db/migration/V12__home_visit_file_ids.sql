-- Issue 13 item 1 for home-visit files (一人一档): a file is read back, corrected and withdrawn one
-- at a time like every other record family, so it needs an id of its own. Until now a file was
-- keyed by the student's pseudonym (school_id, student_key), which must never appear in a URL or an
-- answer. The id is assigned by the service, opaque and random ('hvf-' and 32 hex digits): it says
-- nothing about the student, and the key rotation (which re-keys student_key, ADR 0014) and the
-- retention purge (which replaces student_key by a salted hash, V7) leave it as it is.
alter table home_visit_file add column file_id varchar(40);
update home_visit_file set file_id = 'hvf-' || replace(gen_random_uuid()::text, '-', '');
alter table home_visit_file alter column file_id set not null;
-- the service sets the id itself; the default is for rows written any other way
alter table home_visit_file alter column file_id set default 'hvf-' || replace(gen_random_uuid()::text, '-', '');
alter table home_visit_file add constraint home_visit_file_id unique (school_id, file_id);

-- A withdrawn file leaves home_visit_file (so no figure counts it) and its trail keeps its last
-- content without the student (record_version, V10). A batch re-sent after the withdrawal must not
-- bring it back, but a batch names the student, not the file: this table keeps which student's file
-- was withdrawn, nothing else. It holds a pseudonym, so (unlike the append-only trail) the key
-- rotation re-keys it (it has school_id and student_key, so the rotation finds it in the catalogue)
-- and the retention purge deletes a row once the file's retention has ended (opened_on + 3 years by
-- default), as it anonymises the rows of home_visit_file.
create table home_visit_file_withdrawn (
  school_id    varchar(40) not null references school (id),
  file_id      varchar(40) not null,
  student_key  char(64)    not null,
  opened_on    date        not null,
  withdrawn_at timestamptz not null,
  primary key (school_id, file_id)
);
create index home_visit_file_withdrawn_student on home_visit_file_withdrawn (school_id, student_key);

-- what a purge run deleted of them (earlier runs: none)
alter table retention_purge add column withdrawn_home_visit_files integer not null default 0;
