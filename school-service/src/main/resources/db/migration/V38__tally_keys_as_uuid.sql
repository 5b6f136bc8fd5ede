-- Issue 16 item 2 (stop 34, ADR 0041): the registration tallies key a student (guardian) by the
-- first 128 bits of its pseudonym, as a uuid, instead of the 64 hex characters of all 256. The
-- tallies answer one question, whether a key already has a row in the school year, so half the
-- pseudonym is plenty (two of a school's keys share their first 128 bits with a probability of
-- about n^2 / 2^129: 1.5e-29 for 100,000 keys), and a row with its index entry shrinks from about
-- 290 to 165 bytes (900,000 rows in psql: 108 + 139 MB before, 66 + 75 MB after). Every
-- registration inserts into both tallies at a random place of their primary keys; smaller B-trees
-- mean fewer pages to cache, and fewer whole pages written to the WAL after each checkpoint.
-- The columns are renamed: they no longer hold pseudonyms, so key rotation and the pseudonym
-- lookup (which find pseudonym columns by name in the catalogue) leave them alone, and key
-- rotation rebuilds the tallies from platform_registration instead (privacy.KeyRotation).
alter table registered_student rename column student_key to student;
alter table registered_student alter column student type uuid using cast(left(student, 32) as uuid);
alter table registered_guardian rename column guardian_key to guardian;
alter table registered_guardian alter column guardian type uuid using cast(left(guardian, 32) as uuid);
