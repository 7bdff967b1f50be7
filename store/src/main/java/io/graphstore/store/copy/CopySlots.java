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
        Connection c = ownConnection(primary);
        try {
            for (int slot = 0; slot < SLOTS; slot++) {
                try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                    ps.setInt(1, key);
                    ps.setInt(2, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            return Optional.of(new Slot(c, key, slot));
                        }
                    }
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw primary.unavailable(e);
        }
    }

    /** Advisory lock class of "this copy is being run", keyed by the destination site id. */
    static final int RUN_KEY = 0x67730001;

    /**
     * Takes the run lock of one copy in the same session as its slot, so a copy never runs
     * twice at once (a node and a 'copy run' by hand); false when someone else runs it.
     */
    static boolean tryLockRun(Slot slot, int dst) {
        try (PreparedStatement ps = slot.connection().prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, RUN_KEY);
            ps.setInt(2, dst);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            return false;
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
