package io.graphstore.store.embedded;

import io.graphstore.common.Secret;
import io.graphstore.common.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL server process on 127.0.0.1 with its data in {@code dataDir}. Every role, the
 * superuser {@code postgres} included, logs in with its password (SCRAM), over TCP on loopback
 * only; the server opens no Unix socket. The superuser's password is generated on first start
 * and kept in a 0600 file beside the data ({@link #superuserPasswordFile()}); {@link
 * #bootstrap()} reads it to create roles, databases and extensions. The binaries come from a
 * private directory that is checked before every start (see {@link PgBinaries}).
 */
public final class EmbeddedServer {
    static final String HBA = """
            # Written by graph-store on every start. Every role, the superuser included, gives
            # its password (SCRAM). TCP on loopback only; the server opens no Unix socket, and
            # would ask for the password there too.
            local   all   all                        scram-sha-256
            host    all   all        127.0.0.1/32    scram-sha-256
            host    all   all        ::1/128         scram-sha-256
            """;
    /** Set on the command line, so neither a caller's settings nor ALTER SYSTEM can change them. */
    static final Map<String, String> ENFORCED = Map.of(
            "listen_addresses", "localhost",
            "unix_socket_directories", "",
            "password_encryption", "scram-sha-256");
    static final String SUPERUSER = "postgres";

    /**
     * Servers this JVM started, by data directory. zonky holds a file lock on the directory
     * until its instance is closed, so a restart in the same JVM must close it first.
     */
    private static final Map<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final int port;
    private final Path passwordFile;

    private EmbeddedServer(Path dataDir, int port, Path passwordFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.passwordFile = passwordFile;
    }

    /**
     * Starts a server on {@code port} with data in {@code dataDir}, running initdb first when
     * the directory holds no cluster yet. The superuser's password is read from {@code
     * superuserPasswordFile}; for a new cluster it is generated there first when the file does
     * not exist (several servers may share one file). The server keeps running after this JVM
     * exits.
     */
    public static EmbeddedServer start(Path dataDir, int port, Map<String, String> settings, Path logFile,
            Path superuserPasswordFile) {
        boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
        if (!fresh && !Files.exists(superuserPasswordFile)) {
            throw new StoreException("embedded PostgreSQL data " + dataDir + " has no superuser password file "
                    + superuserPasswordFile + ", so an older graph-store made it with a superuser that needs no"
                    + " password; stop its server and remove " + dataDir + " to start over");
        }
        Secret password = fresh ? Passwords.readOrCreate(superuserPasswordFile) : Passwords.read(superuserPasswordFile);
        Path zonkyDir = PgBinaries.prepare();
        try {
            Files.createDirectories(dataDir);
            PrivateFiles.privateDirectory(logFile.toAbsolutePath().getParent());
            PrivateFiles.touch(logFile);
            // zonky scans this directory for stale servers of its own and deletes them; left at its
            // default (java.io.tmpdir/embedded-pg) anyone could plant one there. Read by the builder.
            System.setProperty("ot.epg.working-dir", zonkyDir.toString());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(zonkyDir.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // initdb: zonky passes "-A trust"; these come after it and win. The password
                    // file is read by initdb, so the password is never on a command line.
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", superuserPasswordFile.toAbsolutePath().toString())
                    // graph-node requires the C collation (its connection pool refuses an empty primary
                    // without it): text sorts and indexes compare bytes, whatever the machine's locale
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    // zonky's own readiness check logs in as postgres
                    .setConnectConfig("password", password.reveal())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
            settings.forEach(builder::setServerConfig);
            ENFORCED.forEach(builder::setServerConfig);
            STARTED_HERE.put(key(dataDir), builder.start());
            return new EmbeddedServer(dataDir, port, superuserPasswordFile);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("embedded PostgreSQL in " + dataDir.getFileName() + " on port "
                    + port + " did not start (" + e + "); see " + logFile, e);
        } finally {
            PgBinaries.tighten();
        }
    }

    /** A handle on a server started earlier, possibly by another process. */
    public static EmbeddedServer attach(Path dataDir, int port, Path superuserPasswordFile) {
        return new EmbeddedServer(dataDir, port, superuserPasswordFile);
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot write pg_hba.conf in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Logs in as the superuser {@code postgres} over loopback with the password from {@link
     * #superuserPasswordFile()}, to create roles, databases and extensions.
     */
    public ServerBootstrap bootstrap() {
        return new ServerBootstrap("127.0.0.1", port, SUPERUSER, Passwords.read(passwordFile));
    }

    /** The 0600 file with the password of the superuser {@code postgres}. */
    public Path superuserPasswordFile() {
        return passwordFile;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    /** The postmaster's pid when the server is running, from {@code postmaster.pid}. */
    public Optional<Long> runningPid() {
        return runningPid(dataDir);
    }

    public boolean isRunning() {
        return runningPid().isPresent();
    }

    static Optional<Long> runningPid(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            long pid = Long.parseLong(first.trim());
            return Processes.isRunning(pid) ? Optional.of(pid) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the server with a fast shutdown (SIGINT: open sessions are ended, data is flushed)
     * and waits until the process is gone. Does nothing when it is not running.
     */
    public void stop() {
        // the pid first: the postmaster removes postmaster.pid a moment before it exits, so
        // reading the file after the shutdown request could miss a process still running
        Optional<Long> pid = runningPid();
        EmbeddedPostgres ours = STARTED_HERE.remove(key(dataDir));
        if (ours != null) {
            try {
                ours.close();
            } catch (IOException e) {
                // fall through to signalling the postmaster below
            }
        }
        if (pid.isEmpty()) {
            return;
        }
        if (waitForExit(pid.get(), Duration.ZERO)) {
            return;
        }
        signal(pid.get(), "INT");
        if (!waitForExit(pid.get(), Duration.ofSeconds(60))) {
            signal(pid.get(), "QUIT");
            waitForExit(pid.get(), Duration.ofSeconds(10));
        }
    }

    /** Kills the server at once (SIGKILL on the postmaster), as a crash would. */
    public void kill() {
        EmbeddedPostgres ours = STARTED_HERE.remove(key(dataDir));
        runningPid().ifPresent(pid -> {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            waitForExit(pid, Duration.ofSeconds(10));
        });
        if (ours != null) {
            try {
                ours.close(); // releases the directory lock; the server is already gone
            } catch (IOException e) {
                // nothing left to stop
            }
        }
    }

    private static Path key(Path dataDir) {
        return dataDir.toAbsolutePath().normalize();
    }

    private static void signal(long pid, String signal) {
        try {
            Process p = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new StoreException("cannot signal PostgreSQL process " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Processes.isRunning(pid) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !Processes.isRunning(pid);
    }
}
