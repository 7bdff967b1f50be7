-- Copies and followers. A copy of a deployment keeps the source's vids, so it can be brought
-- up to date by replaying, by vid, the versions the source wrote after the copy's head. A
-- source that reverts logs it here, so a copy that already replayed the reverted blocks
-- reverts them too.

create table subgraphs.revert_log (
    seq         bigserial primary key,
    deployment  integer not null,
    to_block    integer not null,
    reverted_at timestamptz not null default now()
);
create index revert_log_deployment on subgraphs.revert_log (deployment, seq);

-- Every copy that follows another site (a copy in progress, or a former active copy after
-- an activation) has a row here in its own shard: which site it follows and the last of that
-- site's reverts it has seen.
create table subgraphs.follow_state (
    id          integer primary key,
    src         integer not null,
    src_shard   text not null,
    revert_seq  bigint not null default 0,
    updated_at  timestamptz not null default now()
);

alter table subgraphs.copy_state add column node_id text;
alter table subgraphs.copy_state add column transport text not null default 'copy'
    check (transport in ('copy', 'fdw'));
