package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'graphman node' in its own JVM runs the copy assigned to it; SIGTERM stops it after a batch, exit 0. */
@MultiShard({"primary", "shard_a", "shard_b"})
class NodeStopTest {

    @Test
    void sigtermStopsTheNodeAfterTheCurrentBatchWithExitZeroAndTheCopyResumes(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        CopyWorkflowTest.deployAndIndex(cli, "vip/node", 1, 200);
        String dst = cli.json("copy", "create", "vip/node", "shard_b", "default", "--json").get("dst").asText();
        int id = Integer.parseInt(dst.substring(3));

        ChildGraphman child = ChildGraphman.start(dir, "node", cli.config, "node", "--http-addr", "off");
        Process p = child.process();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (p.isAlive() && progress(shards, id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroy();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String stdout = child.stdout();
        String all = child.all();
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(stdout).contains("node default running").contains("node default stopping");
        assertThat(all).doesNotContain(TestServer.PASSWORD.reveal());
        long kept = progress(shards, id);
        assertThat(kept).as("the node copied some batches and recorded them").isPositive();

        var resumed = cli.run("copy", "run", dst);
        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(cli.run("copy", "list").out()).containsPattern(dst + " \\(shard_b\\).*following");
    }

    private static long progress(TestShards shards, int dst) throws Exception {
        try (Connection c = shards.connect(ShardName.of("shard_b"));
                ResultSet rs = c.createStatement().executeQuery(
                        "select coalesce(sum(next_vid), 0) from subgraphs.copy_table_state where dst = " + dst)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
