package io.graphstore.graphman.node;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.node.Node;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman node}: run this node's background services until stopped. */
@Command(name = "node", mixinStandardHelpOptions = true,
        description = {"Run the node process: mirrors, copies, following, unused removal.",
            "Opens the store (migrating and wiring every reachable shard, always), then keeps",
            "every shard's mirror of the directory fresh, every",
            "GRAPH_STORE_MIRROR_INTERVAL_MS (15 min) and GRAPH_STORE_MIRROR_DELAY_MS (2 s) after",
            "any directory change; run the copies assigned to this node and keep its other copies",
            "following their active copy; record and remove unused deployments. On SIGTERM or",
            "Ctrl-C, running copies finish their batch and record progress; exit 0."})
public final class NodeCommand extends GraphmanCommand {
    @Option(names = "--exit-after", paramLabel = "SECONDS",
            description = "stop by itself after this many seconds (for scripts and tests)")
    Optional<Long> exitAfter;

    @Override
    public Integer call() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                if (stopped.await(90, TimeUnit.SECONDS)) {
                    // a signal would otherwise make the JVM exit 143; the node stopped cleanly
                    out().flush();
                    Runtime.getRuntime().halt(ExitCode.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "graphman-node-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ShardedStore store = openStore(loadConfig(), ShardedStore.Setup.ALWAYS); Node node = Node.start(store)) {
            out().println("node " + nodeId() + " running: shards " + store.shards() + "; mirror refresh every "
                    + human(store.options().mirrorInterval()) + " and " + human(store.options().mirrorDelay())
                    + " after directory changes");
            out().flush();
            if (exitAfter.isPresent()) {
                stop.await(exitAfter.get(), TimeUnit.SECONDS);
            } else {
                stop.await();
            }
            out().println("node " + nodeId() + " stopping");
            out().flush();
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
