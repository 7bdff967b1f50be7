package io.graphstore.node;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.mirror.MirrorService;
import io.graphstore.store.mirror.ShardMirror;
import java.time.Duration;
import java.util.List;

/**
 * The background services of one node over an open store. Starting it begins the work at
 * once; closing it stops every service (the store stays open; its owner closes it).
 */
public final class Node implements AutoCloseable {
    /** How often the node looks for copies to run and followers to bring up to date. */
    public static final Duration COPY_TICK = Duration.ofSeconds(2);
    /** Copies one node runs at once: as many as one shard pair has slots, so one node can keep a pair busy. */
    public static final int PARALLEL_COPIES = io.graphstore.store.copy.CopySlots.SLOTS;

    private final ShardedStore store;
    /** How often the node records and removes unused deployments. */
    public static final Duration REAPER_INTERVAL = Duration.ofMinutes(5);

    private final MirrorService mirror;
    private final CopyWorker copies;
    private final Reaper reaper;

    private Node(ShardedStore store, MirrorService mirror, CopyWorker copies, Reaper reaper) {
        this.store = store;
        this.mirror = mirror;
        this.copies = copies;
        this.reaper = reaper;
    }

    public static Node start(ShardedStore store) {
        MirrorService mirror = new MirrorService(store.mirror(), store.primary().connectionInfo(),
                store.options().mirrorInterval(), store.options().mirrorDelay(), store.options().connectTimeout());
        mirror.start();
        store.directory().enableCache();
        CopyWorker copies = new CopyWorker(store, store.node(), COPY_TICK, PARALLEL_COPIES);
        return new Node(store, mirror, copies, new Reaper(store, REAPER_INTERVAL));
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
        reaper.close();
        copies.close();
        mirror.close();
    }
}
