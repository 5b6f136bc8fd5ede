-- Issue 17 item 3, ADR 0025 (seeds T19, 持证上岗): the instructors in post on a semester's last day
-- who hold a city instructor certificate valid on that day / the instructors in post, derived at the
-- school against its copy of the city's certificates. The seeds introduce licensed practice
-- "gradually" (逐步推行) with no value: no target (the figure should rise). Appended after the last
-- definition, whatever other migrations appended before it.
insert into indicator_definition (code, name_zh, name_en, kind, period_type, comparator, sensitive, version, school_types, position)
select 'INSTRUCTOR_LICENSED', '家庭教育指导师持证上岗率', 'Instructors holding a valid city certificate',
       'RATIO', 'SEMESTER', 'AT_LEAST', false, 1, '{}', coalesce(max(position), 0) + 1
from indicator_definition;

insert into indicator_target (code, from_period, value, set_at, set_by)
values ('INSTRUCTOR_LICENSED', '2024-2025-1', null, now(), 'default catalogue');
