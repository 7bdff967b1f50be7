package io.graphstore.store.chain;

import io.graphstore.common.StoreException;
import io.graphstore.store.pool.ShardPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The advisory lock one move of a chain holds in the primary, on a session of its own, so two
 * processes never move the same chain at once. A process that dies frees it with its session.
 */
final class MoveLock implements AutoCloseable {
    static final int KEY = 0x67730010;

    private final Connection connection;

    private MoveLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock for chain {@code id}, or a failure saying another process holds it. */
    static MoveLock take(ShardPool primary, int id, String chain) {
        Connection c = primary.openDirect(Duration.ZERO, "graph-store chain change-shard " + chain);
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, KEY);
            ps.setInt(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return new MoveLock(c);
                }
            }
        } catch (SQLException e) {
            close(c);
            throw primary.unavailable(e);
        }
        close(c);
        throw new StoreException("chain '" + chain + "' is being moved by another process right now; wait for it to"
                + " finish (or stop it) and run the command again");
    }

    @Override
    public void close() {
        close(connection);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing the session releases the lock anyway
        }
    }
}
