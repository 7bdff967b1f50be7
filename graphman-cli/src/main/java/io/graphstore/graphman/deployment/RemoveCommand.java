package io.graphstore.graphman.deployment;

import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.DeploymentAdmin;
import io.graphstore.store.domain.SubgraphName;
import io.graphstore.store.primary.SubgraphDao;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman remove NAME}: remove a subgraph name; its deployments stay. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove a subgraph name and its versions; the deployments stay.",
            "The deployments NAME pointed to keep their data and assignment; unassign",
            "them to have them removed as unused. An unknown name is bad input."})
public final class RemoveCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "subgraph name, e.g. org/token")
    String name;

    @Override
    public Integer call() {
        SubgraphName subgraph = SubgraphName.of(name);
        Optional<SubgraphDao.NameRow> row;
        try (ShardedStore store = openStore(loadConfig())) {
            row = store.directory().subgraph(subgraph);
            new DeploymentAdmin(store).removeName(subgraph);
        }
        List<String> versions = new ArrayList<>();
        row.map(SubgraphDao.NameRow::current).ifPresent(h -> versions.add(h + " (current)"));
        row.map(SubgraphDao.NameRow::pending).ifPresent(h -> versions.add(h + " (pending)"));
        out().println("removed subgraph name '" + subgraph + "'"
                + (versions.isEmpty() ? " (it had no version)"
                        : "; its deployments stay: " + String.join(", ", versions)));
        return ExitCode.OK;
    }
}
