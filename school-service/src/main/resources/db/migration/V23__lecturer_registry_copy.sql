-- Issue 17 item 2, ADR 0024: the school tier's copy of the city's lecturer registry
-- (LecturerRegistryChanged on gongyu.city.lecturers.v1; the highest version per lecturer wins), and
-- parent-school sessions naming a registered lecturer. Lecturers are adults; their names are shared
-- with schools by the city. Package org.gongyu.school.parentschool.
create table registry_lecturer (
  lecturer_id   varchar(40)   primary key,
  display_name  varchar(100)  not null,
  affiliation   varchar(200),
  status        varchar(20)   not null check (status in ('REGISTERED', 'SUSPENDED', 'REVOKED')),
  trained_on    date,
  version       bigint        not null check (version >= 1),
  changed_at    timestamptz   not null,
  received_at   timestamptz   not null
);

-- lecturer_id: a registry lecturer (must be in the copy when the session is recorded); the
-- free-text lecturer column stays: the name as the school writes it, or the registry's name.
alter table parent_school_session add column lecturer_id varchar(40);
create index parent_school_session_lecturer on parent_school_session (lecturer_id) where lecturer_id is not null;
