-- Issue 16 item 3, ADR 0038: platform_learning's reference to its school checked once per
-- statement instead of once per row. A foreign key checks each inserted row on its own (one
-- lookup and one row lock of the school per activity): in psql, 5,000 activities of one school
-- took 38-42 ms to insert with the foreign key and 17-20 ms without it, and a learning batch of
-- 1,000 activities names one school. The rule stays the database's: the triggers below refuse
-- the same rows with the same SQLSTATE (23503, foreign_key_violation), set-based over the
-- statement's rows (a transition table).
--   - An insert or an update of platform_learning locks the schools its rows name for key share,
--     as the foreign key did, so that no school can be deleted or re-keyed under them before the
--     transaction ends, and refuses the statement if one of them is not registered.
--   - A delete of a school, or a change of its id, is refused while activities name it.
alter table platform_learning drop constraint platform_learning_school_id_fkey;

create function platform_learning_school_registered() returns trigger language plpgsql as $$
declare
  named varchar(40)[];
  missing varchar(40);
begin
  -- the statement's rows are read once; the lock and the check then go over the schools they name
  select array_agg(distinct n.school_id) into named from new_rows n;
  perform 1 from school s where s.id = any(named) for key share of s;
  select x into missing from unnest(named) as x where not exists (select 1 from school s where s.id = x) limit 1;
  if found then
    raise foreign_key_violation using
      message = format('insert or update on table "platform_learning" names school %s, which is not registered', missing),
      constraint = 'platform_learning_school_registered';
  end if;
  return null;
end
$$;

create trigger platform_learning_school_registered_insert after insert on platform_learning
  referencing new table as new_rows for each statement execute function platform_learning_school_registered();
create trigger platform_learning_school_registered_update after update on platform_learning
  referencing new table as new_rows for each statement execute function platform_learning_school_registered();

create function school_keeps_its_learning() returns trigger language plpgsql as $$
declare
  named varchar(40);
begin
  select o.id into named from old_rows o
  where not exists (select 1 from school s where s.id = o.id)
    and exists (select 1 from platform_learning l where l.school_id = o.id)
  limit 1;
  if found then
    raise foreign_key_violation using
      message = format('school %s is still named by table "platform_learning"', named),
      constraint = 'platform_learning_school_registered';
  end if;
  return null;
end
$$;

create trigger school_keeps_its_learning_delete after delete on school
  referencing old table as old_rows for each statement execute function school_keeps_its_learning();
create trigger school_keeps_its_learning_update after update on school
  referencing old table as old_rows for each statement execute function school_keeps_its_learning();
