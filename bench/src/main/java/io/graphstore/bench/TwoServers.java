package io.graphstore.bench;

import io.graphstore.common.NodeId;
import io.graphstore.common.Secret;
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
 * Two embedded servers: the primary and the source shard on the first, the destination shards
 * on the second, so copies cross from one server process to another.
 */
final class TwoServers implements AutoCloseable {
    private static final String ROLE = "graph_bench";
    private static final Secret PASSWORD = new Secret("graph-bench-pw");
    private final Path dir;
    private final List<EmbeddedServer> servers = new ArrayList<>();
    private final StringBuilder toml = new StringBuilder();
    private final List<ShardedStore> others = new ArrayList<>();

    TwoServers(List<String> onFirst, List<String> onSecond) {
        try {
            dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "bench-pg").toAbsolutePath()), "two-");
            start("one", onFirst);
            start("two", onSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(String name, List<String> shards) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedServer server = EmbeddedServer.start(dir.resolve(name), port, Map.of("max_connections", "200",
                "shared_buffers", "512MB", "synchronous_commit", "off", "max_wal_size", "8GB",
                "checkpoint_timeout", "30min"), dir.resolve(name + ".log"), dir.resolve(name + "-superuser.password"));
        servers.add(server);
        ServerBootstrap admin = server.bootstrap();
        admin.ensureRole(ROLE, PASSWORD);
        for (String shard : shards) {
            admin.ensureDatabase("bench_" + shard, ROLE);
            toml.append("[store.").append(shard).append("]\nconnection = \"postgresql://").append(ROLE).append(':')
                    .append(PASSWORD.reveal()).append("@127.0.0.1:").append(port).append("/bench_").append(shard)
                    .append("\"\npool_size = 6\n\n");
        }
    }

    ShardedStore open(String rules) {
        return open(rules, StoreOptions.fromEnvironment());
    }

    /** Another store over the same databases with other options; closed with this object. */
    ShardedStore open(String rules, StoreOptions options) {
        ShardedStore s = ShardedStore.open(ConfigLoader.parse(toml + rules, "bench.toml", n -> Optional.empty()),
                NodeId.DEFAULT, options);
        others.add(s);
        return s;
    }

    /** CPU seconds the two servers and this process have used so far (see {@link ServerCpu}), or -1. */
    double cpuSeconds() {
        return ServerCpu.withClient(servers.stream().map(EmbeddedServer::dataDir).toList());
    }

    @Override
    public void close() {
        others.forEach(ShardedStore::close);
        servers.forEach(EmbeddedServer::stop);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftovers under target/ are harmless
        }
    }
}
