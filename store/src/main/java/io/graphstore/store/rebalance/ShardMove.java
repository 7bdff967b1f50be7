package io.graphstore.store.rebalance;

import io.graphstore.common.ShardName;
import io.graphstore.store.domain.DeploymentHash;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of {@code public.shard_moves} (primary V7): a deployment moving from one shard to
 * another as part of a rebalance or a drain.
 *
 * @param batch the moves one command queued together
 * @param drained the shard a drain empties; empty for a rebalance
 * @param src the site moved from
 * @param dst the copy, once created
 * @param node the node the copy is assigned to
 * @param unassignAfter the deployment was unassigned before the move, and its new copy is unassigned after it
 */
public record ShardMove(int id, int batch, Kind kind, Optional<ShardName> drained, DeploymentHash deployment,
        String name, int src, ShardName from, ShardName to, Optional<Integer> dst, String node, boolean unassignAfter,
        long bytes, String why, State state, Optional<String> error, OffsetDateTime createdAt,
        Optional<OffsetDateTime> startedAt, Optional<OffsetDateTime> finishedAt) {

    /** What queued the move. */
    public enum Kind {
        REBALANCE, DRAIN;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** Where a move is; see the migration for what each means. */
    public enum State {
        PLANNED, COPYING, FAILED, DONE, STOPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Planned, copying or failed: the next run of the command continues it. */
        public boolean open() {
            return this == PLANNED || this == COPYING || this == FAILED;
        }

        static State of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }
    }

    /** "sgd12 (QmX…) shard_a -> shard_d". */
    public String describe() {
        return "sgd" + src + " " + deployment + " (" + name + ") " + from + " -> " + to;
    }
}
