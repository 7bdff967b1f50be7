package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class NodeMirrorTest {

    @Test
    void aRunningNodeMirrorsADirectoryChangeIntoEveryShardWithinSeconds(TestShards shards) throws Exception {
        ShardedStore nodeStore = ShardedStore.open(shards.config(), NodeId.DEFAULT,
                TestShards.testOptions().withMirror(Duration.ofHours(1), Duration.ofMillis(300)));
        try (nodeStore; Node node = Node.start(nodeStore)) {
            await(() -> node.lastMirrorRefresh().size() == 2);
            ShardedStore writer = shards.open(shards.config());
            Samples.deployToken(writer, "mirror/late", 1);
            for (ShardName shard : new ShardName[] {ShardName.of("shard_a"), ShardName.of("shard_b")}) {
                await(() -> count(shards, shard, "select count(*) from mirror.subgraph where name = 'mirror/late'") == 1);
                assertThat(count(shards, shard, "select count(*) from mirror.deployment_schemas"))
                        .isEqualTo(writer.directory().allSites().size());
                assertThat(count(shards, shard, "select count(*) from mirror.refresh")).isEqualTo(1);
            }
            assertThat(count(shards, ShardName.PRIMARY, "select count(*) from mirror.subgraph")).as("not in the primary").isZero();
        }
    }

    private static long count(TestShards shards, ShardName shard, String sql) {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
