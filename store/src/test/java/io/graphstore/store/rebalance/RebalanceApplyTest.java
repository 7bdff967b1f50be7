package io.graphstore.store.rebalance;

import static io.graphstore.store.rebalance.MoveTesting.indexed;
import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.MoveAdmin;
import io.graphstore.store.admin.ShardAdmin;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * 'shard rebalance --apply' after adding a fourth shard under hrw: the plan's moves (about a
 * quarter of 40 deployments) all land in the new shard while a reader reads every deployment
 * throughout without one error; each moved copy verifies identical against the old one, and the
 * old copies are reaped as unused.
 */
@MultiShard({"primary", "shard_a", "shard_b", "shard_c", "shard_d"})
class RebalanceApplyTest {

    @Test
    void applyMovesAQuarterToTheNewShardWhileReadsKeepAnswering(TestShards shards) throws Exception {
        ShardedStore three = shards.open(shards.config(MoveTesting.rule("hrw", "shard_a", "shard_b", "shard_c")));
        List<String> names = new ArrayList<>();
        Map<String, Site> before = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            names.add("rebalance/d" + i);
            before.put(names.get(i), indexed(three, names.get(i), 200 + i, 4));
        }
        io.graphstore.config.Config four = shards.config(MoveTesting.rule("hrw", "shard_a", "shard_b", "shard_c", "shard_d"));
        ShardedStore store = shards.open(four);
        Plan plan = new ShardAdmin(store).plan(10, 1000, RebalancePlanner.By.COUNT);
        assertThat(plan.moves()).hasSizeBetween(4, 18);

        ShardedStore readerStore = shards.open(four);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                for (String name : names) {
                    try {
                        Site site = readerStore.directory().resolveOne(name);
                        var data = readerStore.deployments().data(site);
                        int head = data.head().number().orElseThrow();
                        if (data.find("Token", head, Optional.empty(), 10).isEmpty()) {
                            firstError.compareAndSet(null, name + " in " + site.describe() + ": no tokens");
                        }
                        reads.incrementAndGet();
                    } catch (RuntimeException e) {
                        firstError.compareAndSet(null, name + ": " + e);
                    }
                }
            }
        }, "reader");
        reader.start();
        MoveDriver.Summary summary;
        long during;
        List<MoveAdmin.Applied> queued = new ArrayList<>();
        try {
            summary = new MoveAdmin(store).applyRebalance(10, 1000, RebalancePlanner.By.COUNT, 2, () -> false,
                    new MoveAdmin.ApplyListener() {
                        @Override
                        public void queued(MoveAdmin.Applied applied) {
                            queued.add(applied);
                        }
                    });
        } finally {
            long atEnd = reads.get();
            during = atEnd;
            // one more full round after the last switch
            io.graphstore.store.testing.Await.until("the reader read every deployment again", Duration.ofSeconds(60),
                    () -> reads.get() >= atEnd + names.size());
            reading.set(false);
            reader.join();
        }
        assertThat(firstError.get()).as("reads during the rebalance").isNull();
        assertThat(during).as("the reader read every deployment at least twice while the moves ran")
                .isGreaterThanOrEqualTo(2L * names.size());
        assertThat(queued).singleElement().satisfies(a -> assertThat(a.resumed()).isFalse());
        assertThat(summary.done()).isEqualTo(plan.moves().size());
        assertThat(summary.failed() + summary.left() + summary.stopped()).isZero();

        CopyAdmin copies = new CopyAdmin(store);
        List<Integer> old = new ArrayList<>();
        for (Move m : plan.moves()) {
            Site now = store.directory().resolveOne(m.deployment().name());
            assertThat(now.shard()).isEqualTo(ShardName.of("shard_d"));
            assertThat(copies.verify(now.namespace().value(), m.deployment().site().namespace().value()).identical())
                    .as(m.deployment().name()).isTrue();
            old.add(m.deployment().site().id().value());
        }
        assertThat(new ShardAdmin(store).plan(10, 1000, RebalancePlanner.By.COUNT).moves()).as("balanced now").isEmpty();
        assertThat(new MoveAdmin(store).log().latest(ShardMove.Kind.REBALANCE, Optional.empty()))
                .hasSize(plan.moves().size()).allMatch(m -> m.state() == ShardMove.State.DONE);

        UnusedAdmin unused = new UnusedAdmin(store);
        assertThat(unused.record()).extracting(UnusedAdmin.Unused::id).containsExactlyInAnyOrderElementsOf(old);
        assertThat(unused.remove(Duration.ZERO, 100, Optional.empty()).removed()).hasSize(old.size());
        for (String name : names) {
            assertThat(store.directory().sites(before.get(name).hash())).as(name).hasSize(1);
        }
    }
}
