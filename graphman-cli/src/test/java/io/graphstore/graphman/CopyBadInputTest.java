package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad copy request is one line on stderr, exit 2, and writes nothing. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyBadInputTest {

    @Test
    void badCopyRequestsAreOneLineExitTwoAndWriteNothing(TestShards shards, @TempDir Path dir) throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        String src = CopyWorkflowTest.deployAndIndex(cli, "vip/bad", 1, 10);
        String hash = ShardCli.hash(1);
        long before = written(cli);

        rejected(cli, "--activate, --replace are mutually exclusive",
                "copy", "create", "--activate", "--replace", "vip/bad", "shard_b", "default");
        rejected(cli, "deployment 'vip/nothing' not found: no subgraph with that name",
                "copy", "create", "vip/nothing", "shard_b", "default");
        rejected(cli, "deployment " + src + " (" + hash + " in shard_a) is already in shard 'shard_a'",
                "copy", "create", "vip/bad", "shard_a", "default");
        rejected(cli, "shard 'shard_z' is not configured (known: primary, shard_a, shard_b)",
                "copy", "create", "vip/bad", "shard_z", "default");
        rejected(cli, "shard name 'Shard-B' is invalid", "copy", "create", "vip/bad", "Shard-B", "default");
        rejected(cli, "node id 'node\\t1' contains a control or invisible character", "copy", "create", "vip/bad",
                "shard_b", "node\t1");
        rejected(cli, "node 'index_node_9' is unknown: no deployment rule names it and no deployment is assigned to it"
                + " (known: default, index_node_1)", "copy", "create", "vip/bad", "shard_b", "index_node_9");
        rejected(cli, "--offset -1 is invalid; use 0 or more blocks",
                "copy", "create", "--offset", "-1", "vip/bad", "shard_b", "default");
        rejected(cli, "with --offset 50 there is nothing to copy yet",
                "copy", "create", "--offset", "50", "vip/bad", "shard_b", "default");
        rejected(cli, "--transport 'rsync' is invalid; use copy (the default) or fdw",
                "copy", "create", "--transport", "rsync", "vip/bad", "shard_b", "default");
        rejected(cli, src + " (" + hash + " in shard_a) is not a copy", "copy", "status", src);
        rejected(cli, src + " (" + hash + " in shard_a) is not a copy", "copy", "run", src);
        rejected(cli, src + " (" + hash + " in shard_a) is not a copy", "copy", "cancel", src);
        rejected(cli, "deployment " + hash + " has no copy in shard 'shard_b'", "copy", "activate", hash, "shard_b");
        assertThat(written(cli)).as("nothing was written").isEqualTo(before);

        String dst = cli.json("copy", "create", "vip/bad", "shard_b", "default", "--json").get("dst").asText();
        long one = written(cli);
        rejected(cli, "shard 'shard_b' already has a copy of " + hash + " (" + dst + ")",
                "copy", "create", "vip/bad", "shard_b", "index_node_1");
        rejected(cli, dst + " (" + hash + " in shard_b) has not finished copying",
                "copy", "activate", hash, "shard_b");
        assertThat(written(cli)).as("nothing more was written").isEqualTo(one);
    }

    private static void rejected(ShardCli cli, String message, String... args) {
        var r = cli.run(args);
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").doesNotStartWith("error: Error").contains(message).endsWith(System.lineSeparator())
                .doesNotContain(TestServer.PASSWORD.reveal());
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    /** Directory rows, copy rows and namespaces: what a copy request would add. */
    private static long written(ShardCli cli) throws SQLException {
        long rows = cli.directoryRows() + count(cli, ShardName.PRIMARY, "select count(*) from public.active_copies");
        for (ShardName shard : cli.shards.shards()) {
            rows += count(cli, shard, "select (select count(*) from subgraphs.copy_state)"
                    + " + (select count(*) from subgraphs.copy_table_state)"
                    + " + (select count(*) from pg_namespace where nspname like 'sgd%')");
        }
        return rows;
    }

    private static long count(ShardCli cli, ShardName shard, String sql) throws SQLException {
        try (Connection c = cli.shards.connect(shard); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
