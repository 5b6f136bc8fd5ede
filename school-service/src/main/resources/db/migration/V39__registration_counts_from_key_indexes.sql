-- Issue 16 item 2 (stop 36, ADR 0042): the counts a registration batch keeps (registered_class,
-- V35; registration_daily, V34) are worked out from two narrow indexes of platform_registration
-- instead of three structures of their own. Each registration wrote an entry into the class index
-- (school, class, student, including its time and guardian: about 273 bytes) and a row with its
-- index entry into each of the two tallies (registered_student, registered_guardian, V19/V38: about
-- 165 bytes each), all at random places of B-trees keyed by pseudonyms; two tally statements were
-- 47 % of PostgreSQL's time in the benchmark. Now a batch looks its students and guardians up in
-- the two indexes below (their first 128 bits as a uuid, as the tallies keyed them, ADR 0041),
-- before it inserts, and registration.RegistrationCounts works out from what it finds, in the
-- service, which class gains a student and which day a student's or guardian's earliest
-- registration of the school year moves to. Over JDBC, 5,000 new registrations into 1.5 million:
-- 392–455 ms a batch before, 255–328 ms after (ADR 0042).
--
-- An expression index holds no column a query could read back, so the look-ups read the heap row
-- of each key they find (a key the school has not seen, the common case, finds nothing); the
-- indexes include nothing. A correction, a withdrawal and key rotation need nothing else: the
-- indexes follow the pseudonym columns.
create index platform_registration_student on platform_registration (school_id, cast(left(student_key, 32) as uuid));
create index platform_registration_guardian on platform_registration (school_id, cast(left(guardian_key, 32) as uuid));
drop index platform_registration_class;
drop table registered_student;
drop table registered_guardian;
