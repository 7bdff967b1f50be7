package io.graphstore.node.view;

import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyInspector;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A copy as JSON: the same keys in {@code graphman copy list|status|create --json} and the
 * node's {@code GET /copies}. Rows are real rows (versions counted in the source when the copy
 * was created, and those its batches copied).
 */
public final class CopyJson {
    private CopyJson() {
    }

    /**
     * @param node the node the directory assigns the copy to now (empty: unassigned)
     * @param paused whether that assignment is paused
     */
    public static Map<String, Object> asMap(CopyInfo c, Optional<String> node, boolean paused) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", c.dst().hash().value());
        m.put("dst", c.dst().namespace().value());
        m.put("dst_shard", c.dst().shard().value());
        m.put("src", c.src().namespace().value());
        m.put("src_shard", c.src().shard().value());
        m.put("src_removed", c.srcRemoved());
        m.put("state", c.state());
        m.put("percent", c.percent());
        m.put("rows_done", CopyInspector.rowsDone(c.tables()));
        m.put("rows_total", CopyInspector.rowsTotal(c.tables()));
        m.put("target_block", c.targetBlock());
        m.put("on_sync", c.onSync().orElse("none"));
        m.put("transport", c.transport());
        m.put("node", node.orElse(null));
        m.put("paused", paused);
        m.put("active", c.dst().active());
        m.put("queued_at", time(c.queuedAt()));
        m.put("started_at", c.startedAt().map(CopyJson::time).orElse(null));
        m.put("finished_at", c.finishedAt().map(CopyJson::time).orElse(null));
        m.put("cancelled_at", c.cancelledAt().map(CopyJson::time).orElse(null));
        m.put("duration_ms", duration(c).map(Duration::toMillis).orElse(null));
        m.put("why", c.why().orElse(null));
        return m;
    }

    public static Map<String, Object> tableMap(CopyDao.TableState t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.entityType());
        m.put("done", t.done());
        m.put("next_vid", t.nextVid());
        m.put("target_vid", t.targetVid());
        m.put("rows_done", t.rowsDone());
        m.put("rows_total", t.rowsExpected());
        m.put("batch_size", t.batchSize());
        m.put("duration_ms", t.durationMs());
        m.put("started_at", Optional.ofNullable(t.startedAt()).map(CopyJson::time).orElse(null));
        m.put("finished_at", Optional.ofNullable(t.finishedAt()).map(CopyJson::time).orElse(null));
        return m;
    }

    /** To the second, ISO-8601. */
    public static String time(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Started to finished (or cancelled, or now while it has not ended); empty before it started. */
    public static Optional<Duration> duration(CopyInfo c) {
        return c.startedAt().map(start -> Duration.between(start,
                c.finishedAt().or(c::cancelledAt).orElseGet(OffsetDateTime::now)));
    }
}
