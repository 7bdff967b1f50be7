package io.graphstore.store.mirror;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One shard's mirror after a refresh or a status read.
 *
 * @param refreshedAt when the mirror was last refreshed (empty: never)
 * @param rows rows copied by this refresh (0 for a status read)
 * @param error why this refresh failed
 */
public record ShardMirror(ShardName shard, Optional<OffsetDateTime> refreshedAt, long rows, Duration took,
        Optional<String> error) {
    public boolean ok() {
        return error.isEmpty();
    }

    /** Age of the mirror, empty when it was never refreshed. */
    public Optional<Duration> age() {
        return refreshedAt.map(t -> Duration.between(t.toInstant(), java.time.Instant.now()));
    }
}
