package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.store.testing.Samples;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graphman deploy} checks its arguments against the config before it opens the store.
 * The config's database is a socket that counts connection attempts and closes them at once,
 * so a check made only after opening the store shows up as a counted connection.
 */
class DeployArgumentCheckTest {
    static final String PASSWORD = "s3cr3t-Pw";

    @TempDir
    Path dir;
    Path config;
    Path schema;
    GraphmanRunner graphman;
    ServerSocket database;
    final AtomicInteger connections = new AtomicInteger();
    String stores;

    @BeforeEach
    void setUp() throws Exception {
        config = dir.resolve("graph-node.toml");
        schema = dir.resolve("token.graphql");
        Files.writeString(schema, Samples.tokenSchema());
        graphman = new GraphmanRunner(dir);
        database = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::countAndClose, "counting-database");
        acceptor.setDaemon(true);
        acceptor.start();
        stores = "[store.primary]\nconnection = \"postgresql://graph:" + PASSWORD + "@127.0.0.1:"
                + database.getLocalPort() + "/graph\"\npool_size = 10\n";
    }

    @AfterEach
    void closeDatabase() throws IOException {
        database.close();
    }

    private void countAndClose() {
        while (!database.isClosed()) {
            try (Socket client = database.accept()) {
                connections.incrementAndGet();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void anUnknownNetworkIsRejectedWithoutConnecting() throws Exception {
        Files.writeString(config, stores + "[chains.mainnet]\nshard = \"primary\"\n");

        String line = rejected("--network", "ropsten");

        assertThat(line).isEqualTo("error: network 'ropsten' is not configured (known: mainnet); "
                + "add [chains.ropsten] or fix the name");
    }

    @Test
    void theDefaultNetworkMustBeConfiguredTooWhenChainsAreDeclared() throws Exception {
        Files.writeString(config, stores + "[chains.sepolia]\nshard = \"primary\"\n");

        String line = rejected();

        assertThat(line).startsWith("error: network 'mainnet' is not configured (known: sepolia)");
    }

    @Test
    void aMalformedNetworkIsRejectedWithoutConnectingAndShownEscaped() throws Exception {
        Files.writeString(config, stores);

        String line = rejected("--network", "Main\u001bNet");

        assertThat(line).isEqualTo("error: network 'Main\\u001bNet' is invalid; use lowercase letters, digits, '-' and '_'");
    }

    /** Runs deploy with a valid name, hash and schema plus {@code extra}; it must be bad input. */
    private String rejected(String... extra) {
        String[] args = new String[7 + extra.length];
        String[] base = {"--config", config.toString(), "deploy", "org/token", Samples.hash(1).value(),
            "--schema", schema.toString()};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        long started = System.nanoTime();
        var r = graphman.run(args);
        assertThat(r.exit()).as(r.all()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).doesNotContain(PASSWORD).doesNotContain("\u001b");
        assertThat(connections.get()).as("connections to the database").isZero();
        assertThat(System.nanoTime() - started).as("no waiting for a database").isLessThan(4_000_000_000L);
        return r.err().strip();
    }
}
