-- Issue 16 item 1, ADR 0020: scorecards, reports, below-target lists, trends and attention lists are
-- kept as ready documents and rebuilt only when what they rest on has changed. Each write to the
-- read model bumps the stamp of the scopes it touches (after its commit); every instance polls this
-- small table and rebuilds a document whose scopes' stamps moved. Stamps come from one sequence, so
-- they never repeat, not even after the table is cleared for a rebuild.
create sequence read_model_stamp_seq;
create table read_model_stamp (
  scope text primary key,
  stamp bigint not null
);
