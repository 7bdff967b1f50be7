package io.graphstore.store.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.graphstore.common.ShardName;
import io.graphstore.config.ConnectionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The pools of one shard: the main pool every query uses and the fdw pool for work that
 * runs over postgres_fdw. Closing it closes both.
 */
public final class ShardPool implements AutoCloseable {
    private final ShardName shard;
    private final ConnectionInfo connection;
    private final HikariDataSource main;
    private final HikariDataSource fdw;
    private final Jdbi jdbi;
    private final Semaphore extraCopyWorkers;

    ShardPool(ShardName shard, ConnectionInfo connection, HikariDataSource main, HikariDataSource fdw) {
        this.shard = shard;
        this.connection = connection;
        this.main = main;
        this.fdw = fdw;
        this.jdbi = Jdbi.create(main).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        this.extraCopyWorkers = new Semaphore(Math.max(0, (main.getMaximumPoolSize() - 1) / 2));
    }

    /**
     * Permits for the copy workers beyond a copy's first, shared by every copy into this shard:
     * (pool size - 1) / 2 of them, so parallel copies never take more than about half the pool
     * and the node's other work (following, mirror, queries) still gets connections.
     */
    public Semaphore extraCopyWorkers() {
        return extraCopyWorkers;
    }

    public ShardName shard() {
        return shard;
    }

    public ConnectionInfo connectionInfo() {
        return connection;
    }

    public HikariDataSource dataSource() {
        return main;
    }

    public HikariDataSource fdwDataSource() {
        return fdw;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public int size() {
        return main.getMaximumPoolSize();
    }

    public int fdwSize() {
        return fdw.getMaximumPoolSize();
    }

    /**
     * A connection from the main pool; when the shard cannot be reached within the connect
     * timeout the error names the shard and its address (never the password).
     */
    public Connection connect() {
        try {
            return main.getConnection();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Whether the shard answers a trivial query within the connect timeout. */
    public boolean isReachable() {
        try (Connection c = main.getConnection()) {
            return c.isValid((int) Math.max(1, main.getConnectionTimeout() / 1000));
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether {@code e} (or a cause) means the server could not be reached: no connection
     * within the timeout, or a connection-class SQLSTATE (08xxx, 57P01-03 shutdown).
     */
    public static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code e} as a {@link ShardUnavailableException} when it is a connection failure, else as it is. */
    public RuntimeException translate(RuntimeException e) {
        if (e instanceof ShardUnavailableException || !isConnectionFailure(e)) {
            return e;
        }
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        return unavailable(sql != null ? sql : new SQLException(e.getMessage(), "08000", e));
    }

    public ShardUnavailableException unavailable(SQLException cause) {
        return new ShardUnavailableException(shard, connection.host() + ":" + connection.port()
                + "/" + connection.database(), main.getConnectionTimeout(), cause);
    }

    @Override
    public void close() {
        fdw.close();
        main.close();
    }

    @Override
    public String toString() {
        return "ShardPool[" + shard + " " + connection.masked() + " size=" + size() + "]";
    }
}
