package io.graphstore.graphman.database;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.schema.MigrationReport;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman database migrate}: migrate every reachable shard and report versions. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Migrate every shard and show its schema versions.",
            "Applies the schema migrations to every shard this node uses, under the migration",
            "lock in the primary, and shows each shard's schema version before and after.",
            "An unreachable shard is reported and the exit code is 1; run again when it is back."})
public final class DatabaseMigrate extends GraphmanCommand {
    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig(), ShardedStore.Setup.ALWAYS)) {
            MigrationReport report = store.migrationReport();
            if (json) {
                out().println(Json.write(Map.of("shards", MigrationTable.asMaps(report))));
            } else {
                MigrationTable.print(report, out());
            }
            return report.allOk() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
