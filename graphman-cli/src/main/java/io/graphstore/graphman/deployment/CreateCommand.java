package io.graphstore.graphman.deployment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.SubgraphName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman create NAME}: record a subgraph name without a version. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a subgraph name with no version yet.",
            "'graphman deploy NAME HASH' gives it one; deploy creates missing names",
            "itself, so this is only needed to reserve a name. An existing name is bad",
            "input."})
public final class CreateCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "subgraph name, e.g. org/token")
    String name;

    @Override
    public Integer call() {
        SubgraphName subgraph = SubgraphName.of(name);
        try (ShardedStore store = openStore(loadConfig())) {
            new DeploymentAdmin(store).createName(subgraph);
        }
        out().println("created subgraph name '" + subgraph + "' (no version yet; deploy one with 'graphman deploy "
                + subgraph + " HASH --schema FILE')");
        return ExitCode.OK;
    }
}
