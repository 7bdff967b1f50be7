package io.graphstore.graphman.database;

import io.graphstore.common.ShardName;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.fdw.CheckResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prints connectivity results as a matrix: a row per database that ran the probes, a column
 * per shard they reached; cells {@code ok 12ms} or {@code FAIL}, {@code -} on the diagonal.
 * The first error of each failing pair follows on its own line.
 */
final class CheckMatrix {
    private CheckMatrix() {
    }

    static void print(List<ShardName> shards, List<CheckResult> results, PrintWriter out) {
        List<String> header = new ArrayList<>(List.of("DATABASE"));
        shards.forEach(s -> header.add(s.value()));
        Table t = new Table(header.toArray(String[]::new));
        for (ShardName dest : shards) {
            List<Object> row = new ArrayList<>(List.of(dest.value()));
            for (ShardName source : shards) {
                row.add(find(results, dest, source).map(CheckMatrix::cell).orElse("-"));
            }
            t.row(row.toArray());
        }
        t.print(out);
        List<CheckResult> failed = results.stream().filter(r -> !r.ok()).toList();
        if (!failed.isEmpty()) {
            out.println();
            failed.forEach(r -> out.println(r.dest() + " -> " + r.source() + ": "
                    + r.firstError().orElse(r.passed() + " of " + r.probes() + " probes passed")));
        }
        out.println(results.size() + " pairs: " + (results.size() - failed.size()) + " ok, " + failed.size() + " failed");
        out.flush();
    }

    static Map<String, Object> asMap(List<CheckResult> results, boolean ok) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", results.stream().map(CheckMatrix::result).toList());
        m.put("ok", ok);
        return m;
    }

    private static Map<String, Object> result(CheckResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dest", r.dest().value());
        m.put("source", r.source().value());
        m.put("probes", r.probes());
        m.put("passed", r.passed());
        m.put("ms", r.latency().toMillis());
        m.put("error", r.firstError().orElse(null));
        return m;
    }

    private static Optional<CheckResult> find(List<CheckResult> results, ShardName dest, ShardName source) {
        return results.stream().filter(r -> r.dest().equals(dest) && r.source().equals(source)).findFirst();
    }

    private static String cell(CheckResult r) {
        return r.ok() ? "ok " + r.latency().toMillis() + "ms" : "FAIL";
    }
}
