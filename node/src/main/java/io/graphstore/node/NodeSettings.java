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
 * @param live whether directory notifications (LISTEN on the primary) wake the node; off only
 *     where LISTEN cannot work, such as a transaction-pooling PgBouncer in front of the primary,
 *     and then the poll alone finds work ({@code GRAPH_STORE_NODE_LIVE_PICKUP}, default true)
 */
public record NodeSettings(Duration poll, Duration follow, Duration probe, Duration reaper, boolean live) {
    public static final String POLL_ENV = "GRAPH_STORE_NODE_POLL_MS";
    public static final String FOLLOW_ENV = "GRAPH_STORE_FOLLOW_INTERVAL_MS";
    public static final String PROBE_ENV = "GRAPH_STORE_PROBE_INTERVAL_MS";
    public static final String REAPER_ENV = "GRAPH_STORE_REAPER_INTERVAL_MS";
    public static final String LIVE_ENV = "GRAPH_STORE_NODE_LIVE_PICKUP";

    public NodeSettings {
        for (Duration d : new Duration[] {poll, follow, probe, reaper}) {
            if (d.isNegative() || d.isZero()) {
                throw new io.graphstore.common.BadInputException("a node interval must be positive, not " + d);
            }
        }
    }

    public static NodeSettings defaults() {
        return new NodeSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(5), true);
    }

    public static NodeSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getenv(name)));
    }

    public static NodeSettings from(Function<String, Optional<String>> env) {
        NodeSettings d = defaults();
        return new NodeSettings(StoreOptions.millis(env, POLL_ENV, d.poll()), StoreOptions.millis(env, FOLLOW_ENV, d.follow()),
                StoreOptions.millis(env, PROBE_ENV, d.probe()), StoreOptions.millis(env, REAPER_ENV, d.reaper()),
                live(env));
    }

    /** A copy with another poll interval and live pickup on or off. */
    public NodeSettings withPickup(Duration poll, boolean live) {
        return new NodeSettings(poll, follow, probe, reaper, live);
    }

    private static boolean live(Function<String, Optional<String>> env) {
        Optional<String> raw = env.apply(LIVE_ENV).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return true;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new io.graphstore.common.BadInputException("environment variable " + LIVE_ENV + "="
                    + io.graphstore.common.Echo.quoted(raw.get()) + " is not true or false; unset it for true");
        };
    }
}
