-- Issue 15, ADR 0019: completeness and timeliness of sign-offs (完成上报) beside the snapshot-based
-- counts. County and city rollups carry how many expected schools have a sign-off in force, how
-- many of them signed off by the county's deadline, and how many were approved; null from a rollup
-- published before sign-offs existed (on time also null without a deadline). Stored with the rest
-- of the rollup by the same versioned upsert.
alter table county_rollup add column schools_signed_off integer;
alter table county_rollup add column schools_signed_off_on_time integer;
alter table county_rollup add column schools_approved integer;
alter table city_rollup add column schools_signed_off integer;
alter table city_rollup add column schools_signed_off_on_time integer;
alter table city_rollup add column schools_approved integer;
