package io.graphstore.store.rebalance;

import java.util.List;
import java.util.Optional;

/**
 * A rebalance plan: the moves, in order, and what they add up to.
 *
 * @param considered active deployments under rules with more than one shard
 * @param bytesPerSecond the copy throughput the estimates use (empty: no copy measured yet)
 * @param limited whether {@code --max-moves} left moves out
 */
public record Plan(List<Move> moves, int considered, Optional<Double> bytesPerSecond, boolean limited) {
    public long bytes() {
        return moves.stream().mapToLong(m -> m.deployment().bytes()).sum();
    }

    /** Moves / deployments considered, 0 to 1. */
    public double share() {
        return considered == 0 ? 0 : (double) moves.size() / considered;
    }
}
