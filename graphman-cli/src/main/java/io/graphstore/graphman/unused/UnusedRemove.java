package io.graphstore.graphman.unused;

import io.graphstore.common.BadInputException;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.domain.DeploymentHash;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman unused remove}: drop recorded unused deployments. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove recorded unused deployments that are still unused: their namespace and metadata",
            "in their shard, then their directory row. The history stays in 'unused list'."})
public final class UnusedRemove extends GraphmanCommand {
    @Option(names = "--older", paramLabel = "MINUTES", defaultValue = "0",
            description = "only those recorded at least this many minutes ago (default ${DEFAULT-VALUE})")
    long olderMinutes;

    @Option(names = "--count", paramLabel = "N", defaultValue = "2147483647",
            description = "remove at most N")
    int count;

    @Option(names = "--deployment", paramLabel = "HASH", description = "remove only this deployment")
    Optional<String> deployment;

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Override
    public Integer call() {
        if (olderMinutes < 0) {
            throw new BadInputException("--older " + olderMinutes + " is invalid; use 0 or more minutes");
        }
        if (count < 1) {
            throw new BadInputException("--count " + count + " is invalid; use 1 or more");
        }
        Optional<DeploymentHash> hash = deployment.map(DeploymentHash::of);
        try (ShardedStore store = openStore(loadConfig())) {
            List<UnusedAdmin.Unused> removed = new UnusedAdmin(store).remove(Duration.ofMinutes(olderMinutes), count, hash);
            if (json) {
                out().println(Json.write(UnusedTable.asMaps(removed)));
            } else if (removed.isEmpty()) {
                out().println("nothing removed; 'graphman unused list --existing' shows what is recorded");
            } else {
                out().println("removed " + removed.size() + " deployment" + (removed.size() == 1 ? "" : "s") + ":");
                UnusedTable.print(removed, out());
            }
            return ExitCode.OK;
        }
    }
}
