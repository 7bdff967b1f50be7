package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.layout.EntityTable;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A copy's progress counts real rows, not vid ranges: exact with vid gaps, and once only across a resume. */
@MultiShard({"primary", "shard_a", "shard_b"})
class CopyRowCountTest {

    /** Per table, the rows {@code where} selects (a predicate over {@link EntityTable}, or none). */
    static Map<String, Long> rows(ShardedStore store, Site data, Site site, java.util.function.Function<EntityTable, String> where) {
        Map<String, Long> rows = new TreeMap<>();
        store.require(site.shard()).jdbi().useHandle(h -> {
            for (EntityTable t : store.deployments().data(data).layout().tables()) {
                rows.put(t.entityType(), h.createQuery("select count(*) from " + t.qualifiedName(site.namespace())
                        + " where " + where.apply(t)).mapTo(Long.class).one());
            }
        });
        return rows;
    }

    static Map<String, Long> recorded(ShardedStore store, Site dst, boolean total) {
        return store.require(dst.shard()).jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value())).stream()
                .collect(Collectors.toMap(CopyDao.TableState::entityType,
                        t -> total ? t.rowsExpected() : t.rowsDone(), (a, b) -> a, TreeMap::new));
    }

    private static long sum(Map<String, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }

    @Test
    void aCopyOfTablesWithVidGapsReportsExactlyTheRowsItCopies(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        // reorgs delete reverted versions, and the offset leaves out versions after the target block
        Site src = CopyTestSupport.deployAndIndex(store, "rows/gaps", 1, 160, 20);
        int offset = 7;
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, offset,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        int target = store.require(dst.shard()).jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow().targetBlockNumber();
        Map<String, Long> atTarget = rows(store, src, src, t -> t.startBlock() + " <= " + target);
        long vidRange = store.require(dst.shard()).jdbi().withExtension(CopyDao.class, d -> d.tables(dst.id().value()))
                .stream().mapToLong(t -> t.targetVid() + 1).sum();
        assertThat(vidRange).as("the vid ranges overstate the rows").isGreaterThan(sum(atTarget));

        assertThat(recorded(store, dst, true)).as("counted when prepared").isEqualTo(atTarget);
        assertThat(new CopyInspector(store).of(dst).percent()).isZero();

        assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(recorded(store, dst, false)).as("copied by the batches").isEqualTo(atTarget);
        assertThat(recorded(store, dst, true)).isEqualTo(atTarget);
        CopyInfo info = new CopyInspector(store).of(dst);
        assertThat(info.percent()).isEqualTo(100.0);
        assertThat(CopyInspector.rowsDone(info.tables())).isEqualTo(CopyInspector.rowsTotal(info.tables()))
                .isEqualTo(sum(atTarget));
    }

    @Test
    void aStoppedCopyCountsTheRowsItHasAndAResumedOneCountsNothingTwice(TestShards shards) {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES), StoreOptions.defaults()
                .withCopyBatches(Duration.ofMillis(1), 100));
        Site src = CopyTestSupport.deployAndIndex(store, "rows/resume", 2, 120, 20);
        Site dst = new CopyAdmin(store).create(src.namespace().value(), CopyTest.B, NodeId.DEFAULT, 0,
                CopyAdmin.OnSync.NONE, Transport.COPY);
        Map<String, Long> all = rows(store, src, src, t -> "true");
        for (int run = 0; run < 3; run++) {
            AtomicInteger batches = new AtomicInteger();
            assertThat(new CopyRunner(store, dst, () -> batches.get() > 3, p -> batches.incrementAndGet()).run())
                    .isEqualTo(CopyRunner.Outcome.STOPPED);
            assertThat(recorded(store, dst, false)).as("what the copy holds after stop %d", run)
                    .isEqualTo(rows(store, src, dst, t -> "true"));
        }
        assertThat(sum(recorded(store, dst, false))).isPositive().isLessThan(sum(all));
        assertThat(new CopyInspector(store).of(dst).percent()).isBetween(0.1, 99.9);

        assertThat(new CopyRunner(store, dst, () -> false, p -> { }).run()).isEqualTo(CopyRunner.Outcome.FINISHED);
        assertThat(recorded(store, dst, false)).isEqualTo(all);
        assertThat(new CopyInspector(store).of(dst).percent()).isEqualTo(100.0);
    }
}
