package io.graphstore.graphman;

import static org.assertj.core.api.Assertions.assertThat;

import io.graphstore.common.ShardName;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.testing.Await;
import io.graphstore.store.testing.Freeze;
import io.graphstore.store.testing.OwnServers;
import io.graphstore.store.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * graphman while a server is stopped (refuses), frozen with SIGSTOP (accepts and never
 * answers), slow, or refuses the login: every command answers within its timeouts, in one
 * line naming the shard, and nothing is migrated without the lock in the primary.
 */
@Tag("fault")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageCommandsTest {
    private static final long CONNECT_MS = 2_000;
    private static final long STATEMENT_MS = 6_000;
    private static OwnServers servers;
    private static ShardCli cli;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        servers = new OwnServers(List.of("primary", "shard_a", "shard_b"));
        cli = new ShardCli(servers.shards(), dir)
                .env(StoreOptions.CONNECT_TIMEOUT_ENV, Long.toString(CONNECT_MS))
                .env(StoreOptions.STATEMENT_TIMEOUT_ENV, Long.toString(STATEMENT_MS));
        assertThat(cli.deploy("vip/one", 1).get("shard").asText()).isEqualTo("shard_a");
        assertThat(cli.deploy("org/two", 2).get("shard").asText()).isEqualTo("shard_b");
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    @Order(1)
    void aFrozenShardFailsDatabaseCheckInTimeNamingItAndBarelySlowsCommandsElsewhere() {
        long before = timed(() -> assertThat(cli.run("info", "vip/one").exit()).isZero());
        try (Freeze frozen = Freeze.of(servers.server("shard_b"))) {
            long[] took = new long[1];
            GraphmanRunner.Result check = timedRun(took, "database", "check");
            assertThat(check.exit()).as(check.all()).isEqualTo(1);
            assertThat(took[0]).as("database check with a frozen shard took %d ms", took[0])
                    .isLessThan(2 * STATEMENT_MS);
            assertThat(check.all()).contains("shard_b");
            assertThat(check.err().lines()).allSatisfy(l -> assertThat(l).doesNotStartWith("\tat "));

            long during = timed(() -> {
                GraphmanRunner.Result info = cli.run("info", "vip/one");
                assertThat(info.exit()).as(info.all()).isZero();
                assertThat(info.out()).contains("vip/one");
            });
            assertThat(during - before).as("info on shard_a slowed by a frozen shard_b (%d ms before, %d during)",
                    before, during).isLessThan(CONNECT_MS + 3_000);

            GraphmanRunner.Result onFrozen = cli.run("info", "org/two");
            assertThat(onFrozen.exit()).isEqualTo(1);
            assertThat(onFrozen.out()).contains("shard 'shard_b'");
        }
    }

    @Test
    @Order(2)
    void withThePrimaryStoppedInfoAnswersFromTheMirrorsAndSaysSo() {
        // the deploys above refreshed the mirrors when they closed the store: no node runs here
        servers.stop("primary");
        try {
            long[] took = new long[1];
            GraphmanRunner.Result info = timedRun(took, "info");
            assertThat(info.exit()).as(info.all()).isZero();
            assertThat(info.out()).contains("vip/one").contains("org/two");
            assertThat(info.err()).containsPattern("note: the primary is unreachable; answering from the directory"
                    + " mirror in shard 'shard_[ab]', refreshed \\d+ s ago \\(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\)");
            assertThat(took[0]).as("info with a refused primary took %d ms", took[0]).isLessThan(CONNECT_MS + 5_000);

            GraphmanRunner.Result missing = cli.run("info", "org/unknown");
            assertThat(missing.exit()).isEqualTo(2);
            assertThat(missing.err()).contains("not found").contains("may be missing newer changes");

            GraphmanRunner.Result write = cli.run("reassign", "org/two", "index_node_1");
            assertThat(write.exit()).isEqualTo(1);
            assertThat(write.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString()
                    .startsWith("error: shard 'primary' at 127.0.0.1:").contains("directory changes need the primary");
        } finally {
            servers.start("primary");
        }
    }

    @Test
    @Order(3)
    void aMirrorNeverRefreshedIsNoAnswer() throws Exception {
        for (String shard : List.of("shard_a", "shard_b")) {
            try (Connection c = servers.shards().connect(ShardName.of(shard)); Statement s = c.createStatement()) {
                s.execute("delete from mirror.refresh");
            }
        }
        servers.stop("primary");
        try {
            GraphmanRunner.Result info = cli.run("info");
            assertThat(info.exit()).as(info.all()).isEqualTo(1);
            assertThat(info.out()).doesNotContain("no deployments yet");
            assertThat(info.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString()
                    .startsWith("error: shard 'primary' at 127.0.0.1:")
                    .contains("no shard holds a refreshed directory mirror");
            GraphmanRunner.Result copies = cli.run("copy", "list");
            assertThat(copies.exit()).isEqualTo(1);
            assertThat(copies.out()).doesNotContain("no copies");
        } finally {
            servers.start("primary");
        }
        assertThat(cli.run("database", "mirror").exit()).isZero();
    }

    @Test
    @Order(4)
    void aWrongPasswordIsOneRefusedLoginReportedAsSuch() throws Exception {
        String wrong = "not-the-password-42";
        String toml = Files.readString(cli.config).replace(
                TestServer.PASSWORD.reveal() + "@127.0.0.1:" + servers.server("shard_b").port(),
                wrong + "@127.0.0.1:" + servers.server("shard_b").port());
        Path bad = Files.writeString(dir.resolve("wrong-password.toml"), toml);
        Path log = servers.server("shard_b").dataDir().getParent().resolve("postgres.log");
        long failuresBefore = countLines(log, "password authentication failed");

        GraphmanRunner.Result info = new GraphmanRunner(dir).run("--config", bad.toString(), "info", "org/two");
        assertThat(info.exit()).isEqualTo(1);
        assertThat(info.all()).contains("shard 'shard_b'").contains("refused the login")
                .contains("fix the user or password in [store.shard_b] connection")
                .doesNotContain(wrong).doesNotContain("unreachable");
        Await.until("the server logged the failed login", Duration.ofSeconds(10),
                () -> countLines(log, "password authentication failed") > failuresBefore);
        assertThat(countLines(log, "password authentication failed") - failuresBefore)
                .as("login attempts with the wrong password in one command").isEqualTo(1);
    }

    @Test
    @Order(5)
    void aSlowPrimaryIsWaitedForAndAStoppedOneMigratesNothing() throws Exception {
        int port = servers.server("primary").port();
        CompletableFuture<GraphmanRunner.Result> migrate;
        try (Freeze frozen = Freeze.of(servers.server("primary"))) {
            ShardCli patient = new ShardCli(servers.shards(), dir).env(StoreOptions.CONNECT_TIMEOUT_ENV, "60000");
            migrate = CompletableFuture.supplyAsync(() -> patient.run("database", "migrate"));
            Await.until("graphman waits on the frozen primary", () -> Freeze.connectionWaitingOn(port));
        }
        GraphmanRunner.Result slow = migrate.get();
        assertThat(slow.exit()).as(slow.all()).isZero();
        assertThat(slow.all()).doesNotContain("without").doesNotContain("unreachable");

        servers.stop("primary");
        try {
            GraphmanRunner.Result down = cli.run("database", "migrate");
            assertThat(down.exit()).isEqualTo(1);
            assertThat(down.all()).contains("shard 'primary'").contains("not migrated");
            GraphmanRunner.Result info = cli.run("info", "vip/one");
            assertThat(info.exit()).as(info.all()).isZero();
        } finally {
            servers.start("primary");
        }
    }

    @Test
    @Order(6)
    void failuresAreOneLineNamingTheShardWithoutStackTraces() throws Exception {
        String copy = indexAndCopy("org/two", 2, "shard_a");

        servers.stop("shard_a");
        try {
            for (String[] args : List.of(new String[] {"copy", "status", copy}, new String[] {"copy", "verify", copy},
                    new String[] {"copy", "list"})) {
                GraphmanRunner.Result r = cli.run(args);
                assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(1);
                assertThat(r.err().lines().filter(l -> l.startsWith("error:"))).as(String.join(" ", args))
                        .singleElement().asString().contains("shard 'shard_a' at 127.0.0.1:")
                        .doesNotContain("Exception").doesNotContain("java.");
            }
            ChildGraphman check = ChildGraphman.startAsShipped(dir, "check-down", cli.config, "database", "check");
            assertThat(check.process().waitFor()).isEqualTo(1);
            String stderr = Files.readString(check.err());
            assertThat(stderr.lines()).noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception"));
            assertThat(check.stdout()).contains("shard_a");
        } finally {
            servers.start("shard_a");
        }
        GraphmanRunner.Result cancel = cli.run("copy", "cancel", copy);
        assertThat(cancel.exit()).as(cancel.all()).isZero();
    }

    @Test
    @Order(7)
    void aCopyIntoAReadOnlyShardFailsInOneLineSayingWhy() throws Exception {
        indexAndCopy("vip/one", 1, "shard_b");
        String database = servers.shards().database(ShardName.of("shard_b"));
        setReadOnly(database, true);
        try {
            GraphmanRunner.Result run = cli.run("copy", "run", ShardCli.hash(1) + ":shard_b");
            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            assertThat(run.err().lines().filter(l -> l.startsWith("error:"))).singleElement().asString()
                    .startsWith("error: shard 'shard_b': ").contains("read-only").contains("SQLSTATE 25006")
                    .doesNotContain("statement:").doesNotContain("PSQLException");
        } finally {
            setReadOnly(database, false);
        }
        assertThat(cli.run("copy", "cancel", ShardCli.hash(1) + ":shard_b").exit()).isZero();
    }

    private static void setReadOnly(String database, boolean on) throws Exception {
        try (Connection c = servers.shards().connect(ShardName.of("shard_b")); Statement s = c.createStatement()) {
            s.execute("set default_transaction_read_only = off"); // this session may have inherited it
            s.execute("alter database " + database + " set default_transaction_read_only = " + on);
        }
    }

    /** Writes some blocks into NAME (deployed as hash(n)) and creates a copy of it in SHARD; returns HASH:SHARD. */
    private static String indexAndCopy(String name, int n, String shard) {
        GraphmanRunner.Result index = cli.run("dev", "index", name, "--blocks", "10", "--changes-per-block", "5");
        assertThat(index.exit()).as(index.all()).isZero();
        GraphmanRunner.Result create = cli.run("copy", "create", name, shard, "default");
        assertThat(create.exit()).as(create.all()).isZero();
        return ShardCli.hash(n) + ":" + shard;
    }

    private static long countLines(Path log, String text) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains(text)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static GraphmanRunner.Result timedRun(long[] took, String... args) {
        long start = System.nanoTime();
        GraphmanRunner.Result r = cli.run(args);
        took[0] = (System.nanoTime() - start) / 1_000_000;
        return r;
    }

    private static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
