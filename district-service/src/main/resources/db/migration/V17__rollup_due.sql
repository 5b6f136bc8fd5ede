-- Issue 16 item 2, ADR 0036: county rollups that school snapshots made due. The snapshot consumers
-- store each snapshot and count a mark on its rollup here, in the same transaction; RollupRefresher
-- recomputes each rollup with more marks than it has done, once per round (100 ms) however many
-- snapshots, polls and consumers marked it, and then records the marks it had read before it read the
-- figures as done. Neither side holds the other's lock while a rollup is recomputed. A crash leaves
-- the marks for the next round.
-- One row per rollup key, updated in place (never deleted): no column an update changes is indexed,
-- so the updates are HOT and the pages are pruned without a vacuum (issue 16 item 5).
create table rollup_due (
  county_id      varchar(40) not null,
  indicator_code varchar(60) not null,
  period_id      varchar(40) not null,
  marked         bigint      not null check (marked >= 1),
  done           bigint      not null default 0 check (done >= 0 and done <= marked),
  noted_at       timestamptz not null,
  traceparent    varchar(100),
  primary key (county_id, indicator_code, period_id)
) with (fillfactor = 50);
comment on table rollup_due is 'county rollups to recompute (ADR 0036): due while marked > done';
comment on column rollup_due.marked is 'how many consumer transactions have marked it, ever';
comment on column rollup_due.done is 'the marks a recompute had read before it read the figures it published';
comment on column rollup_due.noted_at is 'when a snapshot last marked it';
comment on column rollup_due.traceparent is 'W3C trace context (ids only, ADR 0030) of the poll that made it due; the recompute continues it';
