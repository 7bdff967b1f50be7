package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a", "shard_b"})
class DatabaseCheckTest {
    private static final ShardName B = ShardName.of("shard_b");

    @Test
    void checkPrintsAFullGreenMatrix(TestShards shards, @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();

        var check = graphman.run("--config", config, "database", "check");
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.out())
                .containsPattern("(?m)^DATABASE\\s+primary\\s+shard_a\\s+shard_b$")
                .containsPattern("(?m)^primary\\s+-\\s+ok \\d+ms\\s+ok \\d+ms$")
                .containsPattern("(?m)^shard_a\\s+ok \\d+ms\\s+-\\s+ok \\d+ms$")
                .containsPattern("(?m)^shard_b\\s+ok \\d+ms\\s+ok \\d+ms\\s+-$")
                .doesNotContain("FAIL")
                .contains("6 pairs: 6 ok, 0 failed");

        JsonNode json = DatabaseRemapTest.json(graphman.run("--config", config, "database", "check", "--json"));
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("results")).hasSize(6).allSatisfy(r -> {
            assertThat(r.get("error").isNull()).isTrue();
            assertThat(r.get("passed").asInt()).isEqualTo(r.get("probes").asInt()).isGreaterThanOrEqualTo(13);
            assertThat(r.get("dest").asText()).isNotEqualTo(r.get("source").asText());
            assertThat(r.get("ms").isIntegralNumber()).isTrue();
        });
        assertThat(check.all()).doesNotContain(TestServer.PASSWORD.reveal());
    }

    @Test
    void aBrokenSourceTableFailsItsPairsWithTheFirstError(TestShards shards, @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();
        assertThat(graphman.run("--config", config, "database", "migrate").exit()).isZero();
        exec(shards, "alter table subgraphs.head rename to head_moved");
        try {
            var check = graphman.run("--config", config, "database", "check");
            assertThat(check.exit()).as(check.all()).isEqualTo(1);
            assertThat(check.out())
                    .containsPattern("(?m)^primary\\s+-\\s+ok \\d+ms\\s+FAIL$")
                    .containsPattern("(?m)^shard_a\\s+ok \\d+ms\\s+-\\s+FAIL$")
                    .containsPattern("(?m)^shard_b\\s+ok \\d+ms\\s+ok \\d+ms\\s+-$")
                    .containsPattern("(?m)^primary -> shard_b: select count\\(\\*\\) from shard_shard_b_subgraphs.head: "
                            + "ERROR: relation \"subgraphs.head\" does not exist$")
                    .containsPattern("(?m)^shard_a -> shard_b: select count\\(\\*\\) from shard_shard_b_subgraphs.head: ")
                    .contains("6 pairs: 4 ok, 2 failed");

            var json = graphman.run("--config", config, "database", "check", "--json");
            assertThat(json.exit()).isEqualTo(1);
            JsonNode tree = new ObjectMapper().readTree(json.out());
            assertThat(tree.get("ok").asBoolean()).isFalse();
            assertThat(tree.get("results")).filteredOn(r -> !r.get("error").isNull()).hasSize(2)
                    .allSatisfy(r -> {
                        assertThat(r.get("source").asText()).isEqualTo("shard_b");
                        assertThat(r.get("passed").asInt()).isEqualTo(r.get("probes").asInt() - 1);
                    });
        } finally {
            exec(shards, "alter table subgraphs.head_moved rename to head");
        }
        assertThat(graphman.run("--config", config, "database", "check").exit()).isZero();
    }

    private static void exec(TestShards shards, String sql) throws Exception {
        try (Connection c = shards.connect(B); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
