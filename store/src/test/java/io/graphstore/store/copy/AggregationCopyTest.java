package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.DeployRequest;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.shard.AggregationRollupTest;
import io.graphstore.store.shard.DeploymentData;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Aggregation tables are copied and verified like any other table. */
@MultiShard({"primary", "shard_a", "shard_b"})
class AggregationCopyTest {

    @Test
    void aCopyOfADeploymentWithAggregationsHasTheSameRollupsAndVerifies(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = new DeploymentAdmin(store).deploy(new DeployRequest(SubgraphName.of("agg/copy"), Samples.hash(901),
                AggregationRollupTest.SCHEMA, "trades.graphql", Optional.empty(), Optional.of(NodeId.DEFAULT))).site();
        DeploymentData data = store.deployments().data(src);
        // 12-second blocks: 700 blocks cross two hour boundaries, with reorgs every 50 blocks
        new SyntheticIndexer(data, 7, 5).run(700, b -> { });
        assertThat(rows(data, "Stats_hour")).isPositive();
        assertThat(rows(data, "Total_hour")).isPositive();

        Site copy = new CopyAdmin(store).create("agg/copy", CopyTest.B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                Transport.COPY);
        new CopyRunner(store, copy, () -> false, p -> { }).run();
        VerifyReport report = Verifier.verify(store, copy);
        assertThat(report.identical()).isTrue();
        assertThat(report.tables()).extracting(VerifyReport.Table::entityType)
                .containsExactly("Trade", "Stats_hour", "Stats_day", "Total_hour");
        assertThat(report.tables()).filteredOn(t -> t.entityType().endsWith("_hour"))
                .allSatisfy(t -> assertThat(t.rows()).isPositive());
        assertThat(store.deployments().data(copy).head().entityCount()).isEqualTo(data.head().entityCount());
    }

    private static int rows(DeploymentData data, String type) {
        return data.find(type, Integer.MAX_VALUE, Optional.empty(), 1000).size();
    }
}
