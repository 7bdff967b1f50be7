package io.graphstore.node.view;

import io.graphstore.store.admin.ShardStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** A shard's status as JSON: the same keys in {@code graphman shards status --json} and the node's {@code GET /shards}. */
public final class ShardJson {
    private ShardJson() {
    }

    public static Map<String, Object> asMap(ShardStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shard", s.shard().value());
        m.put("reachable", s.reachable());
        m.put("latency_ms", s.latency().map(d -> d.toNanos() / 1_000_000.0).orElse(null));
        m.put("server_version", s.serverVersion().orElse(null));
        m.put("breaker", s.breaker().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("active", s.pool().active());
        pool.put("idle", s.pool().idle());
        pool.put("waiting", s.pool().waiting());
        pool.put("max", s.pool().max());
        m.put("pool", pool);
        m.put("deployments", s.deployments().orElse(null));
        m.put("mirror_age_seconds", s.mirrorAge().map(a -> a.toMillis() / 1000.0).orElse(null));
        m.put("last_error", s.lastError().orElse(null));
        m.put("probed_at", s.probedAt().toString());
        return m;
    }
}
