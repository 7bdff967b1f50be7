package io.graphstore.graphman.node;

import io.graphstore.common.Secret;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.node.Node;
import io.graphstore.node.NodeSettings;
import io.graphstore.node.http.AdminToken;
import io.graphstore.node.http.HttpAddress;
import io.graphstore.node.http.NodeHttp;
import io.graphstore.store.ShardedStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman node}: run this node's background services and HTTP surface until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run the node process: mirrors, copies, following, unused removal, and an HTTP surface.",
            "Opens the store (migrating and wiring every reachable shard, always), then keeps every shard's",
            "mirror of the directory fresh (every GRAPH_STORE_MIRROR_INTERVAL_MS, 15 min, and",
            "GRAPH_STORE_MIRROR_DELAY_MS, 2 s, after any directory change); runs the copies assigned to",
            "this node as soon as the primary notifies a change (and every GRAPH_STORE_NODE_POLL_MS, 10 s);",
            "keeps its other copies following their active copy; records and removes unused deployments.",
            "Serves GET /health, /ready, /shards, /copies, /metrics (Prometheus) and, with",
            "GRAPH_STORE_ADMIN_TOKEN set, POST /admin/drain, /admin/resume (Authorization: Bearer <token>).",
            "On SIGTERM or Ctrl-C it drains (running copies finish their batch and record progress),",
            "then exits 0."})
public final class NodeCommand extends GraphmanCommand {
    /** How long a stop waits for running copies to finish their batch. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(80);

    @Option(names = "--exit-after", paramLabel = "SECONDS",
            description = "stop by itself after this many seconds (for scripts and tests)")
    Optional<Long> exitAfter;

    @Option(names = "--http-addr", paramLabel = "HOST:PORT", defaultValue = HttpAddress.DEFAULT,
            description = "where the HTTP surface listens (default ${DEFAULT-VALUE}, loopback only; 0.0.0.0:PORT for"
                    + " every interface; port 0 picks a free one; off disables it)")
    String httpAddr;

    @Override
    public Integer call() throws InterruptedException {
        Optional<HttpAddress> address = HttpAddress.parse(httpAddr);
        NodeSettings settings = NodeSettings.from(env()::get);
        AdminToken token = new AdminToken(env().get(AdminToken.ENV).map(Secret::new));
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                if (stopped.await(DRAIN_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
                    // a signal would otherwise make the JVM exit 143; the node stopped cleanly
                    out().flush();
                    Runtime.getRuntime().halt(ExitCode.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graphman-node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ShardedStore store = openStore(loadConfig(), ShardedStore.Setup.ALWAYS);
                Node node = Node.start(store, settings);
                AutoCloseable http = address.isPresent() ? NodeHttp.start(node, address.get(), token) : () -> { }) {
            String where = http instanceof NodeHttp h ? "; http on " + address.get().host() + ":" + h.port()
                    + (token.configured() ? " (admin endpoints on)" : " (admin endpoints off: no " + AdminToken.ENV + ")")
                    : "; http off";
            out().println("node " + nodeId() + " running: shards " + store.shards() + "; mirror refresh every "
                    + human(store.options().mirrorInterval()) + " and " + human(store.options().mirrorDelay())
                    + " after directory changes" + where);
            out().flush();
            if (exitAfter.isPresent()) {
                stop.await(exitAfter.get(), TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            out().println("node " + nodeId() + " stopping: draining");
            out().flush();
            node.drain();
            boolean drained = node.awaitDrained(DRAIN_TIMEOUT);
            out().println("node " + nodeId() + (drained ? " drained" : " did not drain within "
                    + DRAIN_TIMEOUT.toSeconds() + " s; stopping anyway (copies resume from their last batch)"));
            out().flush();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e);
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it waits for 'stopped'
            }
        }
        return ExitCode.OK;
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 1 && d.toSecondsPart() == 0 ? d.toMinutes() + " min" : d.toMillis() / 1000.0 + " s";
    }
}
