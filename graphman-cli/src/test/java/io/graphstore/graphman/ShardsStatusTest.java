package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.testing.Freeze;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'graphman shards status': the topology, exit 1 naming a stopped or frozen shard. */
@Tag("fault")
class ShardsStatusTest {
    private static OwnServers servers;
    private static ShardCli cli;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a", "shard_b"));
        cli = new ShardCli(servers.shards(), dir).env(StoreOptions.CONNECT_TIMEOUT_ENV, "2000");
        cli.deploy("vip/one", 1);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void everyShardUpExitsZeroWithTheTopology() {
        var r = cli.run("shards", "status");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("SHARD").contains("BREAKER").containsPattern("shard_a +yes +[0-9.]+ ms +15\\.");
        JsonNode json = cli.json("shards", "status", "--json");
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("shards")).hasSize(3);
        assertThat(json.get("shards").get(1).get("deployments").asLong()).isEqualTo(1);
    }

    @Test
    void aStoppedShardExitsOneNamingItAndTheOthersStillShow() {
        servers.stop("shard_b");
        try {
            var r = cli.run("shards", "status");
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).containsPattern("shard_b +NO").containsPattern("shard_a +yes")
                    .contains("shard 'shard_b' is unreachable: shard 'shard_b' at 127.0.0.1:");
            assertThat(r.all()).doesNotContain(TestServer.PASSWORD.reveal());
        } finally {
            servers.start("shard_b");
        }
    }

    @Test
    void aFrozenShardIsReportedDownWithinTheConnectTimeout() {
        long start = System.nanoTime();
        GraphmanRunner.Result r;
        try (Freeze frozen = Freeze.of(servers.server("shard_a"))) {
            r = cli.run("shards", "status", "--json");
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("\"reachable\" : false").contains("\"ok\" : false");
        assertThat(ms).as("bounded by the timeouts, not hung").isLessThan(60_000);
    }
}
