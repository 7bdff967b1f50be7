package io.graphstore.node;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unused-deployment reaper: every {@code interval} records the deployments that became
 * unused and removes those recorded longer ago than the store's
 * {@code unusedRemoveAfter} (6 hours by default), a few at a time. A deployment that cannot
 * go yet, or whose removal failed, is logged with the reason when the reason changes.
 */
final class Reaper implements AutoCloseable {
    static final int REMOVE_PER_ROUND = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unused-reaper");
        t.setDaemon(true);
        return t;
    });

    /** The last reason each skipped deployment gave, so a reason is logged once, not every round. */
    private final Map<Integer, String> lastReason = new ConcurrentHashMap<>();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicBoolean inRound = new AtomicBoolean();
    private final NodeEvents events;

    Reaper(ShardedStore store, Duration interval, NodeEvents events) {
        this.events = events;
        scheduler.scheduleWithFixedDelay(() -> round(store), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void round(ShardedStore store) {
        inRound.set(true);
        try {
            if (paused.get()) {
                return;
            }
            UnusedAdmin unused = new UnusedAdmin(store);
            var recorded = unused.record();
            recorded.forEach(u -> LOG.info("recorded {} ({} in {}) as unused", u.namespace(), u.deployment(), u.shard()));
            events.unusedRecorded(recorded.size());
            if (paused.get()) {
                return;
            }
            UnusedAdmin.Removal removal = unused.remove(store.options().unusedRemoveAfter(), REMOVE_PER_ROUND,
                    Optional.empty());
            events.unusedRemoved(removal.removed().size());
            log(removal);
        } catch (RuntimeException e) {
            LOG.warn("the unused-deployment reaper failed this round: {}", e.getMessage());
        } finally {
            inRound.set(false);
        }
    }

    /** No new round starts until {@link #resume}; a round in progress finishes. */
    void pause() {
        paused.set(true);
    }

    void resume() {
        paused.set(false);
    }

    boolean idle() {
        return !inRound.get();
    }

    private void log(UnusedAdmin.Removal removal) {
        for (UnusedAdmin.Unused u : removal.removed()) {
            lastReason.remove(u.id());
            LOG.info("removed unused deployment {} ({} in {})", u.namespace(), u.deployment(), u.shard());
        }
        for (UnusedAdmin.Skipped s : removal.skipped()) {
            if (s.reason().equals(lastReason.put(s.deployment().id(), s.reason()))) {
                continue;
            }
            if (s.failed()) {
                LOG.warn("removing unused deployment {} failed: {}; it is tried again", s.deployment().describe(),
                        s.reason());
            } else {
                LOG.info("unused deployment {} is not removed yet: {}", s.deployment().describe(), s.reason());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
