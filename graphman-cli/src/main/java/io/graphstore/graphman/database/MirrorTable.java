package io.graphstore.graphman.database;

import io.graphstore.graphman.cli.Table;
import io.graphstore.store.mirror.ShardMirror;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Prints each shard's mirror: rows copied and time taken by a refresh, and its age. */
final class MirrorTable {
    private MirrorTable() {
    }

    static void print(List<ShardMirror> mirrors, boolean refreshed, PrintWriter out) {
        Table t = refreshed ? new Table("SHARD", "ROWS", "TIME(ms)", "AGE", "ERROR") : new Table("SHARD", "AGE", "ERROR");
        for (ShardMirror m : mirrors) {
            String age = m.ok() ? m.age().map(MirrorTable::age).orElse("never refreshed") : "-";
            if (refreshed) {
                t.row(m.shard(), m.ok() ? m.rows() : "-", m.took().toMillis(), age, m.error().orElse(""));
            } else {
                t.row(m.shard(), age, m.error().orElse(""));
            }
        }
        t.print(out);
    }

    static Map<String, Object> asMap(List<ShardMirror> mirrors, boolean refreshed, Optional<String> error, boolean ok) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refreshed", refreshed);
        m.put("shards", mirrors.stream().map(s -> shard(s, refreshed)).toList());
        m.put("error", error.orElse(null));
        m.put("ok", ok);
        return m;
    }

    private static Map<String, Object> shard(ShardMirror s, boolean refreshed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shard", s.shard().value());
        if (refreshed) {
            m.put("rows", s.rows());
            m.put("ms", s.took().toMillis());
        }
        m.put("refreshed_at", s.refreshedAt().map(Object::toString).orElse(null));
        m.put("age_s", s.age().map(Duration::toSeconds).orElse(null));
        m.put("error", s.error().orElse(null));
        return m;
    }

    /** {@code 0s}, {@code 42s}, {@code 3m 12s}, {@code 2h 05m}, {@code 3d 4h}. */
    static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m " + String.format("%02d", s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h " + String.format("%02d", s % 3600 / 60) + "m";
        }
        return s / 86_400 + "d " + s % 86_400 / 3600 + "h";
    }
}
