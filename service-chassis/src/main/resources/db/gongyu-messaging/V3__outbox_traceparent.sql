-- ADR 0030: the W3C trace context (traceparent: version, trace id, span id, flags; ids only) of the
-- request or consumer that wrote the row, which the relay sends on as the record's header. Null when
-- nothing was traced.
alter table outbox_event add column traceparent varchar(100);
