package io.graphstore.store.mirror;

import io.graphstore.config.ConnectionInfo;
import io.graphstore.store.primary.DirectoryListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the mirrors fresh: refreshes every {@code interval} (graph-node: 15 minutes) and, as
 * graph-store adds, {@code debounce} after a directory change (changes in a burst give one
 * refresh). Failures are logged and retried at the next tick.
 */
public final class MirrorService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorService.class);

    private final MirrorRefresher refresher;
    private final DirectoryListener listener;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final Duration debounce;
    private final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
    private final AtomicReference<List<ShardMirror>> last = new AtomicReference<>(List.of());
    private volatile boolean failing;
    private final java.util.Map<io.graphstore.common.ShardName, java.util.concurrent.atomic.LongAdder> failures =
            new java.util.concurrent.ConcurrentHashMap<>();

    public MirrorService(MirrorRefresher refresher, ConnectionInfo primary, Duration interval, Duration debounce,
            Duration connectTimeout) {
        this.refresher = refresher;
        this.interval = interval;
        this.debounce = debounce;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mirror-refresh");
            t.setDaemon(true);
            return t;
        });
        this.listener = new DirectoryListener(primary, new DirectoryListener.Callbacks() {
            @Override
            public void changed(List<String> payloads) {
                soon();
            }

            @Override
            public void connected(boolean up) {
                if (up) {
                    soon();
                }
            }
        }, connectTimeout, "mirror-change-listener");
    }

    public MirrorService start() {
        scheduler.scheduleWithFixedDelay(this::refreshNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        listener.start();
        return this;
    }

    private void countFailure(io.graphstore.common.ShardName shard) {
        failures.computeIfAbsent(shard, s -> new java.util.concurrent.atomic.LongAdder()).increment();
    }

    /** How many refreshes of {@code shard}'s mirror failed since this service started (a primary down fails them all). */
    public long failures(io.graphstore.common.ShardName shard) {
        var n = failures.get(shard);
        return n == null ? 0 : n.sum();
    }

    /** The result of the latest refresh. */
    public List<ShardMirror> lastRefresh() {
        return last.get();
    }

    private void soon() {
        ScheduledFuture<?> next = scheduler.schedule(this::refreshNow, debounce.toMillis(), TimeUnit.MILLISECONDS);
        ScheduledFuture<?> before = pending.getAndSet(next);
        if (before != null) {
            before.cancel(false);
        }
    }

    private void refreshNow() {
        try {
            List<ShardMirror> result = refresher.refresh();
            last.set(result);
            result.stream().filter(m -> !m.ok()).forEach(m -> countFailure(m.shard()));
            result.stream().filter(m -> !m.ok()).forEach(m -> LOG.warn("refreshing the mirror in shard '{}' failed: {}",
                    m.shard(), m.error().get()));
            if (failing) {
                LOG.info("the directory mirror refreshes again");
                failing = false;
            }
        } catch (RuntimeException e) {
            refresher.shards().forEach(this::countFailure);
            if (!failing) {
                LOG.warn("cannot refresh the directory mirrors: {}", e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        listener.close();
        scheduler.shutdownNow();
    }
}
