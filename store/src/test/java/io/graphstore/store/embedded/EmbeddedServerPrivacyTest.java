package io.graphstore.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.graphstore.common.Secret;
import io.graphstore.common.StoreException;
import io.graphstore.store.testing.TestBackends;
import io.graphstore.store.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another local user must not get into an embedded server: every role gives its password,
 * the server has no Unix socket, and the binaries it runs come from a directory only its user
 * can write. The server under test is a dev cluster, the one {@code graphman dev up} starts,
 * and the test harness's own server.
 */
@Tag("slow")
class EmbeddedServerPrivacyTest {
    private static final int NOBODY = 65534;

    @TempDir
    static Path work;
    private static EmbeddedCluster cluster;
    private static EmbeddedServer primary;

    @BeforeAll
    static void startADevCluster() {
        cluster = EmbeddedCluster.in(work);
        cluster.up(1);
        primary = cluster.server("primary");
    }

    @AfterAll
    static void stopIt() {
        if (cluster != null) {
            cluster.down();
        }
    }

    @Test
    void anotherLocalUserCannotLogInAsAnyRoleOverTcpOrASocketNorRunAProgram(@TempDir Path scratch)
            throws Exception {
        assumeThat(Users.isRoot()).as("switching to another uid needs root; not running as root").isTrue();
        Optional<Path> setpriv = onPath("setpriv");
        assumeThat(setpriv).as("setpriv (util-linux) is not installed").isPresent();

        Path probeDir = worldReadableCopyOfTheProbe(scratch);
        Path pwned = probeDir.resolve("pwned");
        List<String> command = new ArrayList<>(List.of(setpriv.get().toString(),
                "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
                "-cp", "pgjdbc.jar", "LoginProbe.java",
                Integer.toString(primary.port()), EmbeddedCluster.ROLE, pwned.toString(),
                "/tmp", "/run/postgresql", "/var/run/postgresql", cluster.home().toString(),
                primary.dataDir().toString()));
        Process probe = new ProcessBuilder(command).directory(probeDir.toFile()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).as(out).isTrue();
        assertThat(probe.exitValue()).as(out).isZero();

        assertThat(out).as(out).contains("probe runs as uid " + NOBODY);
        List<String> tcp = out.lines().filter(l -> l.startsWith("tcp ")).toList();
        List<String> sockets = out.lines().filter(l -> l.startsWith("socket ")).toList();
        assertThat(tcp).as(out).hasSize(6).allSatisfy(l -> assertThat(l).contains(": refused"));
        assertThat(tcp).filteredOn(l -> l.contains("with a guessed password"))
                .hasSize(4).allSatisfy(l -> assertThat(l).contains("password authentication failed"));
        assertThat(tcp).filteredOn(l -> l.contains("without a password"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("no password was provided"));
        assertThat(sockets).as(out).hasSize(10).allSatisfy(l -> assertThat(l).contains(": unreachable ("));
        assertThat(out).doesNotContain("CONNECTED").doesNotContain("COPY TO PROGRAM RAN");
        assertThat(pwned).as("COPY ... TO PROGRAM ran for the other user").doesNotExist();
        assertThat(out).doesNotContain(Passwords.read(cluster.superuserPasswordFile()).reveal());
    }

    @Test
    void theSuperuserPasswordIsKeptPrivateBesideTheDataAndNoSocketIsOpen() throws Exception {
        assertThat(mode(cluster.superuserPasswordFile())).isEqualTo("rw-------");
        assertThat(owner(cluster.superuserPasswordFile())).isEqualTo(Users.currentUid());
        assertThat(mode(cluster.home().resolve("cluster.json"))).isEqualTo("rw-------");
        assertThat(mode(cluster.home())).isEqualTo("rwx------");

        assertLocked(primary.bootstrap(), primary.port());
        String socket = ".s.PGSQL." + primary.port();
        assertThat(Path.of("/tmp", socket)).doesNotExist();
        assertThat(Path.of("/run/postgresql", socket)).doesNotExist();
        try (Stream<Path> files = Files.walk(cluster.home())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".s.PGSQL."));
        }
    }

    @Test
    void theTestHarnessServerIsJustAsPrivate() throws Exception {
        String backend = System.getenv().getOrDefault(TestBackends.BACKEND_ENV, "embedded");
        assumeThat(backend).as("the harness uses the %s backend, not embedded servers", backend).isEqualTo("embedded");
        TestServer server = TestBackends.shared().get(0);
        assertLocked(server.admin(), server.port());
    }

    @Test
    void theBinariesRunFromAPrivateDirectoryOutsideTheTempDirectory() throws Exception {
        Path root = PgBinaries.root();
        assertThat(root.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toRealPath()))
                .as("%s is under the temp directory", root).isFalse();
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(owner(root)).isEqualTo(Users.currentUid());
        PgBinaries.check(root);

        long pid = primary.runningPid().orElseThrow();
        Path exe = Path.of("/proc", Long.toString(pid), "exe").toRealPath();
        assertThat(exe).startsWith(root.toRealPath());
        assertThat(exe.getFileName().toString()).isEqualTo("postgres");
        assertThat(Path.of(System.getProperty("ot.epg.working-dir")))
                .as("zonky sweeps this directory for stale servers and deletes them").startsWith(root);
    }

    @Test
    void aDirectoryOthersCouldWriteOnTheWayToTheBinariesIsRefused(@TempDir Path t) throws Exception {
        Path cache = t.resolve("cache");
        Path root = cache.resolve("graph-store").resolve("embedded-pg");
        Path zonky = PgBinaries.prepare(root);
        assertThat(mode(root)).isEqualTo("rwx------");
        assertThat(mode(cache)).isEqualTo("rwx------");

        chmod(cache, "rwxrwxrwx");
        assertRefused(root, cache + " is writable by group or others without the sticky bit (mode 0777)",
                "chmod go-w " + cache);
        chmod(cache, "rwx------");

        chmod(root, "rwxrwx---");
        assertRefused(root, root + " has mode 0770, not 0700", "rm -rf " + root);
        chmod(root, "rwx------");

        Path planted = Files.createDirectories(zonky.resolve("PG-planted").resolve("bin"));
        chmod(planted, "rwxrwxrwx");
        assertRefused(root, planted + " is writable by group or others (mode 0777)", "rm -rf " + root);
        chmod(planted, "rwxr-xr-x");
        PgBinaries.check(root);

        if (Users.isRoot()) {
            Path binary = Files.writeString(planted.resolve("postgres"), "#!/bin/sh\n");
            Files.setAttribute(binary, "unix:uid", NOBODY);
            assertRefused(root, binary + " belongs to uid " + NOBODY, "rm -rf " + root);
            Files.delete(binary);
        }

        chmod(zonky, "rwx-w--w-");
        PgBinaries.check(root); // what zonky does to its own directory; nobody else can reach it

        Path sticky = Files.createDirectory(t.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);
        PgBinaries.prepare(sticky.resolve("mine"));
    }

    @Test
    void dataMadeWhenTheSuperuserNeededNoPasswordIsRefusedBeforeItStarts(@TempDir Path t) throws Exception {
        Path data = Files.createDirectories(t.resolve("data"));
        Files.writeString(data.resolve("postgresql.conf"), "");
        Path passwordFile = t.resolve("superuser.password");
        assertThatThrownBy(() -> EmbeddedServer.start(data, TestBackends.freePort(), Map.of(),
                t.resolve("postgres.log"), passwordFile))
                .isInstanceOf(StoreException.class)
                .hasMessage("embedded PostgreSQL data " + data + " has no superuser password file " + passwordFile
                        + ", so an older graph-store made it with a superuser that needs no password;"
                        + " stop its server and remove " + data + " to start over");
        assertThat(t.resolve("postgres.log")).doesNotExist();
    }

    @Test
    void aDevClusterMadeWhenTheSuperuserNeededNoPasswordIsRefusedWithAHint(@TempDir Path t) throws Exception {
        EmbeddedCluster old = EmbeddedCluster.in(t);
        new ClusterLayout(Passwords.generate(), List.of(new ClusterLayout.Server("primary", TestBackends.freePort())))
                .write(old.home().resolve("cluster.json"));
        Files.writeString(Files.createDirectories(old.dataDir("primary")).resolve("postgresql.conf"), "");
        assertThatThrownBy(() -> old.up(1))
                .isInstanceOf(StoreException.class)
                .hasMessage("dev cluster in " + old.home() + " has no superuser password file "
                        + old.superuserPasswordFile() + ", so an older graph-store made it with a superuser that"
                        + " needs no password; run 'graphman dev down' and remove " + old.home() + " to start over");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused(@TempDir Path t) throws Exception {
        Path file = t.resolve("superuser.password");
        Passwords.readOrCreate(file);
        assertThat(mode(file)).isEqualTo("rw-------");
        chmod(file, "rw-r--r--");
        assertThatThrownBy(() -> EmbeddedServer.attach(t.resolve("data"), 5432, file).bootstrap())
                .isInstanceOf(StoreException.class)
                .hasMessage("password file " + file + " has mode 0644, so others may read it; chmod 600 " + file
                        + " and, if others did, remove the data beside it");
    }

    /** Only the password gets in: without it, even this user is refused, and nothing trusts or peers. */
    private static void assertLocked(ServerBootstrap admin, int port) throws SQLException {
        try (Connection c = admin.superuser("postgres"); Statement s = c.createStatement()) {
            assertThat(single(s, "show unix_socket_directories")).isEmpty();
            assertThat(single(s, "show listen_addresses")).isEqualTo("localhost");
            assertThat(single(s, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThat(single(s, "select count(*) from pg_hba_file_rules where error is not null")).isEqualTo("0");
            assertThat(single(s, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
                    .isEqualTo("t");
        }
        assertThatThrownBy(() -> new ServerBootstrap("127.0.0.1", port, "postgres", new Secret(""))
                .superuser("postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("no password was provided");
        assertThatThrownBy(() -> new ServerBootstrap("127.0.0.1", port, "postgres", new Secret("postgres"))
                .superuser("postgres").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void assertRefused(Path root, String problem, String hint) {
        assertThatThrownBy(() -> PgBinaries.check(root))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("embedded PostgreSQL binaries directory " + root + " is not private: " + problem)
                .hasMessageContaining(hint)
                .hasMessageNotContaining("\n");
    }

    /** LoginProbe.java and pgjdbc in a fresh directory any user may read. */
    private static Path worldReadableCopyOfTheProbe(Path scratch) throws IOException {
        chmod(scratch, "rwxr-xr-x");
        Path dir = Files.createDirectory(scratch.resolve("probe"));
        chmod(dir, "rwxr-xr-x");
        Path jar;
        try {
            jar = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Files.copy(jar, dir.resolve("pgjdbc.jar"));
        try (InputStream src = EmbeddedServerPrivacyTest.class.getResourceAsStream("LoginProbe.java")) {
            Files.copy(src, dir.resolve("LoginProbe.java"));
        }
        chmod(dir.resolve("pgjdbc.jar"), "rw-r--r--");
        chmod(dir.resolve("LoginProbe.java"), "rw-r--r--");
        return dir;
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static int owner(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private static void chmod(Path p, String perms) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }
}
