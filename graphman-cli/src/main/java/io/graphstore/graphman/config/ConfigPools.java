package io.graphstore.graphman.config;

import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.config.ReplicaConfig;
import io.graphstore.config.StoreConfig;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman config pools NODE...}: the pool sizes each node would open. */
@Command(name = "pools", mixinStandardHelpOptions = true,
        description = {"Show the connection pool sizes the given nodes would open.",
            "Per shard and replica, and the total per database (compare it with max_connections)."})
public final class ConfigPools extends GraphmanCommand {
    @Parameters(paramLabel = "NODE", arity = "1..*", description = "node ids, e.g. index_node_0")
    List<String> nodes;

    @Option(names = "--shard", description = "group by shard instead of by node")
    boolean byShard;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    record Row(String node, String shard, String replica, int size, int fdwSize) {
    }

    @Override
    public Integer call() {
        List<NodeId> ids = nodes.stream().map(NodeId::of).toList();
        Config config = loadConfig();
        List<Row> rows = new ArrayList<>();
        for (NodeId node : ids) {
            for (StoreConfig store : config.stores().values()) {
                rows.add(new Row(node.value(), store.name().value(), "main",
                        store.poolSize().sizeFor(node), store.fdwPoolSize().sizeFor(node)));
                for (ReplicaConfig replica : store.replicas()) {
                    rows.add(new Row(node.value(), store.name().value(), replica.name(),
                            replica.poolSize().sizeFor(node), 0));
                }
            }
        }
        if (byShard) {
            rows.sort((a, b) -> (a.shard + a.replica).compareTo(b.shard + b.replica));
        }
        if (json) {
            out().println(Json.write(Map.of("pools", rows.stream().map(ConfigPools::asMap).toList(),
                    "totals", totals(rows))));
            return ExitCode.OK;
        }
        Table table = byShard ? new Table("SHARD", "REPLICA", "NODE", "POOL", "FDW")
                : new Table("NODE", "SHARD", "REPLICA", "POOL", "FDW");
        for (Row r : rows) {
            if (byShard) {
                table.row(r.shard, r.replica, r.node, r.size, r.fdwSize);
            } else {
                table.row(r.node, r.shard, r.replica, r.size, r.fdwSize);
            }
        }
        table.print(out());
        out().println();
        Table totals = new Table("SHARD", "REPLICA", "CONNECTIONS");
        totals(rows).forEach((k, v) -> totals.row(k.split("/")[0], k.split("/")[1], v));
        totals.print(out());
        return ExitCode.OK;
    }

    private static Map<String, Object> asMap(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", r.node);
        m.put("shard", r.shard);
        m.put("replica", r.replica);
        m.put("pool_size", r.size);
        m.put("fdw_pool_size", r.fdwSize);
        return m;
    }

    /** Connections each database would see from the listed nodes, keyed shard/replica. */
    private static Map<String, Integer> totals(List<Row> rows) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (Row r : rows) {
            totals.merge(r.shard + "/" + r.replica, r.size + r.fdwSize, Integer::sum);
        }
        return totals;
    }
}
