package io.graphstore.graphman.chain;

import io.graphstore.store.admin.ChainDetails;
import io.graphstore.store.primary.ChainMoveDao;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How {@code chain list} and {@code chain info} show a chain, for people and as JSON. */
final class ChainView {
    private ChainView() {
    }

    static String head(ChainDetails c) {
        return c.head().map(String::valueOf).orElse("-");
    }

    static String blocks(ChainDetails c) {
        return c.blocks().map(String::valueOf).orElse("?");
    }

    static String range(ChainDetails c) {
        return c.earliest().map(e -> e + " - " + c.latest().orElse(e)).orElse(c.blocks().isPresent() ? "-" : "?");
    }

    static String size(long bytes) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format("%.1f %s", v, units[u]);
    }

    static String move(ChainMoveDao.Move m) {
        return m.switched() ? "switched to " + m.dstShard() + " at " + m.switchedAt().withNano(0)
                + "; the old namespace in " + m.srcShard() + " is still to be dropped"
                : "to " + m.dstShard() + " since " + m.startedAt().withNano(0) + ", copied up to block "
                        + m.next().map(n -> String.valueOf(n - 1)).orElse("-");
    }

    static Map<String, Object> asMap(ChainDetails c, boolean full) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("shard", c.shard());
        m.put("namespace", c.namespace());
        m.put("head", c.head().orElse(null));
        m.put("head_hash", c.headHash().orElse(null));
        m.put("blocks", c.blocks().orElse(null));
        m.put("earliest_block", c.earliest().orElse(null));
        m.put("latest_block", c.latest().orElse(null));
        m.put("bytes", c.bytes().orElse(null));
        if (full) {
            m.put("config_shard", c.configShard().orElse(null));
            m.put("deployments", c.deployments());
            m.put("move", c.move().map(ChainView::moveMap).orElse(null));
        }
        m.put("problem", c.problem().orElse(null));
        return m;
    }

    private static Map<String, Object> moveMap(ChainMoveDao.Move mv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", mv.srcShard());
        m.put("to", mv.dstShard());
        m.put("state", mv.state());
        m.put("next_block", mv.next().orElse(null));
        m.put("started_at", mv.startedAt().toString());
        m.put("switched_at", Optional.ofNullable(mv.switchedAt()).map(Object::toString).orElse(null));
        return m;
    }
}
