package io.graphstore.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestShards;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Shards on their own server processes, so one can be stopped. */
@Tag("fault")
class ShardOutageMigrationTest {
    private static OwnServers servers;

    @BeforeAll
    static void startServers() {
        servers = new OwnServers(List.of("primary", "shard_a"));
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void aShardThatIsDownIsSkippedAndMigratedOnTheNextOpen() throws Exception {
        TestShards shards = servers.shards();
        servers.stop("shard_a");
        try (ShardedStore store = shards.open(shards.config())) {
            MigrationReport report = store.migrationReport();
            assertThat(report.shards().get(0).status()).isEqualTo(ShardMigration.Status.MIGRATED);
            ShardMigration down = report.shards().get(1);
            assertThat(down.shard()).isEqualTo(ShardName.of("shard_a"));
            assertThat(down.status()).isEqualTo(ShardMigration.Status.UNREACHABLE);
            assertThat(down.problem()).isPresent();
            assertThat(down.problem().get()).doesNotContain(io.graphstore.store.testing.TestServer.PASSWORD.reveal());
            assertThat(report.allOk()).isFalse();
        }

        servers.start("shard_a");
        try (ShardedStore store = shards.open(shards.config())) {
            MigrationReport report = store.migrationReport();
            assertThat(report.shards().get(0).status()).isEqualTo(ShardMigration.Status.UP_TO_DATE);
            assertThat(report.shards().get(1).status()).isEqualTo(ShardMigration.Status.MIGRATED);
            assertThat(SchemaManagerTest.tableExists(shards, ShardName.of("shard_a"), "subgraphs.head")).isTrue();
        }
    }
}
