package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'graphman shard drain' and 'shard rebalance' from the command line: --dry-run prints the
 * moves and changes nothing; a drain then empties the shard; rebalance --status and --stop
 * answer.
 */
@MultiShard({"primary", "shard_a", "shard_b"})
class ShardDrainCommandTest {

    @Test
    void dryRunPrintsTheMovesThenTheDrainEmptiesTheShard(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        CopyWorkflowTest.deployAndIndex(cli, "vip/two", 2, 5);
        var dry = cli.run("shard", "drain", "shard_a", "--to", "shard_b", "--dry-run");
        assertThat(dry.exit()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("vip/two").contains("shard_a").contains("shard_b")
                .contains("would move 1 deployment(s)").contains("nothing was changed (dry run)");
        JsonNode json = cli.json("shard", "drain", "shard_a", "--to", "shard_b", "--dry-run", "--json");
        assertThat(json.get("moves")).hasSize(1);
        assertThat(json.get("moves").get(0).get("to").asText()).isEqualTo("shard_b");
        assertThat(primary(shards, "select count(*) from public.shard_moves where deployment = '"
                + ShardCli.hash(2) + "'")).isZero();
        assertThat(primary(shards, "select count(*) from public.shard_cordons")).isZero();

        var drain = cli.run("shard", "drain", "shard_a", "--to", "shard_b");
        assertThat(drain.exit()).as(drain.all()).isZero();
        assertThat(drain.out()).contains("shard shard_a is cordoned; 1 deployment(s) to move")
                .contains("[1/1] sgd").contains(": done").contains("shard shard_a is drained: 1 deployment(s) moved")
                .contains("1 old copies removed").contains("deployment rules still name it");
        assertThat(cli.json("info", "vip/two", "--json").toString()).contains("shard_b");
        assertThat(primary(shards,
                "select count(*) from public.deployment_schemas where shard = 'shard_a'")).isZero();

        var drainStatus = cli.run("shard", "drain", "shard_a", "--status");
        assertThat(drainStatus.exit()).as(drainStatus.all()).isZero();
        assertThat(drainStatus.out()).contains("vip/two").contains("done").contains("1 moves: 1 done");
        assertThat(cli.json("shard", "drain", "shard_a", "--status", "--json").get("moves").get(0).get("state")
                .asText()).isEqualTo("done");
        var status = cli.run("shard", "rebalance", "--status");
        assertThat(status.exit()).as(status.all()).isZero();
        assertThat(status.out()).contains("no rebalance has been applied");
        var stop = cli.run("shard", "rebalance", "--stop");
        assertThat(stop.exit()).as(stop.all()).isZero();
        assertThat(stop.out()).contains("nothing to stop");
        var uncordon = cli.run("shard", "uncordon", "shard_a");
        assertThat(uncordon.exit()).isZero();
    }

    static long primary(TestShards shards, String sql) {
        try {
            return DatabaseRemapTest.count(shards, io.graphstore.common.ShardName.PRIMARY, sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
