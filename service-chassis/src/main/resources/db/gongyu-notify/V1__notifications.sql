-- Notifications (ADR 0019): each tier's service keeps the inbox of its own users. Nothing here
-- identifies a student or parent: notifications are about periods, applications and deadlines.

-- Who the service has seen, learned from their token on each authenticated call: where to mail
-- them, in which language, and the audiences (role@unit) their roles put them in.
create table notify_user (
  username   text        primary key,            -- lower case, as in the token's preferred_username
  email      text,
  language   text        not null default 'zh-CN' check (language in ('zh-CN', 'en')),
  audiences  text[]      not null default '{}',  -- e.g. {COUNTY_ADMIN@990101}
  last_seen  timestamptz not null
);
create index notify_user_audiences on notify_user using gin (audiences);

-- Per user and kind: in-app always; e-mail on or off, at once or in the daily digest.
create table notify_preference (
  username text    not null,
  kind     text    not null,
  email    boolean not null,
  delivery text    not null check (delivery in ('IMMEDIATE', 'DAILY_DIGEST')),
  primary key (username, kind)
);

-- One notification, to one user or to an audience (role@unit); the dedup key makes a replayed
-- event or a re-run job add nothing.
create table notification (
  id          uuid        primary key,
  seq         bigint      generated always as identity,
  recipient   text,
  audience    text,
  kind        text        not null,
  message_key text        not null,
  arguments   jsonb       not null default '[]',
  link        text,
  dedup_key   text        not null unique,
  created_at  timestamptz not null,
  check ((recipient is null) <> (audience is null))
);
create index notification_recipient on notification (recipient, created_at desc) where recipient is not null;
create index notification_audience on notification (audience, created_at desc) where audience is not null;

create table notification_read (
  notification_id uuid        not null references notification (id) on delete cascade,
  username        text        not null,
  read_at         timestamptz not null,
  primary key (notification_id, username)
);

-- The e-mail outbox: one row per (notification, user), sent by the scheduled sender (IMMEDIATE)
-- or in the user's daily digest (DAILY_DIGEST).
create table notify_mail (
  id              bigint      generated always as identity primary key,
  notification_id uuid        not null references notification (id) on delete cascade,
  username        text        not null,
  delivery        text        not null check (delivery in ('IMMEDIATE', 'DAILY_DIGEST')),
  status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        integer     not null default 0,
  last_error      text,
  created_at      timestamptz not null,
  next_attempt_at timestamptz not null,
  sent_at         timestamptz,
  unique (notification_id, username)
);
create index notify_mail_pending on notify_mail (delivery, next_attempt_at) where status = 'PENDING';

-- ShedLock's table (the standard shape), so that two instances run each scheduled job once. A
-- service that already made one for its own jobs keeps it.
create table if not exists shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);

-- ADR 0013: the runtime role reads and writes these tables but not this schema's migration history.
do $$
begin
  if current_user = '${runtime_role}' then
    return;
  end if;
  revoke all on table flyway_notify_history from ${runtime_role};
end
$$;
