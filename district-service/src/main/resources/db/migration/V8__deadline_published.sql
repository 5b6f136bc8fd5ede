-- Issue 15, ADR 0019 "Notifications": a county's deadline travels to the school tier as
-- ReportingDeadlineSet (period-approvals topic) so that schools are reminded. published_version is the
-- version last put in the outbox; deadlines set before this migration (null) are published when the
-- service starts.
alter table county_deadline add column published_version bigint;
