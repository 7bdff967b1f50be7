package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy, dev index, info and rewind together, the way an operator would use them. */
@MultiShard({"primary", "shard_a", "shard_b"})
class DeploymentWorkflowTest {

    @Test
    void deployIndexInfoRewindInfoMovesTheHeadAndTheEntities(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        var deploy = cli.run("deploy", "org/token", ShardCli.hash(1), "--schema", cli.schema.toString());
        assertThat(deploy.exit()).as(deploy.all()).isZero();
        assertThat(deploy.out()).contains("deployed org/token as sgd").contains("placement")
                .containsPattern("hash\\s+" + ShardCli.hash(1)).containsPattern("network\\s+mainnet");

        JsonNode fresh = cli.json("info", "org/token", "--json");
        assertThat(fresh).hasSize(1);
        assertThat(fresh.get(0).get("head").isNull()).isTrue();
        assertThat(fresh.get(0).get("entities").asLong()).isZero();
        String namespace = fresh.get(0).get("namespace").asText();

        var index = cli.run("dev", "index", "org/token", "--blocks", "120", "--changes-per-block", "20");
        assertThat(index.exit()).as(index.all()).isZero();
        assertThat(index.out()).contains(namespace).contains("head 119").contains("blocks/s")
                .contains("entity versions/s");
        assertThat(index.err()).as("the progress bar goes to stderr").contains("120/120");

        JsonNode indexed = cli.json("info", "org/token", "--json").get(0);
        assertThat(indexed.get("name").asText()).isEqualTo("org/token");
        assertThat(indexed.get("hash").asText()).isEqualTo(ShardCli.hash(1));
        assertThat(indexed.get("head").asInt()).isEqualTo(119);
        assertThat(indexed.get("node").asText()).isNotEmpty();
        assertThat(indexed.get("active").asBoolean()).isTrue();
        assertThat(indexed.get("health").asText()).isNotEmpty();
        assertThat(indexed.get("head_block_hash").asText()).startsWith("0x").hasSize(66);
        long at119 = indexed.get("entities").asLong();
        assertThat(at119).isPositive();

        var people = cli.run("info", "org/token");
        assertThat(people.exit()).isZero();
        assertThat(people.out()).contains("name         org/token (current)").contains("namespace    " + namespace)
                .contains("head         119").contains("entities     " + at119).doesNotContain("health");
        assertThat(cli.run("info", "org/token", "--status").out()).containsPattern("health\\s+\\w+")
                .containsPattern("earliest block\\s+0").containsPattern("head block hash\\s+0x[0-9a-f]{64}");

        var rewind = cli.run("rewind", "org/token", "100");
        assertThat(rewind.exit()).as(rewind.all()).isZero();
        assertThat(rewind.out()).contains(namespace).contains("head 119 -> #100")
                .contains("entities " + at119 + " -> ");
        JsonNode rewound = cli.json("info", namespace, "--json").get(0);
        assertThat(rewound.get("head").asInt()).isEqualTo(100);
        long at100 = rewound.get("entities").asLong();
        assertThat(at100).isNotEqualTo(at119);
        assertThat(rewind.out()).endsWith("-> " + at100 + System.lineSeparator());

        // the same seed from scratch reaches the same state at block 100
        cli.deploy("org/again", 2);
        var again = cli.run("dev", "index", "org/again", "--blocks", "101", "--changes-per-block", "20");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(cli.json("info", "org/again", "--json").get(0).get("entities").asLong()).isEqualTo(at100);

        var more = cli.run("dev", "index", "org/token", "--blocks", "5", "--changes-per-block", "3", "--seed", "9",
                "--json");
        assertThat(more.exit()).as(more.all()).isZero();
        assertThat(more.out()).contains("\"head\" : 105");

        var hashed = cli.run("rewind", ShardCli.hash(1), "103", "--block-hash", "0xABCD01");
        assertThat(hashed.exit()).as(hashed.all()).isZero();
        assertThat(cli.json("info", "org/token", "--json").get(0).get("head_block_hash").asText())
                .isEqualTo("0xabcd01");

        var table = cli.run("info");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).containsPattern("NAMESPACE\\s+SHARD\\s+HASH\\s+NAMES\\s+NODE\\s+HEAD\\s+LAG\\s+ENTITIES")
                .containsPattern(namespace + "\\s+shard_\\w\\s+" + ShardCli.hash(1) + "\\s+org/token\\s+\\w+\\s+103");
        assertThat(cli.json("info", "--json").findValuesAsText("hash")).contains(ShardCli.hash(1), ShardCli.hash(2));
        assertThat(table.all() + people.all() + index.all()).doesNotContain(TestServer.PASSWORD.reveal());
    }

    @Test
    void infoNamesAShardItCannotReadOnTheHeadLineAndExitsOne(TestShards shards, @TempDir Path dir) throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        JsonNode onB = cli.deploy("org/down-1", 31);
        for (int n = 32; !onB.get("shard").asText().equals("shard_b"); n++) {
            onB = cli.deploy("org/down-" + n, n);
        }
        String namespace = onB.get("namespace").asText();
        String toml = Files.readString(cli.config);
        int section = toml.indexOf("[store.shard_b]");
        Path broken = dir.resolve("shard-b-down.toml");
        Files.writeString(broken, toml.substring(0, section)
                + toml.substring(section).replaceFirst("@[^/\"]+/", "@127.0.0.1:1/"));
        GraphmanRunner graphman = new GraphmanRunner(dir).env("GRAPH_STORE_CONNECT_TIMEOUT_MS", "1000");

        var one = graphman.run("--config", broken.toString(), "info", namespace);
        assertThat(one.exit()).as(one.all()).isEqualTo(1);
        assertThat(one.out())
                .containsPattern("head\\s+unknown: shard 'shard_b' at 127.0.0.1:1\\S* is unreachable \\(.*; connect timeout 1000 ms(\\)|; failed)")
                .containsPattern("entities\\s+unknown").contains("namespace    " + namespace);
        assertThat(one.all()).doesNotContain(TestServer.PASSWORD.reveal());

        var all = graphman.run("--config", broken.toString(), "info");
        assertThat(all.exit()).isEqualTo(1);
        assertThat(all.out()).containsPattern(namespace + "\\s+shard_b\\s+.*\\?\\s+\\?\\s+\\?")
                .containsPattern(namespace + ": shard 'shard_b' at 127.0.0.1:1\\S* is unreachable");

        var json = graphman.run("--config", broken.toString(), "info", "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode sites = new ObjectMapper().readTree(json.out());
        for (JsonNode site : sites) {
            boolean down = site.get("shard").asText().equals("shard_b");
            assertThat(site.get("problem").isNull()).as(site.toString()).isEqualTo(!down);
            assertThat(site.get("entities").isNull()).isEqualTo(down);
        }
    }
}
