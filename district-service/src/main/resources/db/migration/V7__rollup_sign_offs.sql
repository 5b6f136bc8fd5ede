-- Issue 15, ADR 0019 "Completeness, timeliness": a county rollup counts the sign-offs (完成上报) of its
-- period among the schools it counts: in force (signed off or approved), in force and made by the
-- county's deadline (null without one), approved. Null in rows written before sign-offs existed.
alter table county_rollup
  add column schools_signed_off int check (schools_signed_off >= 0),
  add column schools_signed_off_on_time int check (schools_signed_off_on_time >= 0),
  add column schools_approved int check (schools_approved >= 0);
