package io.graphstore.store.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.schema.ShardMigration;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a"})
class PoolSizingTest {

    private static Config withPoolRules(TestShards shards, String primaryRule, String shardRule) {
        String toml = shards.storesToml()
                .replaceFirst("pool_size = 4\n", "pool_size = " + primaryRule + "\n")
                .replaceFirst("(\\[store.shard_a][^\\[]*?)pool_size = 4\n", "$1pool_size = " + shardRule + "\n");
        return ConfigLoader.parse(toml, "pools.toml", n -> Optional.empty());
    }

    @Test
    void eachNodeGetsThePoolSizeOfTheFirstRuleMatchingItsWholeId(TestShards shards) {
        Config config = withPoolRules(shards,
                "[ { node = \"index_node_.*\", size = 3 }, { node = \".*\", size = 2 } ]", "5");
        try (ShardedStore store = ShardedStore.open(config, NodeId.of("index_node_7"), TestShards.testOptions())) {
            assertThat(store.primary().size()).isEqualTo(3);
            assertThat(store.require(ShardName.of("shard_a")).size()).isEqualTo(5);
        }
        try (ShardedStore store = ShardedStore.open(config, NodeId.of("query_node"), TestShards.testOptions())) {
            assertThat(store.primary().size()).isEqualTo(2);
        }
    }

    @Test
    void aShardWithPoolSizeZeroIsIgnoredByThatNode(TestShards shards) throws Exception {
        Config config = withPoolRules(shards, "4", "[ { node = \"query_.*\", size = 0 }, { node = \".*\", size = 3 } ]");
        try (ShardedStore store = ShardedStore.open(config, NodeId.of("query_node"), TestShards.testOptions())) {
            assertThat(store.shards()).containsExactly(ShardName.PRIMARY);
            assertThat(store.migrationReport().shards().get(1).status()).isEqualTo(ShardMigration.Status.IGNORED);
            assertThat(store.migrationReport().allOk()).isTrue();
            assertThatThrownBy(() -> store.require(ShardName.of("shard_a")))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("pool_size 0 for node 'query_node'");
            try (Connection c = store.primary().connect()) {
                assertThat(c.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void anUnknownShardIsABadInputNamingTheKnownOnes(TestShards shards) {
        ShardedStore store = shards.store();
        assertThatThrownBy(() -> store.require(ShardName.of("shard_zz")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("shard 'shard_zz' is not configured (known: primary, shard_a); "
                        + "add [store.shard_zz] or fix the name");
    }
}
