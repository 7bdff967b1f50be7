package io.graphstore.store.dashboard;

import java.util.List;

/** The {@code info} views; they read only {@code sharded.*} and {@code primary_public.*}. */
final class InfoViews {
    private InfoViews() {
    }

    static final List<String> STATEMENTS = List.of("""
            create view info.deployments as
            select ds.name as namespace, ds.subgraph as hash,
                   (select string_agg(s.name || case when s.current_version = v.id then '' else ' (pending)' end,
                                      ', ' order by s.name)
                      from primary_public.subgraph_version v
                      join primary_public.subgraph s on s.current_version = v.id or s.pending_version = v.id
                     where v.deployment = ds.subgraph) as names,
                   ds.shard, ds.network, ds.active, a.node_id as node, a.paused_at is not null as paused,
                   h.block_number as head_block, h.entity_count, d.health, d.failed, d.synced_at,
                   sz.bytes as size_bytes, pg_size_pretty(sz.bytes) as size, ds.created_at
              from primary_public.deployment_schemas ds
              left join primary_public.subgraph_deployment_assignment a on a.id = ds.id
              left join sharded.head h on h.shard = ds.shard and h.id = ds.id
              left join sharded.deployment d on d.shard = ds.shard and d.id = ds.id
              left join sharded.namespace_sizes sz on sz.shard = ds.shard and sz.namespace = ds.name""", """
            create view info.copies as
            select dst.name as dst, dst.shard as dst_shard, src.name as src, src.shard as src_shard,
                   src.subgraph as hash,
                   case when ac.cancelled_at is not null then 'cancelled'
                        when cs.state = 'finished' and not dst.active and a.node_id is not null then 'following'
                        else replace(coalesce(cs.state, 'queued'), '_', ' ') end as state,
                   (select round(100.0 * sum(t.rows_done)
                                 / nullif(sum(case when t.finished_at is not null then t.rows_done
                                                   else greatest(t.rows_total, t.rows_done) end), 0), 1)
                      from sharded.copy_table_state t where t.shard = dst.shard and t.dst = dst.id) as percent,
                   cs.target_block_number as target_block, ac.queued_at, cs.started_at, cs.finished_at
              from primary_public.active_copies ac
              join primary_public.deployment_schemas src on src.id = ac.src
              join primary_public.deployment_schemas dst on dst.id = ac.dst
              left join sharded.copy_state cs on cs.shard = dst.shard and cs.dst = dst.id
              left join primary_public.subgraph_deployment_assignment a on a.id = dst.id""", """
            create view info.shard_sizes as
            select s.shard, s.database, s.bytes as size_bytes, pg_size_pretty(s.bytes) as size,
                   (select count(*) from primary_public.deployment_schemas ds where ds.shard = s.shard) as deployments,
                   (select coalesce(sum(h.entity_count), 0) from sharded.head h where h.shard = s.shard) as entities
              from sharded.shard_size s""", """
            create view info.lagging as
            select namespace, hash, names, shard, network, node, paused, head_block, network_head,
                   network_head - head_block as lag, health, failed
              from (select d.*, max(d.head_block) over (partition by d.network) as network_head
                      from info.deployments d where d.active) x
             where health <> 'healthy' or failed or head_block is null or head_block < network_head""", """
            create view info.activity as
            select shard, pid, usename, application_name, state, now() - query_start as running_for,
                   wait_event_type, wait_event, query
              from sharded.activity
             where state is distinct from 'idle'""");
}
