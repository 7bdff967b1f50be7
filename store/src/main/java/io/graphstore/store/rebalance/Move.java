package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import java.time.Duration;
import java.util.Optional;

/**
 * One planned move: copy {@code deployment} from {@code from} to {@code to} (with
 * {@code --replace}, so the new copy becomes active and the old one is reaped).
 *
 * @param estimate how long the copy should take at the copy throughput this installation measured
 */
public record Move(Placed deployment, ShardName from, ShardName to, String why, Optional<Duration> estimate) {
}
