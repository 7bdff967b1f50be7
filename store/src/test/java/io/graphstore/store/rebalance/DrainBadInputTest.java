package io.graphstore.store.rebalance;

import static io.graphstore.store.rebalance.MoveTesting.count;
import static io.graphstore.store.rebalance.MoveTesting.indexed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A drain that cannot be carried out says why in one line and changes nothing. */
@MultiShard({"primary", "shard_a", "shard_b"})
class DrainBadInputTest {
    private static final String RULES = """
            [deployment]
            [[deployment.rule]]
            match = { name = "vip/.*" }
            shard = "shard_a"
            indexers = ["default"]
            [[deployment.rule]]
            shards = ["shard_a", "shard_b"]
            indexers = ["default"]
            """;

    @Test
    void badDrainsAreRefusedBeforeAnythingChanges(TestShards shards) {
        ShardedStore store = shards.open(shards.config(RULES));
        indexed(store, "vip/one", 1, 3);
        MoveAdmin admin = new MoveAdmin(store);

        assertThatThrownBy(() -> admin.drainPlan("shard_x", List.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("shard 'shard_x' is not configured");
        assertThatThrownBy(() -> admin.drainPlan("primary", List.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("holds the directory");
        assertThatThrownBy(() -> admin.drainPlan("shard_a", List.of("shard_a"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--to 'shard_a' is the shard being drained");
        assertThatThrownBy(() -> admin.drainPlan("shard_a", List.of("nope"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("shard 'nope' is not configured");
        assertThatThrownBy(() -> admin.drainPlan("shard_a", List.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("have no other shard in their deployment rule: sgd")
                .hasMessageContaining("'vip/one'").hasMessageContaining("give --to SHARD");

        MoveAdmin.DrainPlan plan = admin.drainPlan("shard_a", List.of("shard_b"));
        assertThat(plan.moves()).singleElement().satisfies(m -> assertThat(m.to()).isEqualTo(ShardName.of("shard_b")));

        new ShardAdmin(store).cordon("shard_b", "test");
        assertThatThrownBy(() -> admin.drainPlan("shard_a", List.of("shard_b"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is cordoned");
        assertThat(count(shards, "primary", "select count(*) from public.shard_moves")).isZero();
        assertThat(count(shards, "primary", "select count(*) from public.shard_cordons where shard = 'shard_a'"))
                .isZero();
    }
}
