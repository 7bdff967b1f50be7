-- A cordoned shard gets no new deployments from the deployment rules: placement skips it and
-- says why. Drain cordons the shard it empties. Deployments already there stay until moved.

create table public.shard_cordons (
    shard        text primary key check (shard ~ '^[a-z0-9_]{1,30}$'),
    cordoned_at  timestamptz not null default now(),
    reason       text not null
);

create trigger shard_cordons_changed
    after insert or update or delete or truncate on public.shard_cordons
    for each statement execute function public.notify_directory_change();
