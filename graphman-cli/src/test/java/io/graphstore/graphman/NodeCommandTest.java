package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a"})
class NodeCommandTest {

    @Test
    void theNodeRefreshesTheMirrorsAndStopsCleanly(TestShards shards, @TempDir Path dir) throws Exception {
        Path config = shards.writeConfig(dir, "");
        var r = new GraphmanRunner(dir).run("--config", config.toString(), "--node-id", "index_node_0",
                "node", "--exit-after", "2", "--http-addr", "127.0.0.1:0");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("node index_node_0 running").contains("mirror refresh every 15 min")
                .containsPattern("http on 127\\.0\\.0\\.1:[1-9][0-9]* \\(admin endpoints off: no GRAPH_STORE_ADMIN_TOKEN\\)")
                .contains("node index_node_0 stopping: draining").contains("node index_node_0 drained");
        assertThat(r.all()).doesNotContain(TestServer.PASSWORD.reveal());
        try (Connection c = shards.connect(ShardName.of("shard_a"));
                ResultSet rs = c.createStatement().executeQuery("select count(*) from mirror.refresh")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the node refreshed shard_a's mirror at start").isEqualTo(1);
        }
    }

    @Test
    void aBadHttpAddressIsBadInputAndStartsNothing(TestShards shards, @TempDir Path dir) {
        Path config = shards.writeConfig(dir, "");
        var r = new GraphmanRunner(dir).run("--config", config.toString(), "node", "--http-addr", "localhost");
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--http-addr 'localhost' is not host:port or off");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }
}
