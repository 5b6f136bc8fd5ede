-- Issue 17 item 7, ADR 0028: manual adjustments (加减分) of a county's 学区 performance assessment: the
-- county adds points (or deducts them) to a 学区's computed result for a scheme version and school year,
-- with a reason, and withdraws them with a reason; the rank is by the final total.

-- The table is that of every tier that assesses (org.gongyu.chassis.assessment.AssessmentStore):
-- owner_id is the assessing unit. An adjustment belongs to a scheme version and a school year (not to
-- a run: every run of that version and year shows it; a new version starts without any). It is
-- inserted, and at most once withdrawn with who, when and why; never changed otherwise or deleted.
create table assessment_adjustment (
  id                bigint generated always as identity primary key,
  owner_id          varchar(40)   not null,
  scheme_id         varchar(60)   not null,
  scheme_version    bigint        not null,
  period_id         varchar(40)   not null,
  unit_id           varchar(80)   not null,
  item_code         varchar(40),
  points            numeric(8,2)  not null check (points <> 0),
  reason            varchar(500)  not null check (length(btrim(reason)) > 0),
  added_at          timestamptz   not null,
  added_by          varchar(200)  not null,
  withdrawn_at      timestamptz,
  withdrawn_by      varchar(200),
  withdrawal_reason varchar(500),
  check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdrawal_reason is null)),
  foreign key (owner_id, scheme_id, scheme_version) references assessment_scheme_version (owner_id, scheme_id, version)
);
create index assessment_adjustment_year on assessment_adjustment (owner_id, scheme_id, scheme_version, period_id, id);
comment on column assessment_adjustment.points is 'added to the computed total (negative: a deduction); the rank is by the final total';
comment on column assessment_adjustment.item_code is 'the scheme item it concerns; null for the result as a whole';

create function assessment_adjustment_withdraw_only() returns trigger
language plpgsql as $$
begin
  if tg_op <> 'UPDATE' then
    raise exception 'an assessment adjustment is withdrawn, never deleted (% on %)', tg_op, tg_table_name;
  end if;
  -- an update is a withdrawal or nothing: never a no-op, never a second one, never another column
  if old.withdrawn_at is not null or new.withdrawn_at is null
      or (new.owner_id, new.scheme_id, new.scheme_version, new.period_id, new.unit_id, new.item_code, new.points, new.reason,
          new.added_at, new.added_by)
         is distinct from
         (old.owner_id, old.scheme_id, old.scheme_version, old.period_id, old.unit_id, old.item_code, old.points, old.reason,
          old.added_at, old.added_by) then
    raise exception 'an assessment adjustment is immutable but for its one withdrawal (% on %)', tg_op, tg_table_name;
  end if;
  return new;
end $$;

create trigger assessment_adjustment_withdraw_only
  before update or delete on assessment_adjustment
  for each row execute function assessment_adjustment_withdraw_only();
create trigger assessment_adjustment_no_truncate
  before truncate on assessment_adjustment
  for each statement execute function assessment_is_immutable();

-- ADR 0013: the runtime role never deletes an adjustment and may write only its withdrawal.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table assessment_adjustment from ${runtime_role};
  grant update (withdrawn_at, withdrawn_by, withdrawal_reason) on table assessment_adjustment to ${runtime_role};
end
$$;
