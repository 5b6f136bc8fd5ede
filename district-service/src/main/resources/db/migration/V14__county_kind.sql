-- ADR 0027 (市直学校): the kind CountyRegistered carries. Every county stored before is a county; the
-- city's admins act as the county admins of its CITY_DIRECT unit.
alter table county add column kind varchar(20) not null default 'COUNTY';
