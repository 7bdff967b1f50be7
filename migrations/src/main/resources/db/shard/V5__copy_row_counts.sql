-- Real row counts for a copy's progress, instead of vid ranges (vids have gaps: reverted
-- versions are deleted, and versions that start after the target block are left out):
--   rows_total  the versions a table has to copy, counted in the source when the copy is
--               prepared (start block <= target block, vid <= target_vid)
--   rows_done   the versions copied so far, raised by each batch in its own transaction, so a
--               resumed copy counts nothing twice
alter table subgraphs.copy_table_state
    add column rows_total bigint,
    add column rows_done bigint not null default 0;

-- Copies prepared before this migration have no counts; they keep the vid-range figures they
-- showed before (an upper bound), which is all that can be known without reading the source.
update subgraphs.copy_table_state
   set rows_total = target_vid + 1,
       rows_done = case when finished_at is not null then target_vid + 1 else least(next_vid, target_vid + 1) end;

alter table subgraphs.copy_table_state alter column rows_total set not null;
