package io.graphstore.node;

import io.graphstore.common.NodeId;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyInspector;
import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.copy.Follower;
import io.graphstore.store.domain.Site;
import io.graphstore.store.primary.AssignmentDao;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, on this node, the copies assigned to it that are not finished (resuming interrupted
 * ones), and keeps every other non-active site assigned to it following its active copy.
 *
 * <p>Copies are looked for when {@link #wake} is called (a directory change, a copy of this
 * node ending) and every {@code poll} as a fallback; following runs every {@code follow}.
 * {@link #pause} (drain) sets the stop flag: running copies finish the batch they are in, record
 * their progress and return, and nothing new starts until {@link #resume}. Closing pauses and
 * waits for the copies.
 */
final class CopyWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CopyWorker.class);
    /** How soon a copy that found its pair's slots full, ran elsewhere or failed is tried again. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ShardedStore store;
    private final NodeId node;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicBoolean tickPending = new AtomicBoolean();
    private final AtomicInteger busy = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private final ScheduledExecutorService follower;
    private final ExecutorService copies;
    private final Map<Integer, Site> running = new ConcurrentHashMap<>();
    private final Map<Integer, Long> lastFailure = new ConcurrentHashMap<>();
    private final NodeEvents events;

    CopyWorker(ShardedStore store, NodeId node, NodeSettings settings, int parallelCopies, NodeEvents events) {
        this.store = store;
        this.node = node;
        this.events = events;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "copy-scheduler"));
        this.follower = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "copy-follower"));
        this.copies = Executors.newFixedThreadPool(parallelCopies, r -> daemon(r, "copy-runner"));
        ticker.scheduleWithFixedDelay(() -> wake(java.util.Optional.empty()), 0, settings.poll().toMillis(),
                TimeUnit.MILLISECONDS);
        follower.scheduleWithFixedDelay(this::followAll, settings.follow().toMillis(), settings.follow().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Looks for copies to run now (at most one look queued at a time). {@code changedAt} is when
     * the directory change that asked for it was made, for the pickup lag.
     */
    void wake(java.util.Optional<java.time.Instant> changedAt) {
        if (tickPending.compareAndSet(false, true)) {
            try {
                ticker.execute(() -> {
                    tickPending.set(false);
                    tick();
                    changedAt.ifPresent(events::pickedUp);
                });
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                tickPending.set(false);
            }
        }
    }

    private void tick() {
        if (stop.get()) {
            return;
        }
        busy.incrementAndGet();
        try {
            for (CopyInspector.Runnable c : new CopyInspector(store).runnable()) {
                // a copy whose source was removed cannot finish: 'copy list' says so, the node leaves it
                if (assignedHere(c.dst()) && store.directory().site(c.src()).isPresent()
                        && running.putIfAbsent(c.dst().id().value(), c.dst()) == null) {
                    copies.submit(() -> runCopy(c.dst()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the copies assigned to node {} failed: {}", node, e.getMessage());
        } finally {
            busy.decrementAndGet();
        }
    }

    private void followAll() {
        if (stop.get()) {
            return;
        }
        busy.incrementAndGet();
        try {
            for (Site site : store.directory().allSites()) {
                if (stop.get()) {
                    return;
                }
                if (!site.active() && assignedHere(site) && !running.containsKey(site.id().value())
                        && store.pool(site.shard()).isPresent()) {
                    follow(site);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("checking the copies node {} keeps following failed: {}", node, e.getMessage());
        } finally {
            busy.decrementAndGet();
        }
    }

    private void runCopy(Site dst) {
        CopyRunner.Outcome outcome = null;
        try {
            events.copyStarted(dst);
            outcome = new CopyRunner(store, dst, stop::get, p -> { }).run();
            String what = outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (outcome == CopyRunner.Outcome.QUEUED || outcome == CopyRunner.Outcome.ALREADY_RUNNING) {
                LOG.debug("copy {}: {}", dst.describe(), what); // asked again at every look
            } else {
                LOG.info("copy {}: {}", dst.describe(), what);
            }
        } catch (RuntimeException e) {
            LOG.warn("copy {} failed: {}; it is retried", dst.describe(), e.getMessage());
        } finally {
            running.remove(dst.id().value());
            events.copyEnded(dst, java.util.Optional.ofNullable(outcome));
        }
        if (outcome == CopyRunner.Outcome.FINISHED || outcome == CopyRunner.Outcome.CANCELLED) {
            wake(java.util.Optional.empty()); // its slot is free: a queued copy can start now
        } else if (outcome != CopyRunner.Outcome.STOPPED) {
            // slots full, run elsewhere, or failed: try again soon, not in a tight loop
            try {
                ticker.schedule(() -> wake(java.util.Optional.empty()), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // the worker is closing
            }
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

    /** Starts nothing new; running copies stop after their current batch. */
    void pause() {
        stop.set(true);
    }

    /** Takes work again and looks for copies at once. */
    void resume() {
        stop.set(false);
        wake(java.util.Optional.empty());
    }

    /** Whether no copy runs and no look or follow is in progress. */
    boolean idle() {
        return running.isEmpty() && busy.get() == 0;
    }

    /** The copies running on this node now. */
    List<Site> running() {
        return List.copyOf(running.values());
    }

    @Override
    public void close() {
        stop.set(true);
        ticker.shutdownNow();
        follower.shutdownNow();
        copies.shutdown();
        try {
            copies.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
