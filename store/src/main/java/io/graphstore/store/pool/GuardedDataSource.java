package io.graphstore.store.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A shard's Hikari pool behind its circuit breaker. While the breaker is open, asking for a
 * connection fails at once. When the pool holds no connection (a new process, or an idle
 * node), one direct login is tried first, so a refused server or a wrong password fails after
 * one attempt instead of Hikari retrying for the whole connect timeout; that login then serves
 * as the pool's first connection. Failures come out as
 * {@link ShardUnavailableException} naming the shard.
 */
final class GuardedDataSource implements DataSource {
    private final ShardPool pool;
    private final HikariDataSource target;
    private final ShardBreaker breaker;

    GuardedDataSource(ShardPool pool, HikariDataSource target, ShardBreaker breaker) {
        this.pool = pool;
        this.target = target;
        this.breaker = breaker;
    }

    @Override
    public Connection getConnection() {
        pool.firstUse();
        ShardRequests requests = pool.requests();
        try {
            Connection connection = breaker.call(() -> {
                if (empty()) {
                    pool.probeIntoPool();
                }
                Connection c = target.getConnection();
                if (LongStatements.allowed()) {
                    c.setNetworkTimeout(Runnable::run, 0);
                }
                return c;
            });
            requests.connected(true);
            return connection;
        } catch (CallNotPermittedException e) {
            requests.count(ShardRequests.Outcome.SHORT_CIRCUITED);
            requests.connected(false);
            throw pool.breakerOpen();
        } catch (SQLException e) {
            requests.count(ShardRequests.Outcome.CONNECTION_ERROR);
            requests.connected(false);
            throw pool.unavailable(e);
        }
    }

    private boolean empty() {
        var mx = target.getHikariPoolMXBean();
        return mx == null || mx.getTotalConnections() == 0;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("a shard pool logs in with the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
