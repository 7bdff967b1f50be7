package io.graphstore.store.pool;

import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to the requests made to one shard since the process started, and whether the
 * latest connection attempt (a real one or a probe) reached it. Counted in memory by the
 * shard's pool: a statement run through Jdbi counts as {@code ok} or {@code error} (or
 * {@code connection_error} when its connection broke or hung); a connection that could not be
 * opened counts as {@code connection_error}, one refused at once by the open breaker as
 * {@code short_circuited}. The node's metrics read these counters.
 */
public final class ShardRequests {
    /** The outcome label of a request, as the metrics name it. */
    public enum Outcome {
        OK("ok"), CONNECTION_ERROR("connection_error"), ERROR("error"), SHORT_CIRCUITED("short_circuited");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final LongAdder[] counts = new LongAdder[Outcome.values().length];
    private volatile boolean up = true;
    private volatile Instant lastAttempt = Instant.EPOCH;

    ShardRequests() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    void count(Outcome outcome) {
        counts[outcome.ordinal()].increment();
    }

    /** A connection attempt reached the shard ({@code true}) or did not. */
    void connected(boolean reached) {
        up = reached;
        lastAttempt = Instant.now();
    }

    public long total(Outcome outcome) {
        return counts[outcome.ordinal()].sum();
    }

    /** Whether the latest connection attempt reached the shard (true before the first one). */
    public boolean up() {
        return up;
    }

    /** When the latest connection attempt was made (the epoch before the first). */
    public Instant lastAttempt() {
        return lastAttempt;
    }
}
