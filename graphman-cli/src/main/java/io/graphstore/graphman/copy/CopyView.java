package io.graphstore.graphman.copy;

import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyInspector;
import io.graphstore.store.domain.Site;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the copy commands show a copy: a site as {@code sgd5 (shard_b)}, progress as a percent
 * with rows, times to the second, durations for people, and the maps {@code --json} prints.
 * Rows are real rows: the versions a table has to copy, counted in the source when the copy
 * was created, and the versions its batches copied.
 */
final class CopyView {
    private CopyView() {
    }

    /**
     * A copy with the node it is assigned to now. The directory's assignment decides who runs
     * it, and reassign and cancel change it; the node recorded in the copy state does not.
     */
    record Shown(CopyInfo info, Optional<String> node, boolean paused) {
        String nodeLabel() {
            return node.map(n -> paused ? n + " (paused)" : n).orElse("unassigned");
        }
    }

    static Shown shown(ShardedStore store, CopyInfo c) {
        var assignment = store.directory().assignment(c.dst().id());
        return new Shown(c, assignment.map(a -> a.nodeId()), assignment.map(a -> a.pausedAt() != null).orElse(false));
    }

    /** {@code sgd5 (shard_b)}. */
    static String site(Site s) {
        return s.namespace() + " (" + s.shard() + ")";
    }

    /** The copy's source, marked when it was removed since. */
    static String source(CopyInfo c) {
        return c.srcRemoved() ? c.src().namespace() + " (" + c.src().shard() + ", removed)" : site(c.src());
    }

    /** {@code 42.5%}, {@code 100%}. */
    static String percent(double p) {
        return p == Math.rint(p) ? (long) p + "%" : String.format(Locale.ROOT, "%.1f%%", p);
    }

    static long rowsTotal(CopyInfo c) {
        return CopyInspector.rowsTotal(c.tables());
    }

    static long rowsDone(CopyInfo c) {
        return CopyInspector.rowsDone(c.tables());
    }

    /** {@code 42.5% (5120/12040 rows)}. */
    static String progress(CopyInfo c) {
        return percent(c.percent()) + " (" + rowsDone(c) + "/" + rowsTotal(c) + " rows)";
    }

    /** What happens once the copy has caught up, for people. */
    static String onSync(CopyInfo c) {
        return switch (c.onSync().orElse("none")) {
            case "activate" -> "activate (it becomes the active copy once it has caught up)";
            case "replace" -> "replace (it becomes the active copy and the source is unassigned, then removed as"
                    + " unused)";
            default -> "none (it stays inactive; switch to it with 'graphman copy activate " + c.dst().hash() + " "
                    + c.dst().shard() + "')";
        };
    }

    static String time(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String time(Optional<OffsetDateTime> t) {
        return t.map(CopyView::time).orElse("-");
    }

    /** Started to finished (or cancelled, or now while it has not ended); empty before it started. */
    static Optional<Duration> duration(CopyInfo c) {
        return c.startedAt().map(start -> Duration.between(start,
                c.finishedAt().or(c::cancelledAt).orElseGet(OffsetDateTime::now)));
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 12 s}, {@code 2 h 3 min}. */
    static String human(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    /** One copy for {@code --json}: the same keys in list, status and create. */
    static Map<String, Object> asMap(Shown shown) {
        CopyInfo c = shown.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hash", c.dst().hash().value());
        m.put("dst", c.dst().namespace().value());
        m.put("dst_shard", c.dst().shard().value());
        m.put("src", c.src().namespace().value());
        m.put("src_shard", c.src().shard().value());
        m.put("src_removed", c.srcRemoved());
        m.put("state", c.state());
        m.put("percent", c.percent());
        m.put("rows_done", rowsDone(c));
        m.put("rows_total", rowsTotal(c));
        m.put("target_block", c.targetBlock());
        m.put("on_sync", c.onSync().orElse("none"));
        m.put("transport", c.transport());
        m.put("node", shown.node().orElse(null));
        m.put("paused", shown.paused());
        m.put("active", c.dst().active());
        m.put("queued_at", time(c.queuedAt()));
        m.put("started_at", c.startedAt().map(CopyView::time).orElse(null));
        m.put("finished_at", c.finishedAt().map(CopyView::time).orElse(null));
        m.put("cancelled_at", c.cancelledAt().map(CopyView::time).orElse(null));
        m.put("duration_ms", duration(c).map(Duration::toMillis).orElse(null));
        m.put("why", c.why().orElse(null));
        return m;
    }

    static Map<String, Object> tableMap(CopyDao.TableState t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table", t.entityType());
        m.put("done", t.done());
        m.put("next_vid", t.nextVid());
        m.put("target_vid", t.targetVid());
        m.put("rows_done", t.rowsDone());
        m.put("rows_total", t.rowsExpected());
        m.put("batch_size", t.batchSize());
        m.put("duration_ms", t.durationMs());
        m.put("started_at", Optional.ofNullable(t.startedAt()).map(CopyView::time).orElse(null));
        m.put("finished_at", Optional.ofNullable(t.finishedAt()).map(CopyView::time).orElse(null));
        return m;
    }
}
