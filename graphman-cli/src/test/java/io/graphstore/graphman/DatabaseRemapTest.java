package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MultiShard({"primary", "shard_a", "shard_b"})
class DatabaseRemapTest {
    private static final String PASSWORD = TestServer.PASSWORD.reveal();

    @Test
    void aSecondRemapFindsEveryPairUnchanged(TestShards shards, @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();

        var first = graphman.run("--config", config, "database", "remap");
        assertThat(first.exit()).as(first.all()).isZero();
        var second = graphman.run("--config", config, "database", "remap");
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).startsWith("DEST")
                .containsPattern("DEST\\s+SOURCE\\s+ACTIONS\\s+TIME\\(ms\\)\\s+ERROR")
                .containsPattern("(?m)^shard_a\\s+shard_b\\s+unchanged\\s+\\d+$")
                .contains("7 pairs: 0 changed, 7 unchanged, 0 failed; 0 leftovers removed;")
                .doesNotContain("removed:");

        JsonNode json = json(graphman.run("--config", config, "database", "remap", "--json"));
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("removed")).isEmpty();
        assertThat(json.get("pairs")).hasSize(7).allSatisfy(p -> {
            assertThat(p.get("error").isNull()).isTrue();
            assertThat(p.get("ms").isIntegralNumber()).isTrue();
            assertThat(p.get("actions")).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.asText()).endsWith(" unchanged"));
        });
        assertThat(first.all() + second.all()).doesNotContain(PASSWORD);
    }

    @Test
    void forceRemapsEveryPair(TestShards shards, @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();

        var forced = graphman.run("--config", config, "database", "remap", "--force");
        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(forced.out()).contains("7 pairs: 7 changed, 0 unchanged, 0 failed")
                .containsPattern("(?m)^primary\\s+primary\\s+primary_public created \\(6 views\\)")
                .containsPattern("(?m)^shard_b\\s+primary\\s+primary_public mapped \\(6 tables\\), "
                        + "shard_primary_subgraphs mapped \\(\\d+ tables\\)\\s+\\d+$");

        JsonNode json = json(graphman.run("--config", config, "database", "remap", "--force", "--json"));
        assertThat(json.get("pairs")).hasSize(7).allSatisfy(p -> assertThat(p.get("actions"))
                .anySatisfy(a -> assertThat(a.asText()).containsAnyOf(" mapped ", " created ")));
        assertThat(forced.all()).doesNotContain(PASSWORD);
    }

    @Test
    void destAndSourceLimitThePairs(TestShards shards, @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();

        JsonNode intoA = json(graphman.run("--config", config, "database", "remap", "--dest", "shard_a", "--json"));
        assertThat(pairs(intoA)).containsExactly("shard_a<-primary", "shard_a<-shard_b");

        JsonNode fromPrimary = json(graphman.run("--config", config, "database", "remap", "--source", "primary",
                "--force", "--json"));
        assertThat(pairs(fromPrimary)).containsExactly("primary<-primary", "shard_a<-primary", "shard_b<-primary");
        assertThat(fromPrimary.get("pairs")).allSatisfy(p -> assertThat(p.get("actions").toString())
                .contains("primary_public").containsAnyOf(" mapped ", " created "));

        JsonNode one = json(graphman.run("--config", config, "database", "remap", "--dest", "shard_b",
                "--source", "shard_a", "--json"));
        assertThat(pairs(one)).containsExactly("shard_b<-shard_a");
    }

    @Test
    void anUnknownShardIsBadInputNamingTheKnownOnes(TestShards shards, @TempDir Path dir) {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String config = shards.writeConfig(dir, "").toString();

        var unknown = graphman.run("--config", config, "database", "remap", "--dest", "shard_c");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().strip()).doesNotContain("\n")
                .isEqualTo("error: --dest: shard 'shard_c' is not configured (known: primary, shard_a, shard_b); "
                        + "fix the name or add [store.shard_c]");

        var invalid = graphman.run("--config", config, "database", "remap", "--source", "Shard-A");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.out()).isEmpty();
        assertThat(invalid.err().strip()).doesNotContain("\n").startsWith("error: --source: shard name 'Shard-A' is invalid")
                .contains("known: primary, shard_a, shard_b");
    }

    @Test
    void remapRemovesWhatAShardNoLongerConfiguredLeftAndTheFullConfigWiresItBack(TestShards shards,
            @TempDir Path dir) throws Exception {
        GraphmanRunner graphman = new GraphmanRunner(dir);
        String full = shards.writeConfig(dir, "").toString();
        String toml = shards.storesToml();
        Path smaller = Files.writeString(dir.resolve("smaller.toml"), toml.substring(0, toml.indexOf("[store.shard_b]")));

        var removed = graphman.run("--config", smaller.toString(), "database", "remap");
        assertThat(removed.exit()).as(removed.all()).isZero();
        assertThat(removed.out()).contains("removed: primary: server shard_shard_b",
                "removed: primary: schema shard_shard_b_subgraphs", "removed: shard_a: server shard_shard_b",
                "removed: shard_a: schema shard_shard_b_subgraphs")
                .contains("3 pairs: 0 changed, 3 unchanged, 0 failed; 4 leftovers removed;");
        for (ShardName s : List.of(ShardName.PRIMARY, ShardName.of("shard_a"))) {
            assertThat(count(shards, s, "select count(*) from pg_foreign_server where srvname = 'shard_shard_b'")).isZero();
            assertThat(count(shards, s, "select count(*) from pg_namespace where nspname = 'shard_shard_b_subgraphs'"))
                    .isZero();
        }
        JsonNode again = json(graphman.run("--config", smaller.toString(), "database", "remap", "--json"));
        assertThat(again.get("removed")).isEmpty();

        var back = graphman.run("--config", full, "database", "remap");
        assertThat(back.exit()).as(back.all()).isZero();
        assertThat(back.out()).contains("7 pairs: 0 changed, 7 unchanged, 0 failed; 0 leftovers removed;");
        var check = graphman.run("--config", full, "database", "check");
        assertThat(check.exit()).as(check.all()).isZero();
        assertThat(check.out()).doesNotContain("FAIL").contains("6 pairs: 6 ok, 0 failed");
        assertThat(removed.all() + back.all() + check.all()).doesNotContain(PASSWORD);
    }

    private static List<String> pairs(JsonNode json) {
        List<String> pairs = new ArrayList<>();
        json.get("pairs").forEach(p -> pairs.add(p.get("dest").asText() + "<-" + p.get("source").asText()));
        return pairs;
    }

    static JsonNode json(GraphmanRunner.Result r) throws Exception {
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.all()).doesNotContain(PASSWORD);
        return new ObjectMapper().readTree(r.out());
    }

    static long count(TestShards shards, ShardName shard, String sql) throws Exception {
        try (Connection c = shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
