-- Issue 11: when each school snapshot version was made. The lineage of a county rollup names the
-- school snapshot versions it used, which may be older than the stored latest one; and "late" asks
-- when a school first reported for a period. Every version delivered is kept here (its asOf), the
-- stale ones too: a version is a fact whatever order it arrives in.
create table school_snapshot_version (
  indicator_code varchar(60) not null,
  period_id      varchar(20) not null,
  school_id      varchar(40) not null,
  version        bigint      not null,
  as_of          timestamptz not null,
  primary key (indicator_code, period_id, school_id, version)
);

-- What was stored before: the latest version of each snapshot.
insert into school_snapshot_version (indicator_code, period_id, school_id, version, as_of)
select indicator_code, period_id, school_id, version, as_of from school_snapshot;
