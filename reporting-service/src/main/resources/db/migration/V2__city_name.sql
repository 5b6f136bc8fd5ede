-- CityRollupPublished gained an optional cityName; the latest version's name is the city's name.
alter table city_rollup add column city_name varchar(100);
