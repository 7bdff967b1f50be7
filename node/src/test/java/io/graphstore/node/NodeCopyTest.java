package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class NodeCopyTest {

    @Test
    void aNodeRunsTheCopyAssignedToItActivatesItAndKeepsTheOldCopyFollowing(TestShards shards) throws Exception {
        String rules = "[deployment]\n[[deployment.rule]]\nshard = \"shard_a\"\nindexers = [\"default\"]\n";
        ShardedStore store = shards.open(shards.config(rules));
        Site src = Samples.deployToken(store, "node/copy", 1).site();
        new SyntheticIndexer(store.deployments().data(src), 1, 20).run(100, b -> { });
        new CopyAdmin(store).create("node/copy", ShardName.of("shard_b"), NodeId.DEFAULT, 0, CopyAdmin.OnSync.ACTIVATE,
                Transport.COPY);
        ShardedStore nodeStore = shards.open(shards.config(rules));
        try (Node node = Node.start(nodeStore)) {
            await(() -> store.directory().resolveOne("node/copy").shard().equals(ShardName.of("shard_b")));
            Site active = store.directory().resolveOne("node/copy");
            new SyntheticIndexer(store.deployments().data(active), 2, 10).run(20, b -> { });
            int head = store.deployments().data(active).head().number().orElseThrow();
            await(() -> store.deployments().data(src).head().number().orElse(-1) == head);
            assertThat(store.deployments().data(src).head().entityCount())
                    .isEqualTo(store.deployments().data(active).head().entityCount());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
