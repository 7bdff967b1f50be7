package io.graphstore.store.testing;

import io.graphstore.common.ShardName;
import io.graphstore.store.embedded.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One embedded server process per shard, for fault tests that stop, kill or restart a shard.
 * Always embedded, whatever the backend. Closing stops every server.
 */
public final class OwnServers implements AutoCloseable {
    private final Map<ShardName, EmbeddedServer> servers = new LinkedHashMap<>();
    private final Map<ShardName, Path> logs = new LinkedHashMap<>();
    private final TestShards shards;

    public OwnServers(List<String> shardNames) {
        Map<ShardName, TestServer> testServers = new LinkedHashMap<>();
        try {
            Path root = Files.createDirectories(Path.of("target", "pg-own").toAbsolutePath());
            for (String name : shardNames) {
                ShardName shard = ShardName.of(name);
                Path dir = Files.createTempDirectory(root, name + "-");
                int port = TestBackends.freePort();
                Path log = dir.resolve("postgres.log");
                EmbeddedServer server = EmbeddedServer.start(dir.resolve("data"), port, TestBackends.FAST_SETTINGS, log,
                        dir.resolve("superuser.password"));
                servers.put(shard, server);
                logs.put(shard, log);
                testServers.put(shard, new TestServer("127.0.0.1", port, server.bootstrap()).prepared());
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        this.shards = new TestShards(testServers);
    }

    public TestShards shards() {
        return shards;
    }

    public EmbeddedServer server(String shard) {
        return servers.get(ShardName.of(shard));
    }

    /** Fast shutdown of one shard's server. */
    public void stop(String shard) {
        server(shard).stop();
    }

    /** Starts a stopped shard's server again on the same port and data. */
    public void start(String shard) {
        EmbeddedServer s = server(shard);
        if (!s.isRunning()) {
            EmbeddedServer.start(s.dataDir(), s.port(), TestBackends.FAST_SETTINGS, logs.get(ShardName.of(shard)),
                    s.superuserPasswordFile());
        }
        awaitAccepting(ShardName.of(shard));
    }

    /** Stops a shard's server and starts it on a new port, as if the database had moved. */
    public int moveToNewPort(String shard) {
        ShardName name = ShardName.of(shard);
        EmbeddedServer old = servers.get(name);
        old.stop();
        int port = TestBackends.freePort();
        EmbeddedServer moved = EmbeddedServer.start(old.dataDir(), port, TestBackends.FAST_SETTINGS, logs.get(name),
                old.superuserPasswordFile());
        servers.put(name, moved);
        shards.moved(name, new TestServer("127.0.0.1", port, moved.bootstrap()));
        awaitAccepting(name);
        return port;
    }

    /**
     * Waits until a (re)started server lets the test role log in to the shard's database: on
     * a loaded machine a server can report itself started and still refuse the next login.
     */
    private void awaitAccepting(ShardName shard) {
        Await.until("shard '" + shard + "' to accept connections", () -> {
            try (java.sql.Connection c = shards.connect(shard)) {
                return c.isValid(1);
            } catch (java.sql.SQLException e) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        if (shards != null) {
            shards.close();
        }
        servers.values().forEach(EmbeddedServer::stop);
    }
}
