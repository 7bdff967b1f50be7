-- Every change to the directory notifies channel 'graph_store_directory', whoever makes it
-- (graphman, a node, or an operator in psql). Processes that cache directory lookups LISTEN
-- on it and drop their cache, so a change is seen everywhere within moments.

create function public.notify_directory_change() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('graph_store_directory', tg_table_schema || '.' || tg_table_name);
    return null;
end;
$$;

create trigger deployment_schemas_changed
    after insert or update or delete or truncate on public.deployment_schemas
    for each statement execute function public.notify_directory_change();
create trigger chains_changed
    after insert or update or delete or truncate on public.chains
    for each statement execute function public.notify_directory_change();
create trigger active_copies_changed
    after insert or update or delete or truncate on public.active_copies
    for each statement execute function public.notify_directory_change();
create trigger subgraph_changed
    after insert or update or delete or truncate on subgraphs.subgraph
    for each statement execute function public.notify_directory_change();
create trigger subgraph_version_changed
    after insert or update or delete or truncate on subgraphs.subgraph_version
    for each statement execute function public.notify_directory_change();
create trigger subgraph_deployment_assignment_changed
    after insert or update or delete or truncate on subgraphs.subgraph_deployment_assignment
    for each statement execute function public.notify_directory_change();

-- Placement counts deployments per shard and per node; keep those lookups cheap.
create index deployment_schemas_shard on public.deployment_schemas (shard);
create index subgraph_version_deployment on subgraphs.subgraph_version (deployment);
