-- Issue 14 / ADR 0017: an Excel import refreshes its figures at most every 30 s and when its job
-- stops, not per chunk. What a chunk changed and the figures do not show yet is noted here in the
-- chunk's own transaction, so a process that dies in the middle of an import leaves the note behind
-- with the records, and the figures are re-derived at the next start or by
-- the sweep once a note is older than any live import leaves one (imports.PendingFigures). A
-- refresh deletes the notes it has done. No personal data: a school, the indicators, a day.
create table figure_refresh_pending (
  school_id       varchar(40) not null,
  indicator_codes text        not null, -- sorted, comma-separated; '' means every indicator
  day             date        not null,
  noted_at        timestamptz not null default now(),
  primary key (school_id, indicator_codes, day)
);
