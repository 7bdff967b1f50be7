package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
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
import org.junit.jupiter.api.Test;

/** Drain under a running copy: the batch in flight checkpoints, nothing runs while drained, a restarted node resumes it. */
@MultiShard({"primary", "shard_a", "shard_b"})
class NodeDrainTest {

    @Test
    void drainUnderARunningCopyLosesNothingAndTheCopyResumesAfterARestart(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(NodeHttpTest.RULES));
        Site src = Samples.deployToken(store, "drain/one", 1).site();
        new SyntheticIndexer(store.deployments().data(src), 1, 40).run(300, b -> { });
        // small batches, so the copy is still running when the drain arrives
        var slow = TestShards.testOptions().withCopyBatches(Duration.ofMillis(20), 40).withCopyWorkers(1);
        ShardedStore nodeStore = shards.open(shards.config(NodeHttpTest.RULES), slow);
        Site dst = new CopyAdmin(store).create("drain/one", ShardName.of("shard_b"), NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        try (Node node = Node.start(nodeStore, NodeHttpTest.FAST)) {
            Await.until("the copy has copied some rows", () -> rowsDone(store, dst) > 0);
            Node.DrainStatus draining = node.drain();
            assertThat(draining.state()).isIn(Node.State.DRAINING, Node.State.DRAINED);
            assertThat(node.awaitDrained(Duration.ofSeconds(60))).isTrue();
            assertThat(node.drainStatus().running()).isEmpty();

            CopyInfo stopped = new CopyInspector(store).of(dst);
            assertThat(stopped.finishedAt()).as("drain stopped the copy before its end").isEmpty();
            assertThat(stopped.running()).as("no run lock is held while drained").isFalse();
            long kept = rowsDone(store, dst);
            assertThat(kept).isPositive().isLessThan(CopyInspector.rowsTotal(stopped.tables()));
            assertThat(node.ready()).isFalse();
        }
        // a restart after the drain: a new node process resumes the copy from its last batch
        try (Node again = Node.start(shards.open(shards.config(NodeHttpTest.RULES), slow), NodeHttpTest.FAST)) {
            Await.until("the copy finished after the restart", Duration.ofSeconds(120),
                    () -> new CopyInspector(store).of(dst).finishedAt().isPresent());
            CopyInfo done = new CopyInspector(store).of(dst);
            assertThat(CopyInspector.rowsDone(done.tables())).isEqualTo(CopyInspector.rowsTotal(done.tables()));
            assertThat(Verifier.verify(store, dst).identical()).isTrue();
        }
    }

    private static long rowsDone(ShardedStore store, Site dst) {
        return CopyInspector.rowsDone(new CopyInspector(store).of(dst).tables());
    }
}
