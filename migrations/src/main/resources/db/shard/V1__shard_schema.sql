-- Flyway set 'shard': applied to every database, the primary included.
-- Holds what changes often and belongs to one shard: the head and health of the
-- deployments stored here, their manifests, copy progress for copies into this shard,
-- table statistics, and the mirror of the primary's directory used when the primary is down.

create extension if not exists postgres_fdw;
create extension if not exists btree_gist;

create schema if not exists subgraphs;

-- One row per deployment copy (site) stored in this shard; id = deployment_schemas.id.
create table subgraphs.deployment (
    id                      integer primary key,
    subgraph                text not null,
    health                  text not null default 'healthy'
                            check (health in ('healthy', 'unhealthy', 'failed')),
    failed                  boolean not null default false,
    fatal_error             text,
    synced_at               timestamptz,
    earliest_block_number   integer not null default 0,
    graft_base              text,
    graft_block_hash        bytea,
    graft_block_number      integer,
    reorg_count             integer not null default 0,
    current_reorg_depth     integer not null default 0,
    max_reorg_depth         integer not null default 0,
    created_at              timestamptz not null default now()
);

-- The head moves with every block written; kept apart from 'deployment' so the hot
-- update touches a narrow row.
create table subgraphs.head (
    id              integer primary key references subgraphs.deployment (id) on delete cascade,
    block_number    integer,
    block_hash      bytea,
    entity_count    bigint not null default 0,
    updated_at      timestamptz not null default now()
);

create table subgraphs.subgraph_manifest (
    id              integer primary key references subgraphs.deployment (id) on delete cascade,
    spec_version    text not null default '0.0.1',
    description     text,
    repository      text,
    schema          text not null,
    features        text[] not null default '{}',
    start_block     integer not null default 0,
    on_sync         text check (on_sync in ('activate', 'replace')),
    history_blocks  integer not null default 2147483647
);

-- Copy progress lives in the destination shard, next to the data it describes.
create table subgraphs.copy_state (
    dst                     integer primary key,
    src                     integer not null,
    src_shard               text not null,
    target_block_number     integer not null,
    target_block_hash       bytea,
    on_sync                 text check (on_sync in ('activate', 'replace')),
    queued_at               timestamptz not null default now(),
    started_at              timestamptz,
    finished_at             timestamptz,
    cancelled_at            timestamptz
);

create table subgraphs.copy_table_state (
    id              serial primary key,
    dst             integer not null references subgraphs.copy_state (dst) on delete cascade,
    entity_type     text not null,
    next_vid        bigint not null,
    target_vid      bigint not null,
    batch_size      bigint not null,
    started_at      timestamptz not null default now(),
    finished_at     timestamptz,
    duration_ms     bigint not null default 0,
    unique (dst, entity_type)
);

create table subgraphs.table_stats (
    id                  serial primary key,
    deployment          integer not null,
    table_name          text not null,
    is_account_like     boolean,
    last_pruned_block   integer,
    unique (deployment, table_name)
);

-- Mirror of the primary's directory. Refreshed from the primary by the node; read only
-- when the primary is unreachable. Stays empty inside the primary itself.
create schema if not exists mirror;

create table mirror.deployment_schemas (
    id          integer primary key,
    subgraph    text not null,
    name        text not null,
    version     text not null,
    shard       text not null,
    network     text not null,
    active      boolean not null,
    created_at  timestamptz not null
);

create table mirror.chains (
    id                  integer primary key,
    name                text not null,
    shard               text not null,
    namespace           text not null,
    head_block_number   bigint,
    head_block_hash     bytea
);

create table mirror.active_copies (
    src             integer not null,
    dst             integer primary key,
    queued_at       timestamptz not null,
    cancelled_at    timestamptz
);

create table mirror.subgraph (
    id              text primary key,
    name            text not null,
    current_version text,
    pending_version text,
    created_at      timestamptz not null
);

create table mirror.subgraph_version (
    id          text primary key,
    subgraph    text not null,
    deployment  text not null,
    created_at  timestamptz not null
);

create table mirror.subgraph_deployment_assignment (
    id          integer primary key,
    node_id     text not null,
    paused_at   timestamptz,
    assigned_at timestamptz not null
);

-- When the mirror was last refreshed; one row.
create table mirror.refresh (
    singleton       boolean primary key default true check (singleton),
    refreshed_at    timestamptz not null
);
