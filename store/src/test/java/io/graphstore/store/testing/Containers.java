package io.graphstore.store.testing;

import io.graphstore.common.Secret;
import io.graphstore.store.embedded.ServerBootstrap;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The Testcontainers backend: one PostgreSQL 15 container per test JVM. The shards reach each
 * other through postgres_fdw inside the container, so connections use the container's
 * bridge address and port 5432, which the test JVM also reaches on Linux. Without a Docker
 * engine the calling test is skipped.
 */
final class Containers {
    private static final String IMAGE = "postgres:15";

    private Containers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    static TestServer start() {
        Assumptions.assumeTrue(dockerAvailable(), "no Docker engine; Testcontainers tests are skipped");
        PostgreSQLContainer<?> pg = new PostgreSQLContainer<>(IMAGE)
                .withUsername("postgres")
                .withPassword("postgres")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        pg.start();
        String ip = pg.getContainerInfo().getNetworkSettings().getIpAddress();
        ServerBootstrap admin = new ServerBootstrap(ip, 5432, "postgres", new Secret("postgres"));
        return new TestServer(ip, 5432, admin).prepared();
    }
}
