package io.graphstore.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class EmbeddedClusterTest {

    @Test
    void upWritesAWorkingConfigAndDownLeavesNoServerBehind(@TempDir Path work) throws Exception {
        EmbeddedCluster cluster = EmbeddedCluster.in(work);
        try {
            List<ServerState> up = cluster.up(2);
            assertThat(up).extracting(ServerState::shard).containsExactly("primary", "shard_a");
            assertThat(up).allSatisfy(s -> assertThat(s.change()).isEqualTo("started"));
            assertThat(cluster.isRunning()).isTrue();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cluster.configFile())))
                    .isEqualTo("rw-------");

            Config config = ConfigLoader.load(cluster.configFile());
            assertThat(config.shardNames()).extracting(Object::toString).containsExactly("primary", "shard_a");
            try (ShardedStore store = ShardedStore.open(config, NodeId.DEFAULT, TestShards.testOptions())) {
                assertThat(store.migrationReport().allOk()).isTrue();
                assertPostgresFdwReaches(store, config);
            }

            List<ServerState> again = cluster.up(2);
            assertThat(again).allSatisfy(s -> assertThat(s.change()).isEqualTo("already running"));
            List<Long> pids = cluster.status().stream().map(s -> s.pid().orElseThrow()).toList();

            cluster.down();
            assertThat(pids).allSatisfy(pid -> assertThat(Processes.isRunning(pid)).as("pid %s", pid).isFalse());
            assertThat(cluster.isRunning()).isFalse();
            assertThat(cluster.status()).allSatisfy(s -> assertThat(s.running()).isFalse());

            cluster.up(2);
            try (ShardedStore store = ShardedStore.open(ConfigLoader.load(cluster.configFile()), NodeId.DEFAULT,
                    TestShards.testOptions())) {
                assertThat(store.migrationReport().migrationsApplied()).as("data survived down/up").isZero();
            }
        } finally {
            cluster.down();
        }
    }

    /** The graph role logs in with its password, so a foreign server from primary to shard_a works. */
    private static void assertPostgresFdwReaches(ShardedStore store, Config config) throws Exception {
        var shardA = config.store(io.graphstore.common.ShardName.of("shard_a")).orElseThrow().connection();
        try (Connection c = store.primary().connect(); Statement s = c.createStatement()) {
            s.execute("create server probe_a foreign data wrapper postgres_fdw options (host '"
                    + shardA.host() + "', port '" + shardA.port() + "', dbname '" + shardA.database() + "')");
            s.execute("create user mapping for current_user server probe_a options (user '" + shardA.user()
                    + "', password '" + shardA.password().reveal() + "')");
            s.execute("create schema probe_a");
            s.execute("import foreign schema subgraphs limit to (head) from server probe_a into probe_a");
            try (ResultSet rs = s.executeQuery("select count(*) from probe_a.head")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
            s.execute("drop schema probe_a cascade");
            s.execute("drop server probe_a cascade");
        }
    }
}
