package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve copies from one shard pair run by two graphman node processes with different ids and
 * a foreground 'graphman copy run', while the sources keep receiving blocks; one node is
 * killed with kill -9 in the middle and started again. Every copy finishes, equals its source,
 * and no node logs a duplicate row, a deadlock or an error.
 */
@Tag("slow")
@MultiShard({"primary", "shard_a", "shard_b"})
class ManyCopiesKillTest {
    private static final int COPIES = 12;

    @Test
    void aNodeKilledMidwayAndStartedAgainLeavesEveryCopyFinishedAndIdentical(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli cli = new ShardCli(shards, dir);
        List<String> copies = new ArrayList<>();
        for (int n = 1; n <= COPIES; n++) {
            CopyWorkflowTest.deployAndIndex(cli, "vip/many" + n, n, 80);
            String node = n % 2 == 0 ? "default" : "index_node_1";
            copies.add(cli.json("copy", "create", "vip/many" + n, "shard_b", node, "--json").get("dst").asText());
        }

        ChildGraphman first = ChildGraphman.startAsShipped(dir, "node-default", cli.config, "--node-id", "default", "node", "--http-addr", "127.0.0.1:0");
        ChildGraphman victim = ChildGraphman.startAsShipped(dir, "node-1-killed", cli.config, "--node-id", "index_node_1", "node", "--http-addr", "127.0.0.1:0");
        ChildGraphman again = null;
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int round = 0; writing.get(); round++) {
                cli.run("dev", "index", "vip/many" + (1 + round % COPIES), "--blocks", "2", "--changes-per-block", "5");
            }
        }, "writer");
        GraphmanRunner.Result[] foreground = new GraphmanRunner.Result[1];
        Thread byHand = new Thread(() -> foreground[0] = cli.run("copy", "run", copies.get(0)), "copy-run");
        try {
            writer.start();
            byHand.start();
            Await.until("index_node_1 is copying", Duration.ofSeconds(120),
                    () -> states(cli).stream().anyMatch(s -> s.equals("copying") || s.equals("catching up")));
            victim.process().destroyForcibly(); // SIGKILL: no batch is finished, nothing is released in order
            assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            again = ChildGraphman.startAsShipped(dir, "node-1-again", cli.config, "--node-id", "index_node_1", "node", "--http-addr", "127.0.0.1:0");
            Await.until("every copy finished", Duration.ofMinutes(5),
                    () -> states(cli).stream().allMatch(s -> s.equals("following")));
            byHand.join();
            assertThat(foreground[0].exit()).as("copy run by hand: %s", foreground[0].all()).isIn(0, 1);
            assertThat(foreground[0].all()).doesNotContain("duplicate key").doesNotContain("deadlock");
        } finally {
            writing.set(false);
            writer.join();
            first.process().destroy();
            if (again != null) {
                again.process().destroy();
            }
            first.process().waitFor(90, TimeUnit.SECONDS);
            if (again != null) {
                again.process().waitFor(90, TimeUnit.SECONDS);
            }
        }
        for (String dst : copies) {
            GraphmanRunner.Result verify = cli.run("copy", "verify", dst);
            assertThat(verify.exit()).as(verify.all()).isZero();
        }
        for (ChildGraphman node : List.of(first, victim, again)) {
            assertThat(node.all()).doesNotContain("duplicate key").doesNotContain("deadlock");
            assertThat(node.all().lines()).noneMatch(l -> l.startsWith("ERROR ")); // graphman's log format: LEVEL logger: message
        }
    }

    private static List<String> states(ShardCli cli) {
        GraphmanRunner.Result r = cli.run("copy", "list", "--json");
        if (r.exit() != 0) {
            return List.of("unknown");
        }
        try {
            JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
            return StreamSupport.stream(list.spliterator(), false).map(c -> c.get("state").asText()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
