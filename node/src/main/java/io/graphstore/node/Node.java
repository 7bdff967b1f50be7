package io.graphstore.node;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.domain.Site;
import io.graphstore.store.mirror.MirrorService;
import io.graphstore.store.mirror.ShardMirror;
import io.graphstore.store.primary.DirectoryListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background services of one node over an open store: mirror refresh, the copies and
 * followers assigned to the node, the unused-deployment reaper, and a status round (shard
 * probes, copies, heads) that feeds the metrics and the HTTP surface. Starting it begins the
 * work at once; closing it stops every service (the store stays open; its owner closes it).
 *
 * <p>Live pickup: the node subscribes to the primary's directory notifications before it reads
 * any state; every change (a copy created, cancelled or activated, a reassignment, a pause)
 * makes it look for work at once, and a lost connection makes it read everything again when
 * the listener is back. A slow poll stays as the fallback.
 *
 * <p>Drain: {@link #drain} takes no new work (copies, follows, reaper rounds); running copies
 * finish their batch, record their progress and return; then the node is {@code DRAINED}.
 * {@link #resume} takes work again. Two nodes with the same id never run one copy at once:
 * each copy has one run lock in the primary.
 */
public final class Node implements AutoCloseable {
    /** Copies one node runs at once: as many as one shard pair has slots, so one node can keep a pair busy. */
    public static final int PARALLEL_COPIES = io.graphstore.store.copy.CopySlots.SLOTS;
    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    /** Whether the node takes work. */
    public enum State { RUNNING, DRAINING, DRAINED }

    /** The drain state and what still runs. */
    public record DrainStatus(State state, List<String> running) {
    }

    private final ShardedStore store;
    private final NodeSettings settings;
    private final Instant startedAt = Instant.now();
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final ScheduledExecutorService drainWatch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-drain");
        t.setDaemon(true);
        return t;
    });
    private MirrorService mirror;
    private CopyWorker copies;
    private Reaper reaper;
    private StatusCollector status;
    private NodeMetrics metrics;

    private Node(ShardedStore store, NodeSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    public static Node start(ShardedStore store) {
        return start(store, NodeSettings.defaults());
    }

    public static Node start(ShardedStore store, NodeSettings settings) {
        Node node = new Node(store, settings);
        node.startServices();
        return node;
    }

    private void startServices() {
        mirror = new MirrorService(store.mirror(), store.primary().connectionInfo(), store.options().mirrorInterval(),
                store.options().mirrorDelay(), store.options().connectTimeout());
        mirror.start();
        metrics = new NodeMetrics(store, mirror, this::draining);
        // subscribe before reading any state: a change made while the state is read is not lost
        if (settings.live()) {
            subscribe();
        }
        store.directory().enableCache();
        awaitListener();
        copies = new CopyWorker(store, store.node(), settings, PARALLEL_COPIES, metrics);
        reaper = new Reaper(store, settings.reaper(), metrics);
        status = new StatusCollector(store, settings.probe(), metrics::update);
    }

    private void subscribe() {
        store.directory().subscribe(new DirectoryListener.Callbacks() {
            @Override
            public void changed(List<String> payloads) {
                wake(changedAt(payloads));
            }

            @Override
            public void connected(boolean up) {
                if (up) {
                    wake(Optional.empty()); // notifications may have been missed: read everything again
                }
            }
        });
    }

    private void awaitListener() {
        long deadline = System.nanoTime() + store.options().connectTimeout().toNanos();
        while (!store.directory().cacheActive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!store.directory().cacheActive()) {
            LOG.warn("the directory change listener is not connected yet; the node polls every {} s until it is",
                    settings.poll().toSeconds());
        }
    }

    private void wake(Optional<Instant> changedAt) {
        CopyWorker worker = copies;
        if (worker != null && state.get() == State.RUNNING) {
            worker.wake(changedAt);
        }
    }

    /** The earliest change time in the notifications (primary migration V4 adds it). */
    static Optional<Instant> changedAt(List<String> payloads) {
        Optional<Instant> earliest = Optional.empty();
        for (String p : payloads) {
            int space = p == null ? -1 : p.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            try {
                Instant at = Instant.ofEpochMilli(Long.parseLong(p.substring(space + 1)));
                if (earliest.isEmpty() || at.isBefore(earliest.get())) {
                    earliest = Optional.of(at);
                }
            } catch (NumberFormatException e) {
                // an older payload without a time
            }
        }
        return earliest;
    }

    /** Takes no new work; what runs finishes its batch. Draining twice is a no-op. */
    public DrainStatus drain() {
        if (state.compareAndSet(State.RUNNING, State.DRAINING)) {
            LOG.info("node {} drains: no new copies, follows or reaper rounds; running copies stop after their batch",
                    store.node());
            copies.pause();
            reaper.pause();
            drainWatch.scheduleWithFixedDelay(this::checkDrained, 0, 50, TimeUnit.MILLISECONDS);
        }
        return drainStatus();
    }

    private void checkDrained() {
        if (state.get() == State.DRAINING && copies.idle() && reaper.idle()
                && state.compareAndSet(State.DRAINING, State.DRAINED)) {
            LOG.info("node {} is drained", store.node());
        }
    }

    /** Takes work again (from draining or drained). */
    public DrainStatus resume() {
        State before = state.getAndSet(State.RUNNING);
        if (before != State.RUNNING) {
            LOG.info("node {} resumes work", store.node());
            reaper.resume();
            copies.resume();
        }
        return drainStatus();
    }

    public DrainStatus drainStatus() {
        return new DrainStatus(state.get(), copies.running().stream().map(Site::describe).sorted().toList());
    }

    /** Waits until drained; false when {@code timeout} passed first. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (state.get() != State.DRAINED) {
            if (state.get() == State.RUNNING || System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    public State state() {
        return state.get();
    }

    boolean draining() {
        return state.get() != State.RUNNING;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The last status round: shard probes, copies, heads, directory readability. */
    public NodeStatus status() {
        return status.last();
    }

    /** Whether the node takes work and the directory answers (from the primary or a mirror). */
    public boolean ready() {
        return state.get() == State.RUNNING && status.last().directoryReadable();
    }

    /** Every metric in Prometheus' text format. */
    public String prometheus() {
        return metrics.scrape();
    }

    /** What the latest mirror refresh did, per shard. */
    public List<ShardMirror> lastMirrorRefresh() {
        return mirror.lastRefresh();
    }

    public ShardedStore store() {
        return store;
    }

    /** Stops every service; running copies finish their current batch first. */
    @Override
    public void close() {
        drainWatch.shutdownNow();
        status.close();
        reaper.close();
        copies.close();
        mirror.close();
    }
}
