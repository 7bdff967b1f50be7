package io.graphstore.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class SchemaManagerTest {

    @Test
    void openingMigratesEveryShardAndTheDirectoryOnlyInThePrimary(TestShards shards) throws SQLException {
        MigrationReport report = shards.store().migrationReport();

        assertThat(report.shards()).extracting(ShardMigration::shard)
                .containsExactly(ShardName.of("primary"), ShardName.of("shard_a"), ShardName.of("shard_b"));
        assertThat(report.allOk()).isTrue();
        for (ShardName shard : shards.shards()) {
            assertThat(tableExists(shards, shard, "subgraphs.head")).as("head in %s", shard).isTrue();
            assertThat(tableExists(shards, shard, "subgraphs.copy_table_state")).isTrue();
            assertThat(tableExists(shards, shard, "mirror.deployment_schemas")).isTrue();
            assertThat(tableExists(shards, shard, "public.deployment_schemas"))
                    .as("directory in %s", shard).isEqualTo(shard.isPrimary());
            assertThat(tableExists(shards, shard, "subgraphs.subgraph_deployment_assignment"))
                    .isEqualTo(shard.isPrimary());
        }
        ShardMigration primary = report.shards().get(0);
        assertThat(primary.shardVersionAfter()).isPresent();
        assertThat(primary.primaryVersionAfter()).isPresent();
        assertThat(report.shards().get(1).primaryVersionAfter()).isEmpty();
    }

    @Test
    void aSecondOpenChangesNothing(TestShards shards) throws SQLException {
        shards.store();
        long before = historyRows(shards, ShardName.PRIMARY);

        try (ShardedStore again = ShardedStore.open(shards.config(), io.graphstore.common.NodeId.DEFAULT,
                TestShards.testOptions())) {
            MigrationReport report = again.migrationReport();
            assertThat(report.migrationsApplied()).isZero();
            assertThat(report.shards()).allSatisfy(s -> {
                assertThat(s.status()).isEqualTo(ShardMigration.Status.UP_TO_DATE);
                assertThat(s.shardVersionBefore()).isEqualTo(s.shardVersionAfter());
            });
        }
        assertThat(historyRows(shards, ShardName.PRIMARY)).isEqualTo(before);
    }

    @Test
    void processesOpeningTogetherMigrateOnce(TestShards shards) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<MigrationReport>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<MigrationReport> open = () -> shards.open(shards.config()).migrationReport();
                futures.add(pool.submit(open));
            }
            int applying = 0;
            for (Future<MigrationReport> f : futures) {
                MigrationReport r = f.get();
                assertThat(r.allOk()).isTrue();
                if (r.migrationsApplied() > 0) {
                    applying++;
                }
            }
            // the lock lets one of them (or an earlier test of this class) apply the migrations;
            // the others find every shard up to date
            assertThat(applying).isLessThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static boolean tableExists(TestShards shards, ShardName shard, String table) throws SQLException {
        try (Connection c = shards.connect(shard);
                var ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static long historyRows(TestShards shards, ShardName shard) throws SQLException {
        try (Connection c = shards.connect(shard);
                ResultSet rs = c.createStatement().executeQuery(
                        "select (select count(*) from public.flyway_shard_history)"
                                + " + (select count(*) from public.flyway_primary_history)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
