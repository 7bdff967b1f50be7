package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.node.view.ShardJson;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardStatus;
import io.graphstore.store.admin.TopologyAdmin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman shards status}: probe every shard at once and print the topology. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Probe every configured shard at once and print the topology.",
            "For each shard: reachable or not, probe latency, server version, circuit breaker state,",
            "this process's pool (active/idle/waiting/max), deployment copies stored there (from the",
            "directory, or a mirror while the primary is down), the age of its directory mirror, and the",
            "last error. A shard that hangs is reported down after GRAPH_STORE_CONNECT_TIMEOUT_MS.",
            "Exit 1 when a shard is unreachable, so scripts and cron can alert on it; the node serves",
            "the same as GET /shards."})
public final class ShardStatusCommand extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts (the node's /shards shape)")
    boolean json;

    @Override
    public Integer call() {
        List<ShardStatus> shards;
        try (ShardedStore store = openStore(loadConfig())) {
            shards = new TopologyAdmin(store).probe();
        }
        List<ShardStatus> down = shards.stream().filter(s -> !s.reachable()).toList();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("ok", down.isEmpty());
            doc.put("shards", shards.stream().map(ShardJson::asMap).toList());
            out().println(Json.write(doc));
        } else {
            Table t = new Table("SHARD", "REACHABLE", "LATENCY", "VERSION", "BREAKER", "POOL A/I/W/MAX", "DEPLOYMENTS",
                    "MIRROR AGE");
            for (ShardStatus s : shards) {
                t.row(s.shard(), s.reachable() ? "yes" : "NO",
                        s.latency().map(d -> String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6)).orElse("-"),
                        s.serverVersion().orElse("-"), s.breaker().toLowerCase(Locale.ROOT),
                        s.pool().active() + "/" + s.pool().idle() + "/" + s.pool().waiting() + "/" + s.pool().max(),
                        s.deployments().map(String::valueOf).orElse("?"),
                        s.mirrorAge().map(a -> a.toSeconds() + " s").orElse("-"));
            }
            t.print(out());
            for (ShardStatus s : down) {
                out().println("shard '" + s.shard() + "' is unreachable: " + s.lastError().orElse("no answer"));
            }
        }
        out().flush();
        return down.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
