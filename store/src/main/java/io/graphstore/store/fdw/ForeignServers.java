package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.store.internal.Sql;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The foreign server {@code shard_<name>} and the connecting role's user mapping in one
 * database. Creates them, or alters them in place when an option differs, so moved hosts and
 * rotated passwords are picked up without dropping anything that depends on the server.
 */
final class ForeignServers {
    private ForeignServers() {
    }

    /** Returns what it did to the server and to the user mapping. */
    static List<String> ensure(Handle h, ShardName source, ConnectionInfo conn, java.time.Duration connectTimeout) {
        String server = MappedTables.server(source);
        Map<String, String> serverOptions = new LinkedHashMap<>();
        serverOptions.put("host", conn.host());
        serverOptions.put("port", Integer.toString(conn.port()));
        serverOptions.put("dbname", conn.database());
        serverOptions.put("fetch_size", "10000");
        // libpq's own limit on opening the connection: postgres_fdw in PostgreSQL 15 cannot be
        // interrupted while it connects, so a hung shard would hold a query past statement_timeout
        serverOptions.put("connect_timeout", Long.toString(Math.max(2, (connectTimeout.toMillis() + 999) / 1000)));
        Map<String, String> userOptions = new LinkedHashMap<>();
        userOptions.put("user", conn.user());
        userOptions.put("password", conn.password().reveal());

        Optional<Map<String, String>> existing = options(h,
                "select srvoptions from pg_foreign_server where srvname = ?", server);
        String serverAction;
        if (existing.isEmpty()) {
            h.execute("create server " + Sql.ident(server) + " foreign data wrapper postgres_fdw options ("
                    + createOptions(serverOptions) + ")");
            serverAction = "server created";
        } else if (!existing.get().equals(serverOptions)) {
            h.execute("alter server " + Sql.ident(server) + " options (" + alterOptions(existing.get(), serverOptions) + ")");
            serverAction = "server altered";
        } else {
            serverAction = "server unchanged";
        }

        Optional<Map<String, String>> mapping = options(h, "select umoptions from pg_user_mappings"
                + " where srvname = ? and usename = current_user", server);
        String mappingAction;
        if (mapping.isEmpty()) {
            h.execute("create user mapping for current_user server " + Sql.ident(server) + " options ("
                    + createOptions(userOptions) + ")");
            mappingAction = "user mapping created";
        } else if (!mapping.get().equals(userOptions)) {
            h.execute("alter user mapping for current_user server " + Sql.ident(server) + " options ("
                    + alterOptions(mapping.get(), userOptions) + ")");
            mappingAction = "user mapping altered";
        } else {
            mappingAction = "user mapping unchanged";
        }
        return List.of(serverAction, mappingAction);
    }

    private static Optional<Map<String, String>> options(Handle h, String sql, String server) {
        return h.createQuery(sql).bind(0, server).map((rs, ctx) -> {
            Map<String, String> m = new LinkedHashMap<>();
            java.sql.Array arr = rs.getArray(1);
            if (arr != null) {
                for (Object o : (Object[]) arr.getArray()) {
                    String kv = (String) o;
                    int eq = kv.indexOf('=');
                    m.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            return m;
        }).findOne().map(ForeignServers::sorted);
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return new java.util.TreeMap<>(m);
    }

    private static String createOptions(Map<String, String> wanted) {
        StringBuilder sb = new StringBuilder();
        wanted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(Sql.literal(v)));
        return sb.toString();
    }

    private static String alterOptions(Map<String, String> have, Map<String, String> wanted) {
        StringBuilder sb = new StringBuilder();
        wanted.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(have.containsKey(k) ? "set " : "add ").append(k).append(' ').append(Sql.literal(v)));
        for (String k : have.keySet()) {
            if (!wanted.containsKey(k)) {
                sb.append(", drop ").append(k);
            }
        }
        return sb.toString();
    }
}
