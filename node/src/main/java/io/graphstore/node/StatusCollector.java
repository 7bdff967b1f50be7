package io.graphstore.node;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.CopyAdmin;
import io.graphstore.store.admin.ShardStatus;
import io.graphstore.store.admin.TopologyAdmin;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link NodeStatus} every probe interval: probes every shard in parallel (which also
 * lets an open breaker probe and close), then reads copies and heads from the shards that
 * answered. A shard that hangs costs this round at most the probe's bound; it never blocks a
 * reader of the last status.
 */
final class StatusCollector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCollector.class);
    private final ShardedStore store;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "node-status");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<NodeStatus> last = new AtomicReference<>(NodeStatus.none());
    private final Consumer<NodeStatus> onStatus;

    StatusCollector(ShardedStore store, Duration interval, Consumer<NodeStatus> onStatus) {
        this.store = store;
        this.onStatus = onStatus;
        collect();
        scheduler.scheduleWithFixedDelay(this::collect, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    NodeStatus last() {
        return last.get();
    }

    private void collect() {
        try {
            TopologyAdmin topology = new TopologyAdmin(store);
            List<ShardStatus> shards = topology.probe();
            List<ShardName> up = shards.stream().filter(ShardStatus::reachable).map(ShardStatus::shard).toList();
            boolean directory = shards.stream().anyMatch(s -> s.deployments().isPresent());
            CopyAdmin.Listing copies = directory ? copies() : new CopyAdmin.Listing(List.of(), List.of());
            List<TopologyAdmin.Head> heads = List.of();
            try {
                heads = directory ? topology.heads(up) : List.of();
            } catch (RuntimeException e) {
                LOG.debug("reading the deployments' heads failed: {}", e.getMessage());
            }
            NodeStatus status = new NodeStatus(Instant.now(), shards, copies, heads, directory);
            last.set(status);
            onStatus.accept(status);
        } catch (RuntimeException e) {
            LOG.warn("taking the node's status failed: {}", e.getMessage());
        }
    }

    private CopyAdmin.Listing copies() {
        try {
            return new CopyAdmin(store).listing();
        } catch (RuntimeException e) {
            return new CopyAdmin.Listing(List.of(), List.of(String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
