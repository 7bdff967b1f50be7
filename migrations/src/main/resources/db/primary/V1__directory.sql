-- Flyway set 'primary': applied to the primary only, after the 'shard' set.
-- The directory: which deployments exist, where each copy lives, which copy is active,
-- names and versions, assignments to nodes, chains, copies in flight, and the history of
-- removed deployments. Rarely changes; authoritative for the whole installation.

create schema if not exists subgraphs;

-- One row per physical copy (site) of a deployment.
create table public.deployment_schemas (
    id          serial primary key,
    subgraph    text not null check (subgraph ~ '^Qm[1-9A-HJ-NP-Za-km-z]{44}$'),
    name        text not null unique check (name ~ '^sgd[0-9]+$'),
    version     text not null default 'relational',
    shard       text not null check (shard ~ '^[a-z0-9_]{1,30}$'),
    network     text not null,
    active      boolean not null,
    created_at  timestamptz not null default now(),
    unique (subgraph, shard)
);

-- Exactly one active copy per deployment.
create unique index deployment_schemas_one_active
    on public.deployment_schemas (subgraph) where active;

create table public.chains (
    id                  serial primary key,
    name                text not null unique,
    shard               text not null check (shard ~ '^[a-z0-9_]{1,30}$'),
    namespace           text not null unique,
    head_block_number   bigint,
    head_block_hash     bytea
);

-- Copies in flight; a row disappears when the copy finishes or is cancelled and cleaned up.
create table public.active_copies (
    src             integer not null references public.deployment_schemas (id),
    dst             integer primary key references public.deployment_schemas (id) on delete cascade,
    queued_at       timestamptz not null default now(),
    cancelled_at    timestamptz,
    unique (src, dst)
);

-- History of deployments recorded as unused and, later, removed.
create table public.unused_deployments (
    id              integer primary key,
    deployment      text not null,
    shard           text not null,
    namespace       text not null,
    network         text,
    entity_count    bigint not null default 0,
    latest_block    integer,
    subgraphs       text[],
    unused_at       timestamptz not null default now(),
    removed_at      timestamptz
);

create table subgraphs.subgraph (
    id              text primary key,
    name            text not null unique,
    current_version text,
    pending_version text,
    created_at      timestamptz not null default now()
);

create table subgraphs.subgraph_version (
    id          text primary key,
    subgraph    text not null references subgraphs.subgraph (id) on delete cascade,
    deployment  text not null,
    created_at  timestamptz not null default now()
);

alter table subgraphs.subgraph
    add foreign key (current_version) references subgraphs.subgraph_version (id)
        on delete set null deferrable initially deferred,
    add foreign key (pending_version) references subgraphs.subgraph_version (id)
        on delete set null deferrable initially deferred;

create table subgraphs.subgraph_deployment_assignment (
    id          integer primary key references public.deployment_schemas (id) on delete cascade,
    node_id     text not null,
    paused_at   timestamptz,
    assigned_at timestamptz not null default now()
);

create index subgraph_deployment_assignment_node
    on subgraphs.subgraph_deployment_assignment (node_id);
