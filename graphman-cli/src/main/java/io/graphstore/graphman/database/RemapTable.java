package io.graphstore.graphman.database;

import io.graphstore.graphman.cli.Table;
import io.graphstore.store.fdw.PairResult;
import io.graphstore.store.fdw.RemapReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints a remap report: one row per (database, source shard) pair, the leftovers removed,
 * and a summary. A database that was down has one row whose source is {@code -}.
 */
final class RemapTable {
    private RemapTable() {
    }

    static void print(RemapReport report, long totalMs, PrintWriter out) {
        Table t = new Table("DEST", "SOURCE", "ACTIONS", "TIME(ms)", "ERROR");
        for (PairResult p : report.pairs()) {
            t.row(p.dest(), wholeDatabase(p) ? "-" : p.source(), actions(p), p.took().toMillis(), p.error().orElse(""));
        }
        t.print(out);
        for (String r : report.removed()) {
            out.println("removed: " + r);
        }
        long failed = report.pairs().stream().filter(p -> !p.ok()).count();
        long changed = report.pairs().stream().filter(p -> p.ok() && p.changed()).count();
        out.println(report.pairs().size() + " pairs: " + changed + " changed, "
                + (report.pairs().size() - changed - failed) + " unchanged, " + failed + " failed; "
                + report.removed().size() + " leftovers removed; " + totalMs + " ms");
        out.flush();
    }

    static Map<String, Object> asMap(RemapReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", report.pairs().stream().map(RemapTable::pair).toList());
        m.put("removed", report.removed());
        m.put("ok", report.ok());
        return m;
    }

    private static Map<String, Object> pair(PairResult p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dest", p.dest().value());
        m.put("source", wholeDatabase(p) ? null : p.source().value());
        m.put("actions", p.actions());
        m.put("ms", p.took().toMillis());
        m.put("error", p.error().orElse(null));
        return m;
    }

    /** The changes a pair made, or {@code unchanged}; the JSON output lists every action. */
    private static String actions(PairResult p) {
        if (!p.ok() && p.actions().isEmpty()) {
            return "-";
        }
        List<String> changes = p.actions().stream().filter(a -> !a.endsWith(" unchanged")).toList();
        return changes.isEmpty() ? "unchanged" : String.join(", ", changes);
    }

    /** The row for a database that could not be wired at all (only the primary maps itself). */
    private static boolean wholeDatabase(PairResult p) {
        return p.dest().equals(p.source()) && !p.dest().isPrimary();
    }
}
