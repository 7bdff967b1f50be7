package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 the copying JVM at random points, several times: it resumes and ends identical to the source. */
@Tag("fault")
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyKillTest {

    @Test
    void aCopyKilledAtRandomPointsResumesAndEndsIdenticalToItsSource(TestShards shards, @TempDir Path dir) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = CopyTestSupport.deployAndIndex(store, "kill/me", 1, 400, 30);
        Site dst = new CopyAdmin(store).create("kill/me", CopyTest.B, NodeId.DEFAULT, 0, CopyAdmin.OnSync.NONE,
                Transport.COPY);
        Path config = shards.writeConfig(dir, CopyTest.RULES);
        Random random = new Random(42);
        List<Long> killedAt = new ArrayList<>();
        for (int kill = 0; kill < 3; kill++) {
            long before = progress(shards, dst);
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CopyProcess.class.getName(), config.toString(),
                    Integer.toString(dst.id().value()))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("copy-" + kill + ".log").toFile());
            // small batches, so a kill lands in the middle of the copy
            pb.environment().put("GRAPH_STORE_COPY_MAX_BATCH", "200");
            pb.environment().put("GRAPH_STORE_COPY_BATCH_TARGET_MS", "20");
            Process p = pb.start();
            long wanted = before + 300 + random.nextInt(1500);
            // a child JVM on a loaded machine may take minutes to copy its first batches
            long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
            while (p.isAlive() && progress(shards, dst) < wanted && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long after = progress(shards, dst);
            killedAt.add(after);
            assertThat(after).as("progress is kept across a kill").isGreaterThanOrEqualTo(before);
        }
        long total = CopyTest.count(shards, dst.shard(), "select sum(target_vid + 1) from subgraphs.copy_table_state"
                + " where dst = " + dst.id().value());
        assertThat(killedAt).as("every kill landed before the copy was done").allMatch(k -> k < total)
                .as("and the copy advanced between kills").doesNotHaveDuplicates();
        assertThat(CopyRowCountTest.recorded(store, dst, false)).as("rows counted across the kills")
                .isEqualTo(CopyRowCountTest.rows(store, src, dst, t -> "true"));
        assertThat(CopyTest.count(shards, dst.shard(), "select count(*) from subgraphs.copy_state where finished_at"
                + " is null and dst = " + dst.id().value())).isEqualTo(1);
        assertThat(new CopyRunner(store, dst, () -> false, x -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(CopyTest.checksums(shards, store, dst)).as("killed at %s", killedAt)
                .isEqualTo(CopyTest.checksums(shards, store, src));
        assertThat(CopyTest.indexes(shards, dst)).as("every index, whichever run built it")
                .isEqualTo(CopyTest.indexes(shards, src));
        assertThat(store.deployments().data(dst).head().entityCount())
                .isEqualTo(store.deployments().data(src).head().entityCount());
        assertThat(CopyRowCountTest.recorded(store, dst, false)).isEqualTo(CopyRowCountTest.rows(store, src, src, t -> "true"));
    }

    private static long progress(TestShards shards, Site dst) throws Exception {
        return CopyTest.count(shards, dst.shard(), "select coalesce(sum(next_vid), 0) from subgraphs.copy_table_state"
                + " where dst = " + dst.id().value());
    }
}
