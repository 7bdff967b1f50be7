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

    public static Connection open(ConnectionInfo conn, Duration connectTimeout, String applicationName)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", conn.user());
        p.setProperty("password", conn.password().reveal());
        String seconds = String.valueOf(Math.max(1, connectTimeout.toSeconds()));
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(conn.jdbcUrl(), p);
    }
}
