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
