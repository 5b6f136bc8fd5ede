-- Issue 17 item 4 (seeds W11, W13; T27, T30, T24): three school indicators appended to the default
-- catalogue, each with one target step from the earliest period of its type. Each is new, so its
-- version 1 is above published_version 0 and the startup publisher announces it once.
--
--   PARENT_MEETINGS (家长会召开次数), COUNT per SEMESTER, target ≥ 1:
--     numerator   days in the semester on which the school held a parent meeting (家长会), for the
--                 whole school or any class (meetings of several classes on one day are one);
--     denominator 1. The seeds (T27) say 1–2 a semester; 1 is the floor, as for COLLECTIVE_SESSIONS.
--   LECTURE_HALL_SESSIONS (父母大讲堂场次), COUNT per SCHOOL_YEAR, target ≥ 4 (T30):
--     numerator   parents' lecture-hall (父母大讲堂) sessions held in the school year; denominator 1.
--   READING_CAMPAIGN_COMPLETION (亲子共读21天打卡完成率), RATIO per SEMESTER, target ≥ 60%:
--     numerator   students who checked in on every day (21 by default) of a class reading campaign
--                 whose last day falls in the semester;
--     denominator students who checked in at least once in those campaigns.
--     T24 names the 21 days but no share; 60% is the platform's own starting target (like the
--     registration rate's), to be revised by the city through the target schedule.
-- Positions follow the catalogue's current end, in this order.

insert into indicator_definition (code, name_zh, name_en, kind, period_type, comparator, sensitive, version, position)
select v.code, v.name_zh, v.name_en, v.kind, v.period_type, 'AT_LEAST', false, 1,
       (select coalesce(max(position), 0) from indicator_definition) + v.n
from (values
  (1, 'PARENT_MEETINGS', '家长会召开次数', 'Parent meetings held', 'COUNT', 'SEMESTER'),
  (2, 'LECTURE_HALL_SESSIONS', '父母大讲堂场次', 'Parents'' lecture-hall sessions', 'COUNT', 'SCHOOL_YEAR'),
  (3, 'READING_CAMPAIGN_COMPLETION', '亲子共读21天打卡完成率', 'Parent–child reading campaigns completed (21-day check-in)',
   'RATIO', 'SEMESTER')) as v (n, code, name_zh, name_en, kind, period_type);

insert into indicator_target (code, from_period, value, set_at, set_by)
values ('PARENT_MEETINGS', '2024-2025-1', 1, now(), 'default catalogue'),
       ('LECTURE_HALL_SESSIONS', '2024-2025', 4, now(), 'default catalogue'),
       ('READING_CAMPAIGN_COMPLETION', '2024-2025-1', 0.60, now(), 'default catalogue');
