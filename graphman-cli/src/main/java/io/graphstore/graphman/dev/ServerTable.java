package io.graphstore.graphman.dev;

import io.graphstore.graphman.cli.Table;
import io.graphstore.store.embedded.ServerState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints dev cluster servers as a table or JSON-ready maps. */
public final class ServerTable {
    private ServerTable() {
    }

    public static void print(List<ServerState> servers, PrintWriter out) {
        Table t = new Table("SHARD", "PORT", "PID", "STATE");
        for (ServerState s : servers) {
            t.row(s.shard(), s.port(), s.pid().map(String::valueOf).orElse("-"), s.change());
        }
        t.print(out);
    }

    public static List<Map<String, Object>> asMaps(List<ServerState> servers) {
        return servers.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shard", s.shard());
            m.put("port", s.port());
            m.put("pid", s.pid().orElse(null));
            m.put("running", s.running());
            m.put("state", s.change());
            return m;
        }).toList();
    }
}
