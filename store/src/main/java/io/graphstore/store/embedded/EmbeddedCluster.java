package io.graphstore.store.embedded;

import io.graphstore.common.BadInputException;
import io.graphstore.common.Secret;
import io.graphstore.common.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The dev cluster: one embedded PostgreSQL server per shard, with state under {@code
 * .graphman/} of a working directory so it survives {@code dev down} / {@code dev up}. Each
 * server gets role {@code graph} (with a password, so postgres_fdw works) owning database
 * {@code graph}. {@code .graphman/config.toml} is a graph-node config for the cluster.
 * Every role logs in with its password, the superuser {@code postgres} included: its password
 * is generated when the cluster is created and kept in {@code .graphman/superuser.password}
 * (0600), shared by the cluster's servers. {@code .graphman/} itself is created 0700.
 * Up and down are idempotent and serialized by a file lock.
 */
public final class EmbeddedCluster {
    public static final String DIRECTORY = ".graphman";
    public static final String ROLE = "graph";
    public static final String DATABASE = "graph";
    public static final int MAX_SHARDS = 27;
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "max_connections", "200",
            "shared_buffers", "64MB",
            "max_wal_size", "2GB");

    private final Path home;

    private EmbeddedCluster(Path home) {
        this.home = home;
    }

    /** The cluster whose state lives in {@code workDir/.graphman}. */
    public static EmbeddedCluster in(Path workDir) {
        return new EmbeddedCluster(workDir.toAbsolutePath().normalize().resolve(DIRECTORY));
    }

    public Path home() {
        return home;
    }

    public Path configFile() {
        return home.resolve("config.toml");
    }

    private Path layoutFile() {
        return home.resolve("cluster.json");
    }

    /** The 0600 file with the password of the superuser {@code postgres} of every server. */
    public Path superuserPasswordFile() {
        return home.resolve("superuser.password");
    }

    /** True when a cluster was created here (whether or not its servers run). */
    public boolean exists() {
        return ClusterLayout.read(layoutFile()).isPresent() && Files.isRegularFile(configFile());
    }

    /** True when at least one server of the cluster is running. */
    public boolean anyRunning() {
        return status().stream().anyMatch(ServerState::running);
    }

    /** True when the cluster was created here and every one of its servers is running. */
    public boolean isRunning() {
        Optional<ClusterLayout> layout = ClusterLayout.read(layoutFile());
        return layout.isPresent() && layout.get().servers().stream()
                .allMatch(s -> EmbeddedServer.runningPid(dataDir(s.shard())).isPresent());
    }

    /**
     * Starts every server of the cluster, creating it (or adding servers) so it has at least
     * {@code shardCount} shards, and writes the config. Servers already running are left alone.
     */
    public List<ServerState> up(int shardCount) {
        if (shardCount < 1 || shardCount > MAX_SHARDS) {
            throw new BadInputException("--shards " + shardCount + " is out of range; use 1 to " + MAX_SHARDS
                    + " (the primary counts as one)");
        }
        return locked(() -> {
            ClusterLayout layout = ClusterLayout.read(layoutFile())
                    .orElseGet(() -> new ClusterLayout(Passwords.generate(), List.of()));
            Set<Integer> taken = new HashSet<>();
            layout.servers().forEach(s -> taken.add(s.port()));
            layout = layout.growTo(shardCount, () -> freePort(taken));
            List<ClusterLayout.Server> servers = new ArrayList<>();
            List<ServerState> states = new ArrayList<>();
            for (ClusterLayout.Server s : layout.servers()) {
                Path data = dataDir(s.shard());
                Optional<Long> pid = EmbeddedServer.runningPid(data);
                if (Files.exists(data.resolve("postgresql.conf")) && !Files.exists(superuserPasswordFile())) {
                    throw new StoreException("dev cluster in " + home + " has no superuser password file "
                            + superuserPasswordFile() + ", so an older graph-store made it with a superuser that"
                            + " needs no password; run 'graphman dev down' and remove " + home + " to start over");
                }
                if (pid.isPresent()) {
                    servers.add(s);
                    states.add(new ServerState(s.shard(), s.port(), pid, "already running"));
                    continue;
                }
                int port = portFree(s.port()) ? s.port() : freePort(taken);
                EmbeddedServer server = EmbeddedServer.start(data, port, SERVER_SETTINGS, logFile(s.shard()),
                        superuserPasswordFile());
                ServerBootstrap boot = server.bootstrap();
                boot.ensureRole(ROLE, new Secret(layout.password()));
                boot.ensureDatabase(DATABASE, ROLE);
                servers.add(new ClusterLayout.Server(s.shard(), port));
                states.add(new ServerState(s.shard(), port, server.runningPid(), "started"));
            }
            layout = layout.withServers(servers);
            layout.write(layoutFile());
            writeConfig(layout);
            return states;
        });
    }

    /** Stops every server of the cluster; the data stays for the next {@code up}. */
    public List<ServerState> down() {
        return locked(() -> {
            List<ServerState> states = new ArrayList<>();
            for (ClusterLayout.Server s : servers()) {
                EmbeddedServer server = EmbeddedServer.attach(dataDir(s.shard()), s.port(), superuserPasswordFile());
                boolean wasRunning = server.isRunning();
                server.stop();
                if (server.isRunning()) {
                    throw new StoreException("dev cluster server '" + s.shard() + "' on port " + s.port()
                            + " did not stop; see " + logFile(s.shard()));
                }
                states.add(new ServerState(s.shard(), s.port(), Optional.empty(),
                        wasRunning ? "stopped" : "not running"));
            }
            return states;
        });
    }

    /**
     * Stops every server and removes the cluster's directory: data, logs, config and
     * passwords. The next {@code up} creates a new cluster.
     */
    public List<ServerState> purge() {
        if (!Files.isDirectory(home)) {
            return List.of();
        }
        List<ServerState> states = down();
        locked(() -> {
            try (var children = Files.list(home)) {
                for (Path child : children.filter(c -> !c.getFileName().toString().equals("lock")).toList()) {
                    deleteTree(child);
                }
            } catch (IOException e) {
                throw new StoreException("cannot remove " + home + ": " + e.getMessage()
                        + "; remove it by hand", e);
            }
            return null;
        });
        try {
            deleteTree(home);
        } catch (IOException e) {
            throw new StoreException("cannot remove " + home + ": " + e.getMessage() + "; remove it by hand", e);
        }
        return states;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public List<ServerState> status() {
        List<ServerState> states = new ArrayList<>();
        for (ClusterLayout.Server s : servers()) {
            Optional<Long> pid = EmbeddedServer.runningPid(dataDir(s.shard()));
            states.add(new ServerState(s.shard(), s.port(), pid, pid.isPresent() ? "running" : "stopped"));
        }
        return states;
    }

    /** The server of one shard, for tests that stop and start it. */
    public EmbeddedServer server(String shard) {
        ClusterLayout.Server s = servers().stream().filter(x -> x.shard().equals(shard)).findFirst()
                .orElseThrow(() -> new BadInputException("the dev cluster has no shard '" + shard + "'"));
        return EmbeddedServer.attach(dataDir(shard), s.port(), superuserPasswordFile());
    }

    private List<ClusterLayout.Server> servers() {
        return ClusterLayout.read(layoutFile()).map(ClusterLayout::servers).orElse(List.of());
    }

    private void writeConfig(ClusterLayout layout) {
        try {
            PrivateFiles.write(configFile(), DevConfig.render(layout));
        } catch (IOException e) {
            throw new StoreException("cannot write " + configFile() + ": " + e.getMessage(), e);
        }
    }

    Path dataDir(String shard) {
        return home.resolve("data").resolve(shard);
    }

    Path logFile(String shard) {
        return home.resolve("log").resolve(shard + ".log");
    }

    private <T> T locked(Supplier<T> action) {
        try {
            PrivateFiles.privateDirectory(home);
            try (FileChannel ch = FileChannel.open(home.resolve("lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + home.resolve("lock"), e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
        throw new StoreException("no free port on 127.0.0.1 after 50 attempts");
    }
}
