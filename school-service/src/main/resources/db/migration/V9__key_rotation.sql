-- Key rotation (issue 12 item 4, ADR 0014).
-- pseudonym_key: the keys every stored student_key and guardian_key was derived with, in order.
-- Version 1 is gongyu.school.pseudonym-key; version n is HMAC(key n, pseudonym of version n-1), written
-- by the key rotation (school-service rotate-keys) in the same transaction that re-keys every table.
-- key_id is the public id of the key (first 4 bytes of HMAC(key, 'gongyu key id'), hex), never the key.
create table pseudonym_key (
  version    int         primary key check (version >= 1),
  key_id     char(8)     not null unique,
  applied_at timestamptz not null default now()
);

-- field_key_retired: field keys (encryption of notes) that no stored value needs any more. The
-- service never uses a retired key again: as its current key it does not start.
create table field_key_retired (
  key_id     char(8)     primary key,
  retired_at timestamptz not null default now()
);
