package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placement seen through deploy and config place, on databases no other test writes to. */
@MultiShard({"primary", "shard_a", "shard_b"})
class DeployPlacementTest {

    @Test
    void vipNamesLandInShardAAndOthersSpreadByLeastUsed(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        JsonNode vip = cli.deploy("vip/one", 1);
        assertThat(vip.get("shard").asText()).isEqualTo("shard_a");
        assertThat(vip.get("node").asText()).isEqualTo("default");
        assertThat(vip.get("created").asBoolean()).isTrue();
        assertThat(vip.get("placement").asText()).contains("the rule names only shard_a");

        for (int n = 2; n <= 5; n++) {
            JsonNode before = cli.json("info", "--json");
            long onA = count(before, "shard", "shard_a");
            long onB = count(before, "shard", "shard_b");
            long onDefault = count(before, "node", "default");
            long onNode1 = count(before, "node", "index_node_1");
            JsonNode placed = cli.deploy("org/least-" + n, n);
            assertThat(placed.get("shard").asText()).as("least_used with %s on shard_a, %s on shard_b; ties go first",
                    onA, onB).isEqualTo(onB < onA ? "shard_b" : "shard_a");
            assertThat(placed.get("node").asText()).isEqualTo(onNode1 < onDefault ? "index_node_1" : "default");
            assertThat(placed.get("placement").asText()).contains("has the fewest assigned deployments ("
                    + Math.min(onA, onB) + ")");
        }

        assertThat(cli.deploy("vip/two", 7).get("shard").asText()).isEqualTo("shard_a");

        JsonNode pinned = cli.deploy("org/pinned", 6, "--node", "index_node_7");
        assertThat(pinned.get("node").asText()).isEqualTo("index_node_7");
        assertThat(pinned.get("placement").asText()).contains("given with --node");
    }

    @Test
    void configPlaceShowsTheWinnerWhenTheDatabaseIsThere(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        cli.deploy("org/p1", 11);
        JsonNode assigned = cli.json("info", "--json");
        long onA = count(assigned, "shard", "shard_a");
        long onB = count(assigned, "shard", "shard_b");
        String expected = onB < onA ? "shard_b" : "shard_a";

        JsonNode place = cli.json("config", "place", "org/next", "mainnet", "--json");
        assertThat(place.get("shards").toString()).isEqualTo("[\"shard_a\",\"shard_b\"]");
        assertThat(place.get("nodes").toString()).isEqualTo("[\"default\",\"index_node_1\"]");
        assertThat(place.get("winner").get("shard").asText()).isEqualTo(expected);
        assertThat(place.get("winner").get("node").asText()).isIn("default", "index_node_1");
        assertThat(place.get("winner").get("reason").asText()).contains("least_used").contains("fewest assigned");
        assertThat(cli.deploy("org/next", 12).get("shard").asText()).as("deploy agrees with the preview")
                .isEqualTo(expected);

        var people = cli.run("config", "place", "vip/x", "mainnet");
        assertThat(people.exit()).isZero();
        assertThat(people.out()).contains("winner:   shard_a (least_used: the rule names only shard_a), node default");
        assertThat(people.err()).isEmpty();

        var offline = cli.run("config", "place", "vip/x", "mainnet", "--offline");
        assertThat(offline.out()).doesNotContain("winner");
        assertThat(offline.err()).isEmpty();
    }

    @Test
    void anExistingHashUnderANewNameOnlyPointsTheName(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        JsonNode first = cli.deploy("org/first", 21);
        var second = cli.run("deploy", "org/second", ShardCli.hash(21), "--schema", cli.schema.toString());
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).contains("already existed; only pointed 'org/second' at it")
                .contains(first.get("namespace").asText()).doesNotContain("placement");
        JsonNode info = cli.json("info", ShardCli.hash(21), "--json").get(0);
        assertThat(info.get("names").toString()).contains("org/first").contains("org/second");
    }

    /** Assigned sites whose {@code key} is {@code value}: what least_used compares. */
    private static long count(JsonNode infos, String key, String value) {
        long n = 0;
        for (JsonNode i : infos) {
            if (i.get(key).asText().equals(value) && !i.get("node").isNull()) {
                n++;
            }
        }
        return n;
    }
}
