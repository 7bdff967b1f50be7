package io.graphstore.store.admin;

import io.graphstore.common.ShardName;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.pool.Failures;
import io.graphstore.store.pool.ShardBreaker;
import io.graphstore.store.pool.ShardPool;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The topology of a store: every configured shard probed at once, each through its own pool
 * and breaker (so a probe is also what closes an open breaker again), plus what the directory
 * says each shard holds. A shard that hangs costs at most the connect timeout plus the
 * statement timeout, and never delays the answer for the others beyond that bound.
 *
 * <p>Touches every shard (one connection each) and the directory (primary, else a mirror).
 */
public final class TopologyAdmin {
    private final ShardedStore store;

    public TopologyAdmin(ShardedStore store) {
        this.store = store;
    }

    /** Probes every shard in parallel; the list is in config order. */
    public List<ShardStatus> probe() {
        Optional<Map<ShardName, Long>> held = deploymentsPerShard();
        List<ShardName> shards = store.shards();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(shards.size(), 16)), r -> {
            Thread t = new Thread(r, "shard-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<ShardStatus>> probes = new ArrayList<>();
            for (ShardName shard : shards) {
                probes.add(CompletableFuture.supplyAsync(() -> probe(shard, held), pool));
            }
            return probes.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A deployment copy's head and entity count as its shard keeps them. */
    public record Head(io.graphstore.store.domain.Site site, Optional<Integer> block, long entityCount) {
    }

    /**
     * The head and entity count of every site in {@code shards}: one query per shard; a shard
     * that fails to answer is left out.
     */
    public List<Head> heads(java.util.Collection<ShardName> shards) {
        Map<Integer, io.graphstore.store.domain.Site> sites = new java.util.HashMap<>();
        store.directory().allSites().forEach(s -> sites.put(s.id().value(), s));
        List<Head> heads = new ArrayList<>();
        for (ShardName shard : shards) {
            Optional<ShardPool> pool = store.pool(shard);
            if (pool.isEmpty()) {
                continue;
            }
            try {
                pool.get().withHandle(h -> h.createQuery("select id, block_number, entity_count from subgraphs.head")
                        .map((rs, ctx) -> {
                            int block = rs.getInt(2);
                            Optional<Integer> head = rs.wasNull() ? Optional.empty() : Optional.of(block);
                            long entities = rs.getLong(3);
                            return Optional.ofNullable(sites.get(rs.getInt(1))).map(site -> new Head(site, head, entities));
                        }).list()).forEach(h -> h.ifPresent(heads::add));
            } catch (RuntimeException e) {
                // the shard's status says why it did not answer
            }
        }
        return heads;
    }

    private Optional<Map<ShardName, Long>> deploymentsPerShard() {
        try {
            Map<ShardName, Long> counts = new java.util.LinkedHashMap<>();
            store.directory().allSites().forEach(s -> counts.merge(s.shard(), 1L, Long::sum));
            return Optional.of(counts);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ShardStatus probe(ShardName shard, Optional<Map<ShardName, Long>> held) {
        Optional<Long> deployments = held.map(m -> m.getOrDefault(shard, 0L));
        Optional<ShardPool> maybePool = store.pool(shard);
        if (maybePool.isEmpty()) {
            return new ShardStatus(shard, false, Optional.empty(), Optional.empty(), "NONE",
                    new ShardStatus.Pool(0, 0, 0, 0), deployments, Optional.empty(),
                    Optional.of("this node has no pool for the shard (pool_size 0 for it)"), Instant.now());
        }
        ShardPool pool = maybePool.get();
        long start = System.nanoTime();
        boolean reachable = false;
        Optional<Duration> latency = Optional.empty();
        Optional<String> version = Optional.empty();
        Optional<Duration> mirrorAge = Optional.empty();
        Optional<String> error = Optional.empty();
        try (Connection c = pool.connect(); Statement s = c.createStatement()) {
            // a probe waits for an answer no longer than for a connection: a hung server is down
            c.setNetworkTimeout(Runnable::run, (int) Math.max(250, pool.options().connectTimeout().toMillis()));
            try (ResultSet rs = s.executeQuery("select current_setting('server_version')")) {
                rs.next();
                version = Optional.of(rs.getString(1));
            }
            latency = Optional.of(Duration.ofNanos(System.nanoTime() - start));
            reachable = true;
            if (!shard.isPrimary()) {
                mirrorAge = mirrorAge(s);
            }
        } catch (SQLException e) {
            pool.breaker().failed(e);
            error = Optional.of(ShardBreaker.isFailure(e) ? pool.unavailable(e).getMessage()
                    : Failures.describe(e).orElse(e.getMessage()));
        } catch (RuntimeException e) {
            error = Optional.of(Failures.describe(e).orElse(String.valueOf(e.getMessage())));
        }
        if (error.isEmpty() && pool.breaker().lastFailure().isPresent() && !reachable) {
            error = pool.breaker().lastFailure().map(f -> f.reason());
        }
        var mx = pool.hikari().getHikariPoolMXBean();
        ShardStatus.Pool p = mx == null ? new ShardStatus.Pool(0, 0, 0, pool.size())
                : new ShardStatus.Pool(mx.getActiveConnections(), mx.getIdleConnections(),
                        mx.getThreadsAwaitingConnection(), pool.size());
        return new ShardStatus(shard, reachable, latency, version, pool.breaker().state().name(), p, deployments,
                mirrorAge, error, Instant.now());
    }

    private static Optional<Duration> mirrorAge(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("select refreshed_at from mirror.refresh"
                + " where to_regclass('mirror.refresh') is not null")) {
            if (rs.next()) {
                OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
                return Optional.ofNullable(at).map(t -> Duration.between(t.toInstant(), Instant.now()));
            }
            return Optional.empty();
        } catch (SQLException missing) {
            return Optional.empty(); // a shard whose setup has not made the mirror yet
        }
    }
}
