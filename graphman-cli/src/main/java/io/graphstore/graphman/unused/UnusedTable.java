package io.graphstore.graphman.unused;

import io.graphstore.graphman.cli.Table;
import io.graphstore.store.admin.UnusedAdmin;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints unused deployments for people or as JSON-ready maps. */
final class UnusedTable {
    private UnusedTable() {
    }

    static void print(List<UnusedAdmin.Unused> rows, PrintWriter out) {
        Table t = new Table("NAMESPACE", "SHARD", "HASH", "NAMES", "ENTITIES", "UNUSED SINCE", "REMOVED");
        for (UnusedAdmin.Unused u : rows) {
            t.row(u.namespace(), u.shard(), u.deployment(), u.subgraphs().isEmpty() ? "-" : String.join(", ", u.subgraphs()),
                    u.entityCount() == null ? "unknown" : u.entityCount(), u.unusedAt().withNano(0), removed(u));
        }
        t.print(out);
    }

    private static String removed(UnusedAdmin.Unused u) {
        if (u.removedAt() != null) {
            return u.removedAt().withNano(0).toString();
        }
        return u.removalStartedAt() == null ? "-" : "begun " + u.removalStartedAt().withNano(0) + ", not finished";
    }

    static Map<String, Object> asMap(UnusedAdmin.Unused u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", u.namespace());
        m.put("shard", u.shard());
        m.put("hash", u.deployment());
        m.put("names", u.subgraphs());
        m.put("entity_count", u.entityCount());
        m.put("unused_at", u.unusedAt().toString());
        m.put("removal_started_at", u.removalStartedAt() == null ? null : u.removalStartedAt().toString());
        m.put("removed_at", u.removedAt() == null ? null : u.removedAt().toString());
        return m;
    }

    static List<Map<String, Object>> asMaps(List<UnusedAdmin.Unused> rows) {
        return rows.stream().map(UnusedTable::asMap).toList();
    }
}
