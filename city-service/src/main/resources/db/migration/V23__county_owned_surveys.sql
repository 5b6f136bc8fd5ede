-- Issue 17 item 5 (W10): a county publishes a survey to its own schools from a page of its own.
-- owner_tier says who built the survey and may publish and close it: CITY (city staff, for the
-- whole city or one county) or COUNTY (the county admin of county_id, for that county's schools
-- only). Every survey so far was built by the city.
alter table survey add column owner_tier varchar(10) not null default 'CITY'
  check (owner_tier in ('CITY', 'COUNTY'));
alter table survey add constraint survey_county_owner_has_county check (owner_tier = 'CITY' or county_id is not null);
