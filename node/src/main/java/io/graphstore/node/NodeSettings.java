package io.graphstore.node;

import io.graphstore.store.StoreOptions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How often the node's services run. Each comes from an environment variable (milliseconds);
 * {@code docs/operations.md} lists the same.
 *
 * @param poll how often the node looks for copies without being told of a change, the
 *     fallback for a lost notification ({@code GRAPH_STORE_NODE_POLL_MS}, default 10000)
 * @param follow how often non-active copies catch up with their active copy
 *     ({@code GRAPH_STORE_FOLLOW_INTERVAL_MS}, default 2000)
 * @param probe how often every shard is probed and the metrics' samples are taken
 *     ({@code GRAPH_STORE_PROBE_INTERVAL_MS}, default 5000)
 * @param reaper how often unused deployments are recorded and removed
 *     ({@code GRAPH_STORE_REAPER_INTERVAL_MS}, default 300000: 5 minutes)
 */
public record NodeSettings(Duration poll, Duration follow, Duration probe, Duration reaper) {
    public static final String POLL_ENV = "GRAPH_STORE_NODE_POLL_MS";
    public static final String FOLLOW_ENV = "GRAPH_STORE_FOLLOW_INTERVAL_MS";
    public static final String PROBE_ENV = "GRAPH_STORE_PROBE_INTERVAL_MS";
    public static final String REAPER_ENV = "GRAPH_STORE_REAPER_INTERVAL_MS";

    public NodeSettings {
        for (Duration d : new Duration[] {poll, follow, probe, reaper}) {
            if (d.isNegative() || d.isZero()) {
                throw new io.graphstore.common.BadInputException("a node interval must be positive, not " + d);
            }
        }
    }

    public static NodeSettings defaults() {
        return new NodeSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(5));
    }

    public static NodeSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getenv(name)));
    }

    public static NodeSettings from(Function<String, Optional<String>> env) {
        NodeSettings d = defaults();
        return new NodeSettings(StoreOptions.millis(env, POLL_ENV, d.poll()), StoreOptions.millis(env, FOLLOW_ENV, d.follow()),
                StoreOptions.millis(env, PROBE_ENV, d.probe()), StoreOptions.millis(env, REAPER_ENV, d.reaper()));
    }
}
