package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'graphman copy run' in its own JVM, stopped by SIGTERM mid-copy, then resumed to the end. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyRunStopTest {

    @Test
    void sigtermStopsTheRunAfterABatchAndTheNextRunResumesToTheEnd(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        CopyWorkflowTest.deployAndIndex(cli, "vip/stop", 1, 200);
        String dst = cli.json("copy", "create", "vip/stop", "shard_b", "default", "--json").get("dst").asText();
        int id = Integer.parseInt(dst.substring(3));

        ChildGraphman child = ChildGraphman.start(dir, "run", cli.config, "copy", "run", dst);
        Process p = child.process();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (p.isAlive() && progress(shards, id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroy();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = child.stdout();
        String all = child.all();
        assertThat(stdout).as(all).contains("copy " + dst + " (").contains(" stopped at ")
                .contains("resume with 'graphman copy run " + dst + "'");
        assertThat(p.exitValue()).as(all).isEqualTo(0);
        assertThat(all).doesNotContain(TestServer.PASSWORD.reveal());

        assertThat(cli.run("copy", "list").out()).containsPattern("(?m)^sgd\\d+ \\(shard_a\\) -> " + dst + " \\(shard_b\\)"
                + "\\s+copying\\s+[\\d.]+% \\(\\d+/\\d+ rows\\)\\s+199\\s+default\\R    waiting for node default");
        assertThat(cli.run("copy", "status", dst).out()).containsPattern("started\\s+\\d{4}-")
                .containsPattern("finished\\s+-").containsPattern("state\\s+copying");

        var resumed = cli.run("copy", "run", dst);
        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains(" finished: ").contains("up to block 199");
        assertThat(cli.json("copy", "status", dst, "--json").get("state").asText()).isEqualTo("following");
    }

    private static long progress(TestShards shards, int dst) throws Exception {
        try (Connection c = shards.connect(ShardName.of("shard_b")); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(sum(next_vid), 0) from subgraphs.copy_table_state"
                        + " where dst = " + dst)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
