package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyInspector;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.copy.Verifier;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Directory changes reach the node that owns the work through LISTEN/NOTIFY, not the poll (set
 * to 10 minutes here); nodes run only their own copies, and two processes with one node id
 * never run one copy twice.
 */
@MultiShard({"primary", "shard_a", "shard_b"})
class LivePickupTest {
    private static final String RULES = """
            [deployment]
            [[deployment.rule]]
            shard = "shard_a"
            indexers = ["default", "node_a", "node_b"]
            """;

    @Test
    void aCopyCreatedWhileTheNodeRunsStartsFromTheNotification(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        deploy(store, "live/one", 1);
        try (Node node = Node.start(shards.open(shards.config(RULES)), NodeHttpTest.FAST)) {
            long start = System.nanoTime();
            Site dst = copy(store, "live/one", NodeId.DEFAULT);
            Await.until("the copy left 'queued'", Duration.ofSeconds(30), () -> !state(store, dst).equals("queued"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).as("picked up long before the 10 min poll").isLessThan(Duration.ofSeconds(30));
            assertThat(metric(node, "graphstore_node_pickup_lag_seconds_count")).isPositive();
            Await.until("the copy finished", () -> finished(store, dst));
            assertThat(Verifier.verify(store, dst).identical()).isTrue();
        }
    }

    @Test
    void aReassignmentReachesTheNodeThatNowOwnsTheCopy(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        deploy(store, "live/two", 2);
        try (Node node = Node.start(shards.open(shards.config(RULES)), NodeHttpTest.FAST)) {
            double looked = metric(node, "graphstore_node_pickup_lag_seconds_count");
            Site dst = copy(store, "live/two", NodeId.of("node_b"));
            Await.until("the node saw the new copy", () -> metric(node, "graphstore_node_pickup_lag_seconds_count") > looked);
            assertThat(state(store, dst)).as("another node's copy is not run here").isEqualTo("queued");

            new AssignmentAdmin(store).reassign(dst.namespace().value(), NodeId.DEFAULT);
            // the run is counted when it returns, a moment after the copy's state says finished
            Await.until("the reassigned copy finished here and was counted", Duration.ofSeconds(60),
                    () -> finished(store, dst) && metric(node, "graphstore_copy_runs_total{outcome=\"finished\"}") >= 1);
            assertThat(metric(node, "graphstore_copy_runs_total{outcome=\"finished\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void twoNodesWithDifferentIdsEachRunOnlyTheirOwnCopies(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        deploy(store, "live/a", 3);
        deploy(store, "live/b", 4);
        try (ShardedStore storeA = ShardedStore.open(shards.config(RULES), NodeId.of("node_a"), TestShards.testOptions());
                ShardedStore storeB = ShardedStore.open(shards.config(RULES), NodeId.of("node_b"), TestShards.testOptions());
                Node a = Node.start(storeA, NodeHttpTest.FAST);
                Node b = Node.start(storeB, NodeHttpTest.FAST)) {
            Site forA = copy(store, "live/a", NodeId.of("node_a"));
            Site forB = copy(store, "live/b", NodeId.of("node_b"));
            Await.until("both copies finished and were counted", Duration.ofSeconds(90), () -> finished(store, forA)
                    && finished(store, forB) && metric(a, "graphstore_copy_runs_total{outcome=\"finished\"}") >= 1
                    && metric(b, "graphstore_copy_runs_total{outcome=\"finished\"}") >= 1);
            for (Node n : List.of(a, b)) {
                assertThat(metric(n, "graphstore_copy_runs_total{outcome=\"finished\"}")).isEqualTo(1.0);
                assertThat(metric(n, "graphstore_copy_runs_total{outcome=\"already_running\"}"))
                        .as("a node never touches another node's copy").isZero();
            }
        }
    }

    @Test
    void twoProcessesWithTheSameNodeIdNeverRunOneCopyAtTheSameTime(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        List<String> names = List.of("same/one", "same/two", "same/three");
        for (int i = 0; i < names.size(); i++) {
            deploy(store, names.get(i), 10 + i);
        }
        try (Node first = Node.start(shards.open(shards.config(RULES)), NodeHttpTest.FAST);
                Node second = Node.start(shards.open(shards.config(RULES)), NodeHttpTest.FAST)) {
            List<Site> copies = new ArrayList<>();
            names.forEach(n -> copies.add(copy(store, n, NodeId.DEFAULT)));
            Await.until("every copy finished and was counted", Duration.ofSeconds(120),
                    () -> copies.stream().allMatch(c -> finished(store, c))
                            && metric(first, "graphstore_copy_runs_total{outcome=\"finished\"}")
                                    + metric(second, "graphstore_copy_runs_total{outcome=\"finished\"}") >= names.size());
            double finishedRuns = metric(first, "graphstore_copy_runs_total{outcome=\"finished\"}")
                    + metric(second, "graphstore_copy_runs_total{outcome=\"finished\"}");
            assertThat(finishedRuns).as("each copy was run to its end exactly once").isEqualTo(names.size());
            copies.forEach(c -> assertThat(Verifier.verify(store, c).identical()).as(c.describe()).isTrue());
        }
    }

    static void deploy(ShardedStore store, String name, int n) {
        Site src = Samples.deployToken(store, name, n).site();
        new SyntheticIndexer(store.deployments().data(src), n, 20).run(60, b -> { });
    }

    static Site copy(ShardedStore store, String name, NodeId node) {
        return new CopyAdmin(store).create(name, ShardName.of("shard_b"), node, 0, CopyAdmin.OnSync.NONE, Transport.COPY);
    }

    static String state(ShardedStore store, Site dst) {
        return new CopyInspector(store).of(dst).stored().name().toLowerCase(java.util.Locale.ROOT);
    }

    static boolean finished(ShardedStore store, Site dst) {
        CopyInfo info = new CopyInspector(store).of(dst);
        return info.finishedAt().isPresent();
    }

    static double metric(Node node, String sample) {
        return NodeHttpClient.metric(node.prometheus(), sample).orElse(0.0);
    }
}
