package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.pool.ShardPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires every reachable database to every other shard. Touches every database; each
 * (database, source shard) pair is its own transaction, so one failing pair does not stop the
 * others. Run at startup under the migration lock and by {@code graphman database remap}.
 */
public final class FdwWiring {
    private static final Logger LOG = LoggerFactory.getLogger(FdwWiring.class);

    /** What to wire: filters and switches of {@code graphman database remap}. */
    public record Scope(Optional<ShardName> source, Optional<ShardName> dest, boolean force, boolean removeLeftovers) {
        public static final Scope STARTUP = new Scope(Optional.empty(), Optional.empty(), false, false);
    }

    private final Config config;
    private final Map<ShardName, ShardPool> pools;
    private final java.time.Duration connectTimeout;
    private final Map<ShardName, String> markers = new HashMap<>();

    /** @param connectTimeout what the foreign servers get as their {@code connect_timeout} */
    public FdwWiring(Config config, Map<ShardName, ShardPool> pools, java.time.Duration connectTimeout) {
        this.config = config;
        this.pools = pools;
        this.connectTimeout = connectTimeout;
    }

    public RemapReport wire(Set<ShardName> reachable, Scope scope) {
        List<PairResult> pairs = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (ShardName dest : pools.keySet()) {
            if (scope.dest().isPresent() && !scope.dest().get().equals(dest)) {
                continue;
            }
            if (!reachable.contains(dest)) {
                pairs.add(failed(dest, dest, "shard '" + dest + "' is unreachable; it is wired when it is back", 0));
                continue;
            }
            for (ShardName source : config.shardNames()) {
                if (scope.source().isPresent() && !scope.source().get().equals(source)) {
                    continue;
                }
                if (!dest.equals(source) || dest.isPrimary()) {
                    pairs.add(pair(dest, source, reachable, scope.force()));
                }
            }
            if (scope.removeLeftovers()) {
                long start = System.nanoTime();
                try {
                    removed.addAll(Leftovers.remove(pools.get(dest), dest, config.shardNames()));
                } catch (RuntimeException e) {
                    pairs.add(failed(dest, dest, "removing leftovers of shards no longer configured failed: "
                            + firstLine(e), start));
                }
            }
        }
        pairs.stream().filter(p -> !p.ok()).forEach(p -> LOG.warn("postgres_fdw wiring {} -> {}: {}",
                p.dest(), p.source(), p.error().get()));
        return new RemapReport(pairs, removed);
    }

    private PairResult pair(ShardName dest, ShardName source, Set<ShardName> reachable, boolean force) {
        long start = System.nanoTime();
        if (dest.equals(source)) {
            return run(dest, source, start, h -> List.of(SchemaImports.primaryViews(h, marker(ShardName.PRIMARY, true), force)));
        }
        if (!reachable.contains(source) || !pools.containsKey(source)) {
            return failed(dest, source, "shard '" + source + "' is unreachable or not used by this node; "
                    + "its mappings are left as they are", start);
        }
        return run(dest, source, start, h -> {
            List<String> actions = new ArrayList<>(ForeignServers.ensure(h, source,
                    config.store(source).orElseThrow().connection(), connectTimeout));
            if (source.isPrimary()) {
                actions.add(SchemaImports.primaryForeign(h, marker(source, true), force));
            }
            actions.add(SchemaImports.shard(h, source, marker(source, false), force));
            return actions;
        });
    }

    private PairResult run(ShardName dest, ShardName source, long start,
            org.jdbi.v3.core.HandleCallback<List<String>, RuntimeException> work) {
        try {
            ShardPool pool = pools.get(dest);
            List<String> actions = pool.jdbi().withHandle(h -> {
                try {
                    return h.inTransaction(t -> {
                        t.execute("set local statement_timeout = " + pool.options().statementTimeout().toMillis());
                        return work.withHandle(t);
                    });
                } finally {
                    disconnect(h);
                }
            });
            return new PairResult(dest, source, actions, elapsed(start), Optional.empty());
        } catch (RuntimeException e) {
            return failed(dest, source, firstLine(e), start);
        }
    }

    /** Names the source's schema version, so a migration that changes mapped tables forces a remap. */
    private String marker(ShardName source, boolean primarySet) {
        return markers.computeIfAbsent(source, s -> markerOf(s, false)) + (primarySet ? "/" + markerOf(source, true) : "");
    }

    private String markerOf(ShardName source, boolean primarySet) {
        String table = primarySet ? "flyway_primary_history" : "flyway_shard_history";
        int rank = pools.get(source).jdbi().withHandle(h -> h.createQuery(
                "select coalesce(max(installed_rank), 0) from public." + Sql.ident(table) + " where success")
                .mapTo(Integer.class).one());
        return "graph-store mapping of " + source + " (" + table + " rank " + rank + ")";
    }

    private static PairResult failed(ShardName dest, ShardName source, String why, long start) {
        return new PairResult(dest, source, List.of(), elapsed(start), Optional.of(why));
    }

    private static Duration elapsed(long start) {
        return start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
    }

    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    /**
     * Closes the remote connections postgres_fdw keeps cached in this pooled session; left
     * open, every pooled connection would hold one per other shard and exhaust
     * max_connections as shards are added.
     */
    static void disconnect(Handle h) {
        try {
            h.execute("select postgres_fdw_disconnect_all()");
        } catch (RuntimeException e) {
            // the session is broken anyway; the pool discards it
        }
    }

    static void drop(Handle h, String what, String ident) {
        h.execute("drop " + what + " if exists " + Sql.ident(ident) + " cascade");
    }
}
