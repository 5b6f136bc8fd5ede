-- ADR 0027 (市直学校): a registered unit is a county or the city's one unit of city-direct schools.
-- Every unit registered before is a county. The partial unique index is the last guard of "one
-- city-direct unit per city" (the service answers 409 first, under the city lock).
alter table county add column kind varchar(20) not null default 'COUNTY'
  check (kind in ('COUNTY', 'CITY_DIRECT'));
create unique index county_one_city_direct on county (city_id) where kind = 'CITY_DIRECT';
