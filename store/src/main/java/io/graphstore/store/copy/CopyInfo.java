package io.graphstore.store.copy;

import io.graphstore.store.domain.Site;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * One copy as {@code graphman copy list} and {@code status} show it.
 *
 * @param state what the views show: the stored {@link CopyState} (queued, copying, catching up,
 *     finished, cancelled), except "following" for a finished copy that is not the active one
 *     and is assigned (its node keeps it in step), and "cancel requested" for a cancelled copy
 *     whose runner has not stopped yet
 * @param stored the state kept in the destination shard
 * @param running whether a process holds the copy's run lock now
 * @param percent rows copied in the bulk phase over rows to copy (real rows, counted in the
 *     source when the copy was prepared and by each batch; not vid ranges)
 * @param why for a copy still to run that nobody runs now, what it waits for
 * @param srcRemoved the source no longer exists (replaced and removed as unused); {@code src}
 *     then holds only what the copy recorded of it: id, namespace and shard
 */
public record CopyInfo(Site dst, Site src, String state, CopyState stored, boolean running, double percent, int targetBlock, Optional<String> onSync,
        Optional<String> node, String transport, OffsetDateTime queuedAt, Optional<OffsetDateTime> startedAt,
        Optional<OffsetDateTime> finishedAt, Optional<OffsetDateTime> cancelledAt, Optional<String> why,
        List<CopyDao.TableState> tables, boolean srcRemoved) {
}
