package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A copy's stored state, and who may run or follow it: one runner at a time, no follower before it finished. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyStateTest {
    private static CopyState stored(ShardedStore store, Site dst) {
        return store.require(dst.shard()).jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow().copyState();
    }

    private static long rows(ShardedStore store, Site site) {
        return store.require(site.shard()).jdbi().withHandle(h -> h.createQuery("select count(*) from "
                + site.namespace() + ".account").mapTo(Long.class).one());
    }

    @Test
    void aQueuedCopyIsNeverFollowedAndRunsToTheEndAfterwards(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = CopyTestSupport.deployAndIndex(store, "state/queued", 1, 60, 10);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        assertThat(stored(store, dst)).isEqualTo(CopyState.QUEUED);

        // before the fix a node replayed the whole source into a queued copy, and its bulk copy
        // then failed on duplicate vids forever
        assertThat(Follower.followOnce(store, dst)).isEmpty();
        assertThat(rows(store, dst)).isZero();

        assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(stored(store, dst)).isEqualTo(CopyState.FINISHED);
        assertThat(Verifier.verify(store, dst).identical()).isTrue();
        assertThat(new CopyInspector(store).of(dst).state()).as("finished, not active, assigned").isEqualTo("following");
    }

    @Test
    void aStoppedCopyStaysCopyingAndSaysWhatItWaitsFor(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES), io.graphstore.store.StoreOptions.defaults()
                .withCopyBatches(java.time.Duration.ofMillis(1), 100));
        Site src = CopyTestSupport.deployAndIndex(store, "state/stopped", 2, 80, 20);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        AtomicInteger batches = new AtomicInteger();
        CopyRunner.Outcome outcome = new CopyRunner(store, dst, () -> batches.get() > 1,
                p -> batches.incrementAndGet()).run();
        assertThat(outcome).isEqualTo(CopyRunner.Outcome.STOPPED);
        assertThat(stored(store, dst)).isEqualTo(CopyState.COPYING);
        CopyInfo info = new CopyInspector(store).of(dst);
        assertThat(info.state()).isEqualTo("copying");
        assertThat(info.running()).isFalse();
        assertThat(info.why()).hasValueSatisfying(w -> assertThat(w).startsWith("waiting for node default"));
    }

    @Test
    void whoeverHoldsTheRunLockIsTheOnlyRunnerAndFollowerAndIsNamed(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = CopyTestSupport.deployAndIndex(store, "state/locked", 3, 40, 10);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);

        try (CopySlots.Run held = CopySlots.tryRun(store.primary(), dst.id().value(), "test holder").orElseThrow()) {
            assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run())
                    .isEqualTo(CopyRunner.Outcome.ALREADY_RUNNING);
            assertThat(new CopyAdmin(store).runner(dst)).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("graph-store copy test holder since "));
            assertThat(new CopyInspector(store).of(dst).running()).isTrue();
            assertThat(stored(store, dst)).as("a runner that did not get the lock changes nothing")
                    .isEqualTo(CopyState.QUEUED);
        }
        assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);

        new SyntheticIndexer(store.deployments().data(src), 3, 10).run(10, b -> { });
        int srcHead = store.deployments().data(src).head().number().orElseThrow();
        try (CopySlots.Run held = CopySlots.tryRun(store.primary(), dst.id().value(), "test holder").orElseThrow()) {
            assertThat(Follower.followOnce(store, dst)).as("a follow round waits for the run lock").isEmpty();
        }
        assertThat(Follower.followOnce(store, dst)).contains(srcHead);
        assertThat(Verifier.verify(store, dst).identical()).isTrue();
    }

    @Test
    void aCancelledCopyLeavesNoSourceMappingAndRemapDropsOneACrashLeft(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES), io.graphstore.store.StoreOptions.defaults()
                .withCopyBatches(java.time.Duration.ofMillis(1), 100));
        Site src = CopyTestSupport.deployAndIndex(store, "state/mapped", 4, 60, 20);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        AtomicInteger batches = new AtomicInteger();
        assertThat(new CopyRunner(store, dst, () -> batches.get() > 1, p -> batches.incrementAndGet()).run())
                .isEqualTo(CopyRunner.Outcome.STOPPED);
        assertThat(schemaExists(store, dst, src.namespace().value())).as("mapped while the copy is unfinished").isTrue();
        new CopyAdmin(store).cancel(dst.namespace().value());
        assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.CANCELLED);
        assertThat(schemaExists(store, dst, src.namespace().value())).isFalse();

        // a crash between mapping and dropping leaves the schema behind: remap removes it
        store.require(dst.shard()).jdbi().useTransaction(h -> SourceMapping.ensure(h, src,
                store.deployments().data(src).layout()));
        var report = store.remap(new io.graphstore.store.fdw.FdwWiring.Scope(java.util.Optional.empty(),
                java.util.Optional.empty(), false, true));
        assertThat(report.removed()).anySatisfy(r -> assertThat(r).contains("schema " + src.namespace()));
        assertThat(schemaExists(store, dst, src.namespace().value())).isFalse();
        assertThat(schemaExists(store, src, src.namespace().value())).as("the real namespace stays").isTrue();
    }

    @Test
    void mirrorRefreshesRunningAtOnceAllSucceed(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        CopyTestSupport.deployAndIndex(store, "state/mirrored", 5, 5, 5);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var runs = new java.util.ArrayList<java.util.concurrent.Future<java.util.List<io.graphstore.store.mirror.ShardMirror>>>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> store.mirror().refresh()));
            }
            for (var run : runs) {
                assertThat(run.get()).allSatisfy(m -> assertThat(m.error()).as("refresh of %s", m.shard()).isEmpty());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean schemaExists(ShardedStore store, Site in, String schema) {
        return store.require(in.shard()).jdbi().withHandle(h -> h.createQuery(
                "select exists (select 1 from pg_namespace where nspname = :s)").bind("s", schema)
                .mapTo(Boolean.class).one());
    }
}
