package io.graphstore.graphman.cli;

import io.graphstore.common.BadInputException;
import io.graphstore.common.NodeId;
import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.graphman.Graphman;
import io.graphstore.graphman.GlobalOptions;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.StoreOptions;
import io.graphstore.store.embedded.EmbeddedCluster;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of every subcommand: finds the config file, node id and dev cluster from the global
 * options and the environment, and gives access to stdout and stderr.
 */
public abstract class GraphmanCommand implements Callable<Integer> {
    public static final String CONFIG_ENV = "GRAPH_NODE_CONFIG";
    public static final String NODE_ID_ENV = "GRAPH_NODE_ID";
    public static final String DEV_DIR_ENV = "GRAPHMAN_DEV_DIR";

    @CommandLine.Spec
    protected CommandLine.Model.CommandSpec spec;

    protected Graphman root() {
        return (Graphman) spec.root().userObject();
    }

    protected GlobalOptions global() {
        return root().global();
    }

    protected Environment env() {
        return root().environment();
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected NodeId nodeId() {
        String raw = global().nodeId().or(() -> env().get(NODE_ID_ENV)).orElse(NodeId.DEFAULT.value());
        return NodeId.of(raw);
    }

    protected EmbeddedCluster devCluster() {
        Path dir = global().devDir()
                .or(() -> env().get(DEV_DIR_ENV).map(Path::of))
                .orElse(Path.of("."));
        return EmbeddedCluster.in(env().workingDirectory().resolve(dir));
    }

    /** The config file to use: --config, else GRAPH_NODE_CONFIG, else the running dev cluster's. */
    protected Path configPath() {
        Optional<Path> explicit = global().config().or(() -> env().get(CONFIG_ENV).map(Path::of));
        if (explicit.isPresent()) {
            Path p = env().workingDirectory().resolve(explicit.get());
            if (!Files.isRegularFile(p)) {
                throw new BadInputException("config file '" + explicit.get() + "' does not exist; check --config or "
                        + CONFIG_ENV);
            }
            return p;
        }
        EmbeddedCluster dev = devCluster();
        if (dev.exists()) {
            if (dev.anyRunning()) {
                // some servers may be down on purpose (outage drills); the store reports them
                return dev.configFile();
            }
            throw new BadInputException("the dev cluster in " + dev.home() + " is stopped; start it with "
                    + "'graphman dev up', or pass --config FILE");
        }
        throw new BadInputException("no config given; pass --config FILE, set " + CONFIG_ENV
                + ", or start the dev cluster with 'graphman dev up'");
    }

    protected Config loadConfig() {
        return ConfigLoader.load(configPath(), env()::get);
    }

    protected StoreOptions storeOptions() {
        return StoreOptions.from(env()::get);
    }

    /**
     * Opens the store for this node. The full setup (migrations, fdw wiring, dashboard views)
     * runs only when the primary's setup stamp, or that of a shard when the command first
     * touches it, differs from this release and config. When the primary cannot be reached
     * and a shard's mirror answers instead, stderr says so once, with the mirror's age, before
     * any output.
     */
    protected ShardedStore openStore(Config config) {
        return openStore(config, ShardedStore.Setup.IF_CHANGED);
    }

    /** {@link #openStore(Config)}, with {@code Setup.ALWAYS} for commands that set up every database. */
    protected ShardedStore openStore(Config config, ShardedStore.Setup setup) {
        ShardedStore store = ShardedStore.open(config, nodeId(), storeOptions(), setup);
        java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
        store.directory().onMirrorRead(answer -> {
            if (told.compareAndSet(false, true)) {
                err().println("note: the primary is unreachable; answering from " + answer.describe()
                        + "; changes made since then are missing");
                err().flush();
            }
        });
        return store;
    }
}
