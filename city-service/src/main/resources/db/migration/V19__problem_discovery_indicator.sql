-- Issue 17 item 5 (seeds W10, T10): the problem-discovery rate appended to the default catalogue.
--
--   PROBLEM_DISCOVERY (家庭教育问题发现率), RATIO per SCHOOL_YEAR, no target:
--     numerator   students of the school year's classes with at least one consultation case (个案咨询)
--                 opened in the year: a family-education problem the school found;
--     denominator Σ enrolment of those classes (families: one per student, as the registration rate).
--     T10 asks only that it rise (提高), so the schedule's one step has no value, like
--     CONSULTATION_RESOLUTION (its resolution rate, T10's other half). Sensitive: counts of 1–4
--     are withheld from county and city users, as for the other consultation figures.
-- Its position follows the catalogue's current end.

insert into indicator_definition (code, name_zh, name_en, kind, period_type, comparator, sensitive, version, position)
select 'PROBLEM_DISCOVERY', '家庭教育问题发现率', 'Family-education problems found (share of families)', 'RATIO',
       'SCHOOL_YEAR', 'AT_LEAST', true, 1, (select coalesce(max(position), 0) from indicator_definition) + 1;

insert into indicator_target (code, from_period, value, set_at, set_by)
values ('PROBLEM_DISCOVERY', '2024-2025', null, now(), 'default catalogue');
