package io.graphstore.store.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.ShardedStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Testcontainers backend opens a migrated two-shard store in a PostgreSQL 15 container.
 * Skipped (not failed) when no Docker engine exists.
 */
class TestcontainersBackendTest {

    @Test
    void aContainerServesAMigratedMultiShardStore() {
        TestServer server = Containers.start();
        try (TestShards shards = TestShards.on(List.of(server), List.of("primary", "shard_a"))) {
            ShardedStore store = shards.store();
            assertThat(store.migrationReport().allOk()).isTrue();
            assertThat(store.shards()).hasSize(2);
        }
    }
}
