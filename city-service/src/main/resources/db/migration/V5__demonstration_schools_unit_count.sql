-- Issue 5: DEMONSTRATION_SCHOOLS is the number of titles a county holds, not a count per school.
-- Its kind becomes UNIT_COUNT (each county's figure is (titles held, 1); the city's Σ/Σ is the mean
-- per county; a unit meets the target when titles ≥ target × counties). The target schedule (100
-- per county programme) stays. A new definition version, so the startup publisher announces the
-- changed kind once (published_version is behind it now) and consumers take it as newer.
update indicator_definition set kind = 'UNIT_COUNT', version = version + 1 where code = 'DEMONSTRATION_SCHOOLS';
