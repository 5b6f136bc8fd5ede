-- Excel imports run as jobs (ADR 0017). One row per upload that passed the up-front checks; the
-- file itself is never stored here (it waits in a private temporary file while the job runs).
-- The error workbook (refused rows, given back to the uploading unit only) is kept until
-- expires_at, then purged; the figures stay. heartbeat_at is refreshed while the job is queued or
-- running in a live process: a job whose heartbeat stopped belonged to a process that died and is
-- marked FAILED at start-up and by the periodic sweep, never left RUNNING.
create table import_job (
  job_id           uuid        primary key,
  unit             text        not null,          -- the uploading org unit, e.g. school:<id>
  family           text        not null,          -- the template family, e.g. registrations
  file_name        text        not null,
  lang             text        not null,          -- zh-CN | en: the language of the error workbook
  status           text        not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED')),
  rows_total       integer     not null default 0,
  rows_done        integer     not null default 0,
  rows_read        integer     not null default 0,
  applied          integer     not null default 0,
  refused          integer     not null default 0,
  unchanged        integer     not null default 0,
  problem_title    text,                           -- message code of the problem's title
  problem_detail   text,                           -- message code of the problem's detail
  problem_args     text[],
  error_workbook   bytea,
  cancel_requested boolean     not null default false,
  created_at       timestamptz not null,
  started_at       timestamptz,
  finished_at      timestamptz,
  heartbeat_at     timestamptz not null,
  expires_at       timestamptz
);
create index import_job_unit on import_job (unit, created_at desc);
create index import_job_unfinished on import_job (heartbeat_at) where status in ('QUEUED', 'RUNNING');
