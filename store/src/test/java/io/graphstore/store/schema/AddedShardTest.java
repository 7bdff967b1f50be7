package io.graphstore.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_new"})
class AddedShardTest {

    @Test
    void aShardAddedToTheConfigIsInitializedOnTheNextOpen(TestShards shards) throws Exception {
        String full = shards.storesToml();
        String withoutNew = full.substring(0, full.indexOf("[store.shard_new]"));
        Config before = ConfigLoader.parse(withoutNew, "before.toml", n -> Optional.empty());
        try (ShardedStore store = shards.open(before)) {
            assertThat(store.shards()).containsExactly(ShardName.of("primary"), ShardName.of("shard_a"));
        }
        assertThat(SchemaManagerTest.tableExists(shards, ShardName.of("shard_new"), "subgraphs.head")).isFalse();

        try (ShardedStore store = shards.open(shards.config())) {
            ShardMigration added = store.migrationReport().shards().get(2);
            assertThat(added.shard()).isEqualTo(ShardName.of("shard_new"));
            assertThat(added.status()).isEqualTo(ShardMigration.Status.MIGRATED);
            assertThat(added.shardVersionBefore()).isEmpty();
        }
        assertThat(SchemaManagerTest.tableExists(shards, ShardName.of("shard_new"), "subgraphs.head")).isTrue();
    }
}
