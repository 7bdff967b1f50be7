-- The moves 'graphman shard rebalance --apply' and 'graphman shard drain' queue and drive. A move
-- copies one deployment from its shard into another with --replace: once the copy has caught up
-- it becomes the active one and the old copy is unassigned (removed later as unused). A row
-- is written before its copy is created and says how far the move got, so a killed run loses
-- nothing: running the command again adopts the copy the row names (or finds it by deployment
-- and shard) and continues. At most one move per deployment is open at a time. A batch is the
-- moves one 'rebalance --apply' or 'drain' queued together; '--status' shows the latest.
--
--   planned   queued, no copy created yet
--   copying   the copy exists (dst) or is being created; it runs, waits for a slot, or catches up
--   failed    the last attempt failed (error); the next run tries it again
--   done      the copy is active, the old one unassigned
--   stopped   'rebalance --stop' (or a copy cancelled by hand) ended it before it finished

create table public.shard_moves (
    id              serial primary key,
    batch           integer not null,
    kind            text not null check (kind in ('rebalance', 'drain')),
    drained         text check (drained ~ '^[a-z0-9_]{1,30}$'),
    deployment      text not null,
    name            text not null,
    src             integer not null,
    src_shard       text not null check (src_shard ~ '^[a-z0-9_]{1,30}$'),
    dst_shard       text not null check (dst_shard ~ '^[a-z0-9_]{1,30}$'),
    dst             integer,
    node_id         text not null,
    unassign_after  boolean not null default false,
    bytes           bigint not null default 0,
    why             text not null default '',
    state           text not null check (state in ('planned', 'copying', 'failed', 'done', 'stopped')),
    error           text,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    check (src_shard <> dst_shard),
    check ((kind = 'drain') = (drained is not null))
);

create unique index shard_moves_open on public.shard_moves (deployment)
    where state in ('planned', 'copying', 'failed');
create index shard_moves_kind on public.shard_moves (kind, drained, id);
