package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.Json;
import io.graphstore.graphman.cli.Table;
import io.graphstore.store.rebalance.ShardMove;
import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The moves of a rebalance or a drain, as {@code --status} prints them: a table and a count per state, or JSON. */
final class MovesTable {
    private MovesTable() {
    }

    static void print(PrintWriter out, List<ShardMove> moves, boolean json, String none) {
        if (json) {
            out.println(Json.write(Map.of("moves", moves.stream().map(MovesTable::asMap).toList())));
        } else if (moves.isEmpty()) {
            out.println(none);
        } else {
            Table t = new Table("MOVE", "DEPLOYMENT", "NAME", "FROM", "TO", "COPY", "STATE", "SINCE", "NOTE");
            for (ShardMove m : moves) {
                t.row(String.valueOf(m.id()), "sgd" + m.src() + " " + m.deployment(), m.name(), m.from(), m.to(),
                        m.dst().map(d -> "sgd" + d).orElse("-"), m.state().label(),
                        time(m.finishedAt().or(m::startedAt).orElse(m.createdAt())), m.error().orElse(""));
            }
            t.print(out);
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ShardMove.State s : ShardMove.State.values()) {
                long n = moves.stream().filter(m -> m.state() == s).count();
                if (n > 0) {
                    counts.put(s.label(), n);
                }
            }
            out.println(moves.size() + " moves: " + String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).toList()));
        }
        out.flush();
    }

    private static String time(OffsetDateTime t) {
        return t.withNano(0).toLocalDateTime().toString().replace('T', ' ');
    }

    static Map<String, Object> asMap(ShardMove m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("batch", m.batch());
        r.put("kind", m.kind().label());
        r.put("drained", m.drained().map(Object::toString).orElse(null));
        r.put("deployment", m.deployment().value());
        r.put("name", m.name());
        r.put("src", "sgd" + m.src());
        r.put("from", m.from().value());
        r.put("to", m.to().value());
        r.put("dst", m.dst().map(d -> "sgd" + d).orElse(null));
        r.put("state", m.state().label());
        r.put("bytes", m.bytes());
        r.put("error", m.error().orElse(null));
        r.put("created_at", m.createdAt().toString());
        r.put("started_at", m.startedAt().map(Object::toString).orElse(null));
        r.put("finished_at", m.finishedAt().map(Object::toString).orElse(null));
        return r;
    }
}
