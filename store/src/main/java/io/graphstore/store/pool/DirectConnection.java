package io.graphstore.store.pool;

import io.graphstore.config.ConnectionInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A connection outside the pools, for sessions that live long or hold session state: the
 * migration lock, the directory change listener, a copy's slot. Same settings as the pools.
 */
public final class DirectConnection {
    private DirectConnection() {
    }

    /** With no socket read timeout: for sessions that wait on purpose (locks, notifications). */
    public static Connection open(ConnectionInfo conn, Duration connectTimeout, String applicationName)
            throws SQLException {
        return open(conn, connectTimeout, Duration.ZERO, applicationName);
    }

    /**
     * @param readTimeout the longest a read on the socket may wait for the server, so a hung
     *     server cannot hold the caller (zero: no limit)
     */
    public static Connection open(ConnectionInfo conn, Duration connectTimeout, Duration readTimeout,
            String applicationName) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", conn.user());
        p.setProperty("password", conn.password().reveal());
        String seconds = String.valueOf(Math.max(1, seconds(connectTimeout)));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("socketTimeout", String.valueOf(seconds(readTimeout)));
        p.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(conn.jdbcUrl(), p);
    }

    /** Whole seconds, rounded up, as pgjdbc's timeouts take them. */
    public static long seconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
