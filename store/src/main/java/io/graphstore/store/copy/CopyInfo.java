package io.graphstore.store.copy;

import io.graphstore.store.domain.Site;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One copy as {@code graphman copy list} and {@code status} show it.
 *
 * @param state queued, running, stopped (started, nobody runs it now), finished or cancelled
 * @param percent rows copied in the bulk phase over rows to copy
 * @param why for a queued or stopped copy, what it waits for
 * @param srcRemoved the source no longer exists (replaced and removed as unused); {@code src}
 *     then holds only what the copy recorded of it: id, namespace and shard
 */
public record CopyInfo(Site dst, Site src, String state, double percent, int targetBlock, Optional<String> onSync,
        Optional<String> node, String transport, OffsetDateTime queuedAt, Optional<OffsetDateTime> startedAt,
        Optional<OffsetDateTime> finishedAt, Optional<OffsetDateTime> cancelledAt, Optional<String> why,
        List<CopyDao.TableState> tables, boolean srcRemoved) {
}
