package io.graphstore.store.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.graphstore.common.ShardName;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.store.StoreOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The pools of one shard: the main pool every query uses and the fdw pool for work that
 * runs over postgres_fdw, both behind the shard's {@link ShardBreaker}. Every connection
 * waits at most the connect timeout to open and the statement timeout for an answer (except
 * inside {@link LongStatements#allow}); a failure is a {@link ShardUnavailableException}
 * naming the shard. Closing it closes both pools.
 */
public final class ShardPool implements AutoCloseable {
    /** The Jdbi attribute that names the shard in every statement context, for error messages. */
    public static final String SHARD_ATTRIBUTE = "graphstoreShard";

    private final ShardName shard;
    private final ConnectionInfo connection;
    private final HikariDataSource main;
    private final LoginDataSource logins;
    private final HikariDataSource fdw;
    private final StoreOptions options;
    private final ShardBreaker breaker;
    private final GuardedDataSource guarded;
    private final Object jdbiLock = new Object(); // not this: firstUse holds this while a stamp check queries
    private volatile Jdbi jdbi;
    private final Semaphore extraCopyWorkers;
    private final ShardRequests requests = new ShardRequests();
    private volatile Runnable beforeFirstUse;

    ShardPool(ShardName shard, ConnectionInfo connection, HikariDataSource main, LoginDataSource logins,
            HikariDataSource fdw, StoreOptions options) {
        this.shard = shard;
        this.connection = connection;
        this.main = main;
        this.logins = logins;
        this.fdw = fdw;
        this.options = options;
        this.breaker = new ShardBreaker(shard, options.breakerWait());
        this.guarded = new GuardedDataSource(this, main, breaker);
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

    /** The request outcomes counted for this shard, and whether the latest attempt reached it. */
    public ShardRequests requests() {
        return requests;
    }

    public ConnectionInfo connectionInfo() {
        return connection;
    }

    /** The main pool behind the breaker. */
    public DataSource dataSource() {
        return guarded;
    }

    /** Hikari's view of the main pool (sizes, waiting threads), for status output. */
    public HikariDataSource hikari() {
        return main;
    }

    public StoreOptions options() {
        return options;
    }

    public ShardBreaker breaker() {
        return breaker;
    }

    public HikariDataSource fdwDataSource() {
        return fdw;
    }

    /**
     * The Jdbi of the main pool, built when first asked for: building one (plugins, config)
     * costs more than a short command's query, and a command on one deployment uses few shards.
     */
    public Jdbi jdbi() {
        Jdbi built = jdbi;
        if (built == null) {
            synchronized (jdbiLock) {
                built = jdbi;
                if (built == null) {
                    built = Jdbi.create(guarded).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
                    built.define(SHARD_ATTRIBUTE, shard.value());
                    // No SQL here uses Jdbi's <attribute> templates; its template engine and its
                    // parser both start an ANTLR lexer on first use (see PlainSqlParser).
                    built.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP)
                            .setSqlParser(new PlainSqlParser());
                    built.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                        @Override
                        public void logAfterExecution(StatementContext context) {
                            requests.count(ShardRequests.Outcome.OK);
                        }

                        @Override
                        public void logException(StatementContext context, SQLException ex) {
                            breaker.failed(ex); // a query whose connection broke or hung says the shard is down
                            boolean lost = isConnectionFailure(ex);
                            requests.count(lost ? ShardRequests.Outcome.CONNECTION_ERROR : ShardRequests.Outcome.ERROR);
                            if (lost) {
                                requests.connected(false);
                            }
                        }
                    });
                    jdbi = built;
                }
            }
        }
        return built;
    }

    public int size() {
        return main.getMaximumPoolSize();
    }

    public int fdwSize() {
        return fdw.getMaximumPoolSize();
    }

    /**
     * Runs {@code check} once, before the first connection this pool hands out (how a store
     * checks a shard's setup only when a command touches the shard). The check may use this
     * pool; other threads asking meanwhile wait for it.
     */
    public void beforeFirstUse(Runnable check) {
        this.beforeFirstUse = check;
    }

    void firstUse() {
        if (beforeFirstUse == null) {
            return;
        }
        synchronized (this) {
            Runnable check = beforeFirstUse;
            beforeFirstUse = null;
            if (check != null) {
                check.run();
            }
        }
    }

    /**
     * A connection from the main pool; when the shard cannot be reached within the connect
     * timeout the error names the shard and its address (never the password).
     */
    public Connection connect() {
        return guarded.getConnection();
    }

    /**
     * Whether the shard answers a trivial query within the connect timeout; false at once
     * while its breaker is open.
     */
    public boolean isReachable() {
        try (Connection c = connect()) {
            return c.isValid((int) Math.max(1, options.connectTimeout().toSeconds()));
        } catch (SQLException | ShardUnavailableException e) {
            return false;
        }
    }

    /** Runs {@code work} on a pooled connection; a connection failure comes out as {@link ShardUnavailableException}. */
    public <T> T withHandle(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi().withHandle(work);
        } catch (org.jdbi.v3.core.JdbiException e) {
            throw translate(e);
        }
    }

    /**
     * A connection of its own outside the pool (a lock session, a listener), through the
     * breaker; {@code readTimeout} bounds every wait for the server (zero: none).
     */
    public Connection openDirect(java.time.Duration readTimeout, String applicationName) {
        try {
            Connection c = breaker.call(() -> DirectConnection.open(connection, options.connectTimeout(), readTimeout,
                    applicationName));
            requests.connected(true);
            return c;
        } catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException e) {
            requests.count(ShardRequests.Outcome.SHORT_CIRCUITED);
            requests.connected(false);
            throw breakerOpen();
        } catch (SQLException e) {
            requests.count(ShardRequests.Outcome.CONNECTION_ERROR);
            requests.connected(false);
            throw unavailable(e);
        }
    }

    /**
     * One login with the pool's settings, made before the main pool asks for its first
     * connection: a shard that is down or refuses the login fails after this one attempt
     * (Hikari would retry for the whole connect timeout), and when it succeeds the connection
     * becomes the pool's first, so a cold pool costs one login, not two.
     */
    void probeIntoPool() throws SQLException {
        logins.probe();
    }

    /**
     * Starts that first login now, in the background, when the pool holds no connection and the
     * breaker is closed: a command calls it for a shard it is about to use, so the login overlaps
     * with its work elsewhere. Its outcome is what the first {@link #connect} sees.
     */
    public void loginEarly() {
        var mx = main.getHikariPoolMXBean();
        if (!breaker.isOpen() && (mx == null || mx.getTotalConnections() == 0)) {
            logins.loginEarly();
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

    /**
     * {@code e} as a {@link ShardUnavailableException} when it is a connection failure or a
     * refused login (and recorded by the breaker), else as it is.
     */
    public RuntimeException translate(RuntimeException e) {
        if (e instanceof ShardUnavailableException) {
            return e;
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ShardUnavailableException u) {
                return u;
            }
        }
        if (!ShardBreaker.isFailure(e)) {
            return e;
        }
        breaker.failed(e);
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        return unavailable(sql != null ? sql : new SQLException(e.getMessage(), "08000", e));
    }

    public ShardUnavailableException unavailable(SQLException cause) {
        return ShardUnavailableException.of(shard, address(), options.connectTimeout().toMillis(),
                options.statementTimeout().toMillis(), cause);
    }

    /** The failure to report while the breaker is open: the last error and when it retries. */
    public ShardUnavailableException breakerOpen() {
        return ShardUnavailableException.breakerOpen(shard, address(), breaker.lastFailure(), breaker.retryIn(),
                options.connectTimeout().toMillis());
    }

    /**
     * How long a read on a pooled connection may wait: the statement timeout plus the connect
     * timeout, so the server's own statement_timeout (which cancels cleanly) comes first.
     */
    static java.time.Duration readTimeout(StoreOptions options) {
        return options.statementTimeout().plus(options.connectTimeout());
    }

    /** host:port/database, never the password. */
    public String address() {
        return connection.host() + ":" + connection.port() + "/" + connection.database();
    }

    @Override
    public void close() {
        fdw.close();
        main.close();
        logins.discardOffered();
    }

    @Override
    public String toString() {
        return "ShardPool[" + shard + " " + connection.masked() + " size=" + size() + "]";
    }
}
