package io.graphstore.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.CopySlots;
import io.graphstore.store.copy.CopyState;
import io.graphstore.store.copy.Transport;
import io.graphstore.store.copy.Verifier;
import io.graphstore.store.domain.Site;
import io.graphstore.store.synthetic.SyntheticIndexer;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.MultiShard;
import io.graphstore.store.testing.Samples;
import io.graphstore.store.testing.TestShards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Twelve copies from one shard pair at once, run by two nodes with different ids and a
 * foreground runner while their sources keep receiving blocks: never more than five run at
 * once, every copy finishes and equals its source, and nothing deadlocks or fails on
 * duplicate rows.
 */
@Tag("slow")
@MultiShard({"primary", "shard_a", "shard_b"})
class ManyCopiesStressTest {
    private static final String RULES = """
            [deployment]
            [[deployment.rule]]
            shard = "shard_a"
            indexers = ["default", "index_node_1"]
            """;
    private static final ShardName B = ShardName.of("shard_b");
    private static final int COPIES = 12;

    @Test
    void twelveCopiesTwoNodesAndAForegroundRunnerFinishWithinTheSlotLimit(TestShards shards) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        Config config = shards.config(RULES);
        ShardedStore store = shards.open(config);
        List<Site> sources = new ArrayList<>();
        List<Site> copies = new ArrayList<>();
        for (int n = 1; n <= COPIES; n++) {
            Site src = Samples.deployToken(store, "stress/d" + n, n).site();
            new SyntheticIndexer(store.deployments().data(src), n, 10).run(20, b -> { });
            sources.add(src);
            copies.add(new CopyAdmin(store).create(src.namespace().value(), B,
                    n % 2 == 0 ? NodeId.DEFAULT : NodeId.of("index_node_1"), 0, CopyAdmin.OnSync.NONE, Transport.COPY));
        }

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger mostRunning = new AtomicInteger();
        Thread writer = new Thread(() -> {
            int round = 0;
            while (writing.get()) {
                Site src = sources.get(round++ % COPIES);
                new SyntheticIndexer(store.deployments().data(src), 100 + round, 5).run(2, b -> { });
            }
        }, "stress-writer");
        Thread sampler = new Thread(() -> {
            while (writing.get()) {
                mostRunning.accumulateAndGet(CopySlots.taken(store.primary(), ShardName.of("shard_a"), B), Math::max);
                try {
                    Thread.sleep(20); // a sampling interval, not a wait for a condition
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "stress-sampler");
        Thread foreground = new Thread(() -> {
            ShardedStore own = shards.open(config);
            Site dst = copies.get(0);
            while (new CopyRunner(own, dst, () -> false, p -> { }).run() != CopyRunner.Outcome.FINISHED) {
                if (stored(own, dst) == CopyState.FINISHED) {
                    return; // a node finished it first
                }
                Thread.onSpinWait();
            }
        }, "stress-foreground");

        ShardedStore storeA = ShardedStore.open(config, NodeId.DEFAULT, TestShards.testOptions());
        ShardedStore storeB = ShardedStore.open(config, NodeId.of("index_node_1"), TestShards.testOptions());
        try (Node a = Node.start(storeA); Node b = Node.start(storeB)) {
            writer.start();
            sampler.start();
            foreground.start();
            Await.until("every copy finished", Duration.ofMinutes(5),
                    () -> copies.stream().allMatch(c -> stored(store, c) == CopyState.FINISHED));
            foreground.join();
            writing.set(false);
            writer.join();
            sampler.join();
            for (Site c : copies) {
                assertThat(Verifier.verify(store, c).identical()).as("copy %s", c.namespace()).isTrue();
            }
        } finally {
            writing.set(false);
            storeA.close();
            storeB.close();
            root.detachAppender(log);
        }
        assertThat(mostRunning.get()).as("copies running at once from shard_a to shard_b").isBetween(1, CopySlots.SLOTS);
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.ERROR);
        assertThat(log.list).map(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("duplicate key") || m.contains("deadlock"));
    }

    private static CopyState stored(ShardedStore store, Site dst) {
        return store.require(dst.shard()).jdbi().withExtension(CopyDao.class, d -> d.state(dst.id().value()))
                .orElseThrow().copyState();
    }
}
