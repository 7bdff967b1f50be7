package io.graphstore.store.dashboard;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.store.fdw.MappedTables;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.pool.ShardPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds schemas {@code sharded} and {@code info} in every reachable database, one
 * transaction per database. A shard whose mapped schema is missing in a database (it was down
 * when the wiring ran) is left out of that database's views until the next build.
 */
public final class DashboardViews {
    /** Bump when a view definition changes, so every database rebuilds. */
    static final int VERSION = 3;
    private static final Logger LOG = LoggerFactory.getLogger(DashboardViews.class);

    private final Config config;
    private final Map<ShardName, ShardPool> pools;

    public DashboardViews(Config config, Map<ShardName, ShardPool> pools) {
        this.config = config;
        this.pools = pools;
    }

    /** Returns per database what it did ({@code "shard_a: rebuilt (3 shards)"} or a problem). */
    public List<String> build(Set<ShardName> reachable) {
        List<String> results = new ArrayList<>();
        for (ShardName db : pools.keySet()) {
            if (!reachable.contains(db)) {
                continue;
            }
            try {
                results.add(db + ": " + pools.get(db).jdbi().inTransaction(h -> build(h, db)));
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                LOG.warn("building the dashboard views in shard '{}' failed: {}", db, why);
                results.add(db + ": failed: " + why);
            }
        }
        return results;
    }

    private String build(Handle h, ShardName db) {
        List<ShardName> covered = new ArrayList<>();
        for (ShardName s : config.shardNames()) {
            if (s.equals(db) || schemaExists(h, MappedTables.shardSchema(s))) {
                covered.add(s);
            }
        }
        String marker = "graph-store dashboards v" + VERSION + " over " + covered;
        Optional<String> have = h.createQuery("select obj_description(oid, 'pg_namespace') from pg_namespace"
                + " where nspname = 'sharded'").mapTo(String.class).findOne();
        // remapping a shard drops its mapped schema with cascade, which takes the views along
        if (have.isPresent() && have.get().equals(marker) && views(h, "sharded") == MappedTables.SHARD_TABLES.size()
                && views(h, "info") == InfoViews.STATEMENTS.size()) {
            return "unchanged (" + covered.size() + " shards)";
        }
        h.execute("drop schema if exists info cascade");
        h.execute("drop schema if exists sharded cascade");
        h.execute("create schema sharded");
        for (String table : MappedTables.SHARD_TABLES) {
            StringBuilder union = new StringBuilder();
            for (ShardName s : covered) {
                String source = s.equals(db) ? Sql.qualified("subgraphs", table)
                        : Sql.qualified(MappedTables.shardSchema(s), table);
                union.append(union.length() == 0 ? "" : "\nunion all\n")
                        .append("select ").append(Sql.literal(s.value())).append("::text as shard, t.* from ")
                        .append(source).append(" t");
            }
            h.execute("create view " + Sql.qualified("sharded", table) + " as\n" + union);
        }
        h.execute("create schema info");
        InfoViews.STATEMENTS.forEach(h::execute);
        h.execute("comment on schema sharded is " + Sql.literal(marker));
        return "rebuilt (" + covered.size() + " shards)";
    }

    private static int views(Handle h, String schema) {
        return h.createQuery("select count(*) from pg_views where schemaname = ?").bind(0, schema)
                .mapTo(Integer.class).one();
    }

    private static boolean schemaExists(Handle h, String schema) {
        return h.createQuery("select exists (select 1 from pg_namespace where nspname = ?)").bind(0, schema)
                .mapTo(Boolean.class).one();
    }
}
