package io.graphstore.store.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a process removing an unused deployment, inside its shard and its directory transaction. */
@Tag("fault")
@MultiShard({"primary", "shard_a", "shard_b"})
class UnusedRemoveKillTest {

    @Test
    void aRemovalKilledInsideEitherTransactionIsFinishedByTheNextRemove(TestShards shards, @TempDir Path dir)
            throws Exception {
        ShardedStore store = shards.open(shards.config(UnusedRemovalTest.RULES));
        Path config = shards.writeConfig(dir, UnusedRemovalTest.RULES);
        int n = 700;
        for (UnusedAdmin.Step step : new UnusedAdmin.Step[] {UnusedAdmin.Step.DROPPING_SHARD_DATA,
            UnusedAdmin.Step.DELETING_DIRECTORY_ROW}) {
            Site site = UnusedRemovalTest.unusedWithData(store, "killed/" + step.name().toLowerCase(java.util.Locale.ROOT), ++n);
            UnusedAdmin unused = new UnusedAdmin(store);
            unused.record();
            long entities = UnusedRemovalTest.rows(shards, site.shard(), "select entity_count from subgraphs.head where id = "
                    + site.id().value());

            Path log = dir.resolve("remove-" + step + ".log");
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UnusedRemoveProcess.class.getName(), config.toString(),
                    site.hash().value(), step.name())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                Await.until("the removing process reaches " + step, Duration.ofSeconds(120),
                        () -> read(log).contains("at " + step) || !p.isAlive());
                assertThat(read(log)).as("its output").contains("at " + step);
            } finally {
                p.destroyForcibly();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            assertThat(UnusedRemovalTest.removalStarted(shards, site)).as("%s: marked", step).isTrue();
            assertThat(UnusedRemovalTest.hasData(shards, site.shard(), site.id().value()))
                    .as("%s: the shard transaction was rolled back, or had committed", step)
                    .isEqualTo(step == UnusedAdmin.Step.DROPPING_SHARD_DATA);
            UnusedRemovalTest.assertNothingHalfDone(shards);

            // the killed session's locks go when the server notices it is gone
            Await.until("the next remove finishes " + site.namespace(), () -> unused
                    .remove(Duration.ZERO, 1, Optional.of(site.hash())).removed().stream()
                    .anyMatch(u -> u.id() == site.id().value() && Long.valueOf(entities).equals(u.entityCount())));
            UnusedRemovalTest.assertGone(shards, site);
            UnusedRemovalTest.assertNothingHalfDone(shards);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
