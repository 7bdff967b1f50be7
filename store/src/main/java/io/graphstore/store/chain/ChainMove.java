package io.graphstore.store.chain;

import java.util.Optional;

/**
 * What one run of {@link ChainMover} did. {@code copied} counts the blocks this run added to the
 * destination; {@code blocks} is what the chain holds where it now lives.
 */
public record ChainMove(Outcome outcome, String chain, String from, String to, String namespace, long blocks,
        Optional<Long> earliest, Optional<Long> latest, long copied, int batches, int verifiedRanges,
        int repairedRanges, Optional<Long> next, Optional<String> problem) {

    public enum Outcome {
        /** The directory names the new shard and the old namespace is gone. */
        MOVED,
        /** Stopped on request between batches; running the move again continues. */
        STOPPED,
        /** Switched, but the old namespace could not be dropped; running the move again drops it. */
        OLD_NOT_DROPPED,
        /** A move under way was given up: its partial copy dropped, the chain stays where it was. */
        CANCELLED
    }

    /** How far a move is: blocks numbered below {@code next} are copied, out of the source's range. */
    public record Progress(String phase, long done, long total) {
    }
}
