-- Issue 16 item 2/3: the platform's bulk feeds (registration, learning and recommendation batches)
-- no longer re-derive a school's figures inside each request; a batch notes what it changed here
-- (V15) and indicators.FigureRefresher re-derives each school's due notes every coalesce interval
-- (gongyu.school.figures.coalesce-interval, 200 ms), one recount per indicator and period however
-- many batches came in (ADR 0021). due_at says when a note is to be refreshed: a batch's note at
-- once; an Excel import's note only when no live import would still refresh it itself
-- (imports.PendingFigures.STALE after it was noted), so a running import is not recounted every
-- interval. A note written before this migration is due when it was noted.
alter table figure_refresh_pending add column due_at timestamptz;
update figure_refresh_pending set due_at = noted_at;
alter table figure_refresh_pending alter column due_at set default now();
alter table figure_refresh_pending alter column due_at set not null;
create index figure_refresh_pending_due on figure_refresh_pending (due_at);

-- What the figures count, read from the index alone (EXPLAIN ANALYZE at ~12,000 registrations and
-- ~80,000 activities a school year, school-service README "Coalesced figures"): the registration
-- figures scanned the table's rows (a bitmap heap scan over every registration of the school) for
-- registered_at and guardian_key; the class index now carries them, so the same index serves the
-- over-enrolment check (school, class, student) and both derivations as index-only scans. The
-- recommendation figure likewise reads resource_id from its time index.
drop index platform_registration_class;
create index platform_registration_class on platform_registration (school_id, class_id, student_key)
  include (registered_at, guardian_key);
drop index platform_recommendation_time;
create index platform_recommendation_time on platform_recommendation (school_id, recommended_at) include (resource_id);
