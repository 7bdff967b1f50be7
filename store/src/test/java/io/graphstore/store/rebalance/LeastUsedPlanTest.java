package io.graphstore.store.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.ShardName;
import io.graphstore.common.StoreException;
import io.graphstore.config.PlacementStrategy;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.admin.ShardReferences;
import io.graphstore.store.domain.Site;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.placement.Placement;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cordon in placement, rebalance plans (hrw, least_used by count and size, threshold, max moves), remove-check. */
/** Rebalance plans under least_used: fewest moves within the threshold, by count and by size. */
@MultiShard({"primary", "shard_a", "shard_b"})
class LeastUsedPlanTest {
    @Test
    void leastUsedMovesTheFewestDeploymentsToBringShardsWithinTheThreshold(TestShards shards) {
        ShardedStore before = shards.open(shards.config(HrwPlanTest.rule("least_used", "shard_a")));
        for (int i = 0; i < 10; i++) {
            Site site = Samples.deployToken(before, "lu/d" + i, 100 + i).site();
            if (i < 2) {
                new SyntheticIndexer(before.deployments().data(site), i, 50).run(40, b -> { });
            }
        }
        ShardedStore after = shards.open(shards.config(HrwPlanTest.rule("least_used", "shard_a", "shard_b")));
        ShardAdmin admin = new ShardAdmin(after);
        Plan exact = admin.plan(0, 1000, RebalancePlanner.By.COUNT);
        assertThat(exact.moves()).hasSize(5).allSatisfy(m -> assertThat(m.to()).isEqualTo(ShardName.of("shard_b")));
        assertThat(admin.plan(50, 1000, RebalancePlanner.By.COUNT).moves()).as("10/0 to 7/3 is within 50 %").hasSize(3);
        assertThat(admin.plan(200, 1000, RebalancePlanner.By.COUNT).moves()).isEmpty();

        Plan bySize = admin.plan(10, 1000, RebalancePlanner.By.SIZE);
        assertThat(bySize.moves()).isNotEmpty().hasSizeLessThan(10);
        long biggest = bySize.moves().stream().mapToLong(m -> m.deployment().bytes()).max().orElseThrow();
        assertThat(bySize.bytes()).isPositive().isGreaterThanOrEqualTo(biggest);
    }
}
