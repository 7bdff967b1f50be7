package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What wiring did in database {@code dest} for shard {@code source}: the foreign server, the
 * user mapping and the mapped schemas, how long it took, and the first error.
 */
public record PairResult(ShardName dest, ShardName source, List<String> actions, Duration took,
        Optional<String> error) {
    public PairResult {
        actions = List.copyOf(actions);
    }

    public boolean ok() {
        return error.isEmpty();
    }

    /** Whether anything was created, altered or (re)mapped. */
    public boolean changed() {
        return actions.stream().anyMatch(a -> a.contains("created") || a.contains("altered") || a.contains("mapped"));
    }
}
