-- ADR 0027 (市直学校): CountyRegistered carries the unit's kind; every county stored before is a county.
alter table county add column kind varchar(20) not null default 'COUNTY';
