package io.graphstore.graphman.database;

import io.graphstore.common.ShardName;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.fdw.CheckResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman database check}: the postgres_fdw probes from every database to every other shard. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check the postgres_fdw links from every database to every other shard.",
            "In every database, runs 'select count(*)' over primary_public.chains and over",
            "each table of every other shard's shard_<x>_subgraphs, the probes an operator",
            "would otherwise type by hand. Prints a matrix (rows: the database running the",
            "probes, columns: the shard they reach) with latencies, and the first error of",
            "each failing pair. Read-only. Exit code 1 when any probe failed."})
public final class DatabaseCheck extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        List<CheckResult> results;
        List<ShardName> shards;
        try (ShardedStore store = openStore(loadConfig())) {
            shards = store.config().shardNames();
            results = store.checkConnectivity();
        }
        boolean ok = results.stream().allMatch(CheckResult::ok);
        if (json) {
            out().println(Json.write(CheckMatrix.asMap(results, ok)));
        } else {
            CheckMatrix.print(shards, results, out());
        }
        return ok ? ExitCode.OK : ExitCode.FAILURE;
    }
}
