package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'graphman shard cordon|uncordon|plan|remove-check' and their bad input: one line, exit 2, nothing changed. */
@MultiShard({"primary", "shard_a", "shard_b"})
class ShardCommandsTest {

    @Test
    void cordonPlanAndRemoveCheckFromTheCommandLine(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        cli.deploy("vip/one", 1);
        var cordon = cli.run("shard", "cordon", "shard_b", "--reason", "old disk");
        assertThat(cordon.exit()).as(cordon.all()).isZero();
        assertThat(cordon.out()).contains("shard shard_b cordoned");
        assertThat(cli.run("shard", "cordon", "shard_b").out()).contains("was cordoned already");

        var plan = cli.run("shard", "plan");
        assertThat(plan.exit()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("No rebalancing needed");
        JsonNode json = cli.json("shard", "plan", "--json", "--by", "size");
        assertThat(json.get("moves")).isEmpty();

        var check = cli.run("shard", "remove-check", "shard_a");
        assertThat(check.exit()).as(check.all()).isEqualTo(1);
        assertThat(check.out()).contains("deployments stored there").contains("sgd1")
                .contains("cannot be removed yet");
        var primary = cli.run("shards", "remove-check", "primary", "--json");
        assertThat(primary.exit()).isEqualTo(1);
        assertThat(primary.out()).contains("\"primary\" : true");
        assertThat(cli.run("shard", "uncordon", "shard_b").out()).contains("shard shard_b uncordoned");
    }

    @Test
    void badInputIsOneLineWithExitTwoAndChangesNothing(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        for (String[] args : new String[][] {{"shard", "cordon", "shard_x"}, {"shard", "uncordon", "nope"},
                {"shard", "remove-check", "shard_z"}, {"shard", "plan", "--by", "disk"},
                {"shard", "plan", "--threshold", "-5"}, {"shard", "plan", "--max-moves", "0"}}) {
            var r = cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        }
        assertThat(cli.run("shard", "cordon", "shard_x").err()).contains("shard 'shard_x' is not configured (known:");
        assertThat(cli.run("shard", "plan").out()).contains("No rebalancing needed");
    }
}
