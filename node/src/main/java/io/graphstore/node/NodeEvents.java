package io.graphstore.node;

import io.graphstore.store.copy.CopyRunner;
import io.graphstore.store.domain.Site;
import java.time.Instant;
import java.util.Optional;

/** What the node's services report as they work; the node's metrics count it. */
interface NodeEvents {
    /** The node acted on a directory change made at {@code changedAt}. */
    void pickedUp(Instant changedAt);

    void copyStarted(Site dst);

    /** A copy run returned ({@code outcome}) or failed (empty). */
    void copyEnded(Site dst, Optional<CopyRunner.Outcome> outcome);

    void unusedRecorded(int count);

    void unusedRemoved(int count);
}
