package io.graphstore.store.mirror;

import io.graphstore.common.ShardName;
import io.graphstore.store.pool.ShardPool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Copies the directory from the primary into every other shard's {@code mirror} schema.
 * Reads the primary once (one repeatable-read snapshot, binary COPY), then replaces each
 * shard's mirror in one transaction with lock and statement timeouts, so readers never see a
 * half-copied mirror and a stuck shard cannot hold the refresh up for long.
 */
public final class MirrorRefresher {
    /** Transaction advisory lock that serializes refreshes of one shard's mirror. */
    static final long REFRESH_LOCK_KEY = 0x6d6972726f72L;
    private final ShardPool primary;
    private final List<ShardPool> shards;
    private final Duration timeout;

    public MirrorRefresher(ShardPool primary, List<ShardPool> shards, Duration timeout) {
        this.primary = primary;
        this.shards = shards.stream().filter(p -> !p.shard().isPrimary()).toList();
        this.timeout = timeout;
    }

    /** The shards that hold a mirror: every configured shard but the primary. */
    public List<io.graphstore.common.ShardName> shards() {
        return shards.stream().map(ShardPool::shard).toList();
    }

    /** Refreshes every shard's mirror; needs the primary (throws when it is down). */
    public List<ShardMirror> refresh() {
        Map<String, byte[]> snapshot = snapshot();
        List<ShardMirror> results = new ArrayList<>();
        for (ShardPool shard : shards) {
            results.add(write(shard, snapshot));
        }
        return results;
    }

    /** Each shard's mirror age, without refreshing. */
    public List<ShardMirror> status() {
        List<ShardMirror> results = new ArrayList<>();
        for (ShardPool shard : shards) {
            try (Connection c = shard.connect(); Statement s = c.createStatement();
                    var rs = s.executeQuery("select refreshed_at from mirror.refresh")) {
                Optional<OffsetDateTime> at = rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class)) : Optional.empty();
                results.add(new ShardMirror(shard.shard(), at, 0, Duration.ZERO, Optional.empty()));
            } catch (SQLException | RuntimeException e) {
                results.add(failed(shard.shard(), e, 0));
            }
        }
        return results;
    }

    private Map<String, byte[]> snapshot() {
        Map<String, byte[]> data = new LinkedHashMap<>();
        try (Connection c = primary.connect()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (MirrorTables.Table t : MirrorTables.TABLES) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                copy.copyOut("copy (select " + t.columns() + " from " + t.source() + ") to stdout (format binary)", out);
                data.put(t.name(), out.toByteArray());
            }
            c.commit();
            return data;
        } catch (SQLException | java.io.IOException e) {
            RuntimeException t = primary.translate(new RuntimeException(e));
            throw t instanceof io.graphstore.store.pool.ShardUnavailableException ? t
                    : new io.graphstore.common.StoreException("reading the directory for the mirror failed: "
                            + e.getMessage(), e);
        }
    }

    private ShardMirror write(ShardPool shard, Map<String, byte[]> snapshot) {
        long start = System.nanoTime();
        try (Connection c = shard.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set local lock_timeout = " + timeout.toMillis());
                s.execute("set local statement_timeout = " + timeout.toMillis());
                // one refresh at a time per shard: two processes refreshing at once would
                // otherwise both delete and both insert the same rows
                s.execute("select pg_advisory_xact_lock(" + REFRESH_LOCK_KEY + ")");
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long rows = 0;
                for (MirrorTables.Table t : MirrorTables.TABLES) {
                    s.execute("delete from mirror." + t.name());
                    rows += copy.copyIn("copy mirror." + t.name() + " (" + t.columns() + ") from stdin (format binary)",
                            new ByteArrayInputStream(snapshot.get(t.name())));
                }
                s.execute("insert into mirror.refresh (singleton, refreshed_at) values (true, now())"
                        + " on conflict (singleton) do update set refreshed_at = excluded.refreshed_at");
                c.commit();
                return new ShardMirror(shard.shard(), Optional.of(OffsetDateTime.now()), rows,
                        Duration.ofNanos(System.nanoTime() - start), Optional.empty());
            } catch (SQLException | java.io.IOException e) {
                c.rollback();
                return failed(shard.shard(), e, start);
            }
        } catch (SQLException | RuntimeException e) {
            return failed(shard.shard(), e, start);
        }
    }

    private static ShardMirror failed(ShardName shard, Exception e, long start) {
        String msg = String.valueOf(e.getMessage());
        int nl = msg.indexOf('\n');
        return new ShardMirror(shard, Optional.empty(), 0,
                start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start),
                Optional.of(nl < 0 ? msg : msg.substring(0, nl)));
    }
}
