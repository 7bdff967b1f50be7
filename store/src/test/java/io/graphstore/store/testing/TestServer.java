package io.graphstore.store.testing;

import io.graphstore.common.Secret;
import io.graphstore.store.embedded.ServerBootstrap;

/**
 * A PostgreSQL server tests may create databases on. {@code host}/{@code port} must be
 * reachable both from the test JVM and from the server itself (postgres_fdw connects from
 * the server to the other shards).
 */
public record TestServer(String host, int port, ServerBootstrap admin) {
    /** The login role every test database is owned by. */
    public static final String ROLE = "graph_test";
    public static final Secret PASSWORD = new Secret("graph-test-pw");

    /** Creates the test role (idempotent). */
    public TestServer prepared() {
        admin.ensureRole(ROLE, PASSWORD);
        return this;
    }

    public String connectionUrl(String database) {
        return "postgresql://" + ROLE + ":" + PASSWORD.reveal() + "@" + host + ":" + port + "/" + database;
    }
}
