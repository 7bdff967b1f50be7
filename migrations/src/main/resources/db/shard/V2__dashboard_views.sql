-- Views each shard exposes about itself, mapped into every other database like the
-- metadata tables, so the cross-shard dashboards (schemas 'sharded' and 'info') can show
-- sizes and activity of every shard from any database.

-- Bytes used by each deployment namespace (tables, indexes, TOAST) in this shard.
create view subgraphs.namespace_sizes as
select n.nspname::text as namespace,
       coalesce(sum(pg_total_relation_size(c.oid)) filter (where c.relkind in ('r', 'p', 'm')), 0)::bigint as bytes
  from pg_namespace n
  left join pg_class c on c.relnamespace = n.oid
 where n.nspname ~ '^sgd[0-9]+$'
 group by n.nspname;

-- This shard's database as a whole.
create view subgraphs.shard_size as
select current_database()::text as database, pg_database_size(current_database())::bigint as bytes;

-- Sessions in this shard's database (what is running now, and for how long).
create view subgraphs.activity as
select pid, usename::text as usename, application_name, client_addr::text as client_addr, state,
       backend_start, xact_start, query_start, wait_event_type, wait_event,
       left(query, 500) as query
  from pg_stat_activity
 where datname = current_database() and pid <> pg_backend_pid();
