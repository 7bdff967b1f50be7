package io.graphstore.node;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyInspector;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Follower;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, on this node, the copies assigned to it that are not finished (resuming interrupted
 * ones), and keeps every other non-active site assigned to it following its active copy.
 * Checks every {@code tick}. Closing sets the stop flag: running copies finish the batch they
 * are in, record their progress and return.
 */
final class CopyWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWorker.class);

    private final ShardedStore store;
    private final NodeId node;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ScheduledExecutorService ticker;
    private final ExecutorService copies;
    private final Set<Integer> running = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Long> lastFailure = new ConcurrentHashMap<>();

    CopyWorker(ShardedStore store, NodeId node, Duration tick, int parallelCopies) {
        this.store = store;
        this.node = node;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "copy-scheduler"));
        this.copies = Executors.newFixedThreadPool(parallelCopies, r -> daemon(r, "copy-runner"));
        ticker.scheduleWithFixedDelay(this::tick, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void tick() {
        if (stop.get()) {
            return;
        }
        try {
            for (CopyInfo c : new CopyInspector(store).all()) {
                if (assignedHere(c.dst()) && !c.srcRemoved() && c.stored().runnable() && !c.running()
                        && running.add(c.dst().id().value())) {
                    copies.submit(() -> runCopy(c.dst()));
                }
            }
            for (Site site : store.directory().allSites()) {
                if (!site.active() && assignedHere(site) && !running.contains(site.id().value())
                        && store.pool(site.shard()).isPresent()) {
                    follow(site);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the copies assigned to node {} failed: {}", node, e.getMessage());
        }
    }

    private void runCopy(Site dst) {
        try {
            CopyRunner.Outcome outcome = new CopyRunner(store, dst, stop::get, p -> { }).run();
            String what = outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (outcome == CopyRunner.Outcome.QUEUED || outcome == CopyRunner.Outcome.ALREADY_RUNNING) {
                LOG.debug("copy {}: {}", dst.describe(), what); // asked again at every poll
            } else {
                LOG.info("copy {}: {}", dst.describe(), what);
            }
        } catch (RuntimeException e) {
            LOG.warn("copy {} failed: {}; it is retried", dst.describe(), e.getMessage());
        } finally {
            running.remove(dst.id().value());
        }
    }

    private void follow(Site site) {
        try {
            Follower.followOnce(store, site);
            lastFailure.remove(site.id().value());
        } catch (RuntimeException e) {
            if (lastFailure.put(site.id().value(), System.nanoTime()) == null) {
                LOG.warn("{} cannot follow its active copy now: {}", site.describe(), e.getMessage());
            }
        }
    }

    private boolean assignedHere(Site site) {
        return store.directory().assignment(site.id()).map(AssignmentDao.Row::nodeId)
                .filter(n -> n.equals(node.value())).isPresent();
    }

    @Override
    public void close() {
        stop.set(true);
        ticker.shutdownNow();
        copies.shutdown();
        try {
            copies.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
