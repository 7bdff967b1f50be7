package io.graphstore.store.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.fdw.CheckResult;
import io.graphstore.store.fdw.PairResult;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The fast open graphman uses skips the setup only while nothing it depends on changed: a
 * shard added to the config, a moved shard, a mapping dropped by hand and a new migration
 * are each set up by the next open, with no manual step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupStampTest {
    private static final ShardName PRIMARY = ShardName.PRIMARY;
    private static final ShardName SHARD_A = ShardName.of("shard_a");
    private static final ShardName SHARD_B = ShardName.of("shard_b");
    private static OwnServers servers;
    private static TestShards shards;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a", "shard_b"));
        shards = servers.shards();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    @Order(1)
    void aShardAddedToTheConfigIsSetUpByTheNextOpen() throws Exception {
        String full = shards.storesToml();
        Config withoutB = ConfigLoader.parse(full.substring(0, full.indexOf("[store.shard_b]")), "before.toml",
                n -> Optional.empty());
        shards.open(withoutB);
        assertSkipped(shards.openIfChanged(withoutB));
        assertThat(SchemaManagerTest.tableExists(shards, SHARD_B, "subgraphs.head")).isFalse();

        ShardedStore added = shards.openIfChanged(shards.config());
        assertThat(added.migrationReport().shards().get(2).status()).isEqualTo(ShardMigration.Status.MIGRATED);
        assertThat(added.wiringReport().pairs()).isNotEmpty().allMatch(PairResult::ok);
        assertThat(added.checkConnectivity()).allMatch(CheckResult::ok);
        assertSkipped(shards.openIfChanged(shards.config()));
    }

    @Test
    @Order(2)
    void aFastOpenTouchesOnlyTheShardsItUses() {
        ShardedStore store = shards.openIfChanged(shards.config());
        assertSkipped(store);
        store.directory().allSites();
        store.pool(SHARD_A).orElseThrow().withHandle(h -> h.execute("select 1"));
        assertThat(connections(store, SHARD_A)).isPositive();
        assertThat(connections(store, SHARD_B)).as("shard_b was never asked for").isZero();
    }

    @Test
    @Order(3)
    void aMappingDroppedInTheDatabaseOfAShardIsSetUpWhenTheShardIsFirstUsed() throws Exception {
        execute(SHARD_B, "drop user mapping for current_user server shard_primary");
        ShardedStore store = shards.openIfChanged(shards.config());
        assertSkipped(store);
        store.pool(SHARD_B).orElseThrow().withHandle(h -> h.execute("select 1"));
        assertThat(store.wiringReport().pairs()).filteredOn(p -> p.dest().equals(SHARD_B) && p.source().equals(PRIMARY))
                .singleElement().satisfies(p -> assertThat(p.actions()).contains("user mapping created"));
        assertThat(store.checkConnectivity()).allMatch(CheckResult::ok);
    }

    @Test
    @Order(4)
    void aMappedSchemaDroppedInThePrimaryIsSetUpByTheNextOpen() throws Exception {
        execute(PRIMARY, "drop schema shard_shard_a_subgraphs cascade");
        ShardedStore store = shards.openIfChanged(shards.config());
        assertThat(store.wiringReport().pairs()).isNotEmpty().allMatch(PairResult::ok);
        assertThat(SchemaManagerTest.tableExists(shards, PRIMARY, "shard_shard_a_subgraphs.head")).isTrue();
    }

    @Test
    @Order(5)
    void aShardOnANewPortIsRewiredByTheNextOpen() {
        servers.moveToNewPort("shard_a");
        ShardedStore store = shards.openIfChanged(shards.config());
        assertThat(store.wiringReport().pairs()).filteredOn(p -> p.source().equals(SHARD_A))
                .hasSize(2).allSatisfy(p -> assertThat(p.actions()).contains("server altered"));
        assertThat(store.checkConnectivity()).allMatch(CheckResult::ok);
        assertSkipped(shards.openIfChanged(shards.config()));
    }

    @Test
    @Order(6)
    void aNewMigrationIsAppliedByTheNextOpen() throws Exception {
        // a script beside the release's set on the classpath, as a new release would ship it;
        // applied here only (Flyway ignores applied migrations newer than the ones it knows)
        Path dir = Path.of(SetupStampTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("db/shard");
        Path script = dir.resolve("V900__setup_stamp_test.sql");
        Files.createDirectories(dir);
        try {
            Files.writeString(script, "create table subgraphs.setup_stamp_test (id int);\n");
            ShardedStore store = shards.openIfChanged(shards.config());
            assertThat(store.migrationReport().shards()).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(ShardMigration.Status.MIGRATED);
                assertThat(m.shardVersionAfter()).contains("900");
            });
            assertSkipped(shards.openIfChanged(shards.config()));
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(dir);
        }
        for (ShardName shard : List.of(PRIMARY, SHARD_A, SHARD_B)) {
            assertThat(SchemaManagerTest.tableExists(shards, shard, "subgraphs.setup_stamp_test")).isTrue();
        }
    }

    /** An open that found its setup done: nothing migrated or wired, versions not asked. */
    private static void assertSkipped(ShardedStore store) {
        assertThat(store.wiringReport().pairs()).isEmpty();
        assertThat(store.migrationReport().shards()).allSatisfy(m -> {
            assertThat(m.status()).isEqualTo(ShardMigration.Status.UP_TO_DATE);
            assertThat(m.shardVersionAfter()).isEmpty();
        });
    }

    private static int connections(ShardedStore store, ShardName shard) {
        var mx = store.pool(shard).orElseThrow().hikari().getHikariPoolMXBean();
        return mx == null ? 0 : mx.getTotalConnections();
    }

    private static void execute(ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
