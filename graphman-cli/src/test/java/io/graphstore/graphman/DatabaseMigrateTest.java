package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a"})
class DatabaseMigrateTest {

    @Test
    void migrateShowsEachShardsVersionBeforeAndAfter(TestShards shards, @TempDir Path dir) throws Exception {
        Path config = shards.writeConfig(dir, "");
        GraphmanRunner graphman = new GraphmanRunner(dir);

        var first = graphman.run("--config", config.toString(), "database", "migrate");
        assertThat(first.exit()).isZero();
        assertThat(first.out()).containsPattern("primary\\s+migrated\\s+none -> v\\d+\\s+none -> v\\d+")
                .containsPattern("shard_a\\s+migrated\\s+none -> v\\d+\\s+-");
        assertThat(first.all()).doesNotContain(TestServer.PASSWORD.reveal());

        var second = graphman.run("--config", config.toString(), "database", "migrate", "--json");
        assertThat(second.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(second.out());
        assertThat(json.get("shards")).hasSize(2);
        assertThat(json.get("shards").get(0).get("status").asText()).isEqualTo("up-to-date");
        assertThat(json.get("shards").get(0).get("shard_version_after").asText()).matches("\\d+");
        assertThat(json.get("shards").get(1).get("migrations_applied").asInt()).isZero();
    }
}
