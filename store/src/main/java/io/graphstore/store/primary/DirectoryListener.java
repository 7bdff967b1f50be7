package io.graphstore.store.primary;

import io.graphstore.config.ConnectionInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that LISTENs on {@code graph_store_directory} in the primary and calls back
 * on every notification and whenever it connects or loses the connection; it reconnects every
 * few seconds. The directory cache uses it to drop stale entries, the mirror to refresh.
 */
public final class DirectoryListener implements AutoCloseable {
    /** What to do on changes and on (dis)connection; called from the listener thread. */
    public interface Callbacks {
        /**
         * The directory changed; {@code payloads} are the notifications' texts, each
         * {@code schema.table} and, from primary migration V4 on, a space and the epoch
         * milliseconds of the change.
         */
        void changed(java.util.List<String> payloads);

        void connected(boolean up);
    }

    static final String CHANNEL = "graph_store_directory";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryListener.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ConnectionInfo primary;
    private final Callbacks callbacks;
    private final Duration connectTimeout;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile boolean up;

    public DirectoryListener(ConnectionInfo primary, Callbacks callbacks, Duration connectTimeout, String name) {
        this.primary = primary;
        this.callbacks = callbacks;
        this.connectTimeout = connectTimeout;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!stopped) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("listen " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                up = true;
                callbacks.connected(true);
                while (!stopped) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null && notes.length > 0) {
                        callbacks.changed(java.util.Arrays.stream(notes).map(PGNotification::getParameter).toList());
                    }
                }
            } catch (SQLException e) {
                if (up && !stopped) {
                    LOG.warn("lost the directory change listener on the primary ({}); it reconnects "
                            + "every {} s", e.getMessage(), RETRY.toSeconds());
                }
            } finally {
                if (up) {
                    up = false;
                    callbacks.connected(false);
                }
            }
            sleep();
        }
    }

    private Connection connect() throws SQLException {
        return io.graphstore.store.pool.DirectConnection.open(primary, connectTimeout, "graph-store directory listener");
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
