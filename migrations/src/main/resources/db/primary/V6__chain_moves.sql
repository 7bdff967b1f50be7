-- A chain's block data lives in namespace chainN of the shard public.chains names. Moving it
-- to another shard ('graphman chain change-shard') is resumable: this row says where it goes,
-- how far the copy got and whether the directory has switched already. It is deleted once the
-- old namespace is dropped, so a row here is always a move under way.
-- (V5 of this set is taken by another change; Flyway accepts the gap.)

create table public.chain_moves (
    chain_id        integer primary key references public.chains (id) on delete cascade,
    src_shard       text not null check (src_shard ~ '^[a-z0-9_]{1,30}$'),
    dst_shard       text not null check (dst_shard ~ '^[a-z0-9_]{1,30}$'),
    namespace       text not null check (namespace ~ '^chain[0-9]+$'),
    state           text not null check (state in ('copying', 'switched')),
    next_number     bigint,
    started_at      timestamptz not null default now(),
    switched_at     timestamptz,
    check (src_shard <> dst_shard)
);
