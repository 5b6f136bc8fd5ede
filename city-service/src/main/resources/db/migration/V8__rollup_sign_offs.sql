-- Issue 15, ADR 0019 "Completeness, timeliness": the counties' counts of sign-offs (完成上报) as their
-- rollups carry them, and the city's sums. Null where a county's rollup predates sign-offs (and the
-- on-time count also where it set no deadline); a city sum is null when no county's rollup has it.
alter table county_rollup
  add column schools_signed_off int check (schools_signed_off >= 0),
  add column schools_signed_off_on_time int check (schools_signed_off_on_time >= 0),
  add column schools_approved int check (schools_approved >= 0);
alter table city_rollup
  add column schools_signed_off int check (schools_signed_off >= 0),
  add column schools_signed_off_on_time int check (schools_signed_off_on_time >= 0),
  add column schools_approved int check (schools_approved >= 0);
