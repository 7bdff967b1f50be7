package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code graphman shard cordon NAME}: no new deployments go to the shard. */
@Command(name = "cordon", mixinStandardHelpOptions = true,
        description = {"Cordon a shard: the deployment rules place no new deployment in it.",
            "Placement skips a cordoned shard among a rule's shards and says so in 'config place';",
            "a rule whose shards are all cordoned refuses new deployments. Deployments already in",
            "the shard stay and keep working. Recorded in the primary; cordoning twice is a no-op."})
public final class ShardCordon extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the shard to cordon")
    String name;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "cordoned by an operator",
            description = "why, shown by placement (default: ${DEFAULT-VALUE})")
    String reason;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            boolean changed = new ShardAdmin(store).cordon(name, reason);
            out().println("shard " + name + (changed ? " cordoned: new deployments go to the rules' other shards"
                    : " was cordoned already"));
        }
        return ExitCode.OK;
    }
}
