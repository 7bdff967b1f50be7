package io.graphstore.graphman.copy;

import io.graphstore.node.view.CopyJson;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.copy.CopyDao;
import io.graphstore.store.copy.CopyInfo;
import io.graphstore.store.copy.CopyInspector;
import io.graphstore.store.domain.Site;
import java.time.Duration;
import java.time.OffsetDateTime;
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
        return CopyJson.time(t);
    }

    static String time(Optional<OffsetDateTime> t) {
        return t.map(CopyView::time).orElse("-");
    }

    /** Started to finished (or cancelled, or now while it has not ended); empty before it started. */
    static Optional<Duration> duration(CopyInfo c) {
        return CopyJson.duration(c);
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

    /** One copy for {@code --json}: the same keys in list, status and create, and in the node's /copies. */
    static Map<String, Object> asMap(Shown shown) {
        return CopyJson.asMap(shown.info(), shown.node(), shown.paused());
    }

    static Map<String, Object> tableMap(CopyDao.TableState t) {
        return CopyJson.tableMap(t);
    }
}
