package io.graphstore.store.node;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.mirror.MirrorService;
import io.graphstore.store.mirror.ShardMirror;
import java.util.List;

/**
 * The background services of one node over an open store. Starting it begins the work at
 * once; closing it stops every service (the store stays open; its owner closes it).
 */
public final class Node implements AutoCloseable {
    private final ShardedStore store;
    private final MirrorService mirror;

    private Node(ShardedStore store, MirrorService mirror) {
        this.store = store;
        this.mirror = mirror;
    }

    public static Node start(ShardedStore store) {
        MirrorService mirror = new MirrorService(store.mirror(), store.primary().connectionInfo(),
                store.options().mirrorInterval(), store.options().mirrorDelay(), store.options().connectTimeout());
        mirror.start();
        store.directory().enableCache();
        return new Node(store, mirror);
    }

    /** What the latest mirror refresh did, per shard. */
    public List<ShardMirror> lastMirrorRefresh() {
        return mirror.lastRefresh();
    }

    public ShardedStore store() {
        return store;
    }

    @Override
    public void close() {
        mirror.close();
    }
}
