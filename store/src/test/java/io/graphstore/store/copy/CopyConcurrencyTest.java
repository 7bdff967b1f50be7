package io.graphstore.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.domain.Site;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.TestShards;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@MultiShard({"primary", "shard_a", "shard_b"})
class CopyConcurrencyTest {

    @Test
    void twentyConcurrentCreatesOfOneCopyMakeOneSite(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        Site src = CopyTestSupport.deployAndIndex(store, "race/one", 1, 20, 10);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<Site>>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return Optional.of(new CopyAdmin(store).create("race/one", CopyTest.B, NodeId.DEFAULT, 0,
                            CopyAdmin.OnSync.NONE, Transport.COPY));
                } catch (BadInputException e) {
                    assertThat(e.getMessage()).contains("already has a copy");
                    return Optional.<Site>empty();
                }
            }));
        }
        go.countDown();
        int created = 0;
        for (Future<Optional<Site>> f : results) {
            created += f.get().isPresent() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(store.directory().sites(src.hash())).filteredOn(s -> s.shard().equals(CopyTest.B)).hasSize(1);
        assertThat(CopyTest.count(shards, CopyTest.B, "select count(*) from subgraphs.copy_state")).isEqualTo(1);
    }

    @Test
    void atMostFiveCopiesRunPerShardPairEvenWhenManyTryAtOnce(TestShards shards) throws Exception {
        ShardedStore store = shards.open(shards.config(CopyTest.RULES));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<CopySlots.Slot>>> tries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tries.add(pool.submit(() -> {
                go.await();
                return CopySlots.tryAcquire(store.primary(), CopyTest.A, CopyTest.B);
            }));
        }
        go.countDown();
        List<CopySlots.Slot> held = new ArrayList<>();
        for (var f : tries) {
            f.get().ifPresent(held::add);
        }
        pool.shutdown();
        try {
            assertThat(held).hasSize(CopySlots.SLOTS);
            assertThat(CopySlots.taken(store.primary(), CopyTest.A, CopyTest.B)).isEqualTo(CopySlots.SLOTS);
            assertThat(CopySlots.tryAcquire(store.primary(), CopyTest.B, CopyTest.A)).as("another pair has its own slots")
                    .hasValueSatisfying(CopySlots.Slot::close);
        } finally {
            held.forEach(CopySlots.Slot::close);
        }
        assertThat(CopySlots.taken(store.primary(), CopyTest.A, CopyTest.B)).isZero();
    }
}
