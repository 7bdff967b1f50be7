-- The setup stamp: a digest of what the last complete setup of this database was made from
-- (migration scripts, the shards and connections of the config, the wiring and dashboard
-- generation). A process whose own digest matches, and that finds the fdw wiring in place,
-- skips Flyway, the wiring and the dashboard views. One row at most.
create table public.setup_stamp (
    one        boolean primary key default true check (one),
    stamp      text not null,
    set_up_at  timestamptz not null default now()
);
