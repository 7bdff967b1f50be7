package io.graphstore.store.node;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unused-deployment reaper: every {@code interval} records the deployments that became
 * unused and removes those recorded longer ago than the store's
 * {@code unusedRemoveAfter} (6 hours by default), a few at a time.
 */
final class Reaper implements AutoCloseable {
    static final int REMOVE_PER_ROUND = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unused-reaper");
        t.setDaemon(true);
        return t;
    });

    Reaper(ShardedStore store, Duration interval) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                UnusedAdmin unused = new UnusedAdmin(store);
                unused.record().forEach(u -> LOG.info("recorded {} ({} in {}) as unused", u.namespace(), u.deployment(),
                        u.shard()));
                unused.remove(store.options().unusedRemoveAfter(), REMOVE_PER_ROUND, Optional.empty())
                        .forEach(u -> LOG.info("removed unused deployment {} ({} in {})", u.namespace(), u.deployment(),
                                u.shard()));
            } catch (RuntimeException e) {
                LOG.warn("the unused-deployment reaper failed this round: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
