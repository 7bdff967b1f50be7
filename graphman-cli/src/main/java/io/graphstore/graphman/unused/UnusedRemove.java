package io.graphstore.graphman.unused;

import io.graphstore.common.BadInputException;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Json;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.UnusedAdmin;
import io.graphstore.store.domain.DeploymentHash;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphman unused remove}: drop recorded unused deployments. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove recorded unused deployments that are still unused.",
            "For each: check every reference, mark it as being removed, drop its namespace and metadata in its shard, then its directory row.",
            "One that cannot go yet is skipped with the reason; an interrupted removal is finished by the",
            "next one. Exits 1 when a removal failed for another reason. The history stays in 'unused list'."})
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
            UnusedAdmin.Removal removal = new UnusedAdmin(store).remove(Duration.ofMinutes(olderMinutes), count, hash);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("removed", UnusedTable.asMaps(removal.removed()));
                m.put("skipped", removal.skipped().stream().map(s -> {
                    Map<String, Object> row = UnusedTable.asMap(s.deployment());
                    row.put("reason", s.reason());
                    row.put("failed", s.failed());
                    return row;
                }).toList());
                out().println(Json.write(m));
            } else {
                print(removal);
            }
            return removal.anyFailed() ? ExitCode.FAILURE : ExitCode.OK;
        }
    }

    private void print(UnusedAdmin.Removal removal) {
        List<UnusedAdmin.Unused> removed = removal.removed();
        if (removed.isEmpty() && removal.skipped().isEmpty()) {
            out().println("nothing removed; 'graphman unused list --existing' shows what is recorded");
            return;
        }
        if (removed.isEmpty()) {
            out().println("nothing removed");
        } else {
            out().println("removed " + removed.size() + " deployment" + (removed.size() == 1 ? "" : "s") + ":");
            UnusedTable.print(removed, out());
        }
        List<UnusedAdmin.Skipped> waiting = removal.skipped().stream().filter(s -> !s.failed()).toList();
        if (!waiting.isEmpty()) {
            out().println("not removed yet, tried again next time:");
            waiting.forEach(s -> out().println("  " + s.deployment().describe() + ": " + s.reason()));
        }
        removal.skipped().stream().filter(UnusedAdmin.Skipped::failed).forEach(s -> err().println(
                "error: removing unused deployment " + s.deployment().describe() + " failed: " + s.reason()));
    }
}
