package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.common.Secret;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.embedded.EmbeddedServer;
import io.graphstore.store.embedded.ServerBootstrap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An embedded server with one database per shard, created for one benchmark run and removed
 * afterwards. Durability settings are left at PostgreSQL's defaults except synchronous_commit.
 */
final class BenchCluster implements AutoCloseable {
    private static final String ROLE = "graph_bench";
    private static final Secret PASSWORD = new Secret("graph-bench-pw");
    /** BENCH_LOG_STATEMENTS=1 logs every statement with its duration and keeps the server's directory. */
    private static final boolean KEEP_LOG = System.getenv("BENCH_LOG_STATEMENTS") != null;

    private final Path dir;
    private final EmbeddedServer server;
    private final List<ShardedStore> stores = new ArrayList<>();
    private final String toml;

    BenchCluster(List<String> shards) {
        this(shards, 8);
    }

    BenchCluster(List<String> shards, int poolSize) {
        try {
            Path root = Files.createDirectories(Path.of("target", "bench-pg").toAbsolutePath());
            dir = Files.createTempDirectory(root, "run-");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> settings = new java.util.HashMap<>(Map.of("max_connections", "200",
                    "shared_buffers", "256MB", "synchronous_commit", "off", "max_wal_size", "4GB"));
            if (KEEP_LOG) {
                settings.put("log_min_duration_statement", "0");
            }
            server = EmbeddedServer.start(dir.resolve("data"), port, settings, dir.resolve("postgres.log"),
                    dir.resolve("superuser.password"));
            ServerBootstrap admin = server.bootstrap();
            admin.ensureRole(ROLE, PASSWORD);
            StringBuilder t = new StringBuilder();
            for (String shard : shards) {
                String db = "bench_" + shard;
                admin.ensureDatabase(db, ROLE);
                t.append("[store.").append(shard).append("]\nconnection = \"postgresql://").append(ROLE).append(':')
                        .append(PASSWORD.reveal()).append("@127.0.0.1:").append(port).append('/').append(db)
                        .append("\"\npool_size = ").append(poolSize).append("\nfdw_pool_size = 2\n\n");
            }
            toml = t.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code primary, shard_1, ..., shard_<n-1>}: the names of a cluster of {@code n} shards. */
    static List<String> shardNames(int n) {
        List<String> names = new ArrayList<>();
        names.add("primary");
        for (int i = 1; i < n; i++) {
            names.add("shard_" + i);
        }
        return names;
    }

    Config config() {
        return ConfigLoader.parse(toml, "bench.toml", n -> Optional.empty());
    }

    /** The {@code [store.*]} sections of the cluster's config. */
    String toml() {
        return toml;
    }

    ShardedStore open() {
        return open(toml);
    }

    /** Opens the store of {@code configToml} (the cluster's sections plus anything added). */
    ShardedStore open(String configToml) {
        ShardedStore s = ShardedStore.open(ConfigLoader.parse(configToml, "bench.toml", n -> Optional.empty()),
                NodeId.DEFAULT, StoreOptions.defaults());
        stores.add(s);
        return s;
    }

    @Override
    public void close() {
        stores.forEach(ShardedStore::close);
        server.stop();
        if (KEEP_LOG) {
            System.err.println("bench: statement log kept in " + dir.resolve("postgres.log"));
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers under target/ are harmless
        }
    }
}
