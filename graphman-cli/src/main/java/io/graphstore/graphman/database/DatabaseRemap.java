package io.graphstore.graphman.database;

import io.graphstore.common.ShardName;
import io.graphstore.config.Config;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.fdw.FdwWiring;
import io.graphstore.store.fdw.RemapReport;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman database remap}: rebuild the postgres_fdw wiring and report each pair. */
@Command(name = "remap", mixinStandardHelpOptions = true,
        description = {"Rebuild the postgres_fdw wiring between the shards; report each pair.",
            "Under the migration lock in the primary, in every database (DEST): the foreign",
            "server and user mapping for every other shard (SOURCE), primary_public and",
            "shard_<source>_subgraphs. A mapped schema is re-imported only when it differs",
            "from what is expected, or always with --force. Also removes the servers, user",
            "mappings and shard_<x>_subgraphs schemas of shards no longer in the config.",
            "Exit code 1 when any pair failed."})
public final class DatabaseRemap extends GraphmanCommand {
    @Option(names = "--source", paramLabel = "SHARD", description = "only map this shard into the databases")
    String source;

    @Option(names = "--dest", paramLabel = "SHARD", description = "only rebuild the mappings inside this shard's database")
    String dest;

    @Option(names = "--force", description = "re-import every mapped schema even when it looks current")
    boolean force;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        Config config = loadConfig();
        Optional<ShardName> from = ShardArgument.resolve(config, nodeId(), "--source", source);
        Optional<ShardName> into = ShardArgument.resolve(config, nodeId(), "--dest", dest);
        long start = System.nanoTime();
        RemapReport report;
        try (ShardedStore store = openStore(config)) {
            report = store.remap(new FdwWiring.Scope(from, into, force, true));
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (json) {
            out().println(Json.write(RemapTable.asMap(report)));
        } else {
            RemapTable.print(report, ms, out());
        }
        return report.ok() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
