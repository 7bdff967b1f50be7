package io.graphstore.graphman.deployment;

import io.graphstore.graphman.cli.Fields;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.admin.DeploymentInfo;
import io.graphstore.store.domain.BlockPtr;
import io.graphstore.store.primary.SubgraphDao;
import io.graphstore.store.shard.Head;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How {@code graphman info} shows sites: a block per site, a compact table, or JSON-ready maps. */
public final class InfoView {
    private InfoView() {
    }

    static void printBlock(DeploymentInfo i, boolean status, PrintWriter out) {
        Fields f = new Fields()
                .add("name", i.names().isEmpty() ? "(none)" : String.join(", ", i.names().stream()
                        .map(n -> n.name() + " (" + n.status() + ")").toList()))
                .add("hash", i.site().hash())
                .add("namespace", i.site().namespace())
                .add("shard", i.site().shard())
                .add("network", i.site().network())
                .add("active", i.site().active())
                .add("node", node(i))
                .add("head", i.shardProblem().map(p -> "unknown: " + p).orElseGet(() -> headNumber(i)))
                .add("entities", i.shardProblem().isPresent() ? "unknown"
                        : i.head().map(h -> String.valueOf(h.entityCount())).orElse("unknown"));
        i.lag().ifPresent(lag -> f.add("lag", lag + " block" + (lag == 1 ? "" : "s") + " behind the active copy"));
        if (status) {
            f.add("health", i.health().orElse("unknown"))
                    .add("synced at", i.syncedAt().map(InfoView::time).orElse("not synced"))
                    .add("earliest block", i.head().map(h -> String.valueOf(h.earliestBlock())).orElse("unknown"))
                    .add("head block hash", i.head().flatMap(Head::block).map(BlockPtr::hashHex).orElse("none"));
        }
        f.print(out);
    }

    public static void printTable(List<DeploymentInfo> infos, PrintWriter out) {
        Table t = new Table("NAMESPACE", "SHARD", "HASH", "NAMES", "NODE", "HEAD", "LAG", "ENTITIES");
        for (DeploymentInfo i : infos) {
            String names = String.join(",", i.names().stream().map(SubgraphDao.VersionRef::name).toList());
            boolean problem = i.shardProblem().isPresent();
            t.row(i.site().namespace() + (i.site().active() ? "" : " (inactive)"), i.site().shard(), i.site().hash(),
                    names.isEmpty() ? "-" : names,
                    i.node().map(n -> i.pausedAt().isPresent() ? n + " (paused)" : n).orElse("unassigned"),
                    problem ? "?" : i.head().flatMap(Head::number).map(String::valueOf).orElse("-"),
                    problem ? "?" : i.lag().map(String::valueOf).orElse("-"),
                    problem ? "?" : i.head().map(h -> String.valueOf(h.entityCount())).orElse("?"));
        }
        t.print(out);
        for (DeploymentInfo i : infos) {
            i.shardProblem().ifPresent(p -> out.println(i.site().namespace() + ": " + p));
        }
        out.flush();
    }

    static Map<String, Object> asMap(DeploymentInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.names().stream().filter(n -> n.status().equals("current")).findFirst()
                .or(() -> i.names().stream().findFirst()).map(SubgraphDao.VersionRef::name).orElse(null));
        m.put("names", i.names().stream().map(InfoView::nameMap).toList());
        m.put("hash", i.site().hash().value());
        m.put("namespace", i.site().namespace().value());
        m.put("shard", i.site().shard().value());
        m.put("network", i.site().network());
        m.put("active", i.site().active());
        m.put("node", i.node().orElse(null));
        m.put("paused_at", i.pausedAt().map(InfoView::time).orElse(null));
        m.put("head", i.head().flatMap(Head::number).orElse(null));
        m.put("entities", i.head().map(Head::entityCount).orElse(null));
        m.put("lag", i.lag().orElse(null));
        m.put("health", i.health().orElse(null));
        m.put("synced_at", i.syncedAt().map(InfoView::time).orElse(null));
        m.put("earliest_block", i.head().map(Head::earliestBlock).orElse(null));
        m.put("head_block_hash", i.head().flatMap(Head::block).map(BlockPtr::hashHex).orElse(null));
        m.put("problem", i.shardProblem().orElse(null));
        return m;
    }

    private static Map<String, Object> nameMap(SubgraphDao.VersionRef ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ref.name());
        m.put("status", ref.status());
        return m;
    }

    private static String node(DeploymentInfo i) {
        if (i.node().isEmpty()) {
            return "unassigned";
        }
        return i.node().get() + i.pausedAt().map(t -> " (paused since " + time(t) + ")").orElse("");
    }

    private static String headNumber(DeploymentInfo i) {
        Optional<Head> head = i.head();
        if (head.isEmpty()) {
            return "unknown";
        }
        return head.get().number().map(String::valueOf).orElse("none (nothing written yet)");
    }

    static String time(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
