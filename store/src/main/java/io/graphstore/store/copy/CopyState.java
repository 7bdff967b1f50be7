package io.graphstore.store.copy;

import java.util.Locale;

/**
 * The life of a copy, kept in its destination shard ({@code subgraphs.copy_state.state}) and
 * changed only by {@link CopyDao}'s transitions: queued, copying, catching up, finished;
 * cancelled from any state but finished. Whether a process runs the copy now is not a state
 * but the run lock in the primary ({@link CopySlots}).
 */
public enum CopyState {
    QUEUED, COPYING, CATCHING_UP, FINISHED, CANCELLED;

    static CopyState of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }

    /** Still to be run: a node (or 'copy run') picks it up. */
    public boolean runnable() {
        return this == QUEUED || this == COPYING || this == CATCHING_UP;
    }

    /** How people read it: "catching up". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
