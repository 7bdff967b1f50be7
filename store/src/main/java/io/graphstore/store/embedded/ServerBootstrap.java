package io.graphstore.store.embedded;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Secret;
import io.graphstore.common.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;
import org.postgresql.core.Utils;

/**
 * What a database administrator does once per server before graph-store can use it: a login
 * role with a password, a database it owns, and the extensions graph-store needs that only a
 * superuser may create (postgres_fdw is not a trusted extension). Every step is idempotent.
 * Connects as a superuser with its password (on the embedded servers, {@code postgres} over
 * loopback, see {@link EmbeddedServer#bootstrap()}).
 */
public final class ServerBootstrap {
    private static final Pattern IDENT = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String adminUser;
    private final Secret adminPassword;

    public ServerBootstrap(String host, int port, String adminUser, Secret adminPassword) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** Creates the role or resets its password. */
    public void ensureRole(String role, Secret password) {
        check(role);
        String literal = literal(password.reveal());
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            if (exists(c, "select 1 from pg_roles where rolname = ?", role)) {
                s.execute("alter role " + role + " with login password " + literal);
            } else {
                s.execute("create role " + role + " with login password " + literal);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create role '" + role + "' on port " + port + ": "
                    + e.getMessage().replace(password.reveal(), Secret.MASK), e);
        }
    }

    /** Creates {@code db} owned by {@code owner}, with postgres_fdw usable by the owner. */
    public void ensureDatabase(String db, String owner) {
        check(db);
        check(owner);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_database where datname = ?", db)) {
                // as graph-node requires: C collation and ctype, also on a server initialized otherwise
                s.execute("create database " + db + " owner " + owner
                        + " template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'");
            }
        } catch (SQLException e) {
            throw new StoreException("cannot create database '" + db + "' on port " + port + ": " + e.getMessage(), e);
        }
        try (Connection c = superuser(db); Statement s = c.createStatement()) {
            s.execute("create extension if not exists postgres_fdw");
            s.execute("create extension if not exists btree_gist");
            s.execute("grant usage on foreign data wrapper postgres_fdw to " + owner);
            s.execute("grant create on database " + db + " to " + owner);
        } catch (SQLException e) {
            throw new StoreException("cannot set up extensions in database '" + db + "' on port "
                    + port + ": " + e.getMessage(), e);
        }
    }

    /** Drops {@code db}, ending its sessions first. */
    public void dropDatabase(String db) {
        check(db);
        try (Connection c = superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + db + " with (force)");
        } catch (SQLException e) {
            throw new StoreException("cannot drop database '" + db + "' on port " + port + ": " + e.getMessage(), e);
        }
    }

    public Connection superuser(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", adminUser);
        if (!adminPassword.isEmpty()) {
            p.setProperty("password", adminPassword.reveal());
        }
        p.setProperty("connectTimeout", "10");
        p.setProperty("ApplicationName", "graph-store bootstrap");
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + db, p);
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String literal(String value) {
        try {
            return "'" + Utils.escapeLiteral(null, value, true) + "'";
        } catch (SQLException e) {
            throw new BadInputException("password contains a character PostgreSQL cannot take; choose another");
        }
    }

    private static void check(String ident) {
        if (!IDENT.matcher(ident).matches()) {
            throw new BadInputException("identifier '" + ident
                    + "' is invalid; use a lowercase letter followed by lowercase letters, digits or underscores");
        }
    }
}
