package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import java.util.List;

/** Which tables are mapped where; the one place that says it. */
public final class MappedTables {
    /** Schema in every database holding the primary's directory tables. */
    public static final String PRIMARY_SCHEMA = "primary_public";
    /** Tables of the primary's {@code public} schema mapped into {@link #PRIMARY_SCHEMA}. */
    public static final List<String> PRIMARY_TABLES = List.of("deployment_schemas", "chains", "active_copies");
    /**
     * Tables of the primary's {@code subgraphs} schema also mapped into {@link #PRIMARY_SCHEMA}
     * (graph-store extension: names and assignments for dashboards in any database).
     */
    public static final List<String> PRIMARY_SUBGRAPH_TABLES = List.of("subgraph", "subgraph_version",
            "subgraph_deployment_assignment");
    /** Tables and views of every shard's {@code subgraphs} schema mapped into {@code shard_<name>_subgraphs}. */
    public static final List<String> SHARD_TABLES = List.of("deployment", "head", "subgraph_manifest",
            "copy_state", "copy_table_state", "table_stats", "namespace_sizes", "shard_size", "activity",
            "revert_log", "follow_state");
    /** Tables of every shard's {@code mirror} schema mapped into {@code shard_<name>_subgraphs}. */
    public static final List<String> MIRROR_TABLES = List.of("deployment_schemas", "chains", "active_copies",
            "subgraph", "subgraph_version", "subgraph_deployment_assignment", "refresh");

    private MappedTables() {
    }

    /** {@code shard_<name>}: the foreign server for a shard. */
    public static String server(ShardName shard) {
        return "shard_" + shard.value();
    }

    /** {@code shard_<name>_subgraphs}: the schema holding a shard's metadata tables. */
    public static String shardSchema(ShardName shard) {
        return "shard_" + shard.value() + "_subgraphs";
    }

    /** Every table name expected in {@link #PRIMARY_SCHEMA}. */
    public static List<String> primarySchemaTables() {
        return java.util.stream.Stream.concat(PRIMARY_TABLES.stream(), PRIMARY_SUBGRAPH_TABLES.stream()).toList();
    }

    /** Every table name expected in {@code shard_<name>_subgraphs}, sorted. */
    public static List<String> shardSchemaTables() {
        return java.util.stream.Stream.concat(SHARD_TABLES.stream(), MIRROR_TABLES.stream())
                .distinct().sorted().toList();
    }
}
