package io.graphstore.graphman.shard;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.ShardAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman shard uncordon NAME}: the rules may place deployments in the shard again. */
@Command(name = "uncordon", mixinStandardHelpOptions = true,
        description = {"Uncordon a shard: the deployment rules may place new deployments in it again.",
            "Uncordoning a shard that is not cordoned is a no-op."})
public final class ShardUncordon extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the shard to uncordon")
    String name;

    @Override
    public Integer call() {
        try (ShardedStore store = openStore(loadConfig())) {
            boolean changed = new ShardAdmin(store).uncordon(name);
            out().println("shard " + name + (changed ? " uncordoned" : " was not cordoned"));
        }
        return ExitCode.OK;
    }
}
