package io.graphstore.graphman;

import static io.graphstore.graphman.ShardDrainCommandTest.primary;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of 'graphman shard rebalance --apply' in the middle of its moves, then --apply again:
 * it continues the open moves of the killed run (planning nothing new) and converges, with
 * every moved deployment active exactly once in its new shard and verified identical against
 * the copy it replaced, and no move done twice.
 */
@Tag("slow")
@MultiShard({"primary", "shard_a", "shard_b"})
class ShardRebalanceKillTest {
    private static final String ONE = """
            [deployment]
            [[deployment.rule]]
            shards = ["shard_a"]
            indexers = ["default"]
            strategy = "least_used"
            """;
    private static final String TWO = """
            [deployment]
            [[deployment.rule]]
            shards = ["shard_a", "shard_b"]
            indexers = ["default"]
            strategy = "least_used"
            """;
    private static final int DEPLOYMENTS = 8;
    private static final int MOVES = DEPLOYMENTS / 2;

    @Test
    void aKilledRebalanceAppliedAgainConvergesWithNothingLostOrDuplicated(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli one = new ShardCli(shards, Files.createDirectories(dir.resolve("one")), ONE);
        List<String> before = new ArrayList<>();
        for (int n = 1; n <= DEPLOYMENTS; n++) {
            before.add(CopyWorkflowTest.deployAndIndex(one, "kill/r" + n, 60 + n, 60));
        }
        ShardCli two = new ShardCli(shards, Files.createDirectories(dir.resolve("two")), TWO);
        assertThat(two.json("shard", "plan", "--json").get("moves")).hasSize(MOVES);

        ChildGraphman victim = ChildGraphman.start(dir, "rebalance-killed", two.config, "shard", "rebalance",
                "--apply", "--jobs", "1");
        try {
            Await.until("the rebalance has finished one move and is copying another", Duration.ofMinutes(5), () ->
                    primary(shards, "select count(*) from public.shard_moves where state = 'done'") >= 1
                            && primary(shards, "select count(*) from public.shard_moves where state = 'copying'"
                                    + " and dst is not null") >= 1);
        } finally {
            victim.process().destroyForcibly(); // SIGKILL
            assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(primary(shards, "select count(*) from public.shard_moves where state = 'done'"))
                .as(victim.all()).isLessThan(MOVES);

        var status = two.run("shard", "rebalance", "--status");
        assertThat(status.out()).contains("copying");
        var again = two.run("shard", "rebalance", "--apply", "--jobs", "2");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("continuing").contains("open move(s) of an earlier rebalance")
                .contains("continuing the copy an earlier run made");

        assertThat(primary(shards, "select count(*) from public.shard_moves")).as("one move per deployment moved")
                .isEqualTo(MOVES);
        assertThat(primary(shards, "select count(*) from public.shard_moves where state = 'done'")).isEqualTo(MOVES);
        assertThat(primary(shards, "select count(*) from public.deployment_schemas where shard = 'shard_b'"))
                .as("one copy per moved deployment").isEqualTo(MOVES);
        assertThat(primary(shards, "select count(*) from public.deployment_schemas where active and shard = 'shard_b'"))
                .isEqualTo(MOVES);
        assertThat(two.run("shard", "plan").out()).contains("No rebalancing needed");
        for (int n = 1; n <= DEPLOYMENTS; n++) {
            String name = "kill/r" + n;
            String active = two.json("info", name, "--json").toString();
            if (active.contains("shard_b")) {
                var verify = two.run("copy", "verify", ShardCli.hash(60 + n) + ":shard_b", before.get(n - 1));
                assertThat(verify.exit()).as(verify.all()).isZero();
            }
        }
    }
}
