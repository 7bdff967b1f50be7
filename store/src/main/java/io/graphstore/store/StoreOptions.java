package io.graphstore.store;

import io.graphstore.common.BadInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tuning that is not part of graph-node.toml. Every setting is declared here once, with its
 * environment variable, default and meaning; {@code docs/config.md} lists the same.
 *
 * @param connectTimeout how long opening a connection to a shard may take before the shard
 *     counts as down ({@code GRAPH_STORE_CONNECT_TIMEOUT_MS}, default 5000)
 * @param migrationLockTimeout how long to wait for another process's migration to finish
 *     ({@code GRAPH_STORE_MIGRATION_LOCK_TIMEOUT_MS}, default 120000)
 */
public record StoreOptions(Duration connectTimeout, Duration migrationLockTimeout) {
    public static final String CONNECT_TIMEOUT_ENV = "GRAPH_STORE_CONNECT_TIMEOUT_MS";
    public static final String MIGRATION_LOCK_TIMEOUT_ENV = "GRAPH_STORE_MIGRATION_LOCK_TIMEOUT_MS";

    public static StoreOptions defaults() {
        return new StoreOptions(Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    public static StoreOptions fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getenv(name)));
    }

    public static StoreOptions from(Function<String, Optional<String>> env) {
        StoreOptions d = defaults();
        return new StoreOptions(
                millis(env, CONNECT_TIMEOUT_ENV, d.connectTimeout()),
                millis(env, MIGRATION_LOCK_TIMEOUT_ENV, d.migrationLockTimeout()));
    }

    public StoreOptions withConnectTimeout(Duration timeout) {
        return new StoreOptions(timeout, migrationLockTimeout);
    }

    private static Duration millis(Function<String, Optional<String>> env, String name, Duration fallback) {
        Optional<String> raw = env.apply(name).filter(v -> !v.isBlank());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long ms = Long.parseLong(raw.get().trim());
            if (ms <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new BadInputException("environment variable " + name + "='" + raw.get()
                    + "' is not a positive number of milliseconds; unset it to use "
                    + fallback.toMillis());
        }
    }

    /** Settings as a map, for {@code --print} style output. */
    public Map<String, Object> describe() {
        return Map.of(CONNECT_TIMEOUT_ENV, connectTimeout.toMillis(),
                MIGRATION_LOCK_TIMEOUT_ENV, migrationLockTimeout.toMillis());
    }
}
