-- Timeliness (issue 4): a county rollup says how many of its reporting schools made their first
-- snapshot by the county's deadline, once the county has set one for the period.
alter table county_rollup
  add column schools_on_time int check (schools_on_time >= 0),
  add column deadline        timestamptz;

-- The city sums schools_on_time, and schools_expected as schools_under_deadline, over the counties
-- that set a deadline; both null while none has.
alter table city_rollup
  add column schools_on_time        int check (schools_on_time >= 0),
  add column schools_under_deadline int check (schools_under_deadline >= 0);
