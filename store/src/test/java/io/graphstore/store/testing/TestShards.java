package io.graphstore.store.testing;

import io.graphstore.common.NodeId;
import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for one test class, one per shard, each on a {@link TestServer}, with the
 * graph-node config that describes them. {@link #store()} opens (and so migrates) the store
 * once; {@link #close()} closes it and drops the databases.
 */
public final class TestShards implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);

    private final Map<ShardName, TestServer> servers;
    private final Map<ShardName, String> databases = new LinkedHashMap<>();
    private final List<ShardedStore> opened = new ArrayList<>();
    private ShardedStore store;

    public TestShards(Map<ShardName, TestServer> servers) {
        this.servers = new LinkedHashMap<>(servers);
        String prefix = "gs_" + RUN + "_" + COUNTER.incrementAndGet();
        servers.forEach((shard, server) -> {
            String db = prefix + "_" + shard.value();
            server.admin().ensureDatabase(db, TestServer.ROLE);
            databases.put(shard, db);
        });
    }

    /** Spreads {@code shards} over {@code servers} round-robin (one server: all on it). */
    public static TestShards on(List<TestServer> servers, List<String> shards) {
        Map<ShardName, TestServer> placed = new LinkedHashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            placed.put(ShardName.of(shards.get(i)), servers.get(i % servers.size()));
        }
        return new TestShards(placed);
    }

    /** Records that {@code shard}'s server now answers elsewhere; configs rendered later use it. */
    public synchronized void moved(ShardName shard, TestServer server) {
        servers.put(shard, server);
    }

    public List<ShardName> shards() {
        return new ArrayList<>(databases.keySet());
    }

    public String database(ShardName shard) {
        return databases.get(shard);
    }

    public TestServer server(ShardName shard) {
        return servers.get(shard);
    }

    /** The [store.*] sections for these databases. */
    public String storesToml() {
        StringBuilder toml = new StringBuilder();
        databases.forEach((shard, db) -> toml.append("[store.").append(shard).append("]\n")
                .append("connection = \"").append(servers.get(shard).connectionUrl(db)).append("\"\n")
                .append("pool_size = 4\nfdw_pool_size = 2\n\n"));
        return toml.toString();
    }

    /** The stores plus {@code extra} TOML (chains, deployment rules) appended. */
    public String configToml(String extra) {
        return storesToml() + extra;
    }

    public Config config() {
        return config("");
    }

    public Config config(String extra) {
        return ConfigLoader.parse(configToml(extra), "test.toml", name -> Optional.ofNullable(System.getenv(name)));
    }

    public Path writeConfig(Path dir, String extra) {
        try {
            Path file = dir.resolve("graph-node.toml");
            Files.writeString(file, configToml(extra));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static StoreOptions testOptions() {
        // a breaker that lets a probe through after 1 s: tests restart servers and go on at once
        return StoreOptions.defaults().withConnectTimeout(Duration.ofSeconds(3))
                .withTimeouts(StoreOptions.defaults().statementTimeout(), Duration.ofSeconds(1));
    }

    /** The store over all shards, opened (and migrated) on first use. */
    public synchronized ShardedStore store() {
        if (store == null) {
            store = open(config());
        }
        return store;
    }

    /** Opens another store on {@code config}; closed with this object. */
    public synchronized ShardedStore open(Config config) {
        return open(config, testOptions());
    }

    /** Like {@link #open(Config)} with other options (on top of {@link #testOptions()}'s timeout). */
    public synchronized ShardedStore open(Config config, StoreOptions options) {
        return open(config, options, ShardedStore.Setup.ALWAYS);
    }

    /** Opens a store as graphman does: setting up only what its setup stamps say is not done. */
    public synchronized ShardedStore openIfChanged(Config config) {
        return open(config, testOptions(), ShardedStore.Setup.IF_CHANGED);
    }

    private ShardedStore open(Config config, StoreOptions options, ShardedStore.Setup setup) {
        ShardedStore s = ShardedStore.open(config, NodeId.DEFAULT, options.withConnectTimeout(testOptions().connectTimeout())
                .withTimeouts(options.statementTimeout(), testOptions().breakerWait()), setup);
        opened.add(s);
        return s;
    }

    /** A plain JDBC connection to a shard's database as the test role. */
    public Connection connect(ShardName shard) throws SQLException {
        TestServer server = servers.get(shard);
        return DriverManager.getConnection("jdbc:postgresql://" + server.host() + ":" + server.port() + "/"
                + databases.get(shard), TestServer.ROLE, TestServer.PASSWORD.reveal());
    }

    @Override
    public synchronized void close() {
        opened.forEach(ShardedStore::close);
        opened.clear();
        store = null;
        databases.forEach((shard, db) -> {
            try {
                servers.get(shard).admin().dropDatabase(db);
            } catch (RuntimeException e) {
                // the server may have been stopped by a fault test; its data dir goes with it
            }
        });
    }
}
