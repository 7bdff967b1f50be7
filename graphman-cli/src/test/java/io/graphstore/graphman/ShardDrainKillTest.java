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
 * kill -9 of 'graphman shard drain' in the middle of its moves, then the same command again:
 * it continues the open moves (adopting the copy the killed run was making) and converges, with
 * every deployment active exactly once in the other shard, each verified identical against the
 * copy it replaced, no move done twice and nothing left open.
 */
@Tag("slow")
@MultiShard({"primary", "shard_a", "shard_b"})
class ShardDrainKillTest {
    private static final String ONE = """
            [deployment]
            [[deployment.rule]]
            shard = "shard_a"
            indexers = ["default"]
            """;
    private static final String TWO = """
            [deployment]
            [[deployment.rule]]
            shards = ["shard_a", "shard_b"]
            indexers = ["default"]
            """;
    private static final int DEPLOYMENTS = 6;

    @Test
    void aKilledDrainRunAgainConvergesWithNothingLostOrDuplicated(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardCli one = new ShardCli(shards, Files.createDirectories(dir.resolve("one")), ONE);
        List<String> before = new ArrayList<>();
        for (int n = 1; n <= DEPLOYMENTS; n++) {
            before.add(CopyWorkflowTest.deployAndIndex(one, "kill/d" + n, 40 + n, 60));
        }
        ShardCli two = new ShardCli(shards, Files.createDirectories(dir.resolve("two")), TWO);

        ChildGraphman victim = ChildGraphman.start(dir, "drain-killed", two.config, "shard", "drain", "shard_a",
                "--jobs", "1", "--keep-unused");
        try {
            Await.until("the drain has finished one move and is copying another", Duration.ofMinutes(5), () ->
                    primary(shards, "select count(*) from public.shard_moves where state = 'done'") >= 1
                            && primary(shards, "select count(*) from public.shard_moves where state = 'copying'"
                                    + " and dst is not null") >= 1);
        } finally {
            victim.process().destroyForcibly(); // SIGKILL: nothing is finished or released in order
            assertThat(victim.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long doneBefore = primary(shards, "select count(*) from public.shard_moves where state = 'done'");
        assertThat(doneBefore).as(victim.all()).isLessThan(DEPLOYMENTS);

        var again = two.run("shard", "drain", "shard_a", "--jobs", "2", "--keep-unused");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("continuing the copy an earlier run made")
                .contains("shard shard_a is drained");

        assertThat(primary(shards, "select count(*) from public.shard_moves")).as("one move per deployment")
                .isEqualTo(DEPLOYMENTS);
        assertThat(primary(shards, "select count(*) from public.shard_moves where state = 'done'"))
                .isEqualTo(DEPLOYMENTS);
        assertThat(primary(shards, "select count(*) from public.deployment_schemas where shard = 'shard_b'"))
                .as("one copy per deployment in shard_b").isEqualTo(DEPLOYMENTS);
        assertThat(primary(shards, "select count(*) from public.deployment_schemas where active and shard = 'shard_b'"))
                .isEqualTo(DEPLOYMENTS);
        for (int n = 1; n <= DEPLOYMENTS; n++) {
            var verify = two.run("copy", "verify", ShardCli.hash(40 + n) + ":shard_b", before.get(n - 1));
            assertThat(verify.exit()).as(verify.all()).isZero();
        }
    }
}
