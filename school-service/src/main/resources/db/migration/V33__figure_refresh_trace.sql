-- ADR 0030: the W3C trace context (traceparent, ids only) of the request that noted the change, so
-- that the coalesced recount (ADR 0021) and the snapshot events it publishes continue that
-- request's trace. A note that is already there keeps its own: the first request since the last
-- recount names the trace, the recount links to the others. Null when nothing was traced.
alter table figure_refresh_pending add column traceparent varchar(100);
