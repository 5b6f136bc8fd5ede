-- Issue 17 item 3, ADR 0025: the school tier's copy of the city's family-education instructor
-- certificates (InstructorCertificateChanged on gongyu.city.instructor-certificates.v1; the highest
-- version per certificate wins). A school's instructor names a certificate number; the copy says
-- whether the city issued it to that person and whether it is valid on a day (INSTRUCTOR_LICENSED).
-- Holders are school and county staff (adults); the city shares their names with schools.
create table registry_certificate (
  number       varchar(40)   primary key,
  holder_name  varchar(100)  not null,
  school_id    varchar(40),
  county_id    varchar(40),
  issued_on    date          not null,
  expires_on   date          not null,
  status       varchar(10)   not null check (status in ('VALID', 'REVOKED')),
  revoked_on   date,
  version      bigint        not null check (version >= 1),
  changed_at   timestamptz   not null,
  received_at  timestamptz   not null
);

create index instructor_certificate_no on instructor (certificate_no);
