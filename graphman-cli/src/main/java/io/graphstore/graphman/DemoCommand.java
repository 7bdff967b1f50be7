package io.graphstore.graphman;

import io.graphstore.config.Config;
import io.graphstore.config.ConfigLoader;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.database.MigrationTable;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.embedded.EmbeddedCluster;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code graphman demo}: the main job on the embedded default. Starts the dev cluster,
 * checks its config and migrates every shard. Safe to run again.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start the dev cluster, check its config and migrate every shard.",
            "The cluster has three shards (primary, shard_a, shard_b); the schema versions",
            "are shown. Safe to run again; stop the servers with 'graphman dev down'."})
public final class DemoCommand extends GraphmanCommand {
    @Override
    public Integer call() {
        PrintWriter out = out();
        EmbeddedCluster cluster = devCluster();
        step(out, "1. start the dev cluster (real PostgreSQL 15 servers, one per shard)");
        io.graphstore.graphman.dev.ServerTable.print(cluster.up(3), out);

        step(out, "2. check the config it wrote");
        Config config = ConfigLoader.load(cluster.configFile());
        out.println(io.graphstore.graphman.config.ConfigCheck.summary(config, cluster.configFile()));

        step(out, "3. open the store: migrate every shard under the lock in the primary");
        try (ShardedStore store = ShardedStore.open(config, nodeId(), storeOptions())) {
            MigrationTable.print(store.migrationReport(), out);
            out.println();
            out.println("next: ./graphman config place vip/token mainnet, ./graphman dev status,"
                    + " ./graphman dev down");
            return store.migrationReport().allOk() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private static void step(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
        out.flush();
    }
}
