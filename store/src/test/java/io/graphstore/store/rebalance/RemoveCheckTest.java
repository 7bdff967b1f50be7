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
/** The removal check lists deployments, rules and more that still reference a shard. */
@MultiShard({"primary", "shard_a", "shard_b", "shard_c"})
class RemoveCheckTest {
    @Test
    void removeCheckListsEverythingThatStillReferencesAShard(TestShards shards) {
        ShardedStore store = shards.open(shards.config(HrwPlanTest.rule("hrw", "shard_a")));
        Samples.deployToken(store, "rm/one", 1);
        ShardAdmin admin = new ShardAdmin(store);
        ShardReferences a = admin.references("shard_a");
        assertThat(a.safeToRemove()).isFalse();
        assertThat(a.deployments()).singleElement().asString().contains("active").contains("assigned to default");
        assertThat(a.rules()).hasSize(1);
        ShardReferences c = admin.references("shard_c");
        assertThat(c.safeToRemove()).isTrue();
        assertThat(admin.references("primary").safeToRemove()).isFalse();
        ShardedStore named = shards.open(shards.config(HrwPlanTest.rule("hrw", "shard_a", "shard_c")));
        assertThat(new ShardAdmin(named).references("shard_c").rules()).hasSize(1);
    }
}
