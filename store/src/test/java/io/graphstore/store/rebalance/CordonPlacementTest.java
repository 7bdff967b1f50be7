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
/** A cordoned shard gets no new deployments; placement says why; every shard cordoned refuses. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CordonPlacementTest {
    @Test
    void aCordonedShardGetsNoNewDeploymentsAndPlacementSaysWhy(TestShards shards) {
        ShardedStore store = shards.open(shards.config(HrwPlanTest.rule("hrw", "shard_a", "shard_b")));
        DeploymentAdmin deployments = new DeploymentAdmin(store);
        String winner = deployments.preview(SubgraphName.of("cordon/one"), "mainnet").shard().winner();
        String other = winner.equals("shard_a") ? "shard_b" : "shard_a";
        ShardAdmin admin = new ShardAdmin(store);
        assertThat(admin.cordon(winner, "retiring the disk")).isTrue();
        assertThat(admin.cordon(winner, "again")).isFalse();
        var preview = deployments.preview(SubgraphName.of("cordon/one"), "mainnet").shard();
        assertThat(preview.winner()).isEqualTo(other);
        assertThat(preview.reason()).contains(winner + " is cordoned (retiring the disk)");
        assertThat(Samples.deployToken(store, "cordon/one", 1).site().shard().value()).isEqualTo(other);

        admin.cordon(other, "full");
        assertThatThrownBy(() -> deployments.preview(SubgraphName.of("cordon/two"), "mainnet"))
                .isInstanceOf(StoreException.class).hasMessageContaining("is cordoned (shard_a, shard_b)")
                .hasMessageContaining("graphman shard uncordon");
        assertThat(admin.uncordon(winner)).isTrue();
        assertThat(admin.uncordon(winner)).isFalse();
        assertThat(deployments.preview(SubgraphName.of("cordon/two"), "mainnet").shard().winner()).isEqualTo(winner);
        assertThatThrownBy(() -> admin.cordon("shard_x", "no")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("shard 'shard_x' is not configured (known: primary, shard_a");
    }
}
