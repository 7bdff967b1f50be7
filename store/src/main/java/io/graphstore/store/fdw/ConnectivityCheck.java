package io.graphstore.store.fdw;

import io.graphstore.common.ShardName;
import io.graphstore.store.internal.Sql;
import io.graphstore.store.pool.ShardPool;
import io.graphstore.store.pool.ShardUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The connectivity probes an operator would otherwise type by hand, from every database to
 * every other shard: {@code select count(*) from primary_public.chains} and a count over each
 * table of {@code shard_<x>_subgraphs}. Read-only. Every pair runs at the same time, each in
 * a transaction with the statement timeout (the foreign servers carry the connect timeout), and
 * stops when the remote shard cannot be reached, so a hung shard costs about one timeout in
 * all, not one per probe; a broken table does not stop the pair's other probes.
 */
public final class ConnectivityCheck {
    private static final int MAX_THREADS = 16;

    private final Map<ShardName, ShardPool> pools;
    private final List<ShardName> shards;
    private final Duration timeout;

    public ConnectivityCheck(Map<ShardName, ShardPool> pools, List<ShardName> shards, Duration timeout) {
        this.pools = pools;
        this.shards = shards;
        this.timeout = timeout;
    }

    public List<CheckResult> run() {
        List<ShardName[]> pairs = new ArrayList<>();
        for (ShardName dest : shards) {
            for (ShardName source : shards) {
                if (!dest.equals(source)) {
                    pairs.add(new ShardName[] {dest, source});
                }
            }
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_THREADS, pairs.size())), r -> {
            Thread t = new Thread(r, "fdw-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CheckResult>> futures = pairs.stream()
                    .map(p -> threads.submit(() -> check(p[0], p[1]))).toList();
            List<CheckResult> results = new ArrayList<>();
            for (Future<CheckResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.graphstore.common.StoreException("interrupted while checking connectivity", e);
        } catch (ExecutionException e) {
            throw new io.graphstore.common.StoreException("connectivity check failed: " + e.getCause().getMessage(),
                    e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** The remote shard cannot be reached or did not answer in time (not a broken table). */
    private static boolean unreachable(java.sql.SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.startsWith("08") || state.equals("57014") || state.equals("57P01")
                || ShardPool.isConnectionFailure(e);
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
            c.setAutoCommit(false);
            s.execute("set local statement_timeout = " + timeout.toMillis());
            for (String table : probes) {
                s.execute("savepoint probe");
                try (var rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    passed++;
                } catch (java.sql.SQLException e) {
                    if (error.isEmpty()) {
                        error = Optional.of("select count(*) from " + table.replace("\"", "") + ": "
                                + FdwWiring.firstLine(e));
                    }
                    if (unreachable(e)) {
                        break; // every other probe of this pair would wait for the same server again
                    }
                    s.execute("rollback to savepoint probe");
                }
            }
            c.rollback();
            c.setAutoCommit(true);
            s.execute("select postgres_fdw_disconnect_all()");
        } catch (ShardUnavailableException e) {
            error = error.or(() -> Optional.of(e.getMessage()));
        } catch (java.sql.SQLException | RuntimeException e) {
            error = error.or(() -> Optional.of(FdwWiring.firstLine(e)));
        }
        return new CheckResult(dest, source, probes.size(), passed, Duration.ofNanos(System.nanoTime() - start), error);
    }
}
