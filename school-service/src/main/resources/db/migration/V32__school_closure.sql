-- Issue 17 item 6 (ADR 0027): the registry copy keeps the day a school closed (SchoolRegistered.closedFrom);
-- from that day on the school records nothing new (409), its earlier records stay and can be corrected.
alter table school add column closed_from date;
