package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.util.Optional;

/**
 * The probes run in database {@code dest} against shard {@code source} through postgres_fdw:
 * how many succeeded, how long they took together, and the first error.
 */
public record CheckResult(ShardName dest, ShardName source, int probes, int passed, Duration latency,
        Optional<String> firstError) {
    public boolean ok() {
        return firstError.isEmpty() && passed == probes;
    }
}
