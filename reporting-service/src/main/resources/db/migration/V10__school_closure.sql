-- Issue 17 item 6 (ADR 0027): a closed school (SchoolRegistered.closedFrom) is not among a county's
-- schools for a period starting on or after its closure; periods that started before keep it.
alter table school add column closed_from date;
