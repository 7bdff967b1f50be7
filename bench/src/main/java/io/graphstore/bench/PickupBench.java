package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.node.Node;
import io.graphstore.node.NodeSettings;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.DeploymentHash;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.synthetic.SyntheticIndexer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How soon a running node starts a copy created while it runs: the time from {@code copy
 * create} returning (the change committed in the primary) to the copy leaving {@code queued}
 * in its shard, over {@code events} copies one after another, p50 and p95. graph-store's node
 * is woken by the primary's notification; the baseline is the same node with live pickup off,
 * polling every 2 s as it did before.
 */
final class PickupBench {
    private static final Duration OLD_POLL = Duration.ofSeconds(2);

    static List<Result> run(int events) throws Exception {
        try (BenchCluster cluster = new BenchCluster(BenchCluster.shardNames(2))) {
            String rules = cluster.toml() + "[deployment]\n[[deployment.rule]]\nshard = \"primary\"\n"
                    + "indexers = [\"default\"]\n";
            ShardedStore store = cluster.open(rules);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 2 * events; i++) {
                names.add(deploy(store, i));
            }
            NodeSettings live = NodeSettings.defaults().withPickup(Duration.ofMinutes(10), true);
            NodeSettings polling = NodeSettings.defaults().withPickup(OLD_POLL, false);
            double[] liveMs = measure(cluster, rules, store, live, names.subList(0, events));
            double[] pollMs = measure(cluster, rules, store, polling, names.subList(events, 2 * events));
            return List.of(result("pickup_p50", 0.50, liveMs, pollMs, events),
                    result("pickup_p95", 0.95, liveMs, pollMs, events));
        }
    }

    private static String deploy(ShardedStore store, int i) throws java.io.IOException {
        String name = "pickup/d" + i;
        String hash = "Qm" + String.format("%044d", i).replace('0', 'a');
        Site site = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of(name), DeploymentHash.of(hash),
                TransactBench.schema(), "token.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
        new SyntheticIndexer(store.deployments().data(site), i, 5).run(3, b -> { });
        return name;
    }

    private static double[] measure(BenchCluster cluster, String rules, ShardedStore store, NodeSettings settings,
            List<String> names) throws Exception {
        double[] ms = new double[names.size()];
        try (Node node = Node.start(cluster.open(rules), settings);
                Connection shard = store.require(ShardName.of("shard_1")).connect();
                PreparedStatement state = shard.prepareStatement("select state from subgraphs.copy_state where dst = ?")) {
            for (int i = 0; i < names.size(); i++) {
                Site dst = new CopyAdmin(store).create(names.get(i), ShardName.of("shard_1"), NodeId.DEFAULT, 0,
                        CopyAdmin.OnSync.NONE, Transport.COPY);
                long created = System.nanoTime();
                state.setInt(1, dst.id().value());
                long deadline = created + Duration.ofSeconds(60).toNanos();
                while (queued(state)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the node did not start " + dst.describe() + " within 60 s");
                    }
                    Thread.sleep(1);
                }
                ms[i] = (System.nanoTime() - created) / 1e6;
                // the next event comes when this copy is done, so each pickup is measured alone
                while (!finished(state)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(dst.describe() + " did not finish within 60 s");
                    }
                    Thread.sleep(5);
                }
            }
        }
        return ms;
    }

    private static boolean finished(PreparedStatement state) throws Exception {
        try (ResultSet rs = state.executeQuery()) {
            return rs.next() && rs.getString(1).equals("finished");
        }
    }

    private static boolean queued(PreparedStatement state) throws Exception {
        try (ResultSet rs = state.executeQuery()) {
            return rs.next() && rs.getString(1).equals("queued");
        }
    }

    private static Result result(String bench, double quantile, double[] liveMs, double[] pollMs, int events) {
        double live = percentile(liveMs, quantile);
        double poll = percentile(pollMs, quantile);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("events", events);
        params.put("ms", Math.round(live * 10) / 10.0);
        params.put("baseline_ms", Math.round(poll * 10) / 10.0);
        params.put("baseline_poll_ms", OLD_POLL.toMillis());
        return new Result(bench, "pickups/s (1000 / ms)", 1000 / live,
                "node polling every 2 s, no LISTEN", 1000 / poll, params);
    }

    static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
