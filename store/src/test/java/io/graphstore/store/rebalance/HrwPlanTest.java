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
/** Rebalance plans under hrw after adding a shard: about 1/N move, only to the new shard; max moves; cordon. */
@MultiShard({"primary", "shard_a", "shard_b", "shard_c", "shard_d"})
class HrwPlanTest {

    static String rule(String strategy, String... shards) {
        return "[deployment]\n[[deployment.rule]]\nshards = [" + String.join(", ", List.of(shards).stream()
                .map(s -> "\"" + s + "\"").toList()) + "]\nindexers = [\"default\"]\nstrategy = \"" + strategy + "\"\n";
    }

    @Test
    void afterAddingAFourthShardTheHrwPlanMovesAboutAQuarterAndOnlyToTheNewShard(TestShards shards) {
        ShardedStore three = shards.open(shards.config(rule("hrw", "shard_a", "shard_b", "shard_c")));
        for (int i = 0; i < 40; i++) {
            Samples.deployToken(three, "hrw/d" + i, i + 1);
        }
        ShardedStore four = shards.open(shards.config(rule("hrw", "shard_a", "shard_b", "shard_c", "shard_d")));
        Plan plan = new ShardAdmin(four).plan(10, 1000, RebalancePlanner.By.COUNT);
        assertThat(plan.considered()).isEqualTo(40);
        assertThat(plan.moves()).hasSizeBetween(4, 18);
        for (Move m : plan.moves()) {
            assertThat(m.to()).isEqualTo(ShardName.of("shard_d"));
            assertThat(Placement.choose(PlacementStrategy.HRW, m.deployment().name(),
                    List.of("shard_a", "shard_b", "shard_c", "shard_d"), Map.of()).winner()).isEqualTo("shard_d");
        }
        assertThat(new ShardAdmin(three).plan(10, 1000, RebalancePlanner.By.COUNT).moves())
                .as("nothing to do under the old rule").isEmpty();
        assertThat(new ShardAdmin(four).plan(10, 3, RebalancePlanner.By.COUNT))
                .satisfies(p -> assertThat(p.moves()).hasSize(3)).satisfies(p -> assertThat(p.limited()).isTrue());

        new ShardAdmin(four).cordon("shard_d", "test");
        assertThat(new ShardAdmin(four).plan(10, 1000, RebalancePlanner.By.COUNT).moves())
                .as("a cordoned shard gets nothing").isEmpty();
    }
}
