-- A copy's state, kept where the copy lives and changed in one place (CopyDao's transitions):
--   queued       created, not started
--   copying      bulk copy of the rows up to the target block
--   catching_up  replaying what the source wrote after the target block
--   finished     copied and caught up (a finished copy that is not the active one is kept in
--                step with it by its node: the views call that "following")
--   cancelled    cancelled; it is never run or followed again
-- Whether some process runs the copy right now is not state: it is the run lock in the
-- primary, held by the session of whoever runs it.
alter table subgraphs.copy_state add column state text not null default 'queued'
    check (state in ('queued', 'copying', 'catching_up', 'finished', 'cancelled'));

update subgraphs.copy_state
   set state = case when cancelled_at is not null then 'cancelled'
                    when finished_at is not null then 'finished'
                    when started_at is not null then 'copying'
                    else 'queued' end;
