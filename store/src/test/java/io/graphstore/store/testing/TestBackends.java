package io.graphstore.store.testing;

import io.graphstore.common.Secret;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.store.embedded.EmbeddedServer;
import io.graphstore.store.embedded.ServerBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Chooses and starts the servers tests use, once per JVM. See the package doc for the
 * environment variables.
 */
public final class TestBackends {
    public static final String BACKEND_ENV = "GRAPH_STORE_TEST_BACKEND";
    public static final String URLS_ENV = "GRAPH_STORE_TEST_PG_URLS";
    /** Settings for throwaway test servers: durability off, enough connections. */
    public static final Map<String, String> FAST_SETTINGS = Map.of(
            "fsync", "off",
            "synchronous_commit", "off",
            "full_page_writes", "off",
            "max_connections", "300",
            "shared_buffers", "64MB");

    private static List<TestServer> shared;

    private TestBackends() {
    }

    /** The shared servers of this test run (one for embedded and testcontainers). */
    public static synchronized List<TestServer> shared() {
        if (shared == null) {
            String backend = System.getenv().getOrDefault(BACKEND_ENV, "embedded").toLowerCase(Locale.ROOT);
            shared = switch (backend) {
                case "embedded" -> List.of(embedded("shared"));
                case "external" -> external();
                case "testcontainers" -> List.of(Containers.start());
                default -> throw new IllegalStateException(BACKEND_ENV + "='" + backend
                        + "' is unknown; use embedded, external or testcontainers");
            };
        }
        return shared;
    }

    /**
     * A new embedded server in its own directory (0700), stopped when the JVM exits. Its
     * superuser password is generated into {@code superuser.password} (0600) beside the data.
     */
    public static TestServer embedded(String label) {
        try {
            Path root = Path.of("target", "pg-test");
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root.toAbsolutePath(), label + "-");
            int port = freePort();
            EmbeddedServer server = EmbeddedServer.start(dir.resolve("data"), port, FAST_SETTINGS,
                    dir.resolve("postgres.log"), dir.resolve("superuser.password"));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-pg-" + label));
            return new TestServer("127.0.0.1", port, server.bootstrap()).prepared();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TestServer> external() {
        String urls = System.getenv(URLS_ENV);
        Assumptions.assumeTrue(urls != null && !urls.isBlank(),
                URLS_ENV + " is not set; it lists superuser URLs postgresql://USER:PASSWORD@HOST:PORT/DB");
        List<TestServer> servers = new ArrayList<>();
        for (String url : urls.split(",")) {
            ConnectionInfo c = ConnectionInfo.parse(url.trim(), URLS_ENV);
            ServerBootstrap admin = new ServerBootstrap(c.host(), c.port(), c.user(),
                    new Secret(c.password().reveal()));
            servers.add(new TestServer(c.host(), c.port(), admin).prepared());
        }
        return servers;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
