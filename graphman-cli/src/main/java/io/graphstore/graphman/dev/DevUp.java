package io.graphstore.graphman.dev;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.embedded.EmbeddedCluster;
import io.graphstore.store.embedded.ServerState;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman dev up}: start (or create) the dev cluster. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start the dev cluster, creating it on first use.",
            "Servers already running are left alone; data survives 'dev down'. Writes .graphman/config.toml."})
public final class DevUp extends GraphmanCommand {
    @Option(names = "--shards", paramLabel = "N", defaultValue = "3",
            description = "number of shards including the primary (default ${DEFAULT-VALUE}: primary, shard_a, shard_b)")
    int shards;

    @Override
    public Integer call() {
        EmbeddedCluster cluster = devCluster();
        List<ServerState> states = cluster.up(shards);
        ServerTable.print(states, out());
        out().println("config: " + cluster.configFile());
        return ExitCode.OK;
    }
}
