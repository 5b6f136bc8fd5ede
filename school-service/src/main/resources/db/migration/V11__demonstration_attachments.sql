-- Issue 13 item 2, ADR 0015: evidence attachments of a self-evaluation (PDF, JPEG, PNG), the
-- assessors the county put on each application (to know whom to serve them to), and who read which
-- attachment. Attachments live here and only here: no event carries their bytes or names.
-- Packages org.gongyu.school.attachment (files, reads) and org.gongyu.school.demonstration (panel).

-- The county's panel of an application as last heard (AssessmentPanelChanged, highest version
-- wins): members [{assessor, round, status: ASSIGNED|CLEARED|RECUSED}]. Usernames of county staff.
create table demonstration_panel (
  application_id uuid        primary key references demonstration_application (id),
  version        bigint      not null check (version >= 1),
  members        jsonb       not null,
  updated_at     timestamptz not null
);

-- One uploaded file, attached to a criterion of a self-evaluation round. The type is the one its
-- content was recognised as (magic bytes), never what the uploader claimed. A file of the open round
-- may be deleted while the round is a draft; once the round is submitted it is frozen.
create table demonstration_attachment (
  id             uuid         primary key,
  application_id uuid         not null references demonstration_application (id),
  school_id      varchar(40)  not null,
  round          int          not null check (round >= 1),
  criterion_code varchar(40)  not null,
  file_name      varchar(200) not null,
  content_type   varchar(40)  not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes     bigint       not null check (size_bytes > 0),
  sha256         char(64)     not null,
  content        bytea        not null,
  uploaded_at    timestamptz  not null,
  uploaded_by    text         not null
);
create index demonstration_attachment_application on demonstration_attachment (application_id, round, criterion_code);

-- Every read of an attachment (a download, or the list of an application's files): who, in which
-- role and unit, what, when. Append-only like sensitive_read: triggers refuse UPDATE, DELETE and
-- TRUNCATE for every role, and the runtime role is not granted them.
create table attachment_read (
  id             bigint generated always as identity primary key,
  at             timestamptz not null,
  school_id      varchar(40) not null,
  application_id uuid        not null,
  attachment_id  uuid,                       -- null for a read of the list
  actor          text        not null,       -- token subject
  username       text,
  roles          text        not null,
  org_unit       text        not null        -- e.g. county:990101
);
create index attachment_read_school_at on attachment_read (school_id, at desc, id desc);

create function attachment_read_is_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'attachment_read is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger attachment_read_no_update_or_delete
    before update or delete on attachment_read
    for each row execute function attachment_read_is_append_only();

create trigger attachment_read_no_truncate
    before truncate on attachment_read
    for each statement execute function attachment_read_is_append_only();

do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke update, delete, truncate on table attachment_read from ${runtime_role};
end
$$;
