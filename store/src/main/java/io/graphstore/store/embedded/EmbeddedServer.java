package io.graphstore.store.embedded;

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
 * One PostgreSQL server process on 127.0.0.1 with its data in {@code dataDir}. The superuser
 * {@code postgres} may connect without a password from loopback only (it bootstraps roles and
 * extensions); every other role must give its password, which is what postgres_fdw needs.
 */
public final class EmbeddedServer {
    static final String HBA = """
            # Written by graph-store. Loopback only: the superuser bootstraps without a password,
            # every other role (the one graph-store and postgres_fdw use) needs its password.
            local   all   all                        trust
            host    all   postgres   127.0.0.1/32    trust
            host    all   postgres   ::1/128         trust
            host    all   all        127.0.0.1/32    scram-sha-256
            host    all   all        ::1/128         scram-sha-256
            """;

    /**
     * Servers this JVM started, by data directory. zonky holds a file lock on the directory
     * until its instance is closed, so a restart in the same JVM must close it first.
     */
    private static final Map<Path, EmbeddedPostgres> STARTED_HERE = new ConcurrentHashMap<>();

    private final Path dataDir;
    private final int port;

    private EmbeddedServer(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a server on {@code port} with data in {@code dataDir}, running initdb first when
     * the directory holds no cluster yet. The server keeps running after this JVM exits.
     */
    public static EmbeddedServer start(Path dataDir, int port, Map<String, String> settings, Path logFile) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
            settings.forEach(builder::setServerConfig);
            STARTED_HERE.put(key(dataDir), builder.start());
            return new EmbeddedServer(dataDir, port);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("embedded PostgreSQL in " + dataDir.getFileName() + " on port "
                    + port + " did not start (" + e + "); see " + logFile, e);
        }
    }

    /** A handle on a server started earlier, possibly by another process. */
    public static EmbeddedServer attach(Path dataDir, int port) {
        return new EmbeddedServer(dataDir, port);
    }

    private static void writeHba(Path dir) {
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot write pg_hba.conf in " + dir + ": " + e.getMessage(), e);
        }
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
        EmbeddedPostgres ours = STARTED_HERE.remove(key(dataDir));
        if (ours != null) {
            try {
                ours.close();
            } catch (IOException e) {
                // fall through to signalling the postmaster below
            }
        }
        Optional<Long> pid = runningPid();
        if (pid.isEmpty()) {
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
