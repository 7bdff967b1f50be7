package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.pool.ShardPool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connectivity probes an operator would otherwise type by hand, from every database to
 * every other shard: {@code select count(*) from primary_public.chains} and a count over each
 * table of {@code shard_<x>_subgraphs}. Read-only; each probe has a statement timeout.
 */
public final class ConnectivityCheck {
    private final Map<ShardName, ShardPool> pools;
    private final List<ShardName> shards;
    private final Duration timeout;

    public ConnectivityCheck(Map<ShardName, ShardPool> pools, List<ShardName> shards, Duration timeout) {
        this.pools = pools;
        this.shards = shards;
        this.timeout = timeout;
    }

    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        for (ShardName dest : shards) {
            for (ShardName source : shards) {
                if (!dest.equals(source)) {
                    results.add(check(dest, source));
                }
            }
        }
        return results;
    }

    private CheckResult check(ShardName dest, ShardName source) {
        List<String> probes = new ArrayList<>();
        if (source.isPrimary()) {
            probes.add(Sql.qualified(MappedTables.PRIMARY_SCHEMA, "chains"));
        }
        for (String t : MappedTables.shardSchemaTables()) {
            probes.add(Sql.qualified(MappedTables.shardSchema(source), t));
        }
        ShardPool pool = pools.get(dest);
        long start = System.nanoTime();
        if (pool == null) {
            return new CheckResult(dest, source, probes.size(), 0, Duration.ZERO,
                    Optional.of("shard '" + dest + "' is not used by this node"));
        }
        int passed = 0;
        Optional<String> error = Optional.empty();
        try (var c = pool.connect(); var s = c.createStatement()) {
            s.execute("set statement_timeout = " + timeout.toMillis());
            for (String table : probes) {
                try (var rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    passed++;
                } catch (java.sql.SQLException e) {
                    if (error.isEmpty()) {
                        error = Optional.of("select count(*) from " + table.replace("\"", "") + ": "
                                + FdwWiring.firstLine(e));
                    }
                }
            }
            s.execute("select postgres_fdw_disconnect_all()");
        } catch (io.graphstore.store.pool.ShardUnavailableException e) {
            error = error.or(() -> Optional.of(e.getMessage()));
        } catch (java.sql.SQLException | RuntimeException e) {
            error = error.or(() -> Optional.of(FdwWiring.firstLine(e)));
        }
        return new CheckResult(dest, source, probes.size(), passed, Duration.ofNanos(System.nanoTime() - start), error);
    }
}
