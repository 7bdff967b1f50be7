package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reassign, unassign, pause, resume, chain list, create and remove against real databases. */
@MultiShard({"primary", "shard_a", "shard_b"})
class AssignmentCommandsTest {

    @Test
    void reassignUnassignPauseAndResumeSayWhatChanged(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        JsonNode deployed = cli.deploy("org/moving", 1);
        String site = deployed.get("namespace").asText() + " (" + ShardCli.hash(1) + " in "
                + deployed.get("shard").asText() + ")";
        String from = deployed.get("node").asText();

        var reassign = cli.run("reassign", "org/moving", "index_node_1");
        assertThat(reassign.exit()).as(reassign.all()).isZero();
        assertThat(reassign.out().strip()).isEqualTo(site + ": node " + from + " -> index_node_1"
                + (from.equals("index_node_1") ? " (unchanged)" : ""));
        assertThat(reassign.err()).isEmpty();
        assertThat(cli.run("reassign", deployed.get("namespace").asText(), "index_node_1").out())
                .contains("node index_node_1 -> index_node_1 (unchanged)");

        var stranger = cli.run("reassign", ShardCli.hash(1) + ":" + deployed.get("shard").asText(), "index_node_9");
        assertThat(stranger.exit()).isZero();
        assertThat(stranger.out()).contains("node index_node_1 -> index_node_9");
        assertThat(stranger.err()).contains("warning: no deployment rule lists node 'index_node_9'");
        assertThat(cli.run("reassign", "org/moving", "index_node_1").exit()).isZero();

        assertThat(cli.run("pause", "org/moving").out().strip()).isEqualTo(site + ": paused on node index_node_1");
        var again = cli.run("pause", "org/moving");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("already paused on node index_node_1");
        assertThat(cli.json("info", "org/moving", "--json").get(0).get("paused_at").isNull()).isFalse();
        assertThat(cli.run("info", "org/moving").out()).containsPattern("node\\s+index_node_1 \\(paused since \\d{4}-");

        assertThat(cli.run("resume", "org/moving").out()).contains("resumed on node index_node_1");
        var notPaused = cli.run("resume", "org/moving");
        assertThat(notPaused.exit()).isZero();
        assertThat(notPaused.out()).contains("was not paused");
        assertThat(cli.json("info", "org/moving", "--json").get(0).get("paused_at").isNull()).isTrue();

        assertThat(cli.run("unassign", "org/moving").out().strip())
                .isEqualTo(site + ": node index_node_1 -> unassigned");
        assertThat(cli.json("info", "org/moving", "--json").get(0).get("node").isNull()).isTrue();
        assertThat(cli.run("info", "org/moving").out()).containsPattern("node\\s+unassigned");
        var twice = cli.run("unassign", "org/moving");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).contains("is not assigned to any node");
        assertThat(cli.run("pause", "org/moving").exit()).isEqualTo(2);
        assertThat(cli.run("reassign", "org/moving", "default").out()).contains("node unassigned -> default");
    }

    @Test
    void chainListShowsTheChainsDeploysRecorded(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        cli.deploy("org/chained", 10);
        var table = cli.run("chain", "list");
        assertThat(table.exit()).isZero();
        assertThat(table.out()).containsPattern("NAME\\s+SHARD\\s+NAMESPACE\\s+HEAD")
                .containsPattern("mainnet\\s+primary\\s+chain\\d+\\s+-");
        JsonNode json = cli.json("chain", "list", "--json");
        assertThat(json).hasSize(1);
        assertThat(json.get(0).get("name").asText()).isEqualTo("mainnet");
        assertThat(json.get(0).get("shard").asText()).isEqualTo("primary");
    }

    @Test
    void createAndRemoveNamesButNotTwice(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        var create = cli.run("create", "org/reserved");
        assertThat(create.exit()).isZero();
        assertThat(create.out()).contains("created subgraph name 'org/reserved'");
        var dup = cli.run("create", "org/reserved");
        assertThat(dup.exit()).isEqualTo(2);
        assertThat(dup.err()).contains("'org/reserved' already exists");
        assertThat(cli.run("remove", "org/reserved").out())
                .contains("removed subgraph name 'org/reserved' (it had no version)");

        cli.deploy("org/named", 20);
        var remove = cli.run("remove", "org/named");
        assertThat(remove.exit()).isZero();
        assertThat(remove.out()).contains("its deployments stay: " + ShardCli.hash(20) + " (current)");
        JsonNode left = cli.json("info", ShardCli.hash(20), "--json").get(0);
        assertThat(left.get("name").isNull()).isTrue();
        assertThat(left.get("node").isNull()).as("the deployment keeps its node").isFalse();
        assertThat(cli.run("info", ShardCli.hash(20)).out()).containsPattern("name\\s+\\(none\\)");

        var gone = cli.run("remove", "org/named");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("'org/named' does not exist");
        assertThat(cli.run("info", "org/named").exit()).isEqualTo(2);
    }
}
