package io.graphstore.graphman.config;

import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.config.ConnectionInfo;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.admin.PlacementPreview;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.placement.Choice;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which shard and node a new deployment would get now, asked from the directory in the
 * primary. Optional by design: {@code config place} works without any database, so when the
 * primary does not accept a TCP connection within a second, or the store cannot be opened
 * within a short connect timeout, this gives nothing and leaves a note on stderr.
 */
final class PlacementWinner {
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private PlacementWinner() {
    }

    static Optional<PlacementPreview> find(Config config, NodeId node, StoreOptions options, SubgraphName name,
            String network, PrintWriter err) {
        ConnectionInfo primary = config.primary().connection();
        Optional<String> down = probe(primary);
        if (down.isPresent()) {
            note(err, "the primary at " + primary.hostAndPort() + " " + down.get());
            return Optional.empty();
        }
        StoreOptions quick = options.withMigrationLockTimeout(min(options.migrationLockTimeout(), LOCK_TIMEOUT));
        // only its own logins wait less: the fdw wiring keeps the configured connect timeout, so
        // this open finds the setup of other commands current and does not redo it
        try (ShardedStore store = ShardedStore.open(config, node, quick, ShardedStore.Setup.IF_CHANGED,
                min(options.connectTimeout(), CONNECT_TIMEOUT))) {
            return Optional.of(new DeploymentAdmin(store).preview(name, network));
        } catch (RuntimeException e) {
            note(err, String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
            return Optional.empty();
        }
    }

    /** {@code shard_b (least_used: shard_b has ...), node default (least_used: ...)} */
    static String describe(PlacementPreview p) {
        return p.shard().winner() + " (" + why(p.shard()) + "), node " + p.node().winner() + " (" + why(p.node()) + ")";
    }

    static Map<String, Object> asMap(PlacementPreview p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shard", p.shard().winner());
        m.put("node", p.node().winner());
        m.put("reason", "shard " + p.shard().winner() + ": " + why(p.shard()) + "; node " + p.node().winner() + ": "
                + why(p.node()));
        return m;
    }

    private static String why(Choice c) {
        return c.strategy().tomlName() + ": " + c.reason();
    }

    /**
     * Empty when a TCP connection to the primary opens; else why not. Name resolution gets its
     * own time limit, since a resolver that does not answer can block far longer than a connect.
     */
    private static Optional<String> probe(ConnectionInfo primary) {
        InetAddress address;
        try {
            address = CompletableFuture.supplyAsync(() -> resolve(primary.host()))
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Optional.of("cannot be resolved within " + PROBE_TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of("cannot be resolved");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("was not tried (interrupted)");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, primary.port()), (int) PROBE_TIMEOUT.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("is not reachable (" + e.getMessage() + ")");
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new CompletionException(e);
        }
    }

    private static void note(PrintWriter err, String problem) {
        err.println("note: no winner shown: " + problem + "; the rule above needs no database");
        err.flush();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
