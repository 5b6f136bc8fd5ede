-- Issue 17 item 1 (seeds T20, reading 13): the secondary measure of parent-committee coverage,
-- classes with a class parent committee in term on the semester's last day / the classes of the
-- semester's school year, derived at the school like COMMITTEE_COVERAGE. Target 100% from the
-- earliest semester, like the other committee figure; appended after the last definition.
insert into indicator_definition (code, name_zh, name_en, kind, period_type, comparator, sensitive, version, school_types, position)
select 'CLASS_COMMITTEE_COVERAGE', '班级家长委员会建成率', 'Classes with a class parent committee in term',
       'RATIO', 'SEMESTER', 'AT_LEAST', false, 1, '{}', coalesce(max(position), 0) + 1
from indicator_definition;

insert into indicator_target (code, from_period, value, set_at, set_by)
values ('CLASS_COMMITTEE_COVERAGE', '2024-2025-1', 1.00, now(), 'default catalogue');
