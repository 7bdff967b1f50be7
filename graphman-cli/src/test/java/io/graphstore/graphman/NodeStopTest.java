package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestServer;
import io.graphstore.store.testing.TestShards;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

        Path out = dir.resolve("node.out");
        Path err = dir.resolve("node.err");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Graphman.class.getName(),
                "--config", cli.config.toString(), "node")
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("GRAPH_STORE_COPY_MAX_BATCH", "50");
        pb.environment().put("GRAPH_STORE_COPY_BATCH_TARGET_MS", "20");
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (p.isAlive() && progress(shards, id) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroy();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String all = stdout + Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(all).isZero();
        assertThat(stdout).contains("node default running").contains("node default stopping");
        assertThat(all).doesNotContain(TestServer.PASSWORD.reveal());
        long kept = progress(shards, id);
        assertThat(kept).as("the node copied some batches and recorded them").isPositive();

        var resumed = cli.run("copy", "run", dst);
        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(cli.run("copy", "list").out()).containsPattern(dst + " \\(shard_b\\).*finished");
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
