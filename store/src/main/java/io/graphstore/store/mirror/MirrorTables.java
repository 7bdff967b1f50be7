package io.graphstore.store.mirror;

import java.util.List;

/** The directory tables the mirror copies, with the columns both sides share, in order. */
final class MirrorTables {
    record Table(String source, String name, String columns) {
    }

    static final List<Table> TABLES = List.of(
            new Table("public.deployment_schemas", "deployment_schemas",
                    "id, subgraph, name, version, shard, network, active, created_at"),
            new Table("public.chains", "chains", "id, name, shard, namespace, head_block_number, head_block_hash"),
            new Table("public.active_copies", "active_copies", "src, dst, queued_at, cancelled_at"),
            new Table("subgraphs.subgraph", "subgraph", "id, name, current_version, pending_version, created_at"),
            new Table("subgraphs.subgraph_version", "subgraph_version", "id, subgraph, deployment, created_at"),
            new Table("subgraphs.subgraph_deployment_assignment", "subgraph_deployment_assignment",
                    "id, node_id, paused_at, assigned_at"));

    private MirrorTables() {
    }
}
