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
 * @param mirrorInterval how often a node refreshes the directory mirrors even without changes
 *     ({@code GRAPH_STORE_MIRROR_INTERVAL_MS}, default 900000: 15 minutes)
 * @param mirrorDelay how long after a directory change a node refreshes the mirrors (changes
 *     in a burst give one refresh) ({@code GRAPH_STORE_MIRROR_DELAY_MS}, default 2000)
 * @param copyBatchTarget how long one copy batch should take; the batch size adapts to it
 *     ({@code GRAPH_STORE_COPY_BATCH_TARGET_MS}, default 1000)
 * @param copyMaxBatch the most rows one copy batch moves ({@code GRAPH_STORE_COPY_MAX_BATCH},
 *     default 2000000)
 * @param copyWorkers how many jobs of one copy run at the same time, each on its own pair of
 *     connections (workers beyond the first need a permit of the destination's
 *     {@code ShardPool.extraCopyWorkers}): one loads the tables one after another, the others
 *     build the indexes of the tables already loaded ({@code GRAPH_STORE_COPY_WORKERS}, default 3)
 * @param unusedRemoveAfter how long a node waits after recording a deployment as unused before
 *     removing it ({@code GRAPH_STORE_UNUSED_REMOVE_AFTER_MS}, default 21600000: 6 hours)
 * @param statementTimeout the longest a query may go without an answer: a socket read on a
 *     shard connection waits at most this long, and the probes of {@code database check} and of
 *     the fdw wiring run with it as their {@code statement_timeout}; bulk copy, index builds,
 *     rewinds, verify and removal are exempt ({@code GRAPH_STORE_STATEMENT_TIMEOUT_MS}, default
 *     60000)
 * @param breakerWait how long a shard's circuit breaker stays open after a failed connection
 *     before one call may probe it again ({@code GRAPH_STORE_BREAKER_WAIT_MS}, default 10000)
 */
public record StoreOptions(Duration connectTimeout, Duration migrationLockTimeout, Duration mirrorInterval,
        Duration mirrorDelay, Duration copyBatchTarget, long copyMaxBatch, int copyWorkers, Duration unusedRemoveAfter,
        Duration statementTimeout, Duration breakerWait) {
    public static final String CONNECT_TIMEOUT_ENV = "GRAPH_STORE_CONNECT_TIMEOUT_MS";
    public static final String MIGRATION_LOCK_TIMEOUT_ENV = "GRAPH_STORE_MIGRATION_LOCK_TIMEOUT_MS";
    public static final String MIRROR_INTERVAL_ENV = "GRAPH_STORE_MIRROR_INTERVAL_MS";
    public static final String MIRROR_DELAY_ENV = "GRAPH_STORE_MIRROR_DELAY_MS";
    public static final String COPY_BATCH_TARGET_ENV = "GRAPH_STORE_COPY_BATCH_TARGET_MS";
    public static final String COPY_MAX_BATCH_ENV = "GRAPH_STORE_COPY_MAX_BATCH";
    public static final String COPY_WORKERS_ENV = "GRAPH_STORE_COPY_WORKERS";
    public static final String UNUSED_REMOVE_AFTER_ENV = "GRAPH_STORE_UNUSED_REMOVE_AFTER_MS";
    public static final String STATEMENT_TIMEOUT_ENV = "GRAPH_STORE_STATEMENT_TIMEOUT_MS";
    public static final String BREAKER_WAIT_ENV = "GRAPH_STORE_BREAKER_WAIT_MS";

    public static StoreOptions defaults() {
        return new StoreOptions(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(15),
                Duration.ofSeconds(2), Duration.ofSeconds(1), 2_000_000, 3, Duration.ofHours(6), Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    public static StoreOptions fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getenv(name)));
    }

    public static StoreOptions from(Function<String, Optional<String>> env) {
        StoreOptions d = defaults();
        return new StoreOptions(
                millis(env, CONNECT_TIMEOUT_ENV, d.connectTimeout()),
                millis(env, MIGRATION_LOCK_TIMEOUT_ENV, d.migrationLockTimeout()),
                millis(env, MIRROR_INTERVAL_ENV, d.mirrorInterval()),
                millis(env, MIRROR_DELAY_ENV, d.mirrorDelay()),
                millis(env, COPY_BATCH_TARGET_ENV, d.copyBatchTarget()),
                count(env, COPY_MAX_BATCH_ENV, d.copyMaxBatch()),
                (int) Math.min(count(env, COPY_WORKERS_ENV, d.copyWorkers()), 64),
                millis(env, UNUSED_REMOVE_AFTER_ENV, d.unusedRemoveAfter()),
                millis(env, STATEMENT_TIMEOUT_ENV, d.statementTimeout()),
                millis(env, BREAKER_WAIT_ENV, d.breakerWait()));
    }

    public StoreOptions withConnectTimeout(Duration timeout) {
        return new StoreOptions(timeout, migrationLockTimeout, mirrorInterval, mirrorDelay, copyBatchTarget, copyMaxBatch,
                copyWorkers, unusedRemoveAfter, statementTimeout, breakerWait);
    }

    public StoreOptions withMirror(Duration interval, Duration delay) {
        return new StoreOptions(connectTimeout, migrationLockTimeout, interval, delay, copyBatchTarget, copyMaxBatch,
                copyWorkers, unusedRemoveAfter, statementTimeout, breakerWait);
    }

    public StoreOptions withMigrationLockTimeout(Duration timeout) {
        return new StoreOptions(connectTimeout, timeout, mirrorInterval, mirrorDelay, copyBatchTarget, copyMaxBatch,
                copyWorkers, unusedRemoveAfter, statementTimeout, breakerWait);
    }

    public StoreOptions withUnusedRemoveAfter(Duration after) {
        return new StoreOptions(connectTimeout, migrationLockTimeout, mirrorInterval, mirrorDelay, copyBatchTarget,
                copyMaxBatch, copyWorkers, after, statementTimeout, breakerWait);
    }

    public StoreOptions withCopyBatches(Duration target, long maxRows) {
        return new StoreOptions(connectTimeout, migrationLockTimeout, mirrorInterval, mirrorDelay, target, maxRows,
                copyWorkers, unusedRemoveAfter, statementTimeout, breakerWait);
    }

    /** The same options with {@code workers} copy workers. */
    public StoreOptions withCopyWorkers(int workers) {
        return new StoreOptions(connectTimeout, migrationLockTimeout, mirrorInterval, mirrorDelay, copyBatchTarget,
                copyMaxBatch, workers, unusedRemoveAfter, statementTimeout, breakerWait);
    }

    /** The same options with other query and breaker timings. */
    public StoreOptions withTimeouts(Duration statement, Duration breaker) {
        return new StoreOptions(connectTimeout, migrationLockTimeout, mirrorInterval, mirrorDelay, copyBatchTarget,
                copyMaxBatch, copyWorkers, unusedRemoveAfter, statement, breaker);
    }

    private static long count(Function<String, Optional<String>> env, String name, long fallback) {
        return positive(env, name, fallback, "a positive whole number");
    }

    /** Environment variable {@code name} as a positive number of milliseconds; bad input otherwise. */
    public static Duration millis(Function<String, Optional<String>> env, String name, Duration fallback) {
        return Duration.ofMillis(positive(env, name, fallback.toMillis(), "a positive number of milliseconds"));
    }

    /** The variable as a positive long, {@code fallback} when unset or blank; bad input otherwise. */
    private static long positive(Function<String, Optional<String>> env, String name, long fallback, String what) {
        Optional<String> raw = env.apply(name).filter(v -> !v.isBlank());
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(raw.get().trim());
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException("environment variable " + name + "='" + raw.get() + "' is not " + what
                    + "; unset it to use " + fallback);
        }
    }

    /** Settings as a map, for {@code --print} style output. */
    public Map<String, Object> describe() {
        return Map.of(CONNECT_TIMEOUT_ENV, connectTimeout.toMillis(),
                MIGRATION_LOCK_TIMEOUT_ENV, migrationLockTimeout.toMillis(),
                MIRROR_INTERVAL_ENV, mirrorInterval.toMillis(), MIRROR_DELAY_ENV, mirrorDelay.toMillis(),
                COPY_BATCH_TARGET_ENV, copyBatchTarget.toMillis(), COPY_MAX_BATCH_ENV, copyMaxBatch,
                COPY_WORKERS_ENV, copyWorkers, UNUSED_REMOVE_AFTER_ENV, unusedRemoveAfter.toMillis(),
                STATEMENT_TIMEOUT_ENV, statementTimeout.toMillis(), BREAKER_WAIT_ENV, breakerWait.toMillis());
    }
}
