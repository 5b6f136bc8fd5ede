-- Issue 13 item 3: a county admin removes an entry from the assessor panel (a typo, someone who
-- left). The row stays, off the panel (active false, removed_at set), because assignments, scores
-- and the printed scoresheet of past rounds name the assessor by it; the panel list leaves it out
-- and a new PUT of the username puts it back. Package org.gongyu.district.demonstration.assessment.
alter table demonstration_assessor add column removed_at timestamptz;
