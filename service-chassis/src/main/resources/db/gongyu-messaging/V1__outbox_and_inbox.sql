-- Transactional outbox: rows are written in the same transaction as the business change and
-- relayed to Kafka afterwards, in id order.
create table outbox_event (
  id           bigserial    primary key,
  event_id     uuid         not null unique,
  topic        varchar(200) not null,
  record_key   varchar(200) not null,
  payload      text         not null,
  created_at   timestamptz  not null default now(),
  published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Idempotent consumers: the id of every consumed event, recorded in the same transaction as the
-- change it caused, so a redelivered or replayed event changes nothing.
create table inbox_event (
  consumer    varchar(100) not null,
  event_id    uuid         not null,
  received_at timestamptz  not null default now(),
  primary key (consumer, event_id)
);
create index inbox_event_received_at on inbox_event (received_at);
