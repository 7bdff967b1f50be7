package io.graphstore.graphman.database;

import io.graphstore.graphman.cli.Table;
import io.graphstore.store.schema.MigrationReport;
import io.graphstore.store.schema.ShardMigration;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints a migration report as a table or as JSON-ready maps. */
public final class MigrationTable {
    private MigrationTable() {
    }

    public static void print(MigrationReport report, PrintWriter out) {
        Table t = new Table("SHARD", "STATUS", "SHARD SCHEMA", "DIRECTORY SCHEMA", "NOTE");
        for (ShardMigration m : report.shards()) {
            t.row(m.shard(), m.status().label(),
                    change(m.shardVersionBefore(), m.shardVersionAfter(), m.ok()),
                    m.shard().isPrimary() ? change(m.primaryVersionBefore(), m.primaryVersionAfter(), m.ok()) : "-",
                    m.problem().orElse(""));
        }
        t.print(out);
    }

    public static List<Map<String, Object>> asMaps(MigrationReport report) {
        return report.shards().stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("shard", m.shard().value());
            row.put("status", m.status().label());
            row.put("shard_version_before", m.shardVersionBefore().orElse(null));
            row.put("shard_version_after", m.shardVersionAfter().orElse(null));
            if (m.shard().isPrimary()) {
                row.put("primary_version_before", m.primaryVersionBefore().orElse(null));
                row.put("primary_version_after", m.primaryVersionAfter().orElse(null));
            }
            row.put("migrations_applied", m.migrationsApplied());
            row.put("problem", m.problem().orElse(null));
            return row;
        }).toList();
    }

    private static String change(Optional<String> before, Optional<String> after, boolean ok) {
        if (!ok) {
            return "?";
        }
        String b = before.map(v -> "v" + v).orElse("none");
        String a = after.map(v -> "v" + v).orElse("none");
        return b.equals(a) ? a : b + " -> " + a;
    }
}
