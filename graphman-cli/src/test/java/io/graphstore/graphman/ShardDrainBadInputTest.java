package io.graphstore.graphman;

import static io.graphstore.graphman.ShardDrainCommandTest.primary;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to 'shard drain' and 'shard rebalance': one line, exit 2, nothing changed. */
@MultiShard({"primary", "shard_a", "shard_b"})
class ShardDrainBadInputTest {

    @Test
    void badInputIsOneLineWithExitTwoAndChangesNothing(TestShards shards, @TempDir Path dir) {
        ShardCli cli = new ShardCli(shards, dir);
        CopyWorkflowTest.deployAndIndex(cli, "vip/one", 1, 5);
        long moves = primary(shards, "select count(*) from public.shard_moves");
        long cordons = primary(shards, "select count(*) from public.shard_cordons");
        for (String[] args : new String[][] {{"shard", "drain", "shard_x"}, {"shard", "drain", "primary"},
                {"shard", "drain", "shard_a", "--to", "shard_a"}, {"shard", "drain", "shard_a", "--to", "nope"},
                {"shard", "drain", "shard_a"}, {"shard", "drain", "shard_a", "--jobs", "0"},
                {"shard", "drain", "shard_a", "--json"},
                {"shard", "drain", "shard_a", "--status", "--dry-run"}, {"shard", "drain", "shard_x", "--status"}, {"shard", "rebalance"},
                {"shard", "rebalance", "--apply", "--stop"}, {"shard", "rebalance", "--apply", "--json"},
                {"shard", "rebalance", "--apply", "--by", "disk"}}) {
            var r = cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(1);
        }
        assertThat(cli.run("shard", "drain", "shard_a").err()).contains("have no other shard in their deployment rule")
                .contains("'vip/one'").contains("give --to SHARD");
        assertThat(cli.run("shard", "drain", "primary").err()).contains("holds the directory");
        assertThat(cli.run("shard", "drain", "shard_a", "--to", "shard_a").err())
                .contains("is the shard being drained");
        assertThat(primary(shards, "select count(*) from public.shard_moves")).isEqualTo(moves);
        assertThat(primary(shards, "select count(*) from public.shard_cordons")).isEqualTo(cordons);
    }
}
