package io.graphstore.graphman.assignment;

import io.graphstore.common.NodeId;
import io.graphstore.config.DeploymentRule;
import io.graphstore.graphman.cli.ExitCode;
import io.graphstore.graphman.cli.GraphmanCommand;
import io.graphstore.graphman.cli.Help;
import io.graphstore.store.ShardedStore;
import io.graphstore.store.admin.AssignmentAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphman reassign DEPLOYMENT NODE}: have another node run a site. */
@Command(name = "reassign", mixinStandardHelpOptions = true,
        description = {"Assign a deployment to a node.",
            "Works for unassigned deployments too; a paused deployment stays paused.",
            "Warns when no deployment rule lists NODE among its indexers, in case of a",
            "typo."})
public final class ReassignCommand extends GraphmanCommand {
    @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = Help.DEPLOYMENT)
    String deployment;

    @Parameters(index = "1", paramLabel = "NODE", description = "node id, e.g. index_node_1")
    String node;

    @Override
    public Integer call() {
        NodeId target = NodeId.of(node);
        try (ShardedStore store = openStore(loadConfig())) {
            AssignmentAdmin.Change change = new AssignmentAdmin(store).reassign(deployment, target);
            out().println(ChangeLine.move(change));
            boolean known = store.config().rules().stream().map(DeploymentRule::indexers)
                    .anyMatch(nodes -> nodes.contains(target));
            if (!known) {
                err().println("warning: no deployment rule lists node '" + target
                        + "' among its indexers; check the spelling and that a node with that id runs");
            }
        }
        return ExitCode.OK;
    }
}
