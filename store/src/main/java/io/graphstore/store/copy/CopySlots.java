package io.graphstore.store.copy;

import io.graphstore.common.ShardName;
import io.graphstore.store.pool.ShardPool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * At most {@link #SLOTS} copies run at once per (source shard, destination shard), enforced by
 * the database: a running copy holds one of five session advisory locks in the primary,
 * keyed by the shard pair. Concurrent runners cannot exceed the limit, and a runner that dies
 * frees its slot with its session.
 */
public final class CopySlots {
    public static final int SLOTS = 5;

    private CopySlots() {
    }

    /** A held slot; closing it releases the lock and the connection. */
    public record Slot(Connection connection, int key, int slot) implements AutoCloseable {
        @Override
        public void close() {
            try (connection) {
                try (PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                    ps.setInt(1, key);
                    ps.setInt(2, slot);
                    ps.execute();
                }
            } catch (SQLException e) {
                // closing the session releases the lock anyway
            }
        }
    }

    /** Takes a free slot, or empty when all five are taken. */
    public static Optional<Slot> tryAcquire(ShardPool primary, ShardName src, ShardName dst) {
        int key = key(src, dst);
        return lockedOrClosed(primary, ownConnection(primary),
                c -> freeSlot(c, key).stream().mapToObj(slot -> new Slot(c, key, slot)).findFirst());
    }

    /** The first of the pair's slots this session could lock. */
    private static java.util.OptionalInt freeSlot(Connection c, int key) throws SQLException {
        for (int slot = 0; slot < SLOTS; slot++) {
            if (tryLock(c, key, slot)) {
                return java.util.OptionalInt.of(slot);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** {@code take}'s result; the connection is closed when it took nothing or failed. */
    private static <T> Optional<T> lockedOrClosed(ShardPool primary, Connection c, LockTaker<T> take) {
        try {
            Optional<T> taken = take.apply(c);
            if (taken.isEmpty()) {
                c.close();
            }
            return taken;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw primary.unavailable(e);
        }
    }

    @FunctionalInterface
    private interface LockTaker<T> {
        Optional<T> apply(Connection c) throws SQLException;
    }

    /** Advisory lock class of "this copy is being run", keyed by the destination site id. */
    static final int RUN_KEY = 0x67730001;

    /**
     * The right to run copy {@code dst} (or a follow round of it): its run lock, held on a
     * connection of its own whose application name says who holds it. Taken before a slot and
     * before any shard transaction, the one lock order everywhere. Closing releases both.
     */
    public record Run(Connection connection, int dst) implements AutoCloseable {
        /** Takes a slot of the pair in this session; false when all five are taken. */
        public boolean trySlot(ShardName src, ShardName dstShard) {
            try {
                return freeSlot(connection, key(src, dstShard)).isPresent();
            } catch (SQLException e) {
                throw new io.graphstore.common.StoreException("taking a copy slot in the primary failed: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (connection) {
                // released before close returns: a session that merely ends frees its locks a
                // moment later, and whoever tries the lock right after could still find it held
                try (Statement s = connection.createStatement()) {
                    s.execute("select pg_advisory_unlock_all()");
                }
            } catch (SQLException e) {
                // the session ends with the connection anyway, and its locks with it
            }
        }
    }

    /** The run lock of copy {@code dst}, or empty when another process holds it (see {@link #holder}). */
    public static Optional<Run> tryRun(ShardPool primary, int dst, String who) {
        String name = "graph-store copy " + who;
        Connection c = primary.openDirect(java.time.Duration.ZERO, name.substring(0, Math.min(63, name.length())));
        return lockedOrClosed(primary, c, conn -> tryLock(conn, RUN_KEY, dst) ? Optional.of(new Run(conn, dst))
                : Optional.empty());
    }

    /** Who holds the run lock of {@code dst}: "graph-store copy node default pid 4242 since 12:01:02", or empty. */
    public static Optional<String> holder(ShardPool primary, int dst) {
        return primary.jdbi().withHandle(h -> h.createQuery("""
                select a.application_name || ' since ' || to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')
                  from pg_locks l join pg_stat_activity a on a.pid = l.pid
                 where l.locktype = 'advisory' and l.classid = ? and l.objid = ? and l.objsubid = 2 and l.granted""")
                .bind(0, RUN_KEY).bind(1, dst).mapTo(String.class).findFirst());
    }

    private static boolean tryLock(Connection c, int key, int id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, key);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Whether some process runs copy {@code dst} now. */
    public static boolean running(ShardPool primary, int dst) {
        return primary.jdbi().withHandle(h -> h.createQuery("select exists (select 1 from pg_locks where locktype = 'advisory'"
                + " and classid = ? and objid = ? and objsubid = 2 and granted)")
                .bind(0, RUN_KEY).bind(1, dst).mapTo(Boolean.class).one());
    }

    /**
     * A connection of its own, outside the pool: a running copy holds it for hours, and the
     * pool's connections are for everything else the process does.
     */
    private static Connection ownConnection(ShardPool primary) {
        return primary.openDirect(java.time.Duration.ZERO, "graph-store copy slot");
    }

    /** How many slots of the pair are taken now (for 'copy list'). */
    public static int taken(ShardPool primary, ShardName src, ShardName dst) {
        return primary.jdbi().withHandle(h -> h.createQuery("select count(*) from pg_locks where locktype = 'advisory'"
                + " and classid = ? and objid < ? and objsubid = 2 and granted")
                .bind(0, key(src, dst)).bind(1, SLOTS).mapTo(Integer.class).one());
    }

    static int key(ShardName src, ShardName dst) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(("graph-store copy " + src + " -> " + dst).getBytes(StandardCharsets.UTF_8));
            return ((d[0] & 0x7f) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
