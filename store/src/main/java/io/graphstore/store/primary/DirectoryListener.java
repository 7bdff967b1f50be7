package io.graphstore.store.primary;

import io.graphstore.config.ConnectionInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that LISTENs on {@code graph_store_directory} in the primary and drops the
 * cache on every notification. While it is not connected the cache is bypassed; it
 * reconnects every few seconds.
 */
final class DirectoryListener implements AutoCloseable {
    static final String CHANNEL = "graph_store_directory";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ConnectionInfo primary;
    private final SiteCache cache;
    private final Duration connectTimeout;
    private final Thread thread;
    private volatile boolean stopped;

    DirectoryListener(ConnectionInfo primary, SiteCache cache, Duration connectTimeout) {
        this.primary = primary;
        this.cache = cache;
        this.connectTimeout = connectTimeout;
        this.thread = new Thread(this::run, "directory-listener");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (!stopped) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                cache.listening(true);
                while (!stopped) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null && notes.length > 0) {
                        cache.invalidate();
                    }
                }
            } catch (SQLException e) {
                if (cache.isListening() && !stopped) {
                    LOG.warn("lost the directory change listener on the primary ({}); directory lookups "
                            + "are not cached until it reconnects", e.getMessage());
                }
            } finally {
                cache.listening(false);
            }
            sleep();
        }
    }

    private Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", primary.user());
        p.setProperty("password", primary.password().reveal());
        int seconds = (int) Math.max(1, connectTimeout.toSeconds());
        p.setProperty("connectTimeout", String.valueOf(seconds));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "graph-store directory listener");
        return DriverManager.getConnection(primary.jdbcUrl(), p);
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
