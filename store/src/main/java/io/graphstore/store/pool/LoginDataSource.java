package io.graphstore.store.pool;

import io.graphstore.config.ConnectionInfo;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where a shard's Hikari pool gets its connections: one login each with the settings of
 * {@link DirectConnection}, except that a connection {@link #offer}ed is handed out first.
 * That is how the direct login which finds out whether a cold shard is up becomes the pool's
 * first connection instead of costing a second login (a SCRAM login is tens of milliseconds
 * of client CPU). That login may also start early, in the background ({@link #loginEarly}), so it
 * overlaps with what the caller does before its first query. Hikari never sees the user or
 * password.
 */
final class LoginDataSource implements DataSource {
    private final ConnectionInfo connection;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Queue<Connection> offered = new ConcurrentLinkedQueue<>();
    private CompletableFuture<Connection> early; // guarded by this

    LoginDataSource(ConnectionInfo connection, Duration connectTimeout, Duration readTimeout) {
        this.connection = connection;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Starts the login {@link #probe} would make, on a thread of its own, unless one is under way or waiting. */
    synchronized void loginEarly() {
        if (early != null || !offered.isEmpty()) {
            return;
        }
        CompletableFuture<Connection> login = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                login.complete(login("graph-store"));
            } catch (SQLException | RuntimeException e) {
                login.completeExceptionally(e);
            }
        }, "graph-store-early-login");
        t.setDaemon(true);
        t.start();
        early = login;
    }

    /**
     * The login that tells whether a cold pool's shard is up: the early one when it was started
     * (its failure is thrown here, as if it happened now), else one now. The connection is
     * offered to the pool, which takes it as its next one.
     */
    void probe() throws SQLException {
        CompletableFuture<Connection> started = takeEarly();
        offered.add(started == null ? login("graph-store") : await(started));
    }

    private synchronized CompletableFuture<Connection> takeEarly() {
        CompletableFuture<Connection> started = early;
        early = null;
        return started;
    }

    private static Connection await(CompletableFuture<Connection> login) throws SQLException {
        try {
            return login.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /** Closes what was offered and not taken, an early login included (a pool closed before it asked). */
    void discardOffered() {
        CompletableFuture<Connection> started = takeEarly();
        if (started != null) {
            try {
                offered.add(await(started));
            } catch (SQLException | RuntimeException e) {
                // a login nobody waited for failed: nothing to close
            }
        }
        for (Connection c = offered.poll(); c != null; c = offered.poll()) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a connection nobody used: nothing to report
            }
        }
    }

    /** One login outside any pool, with the pool's settings. */
    Connection login(String applicationName) throws SQLException {
        return DirectConnection.open(connection, connectTimeout, readTimeout, applicationName);
    }

    @Override
    public Connection getConnection() throws SQLException {
        for (Connection c = offered.poll(); c != null; c = offered.poll()) {
            if (!c.isClosed()) {
                return c;
            }
        }
        return login("graph-store");
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a shard pool logs in with the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // pgjdbc logs through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connect timeout of the store options applies (DirectConnection sets it per login)
    }

    @Override
    public int getLoginTimeout() {
        return (int) DirectConnection.seconds(connectTimeout);
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("pgjdbc logs through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
